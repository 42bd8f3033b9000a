import { locales, sourceLocale, type Locale, type ScriptFont } from "../../domain/content/languages.js";

/** The weights of a script font: one file each (scripts/vite-fonts.ts), both used by the DSFR's text (regular, bold). */
export const scriptFontWeights = [400, 700] as const;

/** The stylesheet declaring a script font's faces, served by this site. */
export const scriptFontStylesheet = (font: ScriptFont) => `/fonts/${font}.css`;

/** A script font's file for one weight. */
export const scriptFontFile = (font: ScriptFont, weight: (typeof scriptFontWeights)[number]) => `/fonts/${font}-${weight}.woff2`;

/** The script font of a language whose letters Marianne lacks (Arabic, Cyrillic), if any. */
export function scriptFontOf(locale: Locale): ScriptFont | null {
  return "font" in locale ? locale.font : null;
}

/** The stylesheet of a language's script font, if it needs one. */
export function fontStylesheet(locale: Locale): string | null {
  const font = scriptFontOf(locale);
  return font && scriptFontStylesheet(font);
}

/** The language of an address: its first path segment when it is a language's prefix (`/ar`, `/ar/parcours`), else French. */
export function localeFromPath(pathname: string): Locale {
  const first = `/${pathname.split("/")[1] ?? ""}`;
  return locales.find((l) => l.prefix !== "" && l.prefix === first) ?? sourceLocale;
}

/** The address inside the app, without its language prefix: `/ar/parcours` → `/parcours`, `/ar` → `/`. */
export function pathWithoutLocale(pathname: string): string {
  const { prefix } = localeFromPath(pathname);
  const rest = pathname.slice(prefix.length);
  return rest === "" ? "/" : rest;
}

/** The same page in another language: `localizedPath(en, "/ar/parcours")` → `/en/parcours`; home: `/en/`. */
export function localizedPath(locale: Locale, pathname: string): string {
  return `${locale.prefix}${pathWithoutLocale(pathname)}`;
}
