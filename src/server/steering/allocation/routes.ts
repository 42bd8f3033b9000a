import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { guard, sessionOf } from "../auth.js";
import type { SteeringContext } from "../context.js";
import { birthsOverview, computeAllocation, loadBirthsTable, readAllocation } from "./service.js";
import { latestAllocations } from "./store.js";

/** The allocation's routes: births tables, computing an allocation (national administration), reading the results. */
export function allocationRoutes(ctx: SteeringContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["pilotage : répartition des crédits"];
    const national = guard(ctx, ["national"]);

    app.get(
      "/pilotage/naissances",
      { schema: { summary: "Tables des naissances disponibles, règles de répartition connues et table utilisée par défaut", tags }, onRequest: guard(ctx) },
      async () => birthsOverview(ctx.db),
    );

    app.post(
      "/pilotage/naissances",
      {
        schema: {
          summary: "Charger une table des naissances (CSV par région ou par département) ; remplace la table de la même année",
          tags,
          body: z.strictObject({ csv: z.string().max(2_000_000), source: z.string().max(500).optional() }),
        },
        bodyLimit: 3 * 1024 * 1024,
        onRequest: national,
      },
      async (request, reply) => reply.status(201).send(await loadBirthsTable(ctx, sessionOf(request).account, request.body)),
    );

    app.post(
      "/pilotage/repartitions",
      {
        schema: {
          summary: "Calculer la répartition des crédits régionaux (administration nationale) ; le résultat est enregistré et visible de tous les comptes",
          tags,
          body: z.strictObject({
            year: z.int(),
            volet: z.enum(["sante", "social"]),
            envelope: z.number(),
            regions: z.array(z.string().max(3)).max(30),
            birthsYear: z.int().optional(),
          }),
        },
        onRequest: national,
      },
      async (request, reply) => reply.status(201).send(await computeAllocation(ctx, sessionOf(request).account, request.body)),
    );

    app.get(
      "/pilotage/repartitions",
      { schema: { summary: "Répartitions calculées, la plus récente d'abord (tous les comptes)", tags }, onRequest: guard(ctx) },
      async () => latestAllocations(ctx.db, 50),
    );

    app.get(
      "/pilotage/repartitions/:id",
      { schema: { summary: "Une répartition calculée", tags, params: z.strictObject({ id: z.string().regex(/^\d{1,18}$/) }) }, onRequest: guard(ctx) },
      async (request) => readAllocation(ctx.db, request.params.id),
    );
  };
}
