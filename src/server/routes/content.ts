import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  articleSchema,
  contentBundleSchema,
  situationIds,
  stageIds,
  stageSchema,
  themeIds,
} from "../../domain/content/schema.js";
import { findArticle, findArticles, readContentBundle } from "../content/content-store.js";
import type { Database } from "../db/database.js";
import { sendProblem } from "../problem.js";

const problemSchema = z.object({ type: z.string(), status: z.number(), title: z.string(), detail: z.string() }).passthrough();

export function contentRoutes(db: Database): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/content",
      {
        schema: {
          summary: "Tout le contenu éditorial (étapes, thèmes, situations, articles) en un seul paquet, pour l'usage hors ligne",
          tags: ["contenu"],
          response: { 200: contentBundleSchema, 304: z.null(), 503: problemSchema },
        },
      },
      async (request, reply) => {
        const bundle = await readContentBundle(db);
        if (!bundle) return sendProblem(reply, { status: 503, title: "Contenu indisponible", detail: "Le contenu n'est pas encore chargé : réessayez dans un instant." });
        const etag = `"${bundle.version}"`;
        reply.header("etag", etag).header("cache-control", "no-cache");
        if (request.headers["if-none-match"] === etag) return reply.status(304).send(null);
        return bundle;
      },
    );

    app.get(
      "/stages",
      { schema: { summary: "Les étapes du parcours, de l'envie d'enfant aux 3 ans", tags: ["contenu"], response: { 200: z.array(stageSchema) } } },
      async () => (await readContentBundle(db))?.stages ?? [],
    );

    app.get(
      "/articles",
      {
        schema: {
          summary: "Articles, filtrés par étape, thème et situation",
          tags: ["contenu"],
          querystring: z.strictObject({
            stage: z.enum(stageIds).optional(),
            theme: z.enum(themeIds).optional(),
            situation: z.enum(situationIds).optional(),
          }),
          response: { 200: z.array(articleSchema) },
        },
      },
      async (request) => findArticles(db, request.query),
    );

    app.get(
      "/articles/:id",
      {
        schema: {
          summary: "Un article",
          tags: ["contenu"],
          params: z.strictObject({ id: z.string().max(100) }),
          response: { 200: articleSchema, 404: problemSchema },
        },
      },
      async (request, reply) => {
        const article = await findArticle(db, request.params.id);
        if (!article) return sendProblem(reply, { status: 404, title: "Article introuvable", detail: `Aucun article ne porte l'identifiant « ${request.params.id} ».` });
        return article;
      },
    );
  };
}
