import { msg, plural } from "@lingui/core/macro";
import { i18n as activeI18n, type I18n, type MessageDescriptor } from "@lingui/core";
import type { Moment } from "../../../../domain/callback/contract.js";

/**
 * Delays, moments and numbers of the call-back pages in the active language (or in the one of `i18n`, for the
 * French reference text of the consent shown beside its translation).
 */

/** « 48 heures », « 2 jours »: the service's stated delay in words. */
export function delayInWords(hours: number, i18n: I18n = activeI18n): string {
  if (hours >= 24 && hours % 24 === 0) {
    const days = hours / 24;
    return i18n._(msg`${plural(days, { one: "# jour", other: "# jours" })}`);
  }
  return i18n._(msg`${plural(hours, { one: "# heure", other: "# heures" })}`);
}

/** « 30 jours », « 1 jour »: a retention delay of the server, rounded up to whole days (a shorter one is still kept at most that long). */
export function daysInWords(days: number, i18n: I18n = activeI18n): string {
  const whole = Math.max(1, Math.ceil(days));
  return i18n._(msg`${plural(whole, { one: "# jour", other: "# jours" })}`);
}

/** The BCP-47 tag of the active language for `Intl` (French and FALC: French of France). */
function tag(): string {
  return activeI18n.locale === "fr" || activeI18n.locale === "falc" ? "fr-FR" : (activeI18n.locales?.[0] ?? activeI18n.locale);
}

/** « mercredi 3 décembre à 14:30 », in the device's own time zone (where the parent is). */
export function momentInWords(iso: string): string {
  const date = new Date(iso);
  const day = new Intl.DateTimeFormat(tag(), { weekday: "long", day: "numeric", month: "long" }).format(date);
  const time = new Intl.DateTimeFormat(tag(), { hour: "2-digit", minute: "2-digit" }).format(date);
  return activeI18n._(msg`${day} à ${time}`);
}

/** « 06 12 34 56 78 » for a normalised 10-digit number. */
export function phoneInWords(phone: string): string {
  return /^\d{10}$/.test(phone) ? phone.replace(/(\d{2})(?=\d)/g, "$1 ") : phone;
}

/** « 5 minutes », « 24 heures »: how long to wait before trying again (a Retry-After in seconds). */
export function waitInWords(seconds: number): string {
  if (seconds > 3600) {
    const hours = Math.ceil(seconds / 3600);
    return activeI18n._(msg`${plural(hours, { one: "# heure", other: "# heures" })}`);
  }
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return activeI18n._(msg`${plural(minutes, { one: "# minute", other: "# minutes" })}`);
}

/** The moments a parent may choose, in the interface's language (the domain's `MOMENT_LABELS` are the French). */
export const momentLabels: Record<Moment, MessageDescriptor> = {
  matin: msg`Le matin`,
  midi: msg`Le midi`,
  "apres-midi": msg`L'après-midi`,
  soir: msg`En début de soirée`,
};
