import { i18n } from "@lingui/core";

/**
 * Numbers, euros and percentages in the active language (`Intl`, the language's BCP-47 tag: « 2 000 000 € » in
 * French, « €2,000,000 » in English, Arabic-Indic digits in Arabic). French and FALC use `fr-FR`.
 */
const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const tag = i18n.locale === "fr" || i18n.locale === "falc" || !i18n.locale ? "fr-FR" : (i18n.locales?.[0] ?? i18n.locale);
  const key = `${tag} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.NumberFormat(tag, options)));
  return format;
}

/** « 12 345 » */
export const formatInteger = (n: number): string => numberFormat({ maximumFractionDigits: 0 }).format(n);

/** « 2 500 000 € »: whole euros. */
export const formatEuros = (n: number): string => numberFormat({ style: "currency", currency: "EUR", maximumFractionDigits: 0 }).format(n);

/** « 73,5 % » from 73.5: a rate given in percent, with `digits` decimals (at most `digits` when `exact` is false). */
export const formatPercent = (n: number, digits = 1, exact = true): string =>
  numberFormat({ style: "percent", minimumFractionDigits: exact ? digits : 0, maximumFractionDigits: digits }).format(n / 100);

/** « 2,5 » from 2.5: a decimal number with `digits` decimals. */
export const formatDecimal = (n: number, digits = 1): string => numberFormat({ minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
