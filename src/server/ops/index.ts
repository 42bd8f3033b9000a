import { API_PREFIX } from "../../domain/api/contract.js";
import type { FastifyInstance } from "fastify";
import { healthRoutes, type HealthOptions } from "./health.js";
import type { Metrics } from "./metrics.js";

export { newLifecycle, type Lifecycle } from "./lifecycle.js";
export { installShutdown } from "./shutdown.js";
export { Metrics } from "./metrics.js";

/**
 * What operators need from the HTTP app: liveness and readiness under `/api/v1`, and while the copy
 * drains before a stop, `Connection: close` on every answer so that clients open their next
 * connection to another copy; the request metrics when they are on.
 */
export async function installOps(app: FastifyInstance, options: HealthOptions & { metrics?: Metrics | undefined }): Promise<void> {
  options.metrics?.install(app);
  app.addHook("onSend", async (_request, reply) => {
    if (options.lifecycle.draining) reply.header("connection", "close");
  });
  await app.register(healthRoutes(options), { prefix: API_PREFIX });
}
