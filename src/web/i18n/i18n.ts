import { i18n } from "@lingui/core";
import { localeByCode, type ContentLanguage, type Locale } from "../../domain/content/languages.js";
import { sectionsReady } from "./sections.js";

/**
 * Loads and activates a language: French, the source, is in the code; another language's messages come in sections,
 * fetched only by a visitor who chose it (sections.ts), so a French first visit carries no catalogue at all. Dates,
 * numbers and plurals follow the language's BCP-47 tag.
 */
export async function activateLocale(locale: Locale): Promise<void> {
  await sectionsReady(locale.code);
  i18n.load(locale.code, {}); // French has no catalogue: its texts are the messages' own
  // Dari: `prs` has no CLDR data of its own; Persian of Afghanistan stands in (same plurals, digits, calendar).
  i18n.activate(locale.code, [locale.lang, "fr"]);
}

/** The active language. */
export function activeLocale(): Locale {
  return localeByCode(i18n.locale as ContentLanguage);
}

export { i18n };
