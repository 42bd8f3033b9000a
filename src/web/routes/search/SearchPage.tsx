import { useState, type FormEvent } from "react";
import { useSearchParams } from "react-router";
import { SearchBar } from "@codegouvfr/react-dsfr/SearchBar";
import { searchArticles } from "../../../domain/content/search.js";
import { fitsSituations } from "../../../domain/journey/articles.js";
import { Page } from "../../components/Page.js";
import { ContentGate } from "../../components/ContentGate.js";
import { ArticleList } from "../../components/ArticleList.js";
import { t } from "../../i18n/fr.js";
import { useParent } from "../../state/parent.js";

/** Accent-insensitive search over every article, on the device (works offline). */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const query = params.get("q") ?? "";
  const [typed, setTyped] = useState(query);
  const { marks, profile } = useParent();

  function submit(event: FormEvent) {
    event.preventDefault();
    setParams(typed.trim() ? { q: typed.trim() } : {});
  }

  return (
    <Page title={query ? `Recherche : ${query}` : "Rechercher"} heading="Rechercher">
      <form role="search" onSubmit={submit} className="fr-mb-3w">
        <SearchBar
          label={t.search.label}
          big
          renderInput={({ className, id, placeholder, type }) => (
            <input
              className={className}
              id={id}
              name="q"
              placeholder={placeholder}
              type={type}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              aria-label={t.search.label}
            />
          )}
          onButtonClick={(text) => setParams(text.trim() ? { q: text.trim() } : {})}
        />
      </form>
      <ContentGate>
        {({ bundle, searchIndex }) => {
          if (!query) return <p>Tapez un mot, par exemple « sommeil », « vaccins » ou « congé ».</p>;
          // Articles for another situation are found too, but those for the parent's own come first.
          const results = searchArticles(searchIndex, query).sort(
            (a, b) => Number(!fitsSituations(a, profile?.situations ?? [])) - Number(!fitsSituations(b, profile?.situations ?? [])),
          );
          return (
            <>
              <p role="status" aria-live="polite">
                {results.length === 0
                  ? `Aucun article ne contient « ${query} ». Essayez un autre mot.`
                  : `${results.length} article${results.length > 1 ? "s" : ""} pour « ${query} »`}
              </p>
              <ArticleList articles={results} marks={marks} themes={bundle.themes} headingLevel="h2" />
            </>
          );
        }}
      </ContentGate>
    </Page>
  );
}
