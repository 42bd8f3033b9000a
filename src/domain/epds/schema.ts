import { z } from "zod";
import { isValidIsoDate } from "../dates.js";
import { EPDS_ITEM_COUNT, EPDS_MAX_POINTS_PER_ITEM, EPDS_OPTIONS_PER_ITEM } from "./scale.js";

/**
 * Shape of an EPDS questionnaire file (`content/epds/<locale>.json`).
 *
 * The Edinburgh Postnatal Depression Scale (Cox, Holden & Sagovsky 1987, Br J Psychiatry 150:782-786)
 * has 10 items, each with 4 answers worth 0 to 3 points, total 0 to 30. Translations do not always keep
 * the English order of the answers, and 7 of the 10 items are printed from 3 points down to 0: the points
 * of every answer are therefore stored in the file and never deduced from its position.
 */
export { EPDS_ITEM_COUNT, EPDS_OPTIONS_PER_ITEM, EPDS_MAX_POINTS_PER_ITEM, EPDS_SAFETY_ITEM } from "./scale.js";

/** Languages written right to left: their files must say `"dir": "rtl"`. */
const RTL_LANGUAGES = new Set(["ar", "fa", "he", "ps", "ur", "yi"]);

const text = z.string().trim().min(1, { message: "texte vide" });
const isoDate = z.string().refine(isValidIsoDate, { message: "date invalide (AAAA-MM-JJ attendu)" });

export const epdsOptionSchema = z.strictObject({
  text,
  points: z.number().int().min(0).max(EPDS_MAX_POINTS_PER_ITEM),
});

export const epdsItemSchema = z
  .strictObject({
    number: z.number().int().min(1).max(EPDS_ITEM_COUNT),
    text,
    options: z.array(epdsOptionSchema).length(EPDS_OPTIONS_PER_ITEM, {
      message: `chaque question doit avoir exactement ${EPDS_OPTIONS_PER_ITEM} réponses`,
    }),
  })
  .superRefine((item, ctx) => {
    const points = new Set(item.options.map((o) => o.points));
    for (let p = 0; p <= EPDS_MAX_POINTS_PER_ITEM; p++) {
      if (!points.has(p)) {
        ctx.addIssue({
          code: "custom",
          path: ["options"],
          message: `question ${item.number} : aucune réponse ne vaut ${p} point${p > 1 ? "s" : ""} (il faut une réponse pour chaque valeur de 0 à 3)`,
        });
      }
    }
  });

export const epdsCitationSchema = z.strictObject({
  /** "Surname Initials", in the order of the article. */
  authors: z.array(text).min(1),
  year: z.number().int().min(1900).max(2100),
  title: text,
  journal: text,
  volume: text,
  pages: text,
  doi: text.optional(),
});

/** Where the wording was read: a reproduction that can be opened again. */
export const epdsSourceSchema = z.strictObject({
  title: text,
  publisher: text,
  url: z.url(),
  /** Day the wording was read there. */
  date: isoDate,
  /** What was taken or checked from this source. */
  usedFor: text.optional(),
});

export const epdsQuestionnaireSchema = z
  .strictObject({
    /** BCP 47 tag, e.g. "fr-FR", "en-GB", "ar". */
    locale: z.string().regex(/^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$/, { message: "code de langue invalide" }),
    dir: z.enum(["ltr", "rtl"]),
    title: text,
    instructions: text,
    /** Heading printed before the items ("Pendant la semaine qui vient de s'écouler"). */
    periodHeading: text.optional(),
    /** The validated wording this file reproduces (the translation's validation study, or the original). */
    citation: epdsCitationSchema,
    /** The original English scale, for translations. */
    originalCitation: epdsCitationSchema.optional(),
    source: epdsSourceSchema,
    otherSources: z.array(epdsSourceSchema).optional(),
    /** Reproduction condition and copyright holder. */
    licence: text,
    items: z.array(epdsItemSchema).length(EPDS_ITEM_COUNT, { message: `l'EPDS compte exactement ${EPDS_ITEM_COUNT} questions` }),
  })
  .superRefine((q, ctx) => {
    q.items.forEach((item, index) => {
      if (item.number !== index + 1) {
        ctx.addIssue({
          code: "custom",
          path: ["items", index, "number"],
          message: `les questions doivent être numérotées de 1 à ${EPDS_ITEM_COUNT} dans l'ordre (trouvé ${item.number} en position ${index + 1})`,
        });
      }
    });
    const language = q.locale.split("-")[0] ?? "";
    const expected = RTL_LANGUAGES.has(language) ? "rtl" : "ltr";
    if (q.dir !== expected) {
      ctx.addIssue({ code: "custom", path: ["dir"], message: `la langue « ${language} » s'écrit en « ${expected} »` });
    }
  });

export type EpdsOption = z.infer<typeof epdsOptionSchema>;
export type EpdsItem = z.infer<typeof epdsItemSchema>;
export type EpdsCitation = z.infer<typeof epdsCitationSchema>;
export type EpdsSource = z.infer<typeof epdsSourceSchema>;
export type EpdsQuestionnaire = z.infer<typeof epdsQuestionnaireSchema>;

/** Validates a parsed JSON file; throws a ZodError listing every problem. */
export function parseEpdsQuestionnaire(data: unknown): EpdsQuestionnaire {
  return epdsQuestionnaireSchema.parse(data);
}
