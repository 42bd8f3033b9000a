import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { INDICATORS, MAX_YEAR, MIN_OBSERVATION_YEAR } from "../../../domain/steering/barometer.js";
import { guard, sessionOf } from "../auth.js";
import type { SteeringContext } from "../context.js";
import { barometerDashboard, importTargets, importValues } from "./service.js";

/** The barometer's routes: the private dashboard, the public one, and the national administration's imports. */
export function barometerRoutes(ctx: SteeringContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["pilotage : baromètre EPP/EPNP"];
    const query = z.strictObject({
      indicator: z.enum(INDICATORS).default("epp"),
      year: z.coerce.number().int().min(MIN_OBSERVATION_YEAR).max(MAX_YEAR).optional(),
    });
    const national = guard(ctx, ["national"]);

    app.get(
      "/pilotage/barometre",
      { schema: { summary: "Tableau de bord du baromètre (tous les comptes)", tags, querystring: query }, onRequest: guard(ctx) },
      async (request, reply) => {
        reply.header("cache-control", "no-store");
        return barometerDashboard(ctx.db, request.query, { public: false });
      },
    );

    app.get(
      "/barometre",
      {
        schema: {
          summary: "Baromètre EPP/EPNP public, en lecture seule : tendance nationale, écarts aux objectifs par département",
          tags: ["baromètre public"],
          querystring: query,
        },
      },
      async (request, reply) => {
        reply.header("cache-control", "public, max-age=300");
        return barometerDashboard(ctx.db, request.query, { public: true });
      },
    );

    const importBody = z.strictObject({ csv: z.string().max(5_000_000), source: z.string().max(500).optional() });

    app.post(
      "/pilotage/barometre/valeurs",
      {
        schema: { summary: "Importer des valeurs EPP/EPNP (CSV) : tout ou rien, rapport ligne par ligne", tags, body: importBody },
        bodyLimit: 6 * 1024 * 1024,
        onRequest: national,
      },
      async (request, reply) => reply.status(201).send(await importValues(ctx, sessionOf(request).account, request.body)),
    );

    app.post(
      "/pilotage/barometre/objectifs",
      {
        schema: { summary: "Importer des objectifs départementaux (CSV) : tout ou rien", tags, body: z.strictObject({ csv: z.string().max(5_000_000) }) },
        bodyLimit: 6 * 1024 * 1024,
        onRequest: national,
      },
      async (request, reply) => reply.status(201).send(await importTargets(ctx, sessionOf(request).account, request.body.csv)),
    );
  };
}
