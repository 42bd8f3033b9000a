import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import compress from "@fastify/compress";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { apiRoutes, type ApiOptions } from "./api-routes.js";
import { openApi } from "./openapi.js";
import { handleErrors, problemServerOptions } from "./problem.js";
import { RouteMethods } from "./route-methods.js";
import { noServices, securityHeaders, type PublicServices } from "./security-headers.js";
import { staticFiles } from "./static-files.js";
import { requestPages } from "./request-pages.js";
import { API_PREFIX } from "../domain/api/contract.js";
import { contentReader } from "./content/content-store.js";
import { placeFeature } from "./places/index.js";
import { installOps, newLifecycle, type Lifecycle, type Metrics } from "./ops/index.js";
import type { SteeringOptions } from "./steering/index.js";

export type { PublicServices } from "./security-headers.js";

z.config(z.locales.fr());

export interface AppOptions extends Omit<ApiOptions, "content" | "services" | "steering"> {
  /** Origins allowed to frame `/integration/*` (EPDS_FRAME_ANCESTORS), e.g. `https://maternite.example.fr`. */
  frameAncestors?: string[];
  /** External services the browser may use, each only when configured (never in tests). */
  services?: PublicServices;
  /** Built front end (`dist/`); omitted in API-only tests. */
  staticDir?: string | undefined;
  /** The build's render module (`build/ssr`): pages the server renders with their data (a place, a search). */
  renderDir?: string | undefined;
  logger?: FastifyServerOptions["logger"];
  /** Reverse proxies allowed to set X-Forwarded-For/-Proto (TRUST_PROXY): addresses, CIDR ranges, `loopback`. None by default. */
  trustProxy?: string[];
  /** Serve HTTPS directly with this key and certificate (tests of the TLS-only headers); a proxy usually ends TLS. */
  https?: { key: Buffer; cert: Buffer };
  /** Session and lock-out settings of the back office (STEERING_*); defaults otherwise. */
  steering?: SteeringOptions;
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

/**
 * The server: security headers, compression, French problem+json for every error, the OpenAPI description,
 * the operations' routes, the API, and the built front end. Each job lives in its own module.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const {
    db,
    staticDir,
    frameAncestors = [],
    services = noServices,
    places,
    logger = privacyLogger(),
    trustProxy = [],
    steering = {},
    lifecycle = newLifecycle(),
    metrics,
  } = options;
  // X-Forwarded-* are only believed from the configured proxies: otherwise any client could pick its address.
  // return503OnClosing false: a request arriving on an open connection while the server stops is served, not refused.
  const app = Fastify({
    logger,
    trustProxy: trustProxy.length > 0 ? trustProxy : false,
    return503OnClosing: false,
    ...(options.https ? { https: options.https } : {}),
    ...problemServerOptions,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Every route, as registered: a known path asked with another method is answered 405 with Allow, not 404.
  const routeMethods = RouteMethods.of(app);

  await securityHeaders(app, { frameAncestors, services });
  await app.register(compress, { global: true, threshold: 1024 });
  handleErrors(app);
  await openApi(app);
  await installOps(app, { db, places, lifecycle, metrics });
  const content = contentReader(db);
  await app.register(apiRoutes({ ...options, content, services, steering }), { prefix: API_PREFIX });
  const pages =
    staticDir && options.renderDir
      ? requestPages(
          options.renderDir,
          {
            content,
            place: (id) => {
              const place = places?.current.get(id);
              return place ? placeFeature(place) : null;
            },
          },
          (message) => app.log.warn(message),
        )
      : null;
  await staticFiles(app, staticDir, routeMethods, pages);
  return app;
}
