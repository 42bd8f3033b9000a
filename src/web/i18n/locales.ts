import { locales, sourceLocale, type Locale } from "../../domain/content/languages.js";

/** The stylesheet of a language's script font, if it needs one. */
export function fontStylesheet(locale: Locale): string | null {
  return "font" in locale ? `/fonts/${locale.font}.css` : null;
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
