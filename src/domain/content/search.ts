import type { Article } from "./schema.js";

/**
 * Lower case, without accents or ligatures, so that "bebe secoue" finds "bébé secoué". In the other languages' scripts
 * too: the Arabic short vowels and hamza marks go with the accents (« أ », « إ », « آ » are « ا »), and the letters
 * typed differently from one keyboard to another are one: Arabic and Persian yeh and kaf, alef maksura, teh marbuta,
 * the tatweel (the usual Arabic search normalisation); the Turkish dotless « ı » is « i ».
 */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/[’']/g, " ")
    .replace(/ı/g, "i")
    .replace(/[ىی]/g, "ي")
    .replace(/ک/g, "ك")
    .replace(/ة/g, "ه")
    .replace(/ـ/g, "");
}

/**
 * The Arabic particles written joined to the next word: « ال » (the), « و » (and), « ب », « ل », « ك », « ف », and their
 * combinations (« وال », « بال », « لل »…). A word typed with or without them finds the word written with or without
 * them: « رضيع » finds « الرضيع » and « للرضيع ».
 */
const arabicProclitics = "(?:[وف]?(?:[بكل]?ال|لل)|[وفبكل])?";
const arabicArticle = /^(?:[وف]?(?:[بكل]?ال|لل))(?=\p{L}{2})/u;

function tokens(query: string): string[] {
  return foldText(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 1 || /\d/.test(t));
}

export interface SearchIndexEntry<A> {
  article: A;
  title: string;
  lead: string;
  body: string;
}

/** The texts of an article a search reads, in one language (the French article, or one of its translations). */
export type SearchableTexts = Pick<Article, "id" | "title" | "summary" | "keyMessage" | "text">;

/**
 * The index of the articles. With `translations` (the articles' texts in the reader's language, those there are), an
 * article is found by the words of its translation as well as by its French words; the entry stays the French article.
 */
export function buildSearchIndex<A extends Article>(articles: readonly A[], translations: readonly SearchableTexts[] = []): SearchIndexEntry<A>[] {
  const translated = new Map(translations.map((texts) => [texts.id, texts]));
  return articles.map((article) => {
    const versions = [translated.get(article.id), article].filter((texts) => texts !== undefined);
    const fold = (pick: (texts: SearchableTexts) => string) => versions.map((texts) => foldText(pick(texts))).join("\n");
    return {
      article,
      title: fold((texts) => texts.title),
      lead: fold((texts) => `${texts.summary} ${texts.keyMessage}`),
      body: fold((texts) => texts.text),
    };
  });
}

/**
 * Every word of the query must appear (as a word prefix) somewhere in the article;
 * matches in the title weigh more than in the summary, which weigh more than in the body.
 */
export function searchArticles<A extends Article>(index: readonly SearchIndexEntry<A>[], query: string, limit = 50): A[] {
  const words = tokens(query);
  if (words.length === 0) return [];
  const scored: { article: A; score: number }[] = [];
  const patterns = words.map(wordStart);
  for (const entry of index) {
    let score = 0;
    let all = true;
    for (const pattern of patterns) {
      const weight = pattern.test(entry.title) ? 10 : pattern.test(entry.lead) ? 4 : pattern.test(entry.body) ? 1 : 0;
      if (weight === 0) {
        all = false;
        break;
      }
      score += weight;
    }
    if (all) scored.push({ article: entry.article, score });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.article.title.localeCompare(b.article.title, "fr"))
    .slice(0, limit)
    .map((s) => s.article);
}

/** A word of the query, at the start of a word of the text (after the particles joined to it, in Arabic script). */
function wordStart(word: string): RegExp {
  if (!/\p{Script=Arabic}/u.test(word)) return new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(word)}`, "u");
  return new RegExp(`(^|[^\\p{L}\\p{N}])${arabicProclitics}${escapeRegExp(word.replace(arabicArticle, ""))}`, "u");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
