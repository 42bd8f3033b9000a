import { useEffect } from "react";
import { useParams } from "react-router";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Highlight } from "@codegouvfr/react-dsfr/Highlight";
import { formatFrenchDate } from "../../../domain/dates.js";
import type { Article, ContentBundle } from "../../../domain/content/schema.js";
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

function ArticleView({ article, bundle }: { article: Article; bundle: ContentBundle }) {
  const { marks, setMark } = useParent();
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
          { label: "Mon parcours", linkProps: { to: "/parcours" } },
          ...(firstStage ? [{ label: firstStage.title, linkProps: { to: `/parcours/${firstStage.id}` } }] : []),
        ]}
        className="fr-mt-0"
      />
      <Page title={article.title}>
        <ReadAloud key={article.id} regions="main h1, #lecture-article, #lecture-article-corps" />
        <div id="lecture-article">
          <p className="fr-text--lead">{article.summary}</p>
          <Highlight size="lg">
            <strong>À retenir : </strong>
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
            Favori
          </Button>
          <Button priority="tertiary" iconId="fr-icon-eye-off-line" onClick={() => void setMark(article.id, { read: !mark?.read })}>
            {mark?.read ? "Marquer comme non lu" : "Marquer comme lu"}
          </Button>
        </div>
        {/* Our own Markdown, validated and rendered at build time: no user input reaches this HTML. */}
        <div id="lecture-article-corps" className="mj-article-body" dangerouslySetInnerHTML={{ __html: article.html }} />
        <section aria-labelledby="sources" className="fr-mt-5w">
          <h2 id="sources" className="fr-h5">
            Sources officielles
          </h2>
          <ul>
            {article.sources.map((s) => (
              <li key={s.url}>
                <a href={s.url} target="_blank" rel="noopener noreferrer" title={`${s.title} – nouvelle fenêtre`}>
                  {s.title}
                </a>{" "}
                — {s.publisher}, {formatFrenchDate(s.date)}
              </li>
            ))}
          </ul>
          <p className="fr-text--sm">
            Relu le {formatFrenchDate(article.reviewed)} · prochaine relecture prévue le {formatFrenchDate(article.nextReview)}.
          </p>
        </section>
      </Page>
    </>
  );
}
