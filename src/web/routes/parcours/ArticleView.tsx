import { useEffect } from "react";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Highlight } from "@codegouvfr/react-dsfr/Highlight";
import type { Article, ContentBundle } from "../../../domain/content/schema.js";
import { localeByCode } from "../../../domain/content/languages.js";
import { localizeArticle } from "../../../domain/content/localize.js";
import { useContentLanguage, useTranslationBundle } from "../../state/translations.js";
import { useLingui } from "@lingui/react/macro";
import { formatDate } from "../../i18n/format.js";
import { shared } from "../../i18n/messages.js";
import { stageLabels } from "../../i18n/content-labels.js";
import { Page } from "../../components/Page.js";
import { useParent } from "../../state/parent.js";
import { ReadAloud } from "../../components/listen/ReadAloud.js";
import { TranslationNote } from "./TranslationNote.js";

export function ArticleView({ article: french, bundle }: { article: Article; bundle: ContentBundle }) {
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
