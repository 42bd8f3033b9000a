# Mille Jours: one image, the same start command as the tests (node --import tsx src/server/main.ts).
#   docker build -t mille-jours .
#   docker run -p 3000:3000 -e DATABASE_URL=postgresql://… mille-jours
# Without DATABASE_URL the embedded PGlite database lives in the /var/lib/mille-jours volume (one container only).
# BASE_IMAGE: any Debian image with Node.js ≥ 20.19 and npm (see docs/operations.md, « Conteneur »).
ARG BASE_IMAGE=node:20-bookworm-slim

# 1. Build: every dependency, then the content bundle, the communes file and the front end (dist/).
FROM ${BASE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# 2. Production dependencies only.
FROM ${BASE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

# 3. Runtime: production dependencies, the server's sources (run by tsx), content, shipped data, built assets, and the
#    build's render module (build/ssr: a place's page and search results are rendered with their data at request time).
FROM ${BASE_IMAGE} AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/var/lib/mille-jours
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json tsconfig.json ./
COPY src ./src
COPY content ./content
COPY data ./data
COPY --from=build /app/dist ./dist
COPY --from=build /app/build/ssr ./build/ssr
# The node user (uid 1000) of the official Node images; created when the base has none.
RUN (id -u node >/dev/null 2>&1 || useradd --uid 1000 --create-home --shell /usr/sbin/nologin node) \
 && mkdir -p /var/lib/mille-jours && chown node:node /var/lib/mille-jours
USER node
VOLUME ["/var/lib/mille-jours"]
EXPOSE 3000
# Liveness (the process answers); a load balancer should use /api/v1/health/ready instead.
HEALTHCHECK --interval=30s --timeout=5s --start-period=180s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/v1/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM (docker stop) reaches Node directly: requests in flight finish, the database is closed, exit code 0.
STOPSIGNAL SIGTERM
CMD ["node", "--import", "tsx", "src/server/main.ts"]
