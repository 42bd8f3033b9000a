import { z } from "zod";
import { contentLanguages, translationLanguages } from "../content/languages.js";
import { articleSchema, contentBundleSchema, localizedArticleSchema, stageSchema, translationBundleSchema } from "../content/schema.js";
import { situationIds, stageIds, themeIds } from "../content/taxonomy.js";
import type { Contract } from "./contract.js";

/**
 * The editorial content's endpoints (src/server/routes/content.ts): the one bundle the browser keeps for offline
 * use, the translated texts of a language, and the read-only views over the same content. The bundle and the
 * translations are revalidated with their ETag (the content version): the server sends `no-cache` and the ETag, and
 * the browser's HTTP cache asks again with `If-None-Match` on every fetch, so an unchanged bundle is a 304 the
 * browser answers from its cache (docs/architecture.md, « Offline »).
 */
export const articlesQuery = z.strictObject({
  stage: z.enum(stageIds).optional(),
  theme: z.enum(themeIds).optional(),
  situation: z.enum(situationIds).optional(),
  langue: z.enum(contentLanguages).default("fr"),
});

export const contentContract = {
  "GET /content": { response: contentBundleSchema },
  "GET /stages": { response: z.array(stageSchema) },
  "GET /articles": { query: articlesQuery, response: z.array(localizedArticleSchema) },
  "GET /articles/:id": { params: z.strictObject({ id: z.string().max(100) }), response: articleSchema },
  "GET /traductions/:langue": { params: z.strictObject({ langue: z.enum(translationLanguages) }), response: translationBundleSchema },
} satisfies Contract;
