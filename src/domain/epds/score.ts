import { EPDS_ITEM_COUNT, EPDS_SAFETY_ITEM } from "./scale.js";
import type { EpdsQuestionnaire } from "./schema.js";

/**
 * EPDS scoring and interpretation. Pure: no I/O, no clock.
 *
 * Scoring (Cox, Holden & Sagovsky 1987, Br J Psychiatry 150:782-786): the total is the sum of the points
 * of the chosen answer to each of the 10 items, 0 to 30. The points come from the questionnaire file,
 * never from the answer's position (the printed order differs between items and between translations).
 *
 * Bands, on the total only (boundaries inclusive):
 * | id            | total   | source |
 * |---------------|---------|--------|
 * | `faible`      | 0–10    | Below the French cut-off. Guedeney N, Fermanian J (1998), Eur Psychiatry 13:83-89, threshold 10.5 as quoted by medicalcul.imhotepix.net/epds.html (read 2026-11-23): "Un score inférieur à 10 signifie qu'une dépression est très peu probable". 10 itself is below 10.5. |
 * | `a-surveiller`| 11–12   | French cut-off ≥ 11: "Un score de 11 ou plus révèle une dépression possible. Une confirmation clinique est nécessaire" (medicalcul, citing Guedeney 1998). Adouard et al. 2005 (Arch Womens Ment Health 8:89-95) found 11.5 in high-risk pregnancies. The official app offers contact from 11 (`RESULT_BECONTACTED_VALUE = 11`, SocialGouv/1000jours). |
 * | `eleve`       | 13–30   | RCPsych scoring notes printed with the scale: a score of 13 or more "should be assessed for possible depression" (Cox et al. 1987 as reproduced by skyscape psychnotes and reliasmedia, see shared reference facts §3). The official app uses ≥ 13 for "Je ne vais pas bien". |
 *
 * Why not a band from 9: the official app's "Je vais moins bien" starts at 9 and RCPsych allows ≥ 10
 * "if greater sensitivity is required", but neither is a French validated threshold; 9 and 10 stay in
 * `faible`, whose orientation still invites the parent to talk about how they feel.
 *
 * Safety: any answer worth more than 0 on item 10 sets `safetyFlag`, whatever the total and the band
 * (RCPsych: "any score above 0 on item 10 should always prompt further assessment"). This is stricter
 * than the official app, which only reacts when item 10 scores 3. The band is not changed by item 10:
 * the flag is separate so that the crisis path can never be hidden by a low total.
 *
 * Thresholds were validated on mothers. In fathers, studies found other optimal cut-offs:
 * Matthey et al. 2001 (J Affect Disord, doi:10.1016/S0165-0327(00)00236-6): 5/6 for any depressive or
 * anxiety disorder; Edmondson et al. (J Affect Disord pp. 365-368, psych.ox.ac.uk/publications/139487):
 * > 10 for depression. The same bands are used for both audiences; see orientation.ts.
 */

export type EpdsBandId = "faible" | "a-surveiller" | "eleve";

export interface EpdsBand {
  id: EpdsBandId;
  /** Inclusive bounds of the total. */
  min: number;
  max: number;
  /** Plain French, for the result page. */
  label: string;
  source: string;
}

export const EPDS_MAX_TOTAL = 30;

export const EPDS_BANDS: readonly EpdsBand[] = [
  {
    id: "faible",
    min: 0,
    max: 10,
    label: "Score en dessous du seuil de dépistage",
    source: "Guedeney & Fermanian 1998 (seuil 10,5), via medicalcul.imhotepix.net/epds.html",
  },
  {
    id: "a-surveiller",
    min: 11,
    max: 12,
    label: "Score au-dessus du seuil de dépistage : à évaluer avec un professionnel",
    source: "Guedeney & Fermanian 1998, seuil français ≥ 11, via medicalcul.imhotepix.net/epds.html",
  },
  {
    id: "eleve",
    min: 13,
    max: EPDS_MAX_TOTAL,
    label: "Score élevé : à évaluer rapidement avec un professionnel",
    source: "Royal College of Psychiatrists, notes de cotation de l'EPDS (≥ 13 : évaluation d'une possible dépression)",
  },
];

/** The band of a total between 0 and 30. Throws on any other number: a total is never guessed. */
export function bandFor(total: number): EpdsBand {
  const band = EPDS_BANDS.find((b) => Number.isInteger(total) && total >= b.min && total <= b.max);
  if (!band) throw new RangeError(`Total EPDS hors de l'intervalle 0–${EPDS_MAX_TOTAL} : ${total}`);
  return band;
}

/** Index of the chosen answer for each item, in display order; `null`/`undefined` when not answered. */
export type EpdsAnswer = number | null | undefined;

export interface EpdsAnswerError {
  /** Item number (1–10); above 10 for surplus answers. */
  item: number;
  /** Plain French, for the person filling in the questionnaire. */
  message: string;
}

export interface EpdsScore {
  ok: true;
  total: number;
  item10Points: number;
  safetyFlag: boolean;
  band: EpdsBandId;
}

export type EpdsResult = EpdsScore | { ok: false; errors: EpdsAnswerError[] };

/**
 * Scores one filled-in questionnaire. Every item must be answered with the index of one of its options:
 * a missing, non-integer or out-of-range answer, or an answer beyond item 10, rejects the whole
 * questionnaire with one error per faulty item. A partial questionnaire is never scored.
 */
export function scoreEpds(questionnaire: EpdsQuestionnaire, answers: readonly EpdsAnswer[]): EpdsResult {
  const list: readonly unknown[] = Array.isArray(answers) ? answers : [];
  const errors: EpdsAnswerError[] = [];
  let total = 0;
  let item10Points = 0;

  questionnaire.items.forEach((item, index) => {
    const answer = list[index];
    if (answer === null || answer === undefined) {
      errors.push({
        item: item.number,
        message: `Question ${item.number} : aucune réponse. Choisissez la réponse la plus proche de ce que vous avez ressenti.`,
      });
      return;
    }
    const option = typeof answer === "number" && Number.isInteger(answer) ? item.options[answer] : undefined;
    if (!option) {
      errors.push({
        item: item.number,
        message: `Question ${item.number} : réponse invalide (${String(answer)}). Choisissez l'une des ${item.options.length} réponses proposées.`,
      });
      return;
    }
    total += option.points;
    if (item.number === EPDS_SAFETY_ITEM) item10Points = option.points;
  });

  for (let index = questionnaire.items.length; index < list.length; index++) {
    errors.push({
      item: index + 1,
      message: `Le questionnaire compte ${EPDS_ITEM_COUNT} questions : la réponse n° ${index + 1} est en trop.`,
    });
  }

  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, total, item10Points, safetyFlag: item10Points > 0, band: bandFor(total).id };
}

export { orientationFor } from "./orientation.js";
export type { EpdsAudience, EpdsOrientation, OrientationStep, PlaceType } from "./orientation.js";
