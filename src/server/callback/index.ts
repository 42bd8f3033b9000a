import type { FastifyBaseLogger } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Database } from "../db/database.js";
import { makeContext, type SteeringOptions } from "../steering/context.js";
import { makeCallbackContext, type CallbackOptions } from "./context.js";
import { callbackRoutes } from "./routes.js";
import { purgeExpired } from "./store.js";

export type { CallbackOptions } from "./context.js";
export { callbackOptionsFromConfig } from "./context.js";
export { smtpNotifier, type Notifier } from "./notify.js";

/**
 * Call-back requests (issue 17), registered under /api/v1 next to the steering routes, with the same
 * sessions and clock. E-mail notices still being sent are awaited when the app closes.
 */
export function callbackPlugin(db: Database, steering: SteeringOptions, options: CallbackOptions): FastifyPluginAsyncZod {
  const steeringCtx = makeContext(db, steering);
  const ctx = makeCallbackContext(options);
  const pending = new Set<Promise<unknown>>();
  return async (app) => {
    app.addHook("onClose", async () => {
      await Promise.allSettled([...pending]);
    });
    await app.register(callbackRoutes(steeringCtx, ctx, pending, () => app.log));
  };
}

/**
 * The retention job: every `intervalMs` (and once at start), deletes the requests past their deletion date
 * (closing + CALLBACK_CLOSED_RETENTION_DAYS, at the latest sending + CALLBACK_MAX_RETENTION_DAYS) and the
 * rate-limit counters past their window. Returns the function that stops it (called on shutdown).
 */
export function startRetentionJob(
  db: Database,
  options: { intervalMs: number; now?: () => Date; log: Pick<FastifyBaseLogger, "info" | "error"> },
): () => Promise<void> {
  const now = options.now ?? (() => new Date());
  let running: Promise<void> | null = null;
  const run = () => {
    if (running) return;
    running = purgeExpired(db, now())
      .then(
        (done) => {
          if (done.requests > 0) options.log.info({ deleted: done.requests }, "demandes de rappel échues supprimées");
        },
        (error: unknown) =>
          options.log.error({ err: error instanceof Error ? error.message : String(error) }, "suppression des demandes de rappel échues impossible"),
      )
      .finally(() => {
        running = null;
      });
  };
  run();
  const timer = setInterval(run, options.intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
