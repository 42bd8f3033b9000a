import { i18n, type Messages } from "@lingui/core";
import { messages as french } from "../locales/fr.po";
import { localeByCode, type ContentLanguage, type Locale } from "../../domain/content/languages.js";

/**
 * The active catalogue. French, the source, comes with the app; every other catalogue is its own chunk, fetched
 * only by a visitor who chose that language (so a French first visit carries no other language).
 */
const catalogues: Record<Exclude<ContentLanguage, "fr">, () => Promise<{ messages: Messages }>> = {
  falc: () => import("../locales/falc.po"),
  en: () => import("../locales/en.po"),
  ar: () => import("../locales/ar.po"),
  prs: () => import("../locales/prs.po"),
  tr: () => import("../locales/tr.po"),
  pt: () => import("../locales/pt.po"),
  uk: () => import("../locales/uk.po"),
};

/** Loads and activates a language's catalogue; dates, numbers and plurals follow its BCP-47 tag. */
export async function activateLocale(locale: Locale): Promise<void> {
  const messages = locale.code === "fr" ? french : (await catalogues[locale.code]()).messages;
  // Dari: `prs` has no CLDR data of its own; Persian of Afghanistan stands in (same plurals, digits, calendar).
  i18n.loadAndActivate({ locale: locale.code, locales: [locale.lang, "fr"], messages });
}

/** The active language. */
export function activeLocale(): Locale {
  return localeByCode(i18n.locale as ContentLanguage);
}

export { i18n };
