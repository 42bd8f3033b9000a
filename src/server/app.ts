import { createHash } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { join, sep } from "node:path";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from "fastify";
import compress from "@fastify/compress";
import helmet from "@fastify/helmet";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Database } from "./db/database.js";
import { clientErrorResponse, containsNul, nulProblem, problemErrorHandler, problemForFrameworkError, sendProblem } from "./problem.js";
import { contentRoutes } from "./routes/content.js";
import { epdsRoutes } from "./routes/epds.js";
import { calendarRoutes } from "./routes/calendar.js";
import { placesRoutes, type PlacesService } from "./places/index.js";
import { steeringRoutes, type SteeringOptions } from "./steering/index.js";
import { callbackPlugin, type CallbackOptions } from "./callback/index.js";
import type { EpdsQuestionnaire } from "../domain/epds/schema.js";
import type { TranslationBundle, TranslationLanguage } from "../domain/content/schema.js";
import { installOps, newLifecycle, type Lifecycle, type Metrics } from "./ops/index.js";

z.config(z.locales.fr());

/**
 * react-dsfr injects one tiny <style> to set the root color scheme; we allow exactly those two
 * contents by hash rather than opening style-src to inline styles.
 */
const colorSchemeStyleHashes = ["light", "dark"].map(
  (scheme) => `'sha256-${createHash("sha256").update(`:root { color-scheme: ${scheme}; }`).digest("base64")}'`,
);

export interface PublicServices {
  /** Tile URL template with {z}/{x}/{y} (MAP_TILES_URL), or null: the map then shows markers without a background. */
  mapTilesUrl: string | null;
  mapTilesAttribution: string | null;
  /** Base URL of an address geocoder with the BAN API (GEOCODER_URL), or null. */
  geocoderUrl: string | null;
}

const noServices: PublicServices = { mapTilesUrl: null, mapTilesAttribution: null, geocoderUrl: null };

function originOf(url: string | null): string[] {
  return url ? [new URL(url.replace(/\{[a-z]\}/g, "0")).origin] : [];
}

export interface AppOptions {
  db: Database;
  /** EPDS questionnaires by language (`content/epds/`), for the scoring API. */
  epds?: ReadonlyMap<string, EpdsQuestionnaire>;
  /** Translated content by language (`content/traductions/`); without it every language falls back to French. */
  translations?: ReadonlyMap<TranslationLanguage, TranslationBundle>;
  /** Origins allowed to frame `/integration/*` (EPDS_FRAME_ANCESTORS), e.g. `https://maternite.example.fr`. */
  frameAncestors?: string[];
  /** External services the browser may use, each only when configured (never in tests). */
  services?: PublicServices;
  /** The places index ("Autour de moi"); its routes are served when given. */
  places?: PlacesService;
  /** Built front end (`dist/`); omitted in API-only tests. */
  staticDir?: string | undefined;
  logger?: FastifyServerOptions["logger"];
  /** Reverse proxies allowed to set X-Forwarded-For/-Proto (TRUST_PROXY): addresses, CIDR ranges, `loopback`. None by default. */
  trustProxy?: string[];
  /** Public address of the service (PUBLIC_URL): its host name signs the .ics UIDs. */
  publicUrl?: URL | null;
  /** Serve HTTPS directly with this key and certificate (tests of the TLS-only headers); a proxy usually ends TLS. */
  https?: { key: Buffer; cert: Buffer };
  /** Session and lock-out settings of the back office (STEERING_*); defaults otherwise. */
  steering?: SteeringOptions;
  /** Call-back requests (CALLBACK_*, SMTP_*): keys, retention, rate limits, e-mail notices; off without keys. */
  callback?: CallbackOptions;
  /** Shared with the shutdown: readiness answers 503 while the copy drains. */
  lifecycle?: Lifecycle;
  /** Prometheus metrics (METRICS_PORT), counted by route pattern; off when omitted. */
  metrics?: Metrics;
}

/**
 * Logs carry the method, the path and the status only: no query string (it can hold a due date),
 * no IP address, no headers.
 */
