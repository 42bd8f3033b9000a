import { useEffect } from "react";
import { useParams } from "react-router";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Highlight } from "@codegouvfr/react-dsfr/Highlight";
import type { Article, ContentBundle } from "../../../domain/content/schema.js";
import { localeByCode, type ContentLanguage, type TranslationLanguage } from "../../../domain/content/languages.js";
import { localizeArticle, type LocalizedArticle } from "../../../domain/content/localize.js";
import { frenchNotes, frenchStatusLabel, translationLabels } from "../../../domain/content/translation-labels.js";
import { useContentLanguage, useTranslationBundle } from "../../state/translations.js";
import { useLingui } from "@lingui/react/macro";
import { formatFrenchDate } from "../../../domain/dates.js";
import { formatDate } from "../../i18n/format.js";
import { shared } from "../../i18n/messages.js";
import { stageLabels } from "../../i18n/content-labels.js";
import { Page } from "../../components/Page.js";
import { ContentGate } from "../../components/ContentGate.js";
import { NotFoundPage } from "../NotFoundPage.js";
import { useParent } from "../../state/parent.js";
import { ReadAloud } from "../../components/listen/ReadAloud.js";

export function ArticlePage() {
  const { articleId } = useParams();
  return (
    <ContentGate>
      {({ bundle }) => {
        const article = bundle.articles.find((a) => a.id === articleId);
        return article ? <ArticleView article={article} bundle={bundle} /> : <NotFoundPage />;
      }}
    </ContentGate>
  );
}

/** A calendar day in the reader's language (date-only ISO string, no time zone shift). */
function formatDay(iso: string, language: ContentLanguage): string {
  if (language === "fr" || language === "falc") return formatFrenchDate(iso);
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(localeByCode(language).lang, { dateStyle: "long", timeZone: "UTC" }).format(Date.UTC(y, m - 1, d));
}

/**
 * Above a text in another language: its review status and the French original one tap away, or why it is in French:
 * not translated yet, or translated but not on this device with no connection (`unavailable`).
 */
function TranslationNote({ shown, language, unavailable }: { shown: LocalizedArticle; language: TranslationLanguage; unavailable: boolean }) {
  const labels = translationLabels[language];
  const { lang: tag, dir } = localeByCode(language);
  if (shown.fallback)
    return (
      <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-3w" data-testid="translation-fallback">
        <p lang={tag} dir={dir}>
          {unavailable ? labels.unavailable : labels.fallback}
        </p>
        {/* Deliberately French, beside the same note in the reader's language. */}
        <p className="fr-text--sm fr-mb-0" lang="fr" dir="ltr">
          {unavailable ? frenchNotes.unavailable : frenchNotes.fallback}
        </p>
      </div>
    );
  const status = shown.translation!;
  const label = status.status === "relu" ? labels.reviewed(formatDay(status.reviewedOn, language), status.reviewer) : labels.toReview;
  return (
    <div className="fr-mb-3w" data-testid="translation-status">
      {/* Not a DSFR badge: badges are in capitals, hard to read for a sentence (and against the FALC rules). */}
      <p className={`fr-mb-1w ${status.status === "relu" ? "fr-icon-success-line" : "fr-icon-info-line"}`} lang={tag} dir={dir}>
        {" "}
        <strong>{label}</strong>
      </p>
      {/* The same status in French, marked so (read with a French voice). */}
      <p className="fr-text--sm fr-mb-1w" lang="fr" dir="ltr">
        {frenchStatusLabel(status, language === "falc", formatFrenchDate)}
      </p>
      {/* A plain link: the French address has no language prefix, outside this router's basename. */}
      <a href={`/articles/${shown.id}`} className="fr-link fr-icon-arrow-right-line fr-link--icon-right" hrefLang="fr" lang={tag} dir={dir}>
        {labels.original}
      </a>
    </div>
  );
}

function ArticleView({ article: french, bundle }: { article: Article; bundle: ContentBundle }) {
  const language = useContentLanguage();
  const translation = useTranslationBundle(language);
  const article =
    translation.status === "ready"
      ? localizeArticle(
          french,
          language,
          translation.bundle.articles.find((a) => a.id === french.id),
        )
      : localizeArticle(french, translation.status === "unavailable" ? language : "fr", undefined);
  const { lang: tag, dir } = localeByCode(article.language);
  const { marks, setMark } = useParent("marks", "setMark");
  const { t } = useLingui();
  const mark = marks.get(article.id);
  const firstStage = bundle.stages.find((s) => article.stages.includes(s.id));

  // Opening an article marks it read; the parent can undo it.
  useEffect(() => {
    if (!marks.get(article.id)?.read) void setMark(article.id, { read: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [article.id]);

  return (
    <>
      <Breadcrumb
        currentPageLabel={article.title}
        segments={[
          { label: t(shared.parcours), linkProps: { to: "/parcours" } },
          ...(firstStage ? [{ label: t(stageLabels[firstStage.id].title), linkProps: { to: `/parcours/${firstStage.id}` } }] : []),
        ]}
        className="fr-mt-0"
      />
      <Page
        title={article.title}
        heading={
          <span lang={tag} dir={dir}>
            {article.title}
          </span>
        }
      >
        {language !== "fr" && translation.status !== "loading" && (
          <TranslationNote shown={article} language={language} unavailable={translation.status === "unavailable"} />
        )}
        {/* The title span carries the text's language: read aloud with a voice for it. */}
        <ReadAloud key={`${article.id}-${article.language}`} regions="main h1 > span, #lecture-article, #lecture-article-corps" />
        <div id="lecture-article" lang={tag} dir={dir}>
          <p className="fr-text--lead">{article.summary}</p>
          <Highlight size="lg">
            <strong>{t`À retenir :`} </strong>
            {article.keyMessage}
          </Highlight>
        </div>
        <div className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left fr-my-3w mj-no-print">
          <Button
            priority={mark?.favourite ? "primary" : "secondary"}
            iconId={mark?.favourite ? "fr-icon-star-fill" : "fr-icon-star-line"}
            nativeButtonProps={{ "aria-pressed": mark?.favourite ?? false }}
            onClick={() => void setMark(article.id, { favourite: !mark?.favourite })}
          >
            {t`Favori`}
          </Button>
          <Button priority="tertiary" iconId="fr-icon-eye-off-line" onClick={() => void setMark(article.id, { read: !mark?.read })}>
            {mark?.read ? t`Marquer comme non lu` : t`Marquer comme lu`}
          </Button>
        </div>
        {/* Our own Markdown, validated and rendered at build time: no user input reaches this HTML. */}
        <div id="lecture-article-corps" className="mj-article-body" lang={tag} dir={dir} dangerouslySetInnerHTML={{ __html: article.html }} />
        <section aria-labelledby="sources" className="fr-mt-5w">
          <h2 id="sources" className="fr-h5">
            {t`Sources officielles`}
          </h2>
          <ul>
            {article.sources.map((s) => (
              <li key={s.url}>
                <a href={s.url} target="_blank" rel="noopener noreferrer" title={t`${s.title} – nouvelle fenêtre`}>
                  {s.title}
                </a>{" "}
                — {s.publisher}, {formatDate(s.date)}
              </li>
            ))}
          </ul>
          <p className="fr-text--sm">{t`Relu le ${formatDate(article.reviewed)} · prochaine relecture prévue le ${formatDate(article.nextReview)}.`}</p>
        </section>
      </Page>
    </>
  );
}
