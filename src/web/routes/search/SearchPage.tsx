import { useState, type FormEvent } from "react";
import { useSearchParams } from "react-router";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Page } from "../../components/Page.js";
import { ContentGate } from "../../components/ContentGate.js";
import { SearchResults } from "./SearchResults.js";
import { useLingui } from "@lingui/react/macro";
import { shared } from "../../i18n/messages.js";

/** Accent-insensitive search over every article, on the device (works offline), in the reader's language and in French. */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const query = params.get("q") ?? "";
  const [typed, setTyped] = useState(query);
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
        {({ bundle, searchIndex }) =>
          query ? (
            <SearchResults query={query} bundle={bundle} frenchIndex={searchIndex} />
          ) : (
            <p>{t`Tapez un mot, par exemple « sommeil », « vaccins » ou « congé ».`}</p>
          )
        }
      </ContentGate>
    </Page>
  );
}
