import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { steeringDataContract as contract } from "../../../domain/api/steering-data.js";
import { problemSchema } from "../../problem.js";
import { guard, sessionOf } from "../session/guard.js";
import type { SteeringContext } from "../context.js";
import type { ImportThread } from "../import-thread.js";
import { barometerDashboard, importTargets, importValues } from "./service.js";

/** The barometer's routes: the private dashboard, the public one, and the national administration's imports. */
export function barometerRoutes(ctx: SteeringContext, imports: ImportThread): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["pilotage : baromètre EPP/EPNP"];
    const query = contract["GET /barometre"].query;
    const refused = { 401: problemSchema, 403: problemSchema };
    const national = guard(ctx, ["national"]);

    app.get(
      "/pilotage/barometre",
      {
        schema: {
          summary: "Tableau de bord du baromètre (tous les comptes)",
          tags,
          querystring: query,
          response: { 200: contract["GET /pilotage/barometre"].response, 400: problemSchema, ...refused },
        },
        onRequest: guard(ctx),
      },
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
          response: { 200: contract["GET /barometre"].response, 400: problemSchema },
        },
      },
      async (request, reply) => {
        reply.header("cache-control", "public, max-age=300");
        return barometerDashboard(ctx.db, request.query, { public: true });
      },
    );

    app.post(
      "/pilotage/barometre/valeurs",
      {
        schema: {
          summary: "Importer des valeurs EPP/EPNP (CSV) : tout ou rien, rapport ligne par ligne",
          tags,
          body: contract["POST /pilotage/barometre/valeurs"].body,
          response: { 201: contract["POST /pilotage/barometre/valeurs"].response, ...refused, 422: problemSchema },
        },
        bodyLimit: 6 * 1024 * 1024,
        onRequest: national,
      },
      async (request, reply) => reply.status(201).send(await importValues({ ...ctx, imports }, sessionOf(request).account, request.body)),
    );

    app.post(
      "/pilotage/barometre/objectifs",
      {
        schema: {
          summary: "Importer des objectifs départementaux (CSV) : tout ou rien",
          tags,
          body: contract["POST /pilotage/barometre/objectifs"].body,
          response: { 201: contract["POST /pilotage/barometre/objectifs"].response, ...refused, 422: problemSchema },
        },
        bodyLimit: 6 * 1024 * 1024,
        onRequest: national,
      },
      async (request, reply) => reply.status(201).send(await importTargets({ ...ctx, imports }, sessionOf(request).account, request.body.csv)),
    );
  };
}
