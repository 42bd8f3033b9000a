import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { steeringDataContract as contract } from "../../../domain/api/steering-data.js";
import { problemSchema } from "../../problem.js";
import { guard, sessionOf } from "../session/guard.js";
import type { SteeringContext } from "../context.js";
import type { ImportThread } from "../import-thread.js";
import { birthsOverview, computeAllocation, loadBirthsTable, readAllocation } from "./service.js";
import { latestAllocations } from "./store.js";

/** The allocation's routes: births tables, computing an allocation (national administration), reading the results. */
export function allocationRoutes(ctx: SteeringContext, imports: ImportThread): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["pilotage : répartition des crédits"];
    const national = guard(ctx, ["national"]);
    const refused = { 401: problemSchema, 403: problemSchema };

    app.get(
      "/pilotage/naissances",
      {
        schema: {
          summary: "Tables des naissances disponibles, règles de répartition connues et table utilisée par défaut",
          tags,
          response: { 200: contract["GET /pilotage/naissances"].response, ...refused },
        },
        onRequest: guard(ctx),
      },
      async () => birthsOverview(ctx.db),
    );

    app.post(
      "/pilotage/naissances",
      {
        schema: {
          summary: "Charger une table des naissances (CSV par région ou par département) ; remplace la table de la même année",
          tags,
          body: contract["POST /pilotage/naissances"].body,
          response: { 201: contract["POST /pilotage/naissances"].response, ...refused, 422: problemSchema },
        },
        bodyLimit: 3 * 1024 * 1024,
        onRequest: national,
      },
      async (request, reply) => reply.status(201).send(await loadBirthsTable({ ...ctx, imports }, sessionOf(request).account, request.body)),
    );

    app.post(
      "/pilotage/repartitions",
      {
        schema: {
          summary: "Calculer la répartition des crédits régionaux (administration nationale) ; le résultat est enregistré et visible de tous les comptes",
          tags,
          body: contract["POST /pilotage/repartitions"].body,
          response: { 201: contract["POST /pilotage/repartitions"].response, ...refused, 422: problemSchema },
        },
        onRequest: national,
      },
      async (request, reply) => reply.status(201).send(await computeAllocation(ctx, sessionOf(request).account, request.body)),
    );

    app.get(
      "/pilotage/repartitions",
      {
        schema: {
          summary: "Répartitions calculées, la plus récente d'abord (tous les comptes)",
          tags,
          response: { 200: contract["GET /pilotage/repartitions"].response, ...refused },
        },
        onRequest: guard(ctx),
      },
      async () => latestAllocations(ctx.db, 50),
    );

    app.get(
      "/pilotage/repartitions/:id",
      {
        schema: {
          summary: "Une répartition calculée",
          tags,
          params: contract["GET /pilotage/repartitions/:id"].params,
          response: { 200: contract["GET /pilotage/repartitions/:id"].response, 400: problemSchema, ...refused, 404: problemSchema },
        },
        onRequest: guard(ctx),
      },
      async (request) => readAllocation(ctx.db, request.params.id),
    );
  };
}
