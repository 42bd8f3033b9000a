import type { Article } from "./schema.js";

/** Lower case, without accents or ligatures, so that "bebe secoue" finds "bébé secoué". */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/[’']/g, " ");
}

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

export function buildSearchIndex<A extends Article>(articles: readonly A[]): SearchIndexEntry<A>[] {
  return articles.map((article) => ({
    article,
    title: foldText(article.title),
    lead: foldText(`${article.summary} ${article.keyMessage}`),
    body: foldText(article.text),
  }));
}

/**
 * Every word of the query must appear (as a word prefix) somewhere in the article;
 * matches in the title weigh more than in the summary, which weigh more than in the body.
 */
export function searchArticles<A extends Article>(index: readonly SearchIndexEntry<A>[], query: string, limit = 50): A[] {
  const words = tokens(query);
  if (words.length === 0) return [];
  const scored: { article: A; score: number }[] = [];
  for (const entry of index) {
    let score = 0;
    let all = true;
    for (const word of words) {
      const pattern = new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(word)}`, "u");
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

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
