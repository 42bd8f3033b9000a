import { i18n } from "@lingui/core";

/**
 * Distances in the active language: its digits, its decimal sign and its word for the unit (`Intl`, units
 * « meter » and « kilometer »). Under 1 km: metres rounded to 10; under 10 km: one decimal; beyond: whole km.
 */
const formats = new Map<string, Intl.NumberFormat>();

function unitFormat(unit: "meter" | "kilometer", fractionDigits: number): Intl.NumberFormat {
  const tag = i18n.locale === "fr" || i18n.locale === "falc" ? "fr-FR" : (i18n.locales?.[0] ?? i18n.locale);
  const key = `${tag} ${unit} ${fractionDigits}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.NumberFormat(tag, { style: "unit", unit, maximumFractionDigits: fractionDigits })));
  return format;
}

/** « 350 m », « 1,2 km », « 23 km » */
export function formatDistance(metres: number): string {
  if (metres < 1000) return unitFormat("meter", 0).format(Math.round(metres / 10) * 10);
  return unitFormat("kilometer", metres < 10_000 ? 1 : 0).format(metres / 1000);
}

/** A search radius, whole kilometres: « 10 km ». */
export function formatKilometres(km: number): string {
  return unitFormat("kilometer", 0).format(km);
}
