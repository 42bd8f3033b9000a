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

/**
 * The first number formatted on a page reads the browser's formatting data (`Intl`): 10 to 70 ms measured in Chromium
 * on this machine, four times that on a slow phone. A page whose numbers come with an API answer calls this as it
 * mounts (an effect): the data are read in a task of their own while the answer travels, rather than inside the render
 * that shows it (issue 19: one long task on the barometer). Returns the effect's clean-up.
 */
export function prepareNumberFormats(): () => void {
  const timer = setTimeout(() => formatInteger(0), 0);
  return () => clearTimeout(timer);
}