export function privacyLogger(stream?: { write(line: string): void }, level = "info") {
  return {
    level,
    ...(stream ? { stream } : {}),
    serializers: {
      req: (req: { method: string; url: string }) => ({ method: req.method, path: req.url.split("?")[0] }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { db, staticDir, epds, frameAncestors = [], services = noServices, places, logger = privacyLogger(), trustProxy = [], steering = {}, lifecycle = newLifecycle(), metrics } = options;
  // X-Forwarded-* are only believed from the configured proxies: otherwise any client could pick its address.
  // return503OnClosing false: a request arriving on an open connection while the server stops is served, not refused.
  const app = Fastify({
    logger,
    trustProxy: trustProxy.length > 0 ? trustProxy : false,
    return503OnClosing: false,
    ...(options.https ? { https: options.https } : {}),
    // Errors raised before routing (bad %-encoding, over-long path parameter): French problem+json too.
    frameworkErrors: (error, _request, reply) =>
      sendProblem(reply, problemForFrameworkError(error) ?? { status: 400, title: "Requête invalide", detail: "La requête n'a pas pu être traitée : vérifiez son adresse." }),
    // Requests Node cannot parse (headers over 16 KB, raw bytes in the request line) never reach Fastify.
    clientErrorHandler(error: Error & { code?: string }, socket) {
      if (error.code === "ECONNRESET" || socket.destroyed) return;
      if (socket.writable) socket.write(clientErrorResponse(error.code));
      socket.destroy(error);
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Every route, as registered: a known path asked with another method is answered 405 with Allow, not 404.
  const routeMethods = new RouteMethods();
  app.addHook("onRoute", (route) => routeMethods.add(route.method, route.url));

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", ...colorSchemeStyleHashes],
        imgSrc: ["'self'", "data:", ...originOf(services.mapTilesUrl)],
        fontSrc: ["'self'"],
        connectSrc: ["'self'", ...originOf(services.geocoderUrl)],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    // Sent below, only on requests that really came over HTTPS.
    strictTransportSecurity: false,
  });
  app.addHook("onSend", async (request, reply) => {
    // HTTPS directly (TLS socket) or through a trusted proxy (X-Forwarded-Proto, believed only with TRUST_PROXY).
    if (request.protocol === "https") reply.header("strict-transport-security", "max-age=31536000; includeSubDomains");
    // Back-office answers (accounts, audit log, projects…) are never kept by a browser or a shared cache.
    if (request.url.startsWith("/api/v1/pilotage")) reply.header("cache-control", "no-store");
    reply.header("permissions-policy", "camera=(), microphone=(), geolocation=(self), interest-cohort=()");
    // Only the embeddable questionnaire may be framed, and only by the configured partner origins.
    if (request.url.startsWith("/integration/")) {
      const csp = String(reply.getHeader("content-security-policy") ?? "");
      reply.header("content-security-policy", csp.replace("frame-ancestors 'none'", `frame-ancestors 'self' ${frameAncestors.join(" ")}`.trim()));
      reply.removeHeader("x-frame-options");
    }
  });
  await app.register(compress, { global: true, threshold: 1024 });

  // PostgreSQL cannot store U+0000 in text: refused at the edge, for every route and every field (path, query, body).
  app.addHook("preValidation", async (request, reply) => {
    if (containsNul(request.params) || containsNul(request.query) || containsNul(request.body)) return sendProblem(reply, nulProblem);
  });

  app.setErrorHandler(problemErrorHandler);

  await app.register(swagger, {
    openapi: {
      info: {
        title: "API Mille Jours",
        description: "API publique de Mille Jours : contenu du parcours des 1000 premiers jours. Les erreurs suivent RFC 9457 (application/problem+json).",
        version: "1.0.0",
        license: { name: "Code Apache-2.0, contenu Licence Ouverte 2.0" },
      },
    },
    transform: jsonSchemaTransform,
  });

  await installOps(app, { db, places, lifecycle, metrics });
  await app.register(
    async (api) => {
      api.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());
      api.get("/config", { schema: { summary: "Services externes configurés (fond de carte, géocodage d'adresse)", tags: ["service"] } }, async () => services);
      await api.register(contentRoutes(db, options.translations));
      if (epds) await api.register(epdsRoutes(epds));
      await api.register(calendarRoutes(options.publicUrl?.hostname || undefined));
      if (places) await api.register(placesRoutes(db, places));
      await api.register(steeringRoutes(db, steering));
      await api.register(callbackPlugin(db, steering, options.callback ?? { keyring: null }));
    },
    { prefix: "/api/v1" },
  );

  if (staticDir && existsSync(join(staticDir, "index.html"))) await serveFrontEnd(app, staticDir, routeMethods);
  else app.setNotFoundHandler((request, reply) => notFoundOrWrongMethod(request, reply, routeMethods));
  return app;
}

/** The methods each route pattern answers, to tell « no such path » (404) from « not with this method » (405). */
class RouteMethods {
  private readonly routes: { pattern: RegExp; methods: Set<string> }[] = [];
  private readonly byUrl = new Map<string, Set<string>>();

  add(method: string | string[], url: string): void {
    let methods = this.byUrl.get(url);
    if (!methods) {
      methods = new Set();
      this.byUrl.set(url, methods);
      // `:param` is one path segment, `*` anything; the rest is literal.
      const source = url
        .split(/(:[A-Za-z0-9_]+|\*)/)
        .map((part) => (part === "*" ? ".*" : part.startsWith(":") ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
        .join("");
      this.routes.push({ pattern: new RegExp(`^${source}/?$`), methods });
    }
    for (const m of Array.isArray(method) ? method : [method]) methods.add(m.toUpperCase());
  }

  /** The methods allowed on a concrete path, or an empty list when no route has that path. */
  allowed(path: string): string[] {
    const all = new Set<string>();
    for (const route of this.routes) if (route.pattern.test(path)) for (const m of route.methods) all.add(m);
    return [...all].sort();
  }
}

function notFoundOrWrongMethod(request: FastifyRequest, reply: FastifyReply, routes: RouteMethods): FastifyReply {
  const path = request.url.split("?")[0] ?? "/";
  const allowed = routes.allowed(path);
  if (allowed.length > 0 && !allowed.includes(request.method))
    return sendProblem(reply.header("allow", allowed.join(", ")), {
      status: 405,
      title: "Méthode non permise",
      detail: `${path} ne répond pas à la méthode ${request.method} : méthodes acceptées ${allowed.join(", ")}.`,
    });
  return sendProblem(reply, { status: 404, title: "Introuvable", detail: `Rien ne correspond à ${path}.` });
}

/** The single-page app: hashed assets cached for a year, the rest revalidated; unknown paths get index.html. */
async function serveFrontEnd(app: FastifyInstance, root: string, routes: RouteMethods): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    setHeaders(res, path) {
      res.header("cache-control", path.includes("/assets/") ? "public, max-age=31536000, immutable" : "no-cache");
    },
  });
  // Pages rendered at build time have their own HTML (scripts/vite-prerender.ts), listed once here: page path → file.
  const prerendered = new Map<string, string>([["/", "index.html"]]);
  for (const file of readdirSync(root, { recursive: true, encoding: "utf8" })) {
    const name = file.split(sep).join("/");
    if (name.endsWith(".html") && name !== "index.html" && name !== "shell.html") prerendered.set(`/${name.slice(0, -".html".length)}`, name);
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "/";
    if ((request.method !== "GET" && request.method !== "HEAD") || path.startsWith("/api/") || /\.[a-z0-9]+$/i.test(path)) return notFoundOrWrongMethod(request, reply, routes);
    // Every path without a pre-rendered page gets the bare shell.
    // A language's home is pre-rendered as `/en` and linked as `/en/` too.
    const page = prerendered.get(path) ?? (path.length > 1 ? prerendered.get(path.replace(/\/$/, "")) : undefined);
    return reply.header("cache-control", "no-cache").sendFile(page ?? "shell.html");
  });
}
