import { msg, plural } from "@lingui/core/macro";
import { i18n } from "@lingui/core";
import type { Age } from "../../../domain/development/age.js";
import type { GestationalAge } from "../../../domain/journey/pregnancy.js";

/**
 * A child's age in the interface's language, with the same steps as the domain's French `formatAge`
 * (src/domain/development/age.ts): days, then weeks the first month, months until 1 year, then years and months.
 */
export function formatChildAge(age: Age): string {
  if (age.totalDays < 0) return i18n._(msg`avant terme`);
  if (age.months === 0) {
    const days = age.days;
    const weeks = Math.floor(days / 7);
    return weeks === 0 ? plural(days, { one: "# jour", other: "# jours" }) : plural(weeks, { one: "# semaine", other: "# semaines" });
  }
  const months = age.months;
  if (months < 12) return plural(months, { one: "# mois", other: "# mois" });
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const yearText = plural(years, { one: "# an", other: "# ans" });
  return rest === 0 ? yearText : i18n._(msg`${yearText} et ${rest} mois`);
}

/** « 32 SA + 3 jours »: the term at birth, as maternity staff count (same messages as src/web/i18n/format.ts). */
export function formatBirthTerm({ weeks, days }: GestationalAge): string {
  if (days === 0) return i18n._(msg`${weeks} SA`);
  return plural(days, { one: `${weeks} SA + # jour`, other: `${weeks} SA + # jours` });
}
