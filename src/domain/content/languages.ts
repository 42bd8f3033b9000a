/**
 * The languages the editorial content exists in. French is the source; every other language is a translation
 * (or, for `falc`, a rewrite in easy-to-read French) of a French article, with its review status.
 * Kept apart from the schemas so the browser can use it without zod.
 * Choice of languages: /work/shared/reference/languages-falc.md §1 (INSEE, OFPRA 2024, Santé publique France
 * bilingual booklets), decided for issue 14.
 */
export const contentLanguages = ["fr", "falc", "en", "ar", "prs", "tr", "pt", "uk"] as const;
export type ContentLanguage = (typeof contentLanguages)[number];

export const translationLanguages = ["falc", "en", "ar", "prs", "tr", "pt", "uk"] as const satisfies readonly ContentLanguage[];
export type TranslationLanguage = (typeof translationLanguages)[number];

export function isContentLanguage(value: unknown): value is ContentLanguage {
  return typeof value === "string" && (contentLanguages as readonly string[]).includes(value);
}

export function isTranslationLanguage(value: unknown): value is TranslationLanguage {
  return typeof value === "string" && (translationLanguages as readonly string[]).includes(value);
}

export interface LanguageInfo {
  /** BCP 47 tag for `lang` attributes and speech synthesis (Dari as Afghan Persian, FALC as a private-use French), as in src/web/i18n/locales.ts. */
  tag: string;
  dir: "ltr" | "rtl";
  /** The language's own name. */
  name: string;
  /** Its name in French. */
  frenchName: string;
}

export const languageInfo: Record<ContentLanguage, LanguageInfo> = {
  fr: { tag: "fr", dir: "ltr", name: "Français", frenchName: "français" },
  falc: { tag: "fr-x-falc", dir: "ltr", name: "Facile à lire", frenchName: "français facile à lire" },
  en: { tag: "en", dir: "ltr", name: "English", frenchName: "anglais" },
  ar: { tag: "ar", dir: "rtl", name: "العربية", frenchName: "arabe" },
  prs: { tag: "fa-AF", dir: "rtl", name: "دری", frenchName: "dari" },
  tr: { tag: "tr", dir: "ltr", name: "Türkçe", frenchName: "turc" },
  pt: { tag: "pt", dir: "ltr", name: "Português", frenchName: "portugais" },
  uk: { tag: "uk", dir: "ltr", name: "Українська", frenchName: "ukrainien" },
};

/**
 * Review status of a translated or FALC text. Made here, a text is machine-assisted and `a-relire`; it becomes
 * `relu` only once a named reviewer has read it (for FALC: people concerned, per the Inclusion Europe rules,
 * reference §2), on a recorded date.
 */
export type TranslationStatus = { status: "a-relire" } | { status: "relu"; reviewer: string; reviewedOn: string };
