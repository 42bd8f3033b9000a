import { i18n, type MessageDescriptor } from "@lingui/core";
import { msg, plural } from "@lingui/core/macro";
import type { CallbackRequestView, CallbackStatus, Moment, Outcome } from "../../../../domain/callback/contract.js";
import type { EpdsBandId } from "../../../../domain/epds/score.js";
import { bandLabels } from "../../post-partum/labels.js";

/** The EPDS band in the words of the parent's result page (src/web/routes/post-partum/labels.ts). */
export const bandLabel = (band: string) => (band in bandLabels ? i18n._(bandLabels[band as EpdsBandId]) : band);

/** « 48 heures », « 2 jours »: the same words as the parent reads. */
export { delayInWords as delayLabel } from "../../post-partum/rappel/format.js";

/*
 * The call-back contract's labels (src/domain/callback/contract.ts) stay French; the back office shows them in the
 * reader's language, one message per id (the French message is the contract's label).
 */
export const momentLabels: Record<Moment, MessageDescriptor> = {
  matin: msg`Le matin`,
  midi: msg`Le midi`,
  "apres-midi": msg`L'après-midi`,
  soir: msg`En début de soirée`,
};

export const statusLabels: Record<CallbackStatus, MessageDescriptor> = { new: msg`Nouvelle`, contacted: msg`Contactée`, closed: msg`Clôturée` };

export const outcomeLabels: Record<Outcome, MessageDescriptor> = {
  reached: msg`Personne jointe`,
  unreachable: msg`Injoignable`,
  oriented: msg`Orientée vers un autre service`,
};

/** « Injoignable après 3 tentatives », « Orientée vers : CMP de Lyon 3e ». */
export function outcomeText(r: Pick<CallbackRequestView, "outcome" | "attempts" | "orientedTo">): string {
  if (!r.outcome) return "—";
  if (r.outcome === "unreachable" && r.attempts) {
    return plural(r.attempts, { one: "Injoignable après # tentative", other: "Injoignable après # tentatives" });
  }
  if (r.outcome === "oriented") {
    const to = r.orientedTo ?? "—";
    return i18n._(msg`Orientée vers : ${to}`);
  }
  return i18n._(outcomeLabels[r.outcome]);
}
