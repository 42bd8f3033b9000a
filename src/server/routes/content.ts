import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ContentBundle, TranslationBundle, TranslationLanguage } from "../../domain/content/schema.js";
import { contentContract } from "../../domain/api/content.js";
import { localizeArticle } from "../../domain/content/localize.js";
import { findArticle, findArticles } from "../content/content-store.js";
import type { Database } from "../db/database.js";
import { NotFoundError, UnavailableError } from "../../domain/errors.js";
import { problemSchema } from "../problem.js";
import { sendJsonText } from "../json-text.js";

/**
 * Content routes. `translations` (from `content/traductions/`, validated at start-up) are kept in memory: they
 * change only with a release, like the EPDS questionnaires.
 */
export function contentRoutes(
  db: Database,
  readBundle: () => Promise<ContentBundle | null>,
  translations: ReadonlyMap<TranslationLanguage, TranslationBundle> = new Map(),
): FastifyPluginAsyncZod {
  const translationOf = (language: TranslationLanguage): TranslationBundle =>
    translations.get(language) ?? { language, version: "aucune-traduction", articles: [], orientationEpds: null, calendar: null };
  // The bundle read again only when its version changed, and its JSON written once per version: the whole content
  // (280 KB) was read from the database and checked against its schema at every call, 304s included (20–130 ms).
  let served: { version: string; etag: string; json: string } | null = null;
  const servedBundle = async () => {
    const bundle = await readBundle();
    if (!bundle) return null;
    if (served?.version !== bundle.version)
      served = { version: bundle.version, etag: `"${bundle.version}"`, json: JSON.stringify(contentContract["GET /content"].response.parse(bundle)) };
    return served;
  };
  return async (app) => {
    app.get(
      "/content",
      {
        schema: {
          summary: "Tout le contenu éditorial (étapes, thèmes, situations, articles) en un seul paquet, pour l'usage hors ligne",
          tags: ["contenu"],
          response: { 200: contentContract["GET /content"].response, 304: z.null(), 503: problemSchema },
        },
      },
      async (request, reply) => {
        const bundle = await servedBundle();
        if (!bundle) throw new UnavailableError("Le contenu n'est pas encore chargé : réessayez dans un instant.", { title: "Contenu indisponible" });
        reply.header("etag", bundle.etag).header("cache-control", "no-cache");
        if (request.headers["if-none-match"] === bundle.etag) return reply.status(304).send(null);
        // Already checked against the schema and written as JSON.
        return sendJsonText(reply, bundle.json);
      },
    );

    app.get(
      "/stages",
      {
        schema: {
          summary: "Les étapes du parcours, de l'envie d'enfant aux 3 ans",
          tags: ["contenu"],
          response: { 200: contentContract["GET /stages"].response },
        },
      },
      async () => (await readBundle())?.stages ?? [],
    );

    app.get(
      "/articles",
      {
        schema: {
          summary:
            "Articles, filtrés par étape, thème et situation, dans une langue (français par défaut). Un article non traduit est donné en français avec « fallback: true » ; « translation » dit l'état de relecture de la traduction.",
          tags: ["contenu"],
          querystring: contentContract["GET /articles"].query,
          response: { 200: contentContract["GET /articles"].response },
        },
      },
      async (request) => {
        const { langue, ...filters } = request.query;
        const articles = await findArticles(db, filters);
        if (langue === "fr") return articles.map((a) => localizeArticle(a, "fr", undefined));
        const translated = new Map(translationOf(langue).articles.map((t) => [t.id, t]));
        return articles.map((a) => localizeArticle(a, langue, translated.get(a.id)));
      },
    );

    app.get(
      "/traductions/:langue",
      {
        schema: {
          summary:
            "Les textes traduits dans une langue (articles avec leur état de relecture), chargés par l'application seulement quand cette langue est choisie",
          tags: ["contenu"],
          params: contentContract["GET /traductions/:langue"].params,
          response: { 200: contentContract["GET /traductions/:langue"].response, 304: z.null() },
        },
      },
      async (request, reply) => {
        const bundle = translationOf(request.params.langue);
        const etag = `"${bundle.version}"`;
        reply.header("etag", etag).header("cache-control", "no-cache");
        if (request.headers["if-none-match"] === etag) return reply.status(304).send(null);
        return bundle;
      },
    );

    app.get(
      "/articles/:id",
      {
        schema: {
          summary: "Un article",
          tags: ["contenu"],
          params: contentContract["GET /articles/:id"].params,
          response: { 200: contentContract["GET /articles/:id"].response, 404: problemSchema },
        },
      },
      async (request) => {
        const article = await findArticle(db, request.params.id);
        if (!article) throw new NotFoundError(`Aucun article ne porte l'identifiant « ${request.params.id} ».`, { title: "Article introuvable" });
        return article;
      },
    );
  };
}
