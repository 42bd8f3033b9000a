import { z } from "zod";
import { isValidIsoDate } from "../dates.js";
import { contentLanguages, translationStatusSchema } from "../content/schema.js";
import { BAND_IDS, DOMAIN_IDS, GRID_BANDS } from "./grid.js";

/**
 * Shape of `content/developpement/<locale>.json`: the grid's items word for word (with an example for
 * parents written by us), the milestones by age, the transversal questions, with sources and review
 * dates. Checked by `npx tsx src/cli/build-content.ts --check` (src/server/content/load-development.ts).
 *
 * Review status follows the languages issue (14): "valide" for the French reference; a translation is
 * "traduction-a-relire" until a reviewer validates it. A translation (`<langue>.json`, every language of
 * src/domain/content/languages.ts) also carries `translation`: its review status, as the translated essentials do,
 * and a note saying it is ours and not an official version of the grid. That it has the French file's bands, item
 * ids, domains and sources is checked against fr.json by the loader.
 */
const text = z.string().trim().min(1, { message: "texte vide" });
const isoDate = z.string().refine(isValidIsoDate, { message: "date invalide (AAAA-MM-JJ attendu)" });

const sourceSchema = z.strictObject({ title: text, publisher: text, url: z.url({ protocol: /^https$/, message: "adresse https attendue" }), date: isoDate });

const itemSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, { message: "identifiant en minuscules, chiffres et tirets" }),
  domain: z.enum(DOMAIN_IDS),
  /** The item exactly as printed in the grid (French reference) or its translation. */
  text,
  /** A situation of daily life that shows it, for parents. */
  example: text,
});

const bandSchema = z.strictObject({
  id: z.enum(BAND_IDS),
  /** « De 6 à 11 mois », as the grid names the band. */
  label: text,
  /** The grid's domain labels in this band (they change: « Langage » then « Langage oral »). */
  domainLabels: z.partialRecord(z.enum(DOMAIN_IDS), text),
  items: z.array(itemSchema).min(1),
  /** What almost every child does around this age, in plain words. */
  milestones: z.array(text).min(1),
  /** What helps, day to day. */
  helps: z.array(text).min(1),
});

const questionSchema = z.strictObject({ text, example: text });

export const developmentContentSchema = z
  .strictObject({
    locale: z.enum(contentLanguages),
    status: z.enum(["valide", "traduction-a-relire"]),
    /** Translations only: review status (« à relire » until a reviewer and a date are recorded) and the note that the translation is not official. */
    translation: z.strictObject({ review: translationStatusSchema, official: z.literal(false), note: text }).optional(),
    reviewed: isoDate,
    nextReview: isoDate,
    sources: z.array(sourceSchema).min(1),
    bands: z.array(bandSchema),
    transversal: z.strictObject({ regression: questionSchema, worry: questionSchema }),
  })
  .superRefine((content, ctx) => {
    const ids = content.bands.map((b) => b.id);
    if (
      ids.join() !==
      GRID_BANDS.slice(0, ids.length)
        .map((b) => b.id)
        .join()
    )
      ctx.addIssue({
        code: "custom",
        path: ["bands"],
        message: `les tranches d'âge doivent suivre l'ordre de la grille (${GRID_BANDS.map((b) => b.id).join(", ")})`,
      });
    const seen = new Set<string>();
    content.bands.forEach((band, b) => {
      const rule = GRID_BANDS.find((g) => g.id === band.id);
      if (!rule) return;
      for (const domain of rule.domains) {
        if (!band.domainLabels[domain])
          ctx.addIssue({ code: "custom", path: ["bands", b, "domainLabels", domain], message: `libellé manquant pour le domaine ${domain}` });
        if (!band.items.some((i) => i.domain === domain))
          ctx.addIssue({ code: "custom", path: ["bands", b, "items"], message: `aucun item pour le domaine ${domain}` });
      }
      band.items.forEach((item, i) => {
        if (!rule.domains.includes(item.domain))
          ctx.addIssue({
            code: "custom",
            path: ["bands", b, "items", i, "domain"],
            message: `le domaine ${item.domain} n'existe pas dans la tranche ${band.id}`,
          });
        if (seen.has(item.id)) ctx.addIssue({ code: "custom", path: ["bands", b, "items", i, "id"], message: `identifiant en double : ${item.id}` });
        seen.add(item.id);
      });
    });
    if (content.locale === "fr") {
      if (content.status !== "valide") ctx.addIssue({ code: "custom", path: ["status"], message: "la version française de référence est « valide »" });
      if (content.translation) ctx.addIssue({ code: "custom", path: ["translation"], message: "la version française n'est pas une traduction" });
    } else if (!content.translation) {
      ctx.addIssue({ code: "custom", path: ["translation"], message: "une traduction indique son état de relecture et qu'elle n'est pas officielle" });
    } else if (content.translation.review.status === "a-relire" && content.status !== "traduction-a-relire") {
      ctx.addIssue({ code: "custom", path: ["status"], message: "« traduction-a-relire » tant que la traduction n'est pas relue" });
    }
    if (content.nextReview <= content.reviewed)
      ctx.addIssue({ code: "custom", path: ["nextReview"], message: "la prochaine relecture doit suivre la dernière" });
  });

export type DevelopmentContent = z.infer<typeof developmentContentSchema>;
export type DevelopmentBandContent = DevelopmentContent["bands"][number];
