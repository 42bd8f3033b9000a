import { msg } from "@lingui/core/macro";
import { i18n } from "@lingui/core";
import type { MessageDescriptor } from "@lingui/core";
import type { EventAudience, EventKind } from "../../../domain/calendar/types.js";
import { formatDate } from "../../i18n/format.js";

/** The calendar's screen words that several of its components share (the events' own texts are content: texts.ts). */
export const kindLabels: Record<EventKind, MessageDescriptor> = {
  "suivi-medical": msg`Suivi médical`,
  demarche: msg`Démarche`,
  "droit-conge": msg`Droit et congé`,
  vaccination: msg`Vaccination`,
};

export const audienceLabels: Record<EventAudience, MessageDescriptor> = {
  mere: msg`la mère`,
  "second-parent": msg`le second parent`,
  enfant: msg`l'enfant`,
};

/** What to do about an event whose window is over but that can still be done (see canCatchUp in the domain). */
export const catchUpAdvice: Record<EventKind, MessageDescriptor> = {
  vaccination: msg`La date prévue est passée, mais un rattrapage est possible : parlez-en au médecin, à la sage-femme ou à la PMI, qui vous dira quand le faire.`,
  demarche: msg`Le délai prévu est passé, mais la démarche reste à faire : faites-la dès que possible ; la page de l'événement dit à qui vous adresser.`,
  "suivi-medical": msg`La période prévue est passée, mais il n'est pas trop tard : prenez rendez-vous dès que possible (médecin, sage-femme ou PMI).`,
  "droit-conge": msg`La période prévue est passée, mais il n'est pas trop tard : prenez rendez-vous dès que possible (médecin, sage-femme ou PMI).`,
};

export const compulsoryLabel = msg`Obligatoire`;
export const recommendedLabel = msg`Recommandé`;

/** « le 3 mars 2027 », « du 3 mars au 9 mars 2027 »: an event's window, dates written for the active language. */
export function windowText(start: string, end: string): string {
  const first = formatDate(start);
  if (start === end) return i18n._(msg`le ${first}`);
  const last = formatDate(end);
  return i18n._(msg`du ${first} au ${last}`);
}

/** « Léa », « Léa et Noé », « Léa, Noé et Zoé » in the active language: each name once. */
export function namesList(names: readonly string[]): string {
  const unique = [...new Set(names)];
  return new Intl.ListFormat(i18n.locales?.[0] ?? i18n.locale, { type: "conjunction" }).format(unique);
}
