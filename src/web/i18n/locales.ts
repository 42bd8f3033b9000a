/**
 * The interface's languages (docs/langues.md says which and why): each has its path prefix (French keeps today's
 * paths), its BCP-47 tag for `<html lang>`, `hreflang` and speech, the label of the DSFR language selector (code,
 * then the language's own name: « EN - English ») and its direction. Pure: no browser API here.
 */
export const locales = [
  { code: "fr", prefix: "", lang: "fr", label: "FR - Français", dir: "ltr" },
  // Français facile à lire et à comprendre: a private-use subtag of French (docs/langues.md).
  { code: "falc", prefix: "/falc", lang: "fr-x-falc", label: "FALC - Français facile", dir: "ltr" },
  { code: "en", prefix: "/en", lang: "en", label: "EN - English", dir: "ltr" },
  { code: "ar", prefix: "/ar", lang: "ar", label: "AR - العربية", dir: "rtl", font: "arabe" },
  // Dari: ISO 639-3 `prs` in the path; `fa-AF` (Persian of Afghanistan) is the tag browsers, fonts and voices know.
  { code: "prs", prefix: "/prs", lang: "fa-AF", label: "PRS - دری", dir: "rtl", font: "arabe" },
  { code: "tr", prefix: "/tr", lang: "tr", label: "TR - Türkçe", dir: "ltr" },
  { code: "pt", prefix: "/pt", lang: "pt", label: "PT - Português", dir: "ltr" },
  { code: "uk", prefix: "/uk", lang: "uk", label: "UK - Українська", dir: "ltr", font: "cyrillique" },
] as const satisfies readonly { code: string; prefix: string; lang: string; label: string; dir: "ltr" | "rtl"; font?: ScriptFont }[];

/**
 * Marianne has Latin letters only: the pages of these languages link `/fonts/<font>.css` (scripts/vite-fonts.ts),
 * open fonts served by this site, added as faces of Marianne for their script alone.
 */
export type ScriptFont = "arabe" | "cyrillique";

/** The stylesheet of a language's script font, if it needs one. */
export function fontStylesheet(locale: Locale): string | null {
  return "font" in locale ? `/fonts/${locale.font}.css` : null;
}

export type Locale = (typeof locales)[number];
export type LocaleCode = Locale["code"];

export const sourceLocale: Locale = locales[0];

export function isLocaleCode(value: unknown): value is LocaleCode {
  return locales.some((l) => l.code === value);
}

export function localeByCode(code: LocaleCode): Locale {
  return locales.find((l) => l.code === code) ?? sourceLocale;
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
