import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Database } from "../db/database.js";
import { accountRoutes } from "./accounts/routes.js";
import { allocationRoutes } from "./allocation/routes.js";
import { barometerRoutes } from "./barometer/routes.js";
import { makeContext, type SteeringOptions } from "./context.js";
import { ImportThread } from "./import-thread.js";
import { projectRoutes } from "./projects/routes.js";
import { sessionRoutes } from "./session/routes.js";

export type { SteeringOptions } from "./context.js";

/**
 * The steering side (« Pilotage territorial », issue 7), registered under /api/v1: accounts and sessions,
 * projects registry with its audit log, yearly grid export and import, regional credit allocation, and the
 * EPP/EPNP barometer (private dashboard and public read-only endpoint). See docs/steering.md.
 * Settings come from the configuration (STEERING_*, src/server/config.ts); defaults otherwise.
 */
export function steeringRoutes(db: Database, options: SteeringOptions = {}): FastifyPluginAsyncZod {
  const ctx = makeContext(db, options);
  return async (app) => {
    // Imported files (grid, barometer, births) are read in their own thread, stopped with the server.
    const imports = new ImportThread();
    app.addHook("onClose", () => imports.close());
    await app.register(sessionRoutes(ctx));
    await app.register(accountRoutes(ctx));
    await app.register(projectRoutes(ctx, imports));
    await app.register(allocationRoutes(ctx, imports));
    await app.register(barometerRoutes(ctx, imports));
  };
}
