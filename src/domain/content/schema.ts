import { z } from "zod";
import { isValidIsoDate } from "../dates.js";
import { audienceIds, situationIds, stageIds, themeIds } from "./taxonomy.js";

export * from "./taxonomy.js";

/** Calendar day as `YYYY-MM-DD`, checked for real (no 30 février). */
export const isoDateSchema = z
  .string()
  .refine(isValidIsoDate, { message: "doit être une date réelle au format AAAA-MM-JJ" });

export const stageSchema = z.strictObject({
  id: z.enum(stageIds),
  order: z.number().int().positive(),
  title: z.string().min(3),
  period: z.string().min(3),
  description: z.string().min(10),
});
export type Stage = z.infer<typeof stageSchema>;

export const themeSchema = z.strictObject({ id: z.enum(themeIds), title: z.string().min(3) });
export type Theme = z.infer<typeof themeSchema>;

export const situationSchema = z.strictObject({ id: z.enum(situationIds), title: z.string().min(3) });
export type Situation = z.infer<typeof situationSchema>;

const httpsUrl = z.url({ protocol: /^https$/, message: "doit être une adresse https://" });

export const sourceSchema = z.strictObject({
  title: z.string().min(3),
  publisher: z.string().min(2),
  url: httpsUrl,
  date: isoDateSchema,
});
export type Source = z.infer<typeof sourceSchema>;

/** Front matter of a Markdown article in `content/articles/`. */
export const articleFrontMatterSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "doit être en minuscules, chiffres et tirets"),
  title: z.string().min(5).max(90),
  summary: z.string().min(20).max(220),
  keyMessage: z.string().min(10).max(200),
  stages: z.array(z.enum(stageIds)).min(1),
  themes: z.array(z.enum(themeIds)).min(1),
  situations: z.array(z.enum(situationIds)),
  audience: z.array(z.enum(audienceIds)).min(1),
  sources: z.array(sourceSchema).min(1),
  reviewed: isoDateSchema,
  nextReview: isoDateSchema,
});
export type ArticleFrontMatter = z.infer<typeof articleFrontMatterSchema>;

/** An article as shipped to the app: front matter plus rendered body. */
export const articleSchema = articleFrontMatterSchema.extend({
  html: z.string(),
  text: z.string(),
});
export type Article = z.infer<typeof articleSchema>;

export const contentBundleSchema = z.strictObject({
  version: z.string(),
  stages: z.array(stageSchema),
  themes: z.array(themeSchema),
  situations: z.array(situationSchema),
  articles: z.array(articleSchema),
});
export type ContentBundle = z.infer<typeof contentBundleSchema>;
