import { Trans, useLingui } from "@lingui/react/macro";
import { plural } from "@lingui/core/macro";
import { shared } from "../../i18n/messages.js";
import { Link, useParams, useSearchParams } from "react-router";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { stageIds, themeIds, type StageId, type ThemeId } from "../../../domain/content/taxonomy.js";
import { articlesForStage, filterArticles } from "../../../domain/journey/articles.js";
import { Page } from "../../components/Page.js";
import { ContentGate } from "../../components/ContentGate.js";
import { ArticleList } from "../../components/ArticleList.js";
import { NotFoundPage } from "../NotFoundPage.js";
// Stage names ship with the page, in the reader's language, so that the heading shows before the content bundle arrives.
import { stageLabels, themeLabels } from "../../i18n/content-labels.js";
import { KeyMessages } from "../../components/KeyMessages.js";
import { useParent } from "../../state/parent.js";

function isStageId(value: string | undefined): value is StageId {
  return (stageIds as readonly string[]).includes(value ?? "");
}

/** One stage: its key messages and its articles for this profile, with theme, unread and favourite filters. */
export function StagePage() {
  const { stageId } = useParams();
  if (!isStageId(stageId)) return <NotFoundPage />;
  return <StageView stageId={stageId} />;
}

function StageView({ stageId }: { stageId: StageId }) {
  const { profile, marks } = useParent("profile", "marks");
  const { t } = useLingui();
  const [params, setParams] = useSearchParams();
  const themes = (params.get("themes")?.split(",") ?? []).filter((t): t is ThemeId => (themeIds as readonly string[]).includes(t));
  const onlyUnread = params.get("nonlus") === "1";
  const onlyFavourites = params.get("favoris") === "1";

  function setFilter(change: { themes?: ThemeId[]; onlyUnread?: boolean; onlyFavourites?: boolean }) {
    const next = new URLSearchParams(params);
    const nextThemes = change.themes ?? themes;
    if (nextThemes.length) next.set("themes", nextThemes.join(","));
    else next.delete("themes");
    for (const [key, value] of [
      ["nonlus", change.onlyUnread ?? onlyUnread],
      ["favoris", change.onlyFavourites ?? onlyFavourites],
    ] as const) {
      if (value) next.set(key, "1");
      else next.delete(key);
    }
    setParams(next, { replace: true });
  }

  const stage = stageLabels[stageId];
  const title = t(stage.title);
  return (
    <>
      <Breadcrumb currentPageLabel={title} segments={[{ label: t(shared.parcours), linkProps: { to: "/parcours" } }]} className="fr-mt-0" />
      <Page title={title}>
        <p className="fr-text--lead">{t(stage.description)}</p>
        <p className="fr-text--sm">{t(stage.period)}</p>
        <ContentGate>
          {({ bundle }) => {
            const forProfile = articlesForStage(bundle.articles, stageId, profile?.situations ?? []);
            const stageThemes = bundle.themes.filter((t) => forProfile.some((a) => a.themes.includes(t.id)));
            const readSet = new Set([...marks.values()].filter((m) => m.read).map((m) => m.id));
            const favSet = new Set([...marks.values()].filter((m) => m.favourite).map((m) => m.id));
            const shown = filterArticles(forProfile, { themes, onlyUnread, onlyFavourites }, { read: readSet, favourites: favSet });
            return (
              <>
                {!profile && (
                  <p>
                    <Trans>
                      <Link to="/profil">Indiquez votre situation</Link> pour voir aussi les informations faites pour vous.
                    </Trans>
                  </p>
                )}

                <section aria-labelledby="essentiel" className="fr-callout fr-my-4w">
                  <h2 id="essentiel" className="fr-callout__title">
                    {t`L'essentiel à cette étape`}
                  </h2>
                  <KeyMessages articles={forProfile} linkText={t`En savoir plus`} />
                </section>

                <section aria-labelledby="articles-titre">
                  <h2 id="articles-titre">{t`Les articles`}</h2>
                  <Checkbox
                    legend={t`Filtrer par thème`}
                    orientation="horizontal"
                    small
                    options={stageThemes.map((theme) => ({
                      label: t(themeLabels[theme.id]),
                      nativeInputProps: {
                        name: `theme-${theme.id}`,
                        checked: themes.includes(theme.id),
                        onChange: () => setFilter({ themes: themes.includes(theme.id) ? themes.filter((x) => x !== theme.id) : [...themes, theme.id] }),
                      },
                    }))}
                  />
                  <Checkbox
                    legend={t`Afficher`}
                    orientation="horizontal"
                    small
                    options={[
                      { label: t`Non lus seulement`, nativeInputProps: { checked: onlyUnread, onChange: (e) => setFilter({ onlyUnread: e.target.checked }) } },
                      {
                        label: t`Mes favoris seulement`,
                        nativeInputProps: { checked: onlyFavourites, onChange: (e) => setFilter({ onlyFavourites: e.target.checked }) },
                      },
                    ]}
                  />
                  <p role="status" aria-live="polite" className="fr-text--sm">
                    {shown.length === 0 ? t`Aucun article ne correspond à ces filtres.` : plural(shown.length, { one: "# article", other: "# articles" })}
                  </p>
                  <ArticleList articles={shown} marks={marks} />
                </section>
              </>
            );
          }}
        </ContentGate>
      </Page>
    </>
  );
}
