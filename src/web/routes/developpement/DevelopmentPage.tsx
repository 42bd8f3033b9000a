import { Link, useSearchParams } from "react-router";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Trans, useLingui } from "@lingui/react/macro";
import { bandOn, nextBand } from "../../../domain/development/grid.js";
import { developmentStage } from "../../../domain/development/age.js";
import { localeByCode } from "../../../domain/content/languages.js";
import { articlesForStage } from "../../../domain/journey/articles.js";
import { shared } from "../../i18n/messages.js";
import { formatDate } from "../../i18n/format.js";
import { ArticleList } from "../../components/ArticleList.js";
import { ContentGate } from "../../components/ContentGate.js";
import { Page } from "../../components/Page.js";
import { useParent } from "../../state/parent.js";
import { AgesBox } from "./AgesBox.js";
import { childName, chosenChild } from "./children.js";
import { bandContent, useDevelopmentContent } from "./grid-content.js";
import { DevelopmentTranslationNote } from "./TranslationNote.js";

/**
 * « Le développement de mon enfant »: real and corrected ages, what most children do around this age and
 * what helps (chosen by corrected age before 2 years), and the way to the check of the official grid; in the
 * interface's language (content/developpement/<langue>.json), French with a note when the language has none.
 */
export function DevelopmentPage() {
  const { profile, today, marks } = useParent("profile", "today", "marks");
  const { t } = useLingui();
  const [params, setParams] = useSearchParams();
  const development = useDevelopmentContent();
  const child = chosenChild(profile, params.get("enfant"));
  if (!profile || !child)
    return (
      <Page title={t`Le développement de votre enfant`}>
        <p>{t`Indiquez la date de naissance de votre enfant (et son terme prévu s'il est né prématuré) pour voir les repères de son âge.`}</p>
        <Button linkProps={{ to: "/profil" }}>{t`Compléter mon profil`}</Button>
      </Page>
    );
  if (!development)
    return (
      <p role="status" aria-live="polite">
        {t(shared.loading)}
      </p>
    );
  const name = childName(profile, child);
  const band = bandOn(child, today);
  const content = band ? bandContent(band.id, development.content) : null;
  const next = nextBand(child, today);
  const { lang, dir } = localeByCode(development.language);
  const { sources, reviewed } = development.content;
  const reviewedOn = formatDate(reviewed);
  const nextStart = next ? formatDate(next.start) : null;
  const itemCount = content?.items.length ?? 0;
  const rangeLabel = content?.label.toLocaleLowerCase(lang) ?? "";
  return (
    <Page title={t`Le développement de ${name}`}>
      {profile.children.length > 1 && (
        <nav aria-label={t`Choisir l'enfant`} className="fr-mb-2w">
          <ul className="fr-tags-group">
            {profile.children.map((c) => (
              <li key={c.id}>
                <button type="button" className="fr-tag" aria-pressed={c.id === child.id} onClick={() => setParams({ enfant: c.id })}>
                  {childName(profile, c)}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <DevelopmentTranslationNote development={development} />
      <AgesBox child={child} today={today} name={name} />
      {content && band ? (
        <>
          <section aria-labelledby="reperes">
            <h2 id="reperes">{t`Vers cet âge (${rangeLabel})`}</h2>
            <p>{t`Chaque enfant avance à son rythme. Vers cet âge, presque tous les enfants :`}</p>
            <ul lang={lang} dir={dir}>
              {content.milestones.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
            <h3 className="fr-h5">{t`Ce qui l'aide`}</h3>
            <ul lang={lang} dir={dir}>
              {content.helps.map((h) => (
                <li key={h}>{h}</li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="faire-le-point" className="fr-callout fr-my-4w">
            <h2 id="faire-le-point" className="fr-callout__title">
              {t`Faire le point sur son développement`}
            </h2>
            <p className="fr-callout__text">
              {t`${itemCount} questions de la grille officielle de repérage (2024), à répondre par « oui », « non » ou « je ne sais pas ». Ce n'est pas un diagnostic : cela aide à savoir s'il faut en parler au médecin. Vos réponses restent sur cet appareil.`}
            </p>
            <Button linkProps={{ to: `/developpement/reperage?enfant=${encodeURIComponent(child.id)}` }} iconId="fr-icon-arrow-right-line" iconPosition="right">
              {t`Faire le point`}
            </Button>
          </section>
        </>
      ) : band ? (
        <p>
          {t`De 4 à 6 ans, les repères de la grille officielle sont des exercices que le médecin fait faire à l'enfant pendant les examens de santé (copier une forme, construire avec des cubes…) : ce n'est pas un questionnaire pour les parents. Si quelque chose vous inquiète, parlez-en à votre médecin.`}
        </p>
      ) : (
        <p>
          {nextStart
            ? t`La grille officielle de repérage commence à 6 mois : elle sera proposée à partir du ${nextStart}. Si quelque chose vous inquiète d'ici là, parlez-en à votre médecin, au pédiatre ou à la PMI.`
            : t`La grille officielle de repérage commence à 6 mois. Si quelque chose vous inquiète d'ici là, parlez-en à votre médecin, au pédiatre ou à la PMI.`}
        </p>
      )}
      <ContentGate>
        {({ bundle }) => {
          const stage = developmentStage(child, today);
          const articles = stage ? articlesForStage(bundle.articles, stage, profile.situations).filter((a) => a.themes.includes("eveil")) : [];
          return articles.length > 0 ? (
            <section aria-labelledby="eveil-articles" className="fr-mt-4w">
              <h2 id="eveil-articles">{t`Pour l'éveil de votre enfant`}</h2>
              <ArticleList articles={articles} marks={marks} />
            </section>
          ) : null;
        }}
      </ContentGate>
      <p className="fr-mt-3w">
        <Link to="/developpement/historique">{t`Mes repérages enregistrés`}</Link> · <Link to="/parcours">{t`Mon parcours`}</Link>
      </p>
      <p className="fr-text--xs fr-mt-3w">
        {t`Sources :`}{" "}
        {sources.map((s, i) => (
          <span key={s.url}>
            {i > 0 && " ; "}
            <a href={s.url} hrefLang="fr" lang="fr">
              {s.title}
            </a>{" "}
            ({s.publisher})
          </span>
        ))}
        . {development.language === "fr" ? <Trans>Relu le {reviewedOn}.</Trans> : <Trans>Texte français de référence relu le {reviewedOn}.</Trans>}
      </p>
    </Page>
  );
}
