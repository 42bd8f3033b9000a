import type { FastifyInstance } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { serviceContract } from "../../domain/api/service.js";
import type { Database } from "../db/database.js";
import { withTimeout } from "./timeout.js";
import { pendingMigrations } from "../db/migrate.js";
import type { PlacesService } from "../places/index.js";
import { problemSchema, sendProblem, type Problem } from "../problem.js";
import type { Lifecycle } from "./lifecycle.js";

export interface HealthOptions {
  db: Database;
  lifecycle: Lifecycle;
  /** The places index; when the app serves places, readiness requires it loaded. */
  places?: PlacesService | undefined;
  /** How long the database may take to answer `SELECT 1` before the copy is reported not ready. */
  databaseTimeoutMs?: number;
}

interface Check {
  ok: boolean;
  detail: string;
}

/**
 * Liveness (`GET /health`): the process answers; it touches nothing else, so that a database outage
 * does not make an orchestrator restart every copy. Readiness (`GET /health/ready`): this copy can serve
 * (database reachable, every migration of this code applied, places index loaded, not shutting down);
 * otherwise 503 problem+json saying which check failed.
 */
export function healthRoutes({ db, lifecycle, places, databaseTimeoutMs = 2_000 }: HealthOptions): FastifyPluginAsyncZod {
  return async (app: FastifyInstance) => {
    app.get(
      "/health",
      {
        schema: {
          summary: "Vivacité : le processus répond (ne consulte pas la base)",
          tags: ["service"],
          response: { 200: serviceContract["GET /health"].response },
        },
      },
      async (_request, reply) => {
        reply.header("cache-control", "no-store");
        return { status: "ok", database: db.kind, uptimeSeconds: Math.round(process.uptime()) };
      },
    );

    app.get(
      "/health/ready",
      {
        schema: {
          summary: "Disponibilité : base joignable, migrations appliquées, index des lieux chargé",
          tags: ["service"],
          response: { 200: serviceContract["GET /health/ready"].response, 503: problemSchema },
        },
      },
      async (_request, reply) => {
        reply.header("cache-control", "no-store");
        const checks: Record<string, Check> = {};
        checks.shutdown = lifecycle.draining ? { ok: false, detail: "arrêt en cours" } : { ok: true, detail: "en service" };
        const database = await withTimeout(db.query("SELECT 1"), databaseTimeoutMs).then(
          () => ({ ok: true, detail: `${db.kind} joignable` }),
          (error: unknown) => ({ ok: false, detail: `${db.kind} injoignable (${error instanceof Error ? error.message : String(error)})` }),
        );
        checks.database = database;
        if (database.ok) {
          checks.migrations = await pendingMigrations(db).then(
            (pending) => (pending.length === 0 ? { ok: true, detail: "toutes appliquées" } : { ok: false, detail: `non appliquées : ${pending.join(", ")}` }),
            () => ({ ok: false, detail: "état des migrations illisible" }),
          );
        }
        if (places) {
          const index = places.current;
          checks.places = { ok: true, detail: `${index.size} lieux en mémoire (version ${index.version})` };
        }
        const failed = Object.entries(checks).filter(([, check]) => !check.ok);
        if (failed.length === 0) return { status: "ready", checks };
        // RFC 9457 extension member `checks`: the state of each check, as in the 200 answer.
        const problem: Problem & { checks: Record<string, Check> } = {
          status: 503,
          title: "Service pas encore disponible",
          detail: `Cette copie du serveur ne peut pas servir : ${failed.map(([name, check]) => `${name} : ${check.detail}`).join(" ; ")}.`,
          checks,
        };
        return sendProblem(reply.header("retry-after", "5"), problem);
      },
    );
  };
}
