import { useMemo } from "react";
import { useLingui } from "@lingui/react/macro";
import { plural } from "@lingui/core/macro";
import type { Article, ContentBundle } from "../../../domain/content/schema.js";
import { buildSearchIndex, searchArticles, type SearchIndexEntry } from "../../../domain/content/search.js";
import { fitsSituations } from "../../../domain/journey/articles.js";
import { ArticleList } from "../../components/ArticleList.js";
import { useParent } from "../../state/parent.js";
import { useContentLanguage, useTranslationBundle } from "../../state/translations.js";

/**
 * The articles a query finds, on the device (works offline). In another language, by the words of the articles'
 * translations (those on the device, or fetched) as well as by their French words; the cards show the translated
 * titles, the others in French marked as such (ArticleList).
 */
export function SearchResults({ query, bundle, frenchIndex }: { query: string; bundle: ContentBundle; frenchIndex: SearchIndexEntry<Article>[] }) {
  const { marks, profile } = useParent("marks", "profile");
  const { t } = useLingui();
  const translation = useTranslationBundle(useContentLanguage());
  const translations = translation.status === "ready" ? translation.bundle.articles : null;
  const index = useMemo(() => (translations ? buildSearchIndex(bundle.articles, translations) : frenchIndex), [bundle, translations, frenchIndex]);

  // Articles for another situation are found too, but those for the parent's own come first.
  const results = searchArticles(index, query).sort(
    (a, b) => Number(!fitsSituations(a, profile?.situations ?? [])) - Number(!fitsSituations(b, profile?.situations ?? [])),
  );
  return (
    <>
      <p role="status" aria-live="polite">
        {results.length === 0
          ? t`Aucun article ne contient « ${query} ». Essayez un autre mot.`
          : plural(results.length, { one: `# article pour « ${query} »`, other: `# articles pour « ${query} »` })}
      </p>
      <ArticleList articles={results} marks={marks} headingLevel="h2" />
    </>
  );
}
