/**
 * The app's languages, for its interface and its editorial content (docs/langues.md says which and why; the choice:
 * docs/langues.md « Pourquoi ces langues » — INSEE, OFPRA 2024, Santé publique France bilingual booklets, with their URLs —,
 * decided for issue 14). French is the source; every other language is a translation (or, for `falc`, a rewrite
 * in easy-to-read French) of the French interface and articles, with its review status.
 * Each has its path prefix (French keeps today's paths), its BCP-47 tag for `lang` attributes, `hreflang`, dates
 * and speech, the label of the DSFR language selector (code, then the language's own name: « EN - English ») and
 * its direction. Kept apart from the schemas so the browser can use it without zod; pure: no browser API here.
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

export type Locale = (typeof locales)[number];
export type ContentLanguage = Locale["code"];
export type TranslationLanguage = Exclude<ContentLanguage, "fr">;

export const sourceLocale: Locale = locales[0];

export const contentLanguages: readonly ContentLanguage[] = locales.map((l) => l.code);
export const translationLanguages: readonly TranslationLanguage[] = contentLanguages.filter((code): code is TranslationLanguage => code !== "fr");

export function isContentLanguage(value: unknown): value is ContentLanguage {
  return typeof value === "string" && (contentLanguages as readonly string[]).includes(value);
}

export function isTranslationLanguage(value: unknown): value is TranslationLanguage {
  return typeof value === "string" && (translationLanguages as readonly string[]).includes(value);
}

export function localeByCode(code: ContentLanguage): Locale {
  return locales.find((l) => l.code === code) ?? sourceLocale;
}

/**
 * Review status of a translated or FALC text. Made here, a text is machine-assisted and `a-relire`; it becomes
 * `relu` only once a named reviewer has read it (for FALC: people concerned, per the Inclusion Europe rules,
 * reference §2), on a recorded date.
 */
export type TranslationStatus = { status: "a-relire" } | { status: "relu"; reviewer: string; reviewedOn: string };
