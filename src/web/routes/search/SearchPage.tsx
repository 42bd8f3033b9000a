import { useState, type FormEvent } from "react";
import { useSearchParams } from "react-router";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { searchArticles } from "../../../domain/content/search.js";
import { fitsSituations } from "../../../domain/journey/articles.js";
import { Page } from "../../components/Page.js";
import { ContentGate } from "../../components/ContentGate.js";
import { ArticleList } from "../../components/ArticleList.js";
import { useLingui } from "@lingui/react/macro";
import { plural } from "@lingui/core/macro";
import { shared } from "../../i18n/messages.js";
import { useParent } from "../../state/parent.js";

/** Accent-insensitive search over every article, on the device (works offline). */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const query = params.get("q") ?? "";
  const [typed, setTyped] = useState(query);
  const { marks, profile } = useParent("marks", "profile");
  const { t } = useLingui();

  function submit(event: FormEvent) {
    event.preventDefault();
    setParams(typed.trim() ? { q: typed.trim() } : {});
  }

  return (
    <Page title={query ? t`Recherche : ${query}` : t`Rechercher`} heading={t`Rechercher`}>
      <form role="search" aria-label={t(shared.searchLabel)} onSubmit={submit} className="fr-mb-3w">
        <Input
          label={t(shared.searchLabel)}
          hintText={t`Tous les articles, même hors ligne. Les accents ne comptent pas.`}
          nativeInputProps={{ type: "search", name: "q", value: typed, placeholder: t(shared.searchPlaceholder), onChange: (e) => setTyped(e.target.value) }}
        />
        <Button type="submit" iconId="fr-icon-search-line">
          {t`Rechercher`}
        </Button>
      </form>
      <ContentGate>
        {({ searchIndex }) => {
          if (!query) return <p>{t`Tapez un mot, par exemple « sommeil », « vaccins » ou « congé ».`}</p>;
          // Articles for another situation are found too, but those for the parent's own come first.
          const results = searchArticles(searchIndex, query).sort(
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
        }}
      </ContentGate>
    </Page>
  );
}
