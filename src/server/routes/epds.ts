import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { serviceContract } from "../../domain/api/service.js";
import type { EpdsQuestionnaire } from "../../domain/epds/schema.js";
import { EPDS_BANDS, orientationFor, scoreEpds } from "../../domain/epds/score.js";
import { InvalidInputError } from "../../domain/errors.js";
import { problemSchema } from "../problem.js";

/**
 * Stateless scoring for partner sites: the answers are read, scored and forgotten. Nothing is stored,
 * and the request body is never logged (the logger records method, path and status only).
 */
export function epdsRoutes(questionnaires: ReadonlyMap<string, EpdsQuestionnaire>): FastifyPluginAsyncZod {
  const languages = [...questionnaires.keys()] as [string, ...string[]];
  return async (app) => {
    app.post(
      "/epds/score",
      {
        schema: {
          summary: "Calcule le score EPDS de réponses, sans rien enregistrer",
          tags: ["post-partum"],
          body: z.strictObject({
            langue: z.enum(languages).default("fr"),
            public: z.enum(["mere", "second-parent"]).default("mere"),
            /** Index (0–3) of the chosen option for each of the 10 items, in the questionnaire's order. */
            reponses: z.array(z.number().int().nullable()).min(1).max(20),
          }),
          response: { 200: serviceContract["POST /epds/score"].response, 400: problemSchema },
        },
      },
      async (request, reply) => {
        const { langue, public: audience, reponses } = request.body;
        const result = scoreEpds(questionnaires.get(langue)!, reponses);
        if (!result.ok)
          throw new InvalidInputError(result.errors.map((e) => e.message).join(" "), {
            title: "Réponses incomplètes ou invalides",
            errors: result.errors.map((e) => ({ field: `reponses.${e.item - 1}`, message: e.message })),
          });
        const band = EPDS_BANDS.find((b) => b.id === result.band)!;
        reply.header("cache-control", "no-store");
        return {
          total: result.total,
          questionDixPoints: result.item10Points,
          alerteSecurite: result.safetyFlag,
          niveau: { id: band.id, libelle: band.label, source: band.source },
          orientation: orientationFor(result, audience),
        };
      },
    );
  };
}
