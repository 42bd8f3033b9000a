import { OUTCOME_LABELS, type CallbackRequestView } from "../../../../domain/callback/contract.js";
import { EPDS_BANDS } from "../../../../domain/epds/score.js";

/** The EPDS band in the words of the parent's result page (src/domain/epds/score.ts). */
export const bandLabel = (band: string) => EPDS_BANDS.find((b) => b.id === band)?.label ?? band;

/** « 48 heures », « 2 jours »: the same words as the parent reads. */
export { delayInWords as delayLabel } from "../../post-partum/rappel/format.js";

/** « Injoignable après 3 tentatives », « Orientée vers : CMP de Lyon 3e ». */
export function outcomeText(r: Pick<CallbackRequestView, "outcome" | "attempts" | "orientedTo">): string {
  if (!r.outcome) return "—";
  if (r.outcome === "unreachable") return `${OUTCOME_LABELS.unreachable}${r.attempts ? ` après ${r.attempts} tentative${r.attempts > 1 ? "s" : ""}` : ""}`;
  if (r.outcome === "oriented") return `Orientée vers : ${r.orientedTo ?? "—"}`;
  return OUTCOME_LABELS[r.outcome];
}
