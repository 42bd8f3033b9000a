import { z } from "zod";
import { isValidIsoDate } from "../dates.js";
import { contentLanguages, translationLanguages } from "./languages.js";
import { audienceIds, situationIds, stageIds, themeIds } from "./taxonomy.js";

export * from "./taxonomy.js";
export * from "./languages.js";

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
  /** One of the « essentiels »: the key messages translated into every language (issue 14). */
  essential: z.boolean().default(false),
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

const filled = (min: number, max: number) => z.string().trim().min(min, `ne doit pas être vide (${min} caractères au moins)`).max(max);

/** Review status of a translation (see `TranslationStatus` in languages.ts): a reviewer and a date once `relu`. */
export const translationStatusSchema = z.discriminatedUnion("status", [
  z.strictObject({ status: z.literal("a-relire") }),
  z.strictObject({ status: z.literal("relu"), reviewer: filled(3, 200), reviewedOn: isoDateSchema }),
]);

/**
 * Front matter of a translated article in `content/traductions/<langue>/<id>.md`: the French article's id, the
 * translated texts, the French article's source addresses (checked equal at build) and the review status.
 */
export const translatedArticleFrontMatterSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "doit être en minuscules, chiffres et tirets"),
  language: z.enum(translationLanguages),
  title: filled(3, 160),
  summary: filled(10, 400),
  keyMessage: filled(5, 400),
  sources: z.array(httpsUrl).min(1),
  translation: translationStatusSchema,
});
export type TranslatedArticleFrontMatter = z.infer<typeof translatedArticleFrontMatterSchema>;

/** A translated article as shipped: its texts and status; stages, themes and sources are those of the French article. */
export const translatedArticleSchema = z.strictObject({
  id: z.string(),
  language: z.enum(translationLanguages),
  title: z.string(),
  summary: z.string(),
  keyMessage: z.string(),
  html: z.string(),
  text: z.string(),
  translation: translationStatusSchema,
});
export type TranslatedArticle = z.infer<typeof translatedArticleSchema>;

/**
 * Translated texts keyed by id (`content/traductions/<langue>/orientation-epds.json`): every key of the French
 * catalogue, each a text or `null` to keep the French one explicitly; one review status for the file.
 */
export const translatedTextsSchema = z.strictObject({
  translation: translationStatusSchema,
  texts: z.record(z.string(), z.string().trim().min(1, "ne doit pas être vide : mettez null pour garder le texte français").nullable()),
});
export type TranslatedTexts = z.infer<typeof translatedTextsSchema>;

/**
 * The calendar's texts in one language (`content/traductions/<langue>/calendrier.json`): every key of the French
 * catalogue (src/domain/calendar/texts.ts) with the same placeholders, none empty (checked at build by
 * `calendarTranslationErrors`); one review status for the file.
 */
export const calendarTextsSchema = z.strictObject({
  translation: translationStatusSchema,
  texts: z.record(z.string(), z.string()),
});
export type CalendarTexts = z.infer<typeof calendarTextsSchema>;

/** Everything translated into one language, loaded by the browser only when that language is chosen. */
export const translationBundleSchema = z.strictObject({
  language: z.enum(translationLanguages),
  version: z.string(),
  articles: z.array(translatedArticleSchema),
  /** The EPDS result's orientation and helplines; null when not translated (the French texts are shown). */
  orientationEpds: translatedTextsSchema.nullable(),
  /** The calendar's event titles and explanations; null when not translated (the French texts are shown, with a note). */
  calendar: calendarTextsSchema.nullable(),
});
export type TranslationBundle = z.infer<typeof translationBundleSchema>;

/** An article as listed for one language: its text in that language, or the French one with `fallback: true`. */
export const localizedArticleSchema = articleSchema.extend({
  language: z.enum(contentLanguages),
  translation: translationStatusSchema.nullable(),
  fallback: z.boolean(),
});
export type LocalizedArticle = z.infer<typeof localizedArticleSchema>;
