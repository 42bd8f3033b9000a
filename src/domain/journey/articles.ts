import type { Article, SituationId, StageId, ThemeId } from "../content/schema.js";

/** An article is for everyone when it names no situation, otherwise for profiles with one of them. */
export function fitsSituations(article: Pick<Article, "situations">, situations: readonly SituationId[]): boolean {
  return article.situations.length === 0 || article.situations.some((s) => situations.includes(s));
}

/**
 * Articles of a stage that fit the profile: those written for its situations first, then those
 * that concern fewer stages (the most specific to this moment), then in content order.
 */
export function articlesForStage<A extends Article>(articles: readonly A[], stage: StageId, situations: readonly SituationId[]): A[] {
  return articles
    .filter((a) => a.stages.includes(stage) && fitsSituations(a, situations))
    .map((a, index) => ({ a, index }))
    .sort((x, y) => Number(y.a.situations.length > 0) - Number(x.a.situations.length > 0) || x.a.stages.length - y.a.stages.length || x.index - y.index)
    .map(({ a }) => a);
}

export interface ArticleFilter {
  themes: readonly ThemeId[];
  onlyUnread: boolean;
  onlyFavourites: boolean;
}

export interface ArticleMarks {
  read: ReadonlySet<string>;
  favourites: ReadonlySet<string>;
}

/** Theme filter (any of the chosen themes), unread and favourites filters; unread articles first. */
export function filterArticles<A extends Article>(articles: readonly A[], filter: ArticleFilter, marks: ArticleMarks): A[] {
  return articles
    .filter((a) => filter.themes.length === 0 || a.themes.some((t) => filter.themes.includes(t)))
    .filter((a) => !filter.onlyUnread || !marks.read.has(a.id))
    .filter((a) => !filter.onlyFavourites || marks.favourites.has(a.id))
    .map((a, index) => ({ a, index }))
    .sort((x, y) => Number(marks.read.has(x.a.id)) - Number(marks.read.has(y.a.id)) || x.index - y.index)
    .map(({ a }) => a);
}
