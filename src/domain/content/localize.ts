import type { Article } from "./schema.js";
import type { ContentLanguage, TranslationStatus } from "./languages.js";

/** The translated texts of an article (a `TranslatedArticle`, without zod). */
export interface TranslatedTexts {
  id: string;
  language: Exclude<ContentLanguage, "fr">;
  title: string;
  summary: string;
  keyMessage: string;
  html: string;
  text: string;
  translation: TranslationStatus;
}

export type LocalizedArticle = Article & {
  /** The language the texts are really in: the asked one, or `fr` when falling back. */
  language: ContentLanguage;
  translation: TranslationStatus | null;
  /** True when the asked language has no translation of this article and the French text is given instead. */
  fallback: boolean;
};

/**
 * An article for a reader of `language`: the translated texts over the French article (stages, themes, sources
 * and dates stay the French ones), or the French article marked as a fallback. Never blank.
 */
export function localizeArticle(article: Article, language: ContentLanguage, translated: TranslatedTexts | undefined): LocalizedArticle {
  if (language === "fr") return { ...article, language: "fr", translation: null, fallback: false };
  if (!translated || translated.id !== article.id || translated.language !== language) return { ...article, language: "fr", translation: null, fallback: true };
  const { title, summary, keyMessage, html, text, translation } = translated;
  return { ...article, title, summary, keyMessage, html, text, language, translation, fallback: false };
}
