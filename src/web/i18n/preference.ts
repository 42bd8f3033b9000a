import { isContentLanguage, localeByCode, type Locale } from "../../domain/content/languages.js";

/** The language chosen on this device (not health data: kept in localStorage, read before the app renders). */
const KEY = "mille-jours.langue";

export function rememberLocale(locale: Locale): void {
  try {
    localStorage.setItem(KEY, locale.code);
  } catch {
    // Storage refused (private mode): the address still carries the language.
  }
}

export function rememberedLocale(): Locale | null {
  try {
    const code = localStorage.getItem(KEY);
    return isContentLanguage(code) ? localeByCode(code) : null;
  } catch {
    return null;
  }
}
