import { msg, plural } from "@lingui/core/macro";
import { i18n } from "@lingui/core";
import { daysBetween, formatFrenchDate, monthsBetween, type IsoDate } from "../../domain/dates.js";
import { gestationalAge } from "../../domain/journey/pregnancy.js";
import type { Track } from "../../domain/journey/tracks.js";
import type { Profile } from "../../domain/profile/profile.js";

/**
 * Dates, ages and journey labels in the active language (dates by `Intl` for the language's tag). French keeps the
 * domain's own forms (« 1er mars 2026 », « 20 SA + 3 jours »).
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function formatDate(date: IsoDate): string {
  if (i18n.locale === "fr" || i18n.locale === "falc") return formatFrenchDate(date);
  return intlFormat({ day: "numeric", month: "long", year: "numeric" }).format(new Date(Date.parse(date)));
}

function intlFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const tag = i18n.locales?.[0] ?? i18n.locale;
  const key = `${tag} ${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(tag, { ...options, timeZone: "UTC" })));
  return format;
}

/** « mars 2026 » */
export function monthLabel(year: number, month: number): string {
  return intlFormat({ month: "long", year: "numeric" }).format(new Date(Date.UTC(year, month - 1, 1)));
}

/** « 1 mars » */
export function dayAndMonth(date: IsoDate): string {
  return intlFormat({ day: "numeric", month: "long" }).format(new Date(Date.parse(date)));
}

/** Short weekday names, Monday first: « lun. » … « dim. ». */
export function weekdays(): string[] {
  const format = intlFormat({ weekday: "short" });
  return Array.from({ length: 7 }, (_, i) => format.format(new Date(Date.UTC(2024, 0, 1 + i)))); // 1 January 2024: a Monday
}

/** « 20 SA + 3 jours »: weeks of amenorrhoea, as maternity staff count. */
export function formatGestationalAge(terme: IsoDate, today: IsoDate): string {
  const { weeks, days } = gestationalAge(terme, today);
  if (days === 0) return i18n._(msg`${weeks} SA`);
  return plural(days, { one: `${weeks} SA + # jour`, other: `${weeks} SA + # jours` });
}

/** Age in plain words: days for the first weeks, months until 2 years, then years and months. */
export function formatAge(birthDate: IsoDate, today: IsoDate): string {
  const days = daysBetween(birthDate, today);
  if (days < 0) return i18n._(msg`pas encore né`);
  if (days < 31) return plural(days, { one: "# jour", other: "# jours" });
  const months = monthsBetween(birthDate, today);
  if (months < 24) return plural(Math.max(months, 1), { one: "# mois", other: "# mois" });
  const years = Math.floor(months / 12);
  const rest = months - years * 12;
  const yearText = plural(years, { one: "# an", other: "# ans" });
  return rest === 0 ? yearText : i18n._(msg`${yearText} et ${rest} mois`);
}

/** A journey track's title and where it stands, in the active language (the domain's are French). */
export function trackText(track: Track, profile: Profile, today: IsoDate): { label: string; detail: string } {
  if (track.kind === "projet")
    return {
      label: i18n._(msg`Notre projet d'enfant`),
      detail: profile.project === "essai" ? i18n._(msg`Vous essayez d'avoir un enfant`) : i18n._(msg`Vous y pensez`),
    };
  if (track.kind === "grossesse" && profile.pregnancy) {
    const { babies, terme } = profile.pregnancy;
    const label =
      babies === 2
        ? i18n._(msg`Grossesse en cours (jumeaux)`)
        : babies === 3
          ? i18n._(msg`Grossesse en cours (triplés)`)
          : babies > 3
            ? i18n._(msg`Grossesse en cours (${babies} bébés)`)
            : i18n._(msg`Grossesse en cours`);
    return { label, detail: formatGestationalAge(terme, today) };
  }
  const index = profile.children.findIndex((c) => `enfant-${c.id}` === track.id);
  const child = profile.children[index];
  if (!child) return { label: track.label, detail: track.detail };
  const number = index + 1;
  const name = child.firstName || i18n._(msg`Enfant ${number}`);
  const twin = profile.children.filter((c) => c.birthDate === child.birthDate).length > 1;
  return { label: twin ? i18n._(msg`${name} (naissance multiple)`) : name, detail: formatAge(child.birthDate, today) };
}

/** « 01/03/2026 »: a short numeric date in the active language (French: day/month/year). */
export function formatShortDate(date: Date): string {
  const tag = i18n.locale === "fr" || i18n.locale === "falc" ? "fr-FR" : (i18n.locales?.[0] ?? i18n.locale);
  return date.toLocaleDateString(tag);
}
