import { useLingui } from "@lingui/react/macro";
import { Card } from "@codegouvfr/react-dsfr/Card";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import type { Article, Theme } from "../../domain/content/schema.js";
import type { ArticleMark } from "../storage/local-db.js";

/** Article cards: title, summary, themes, and whether the parent read it or kept it. */
export function ArticleList({
  articles,
  marks,
  themes,
  headingLevel = "h3",
}: {
  articles: readonly Article[];
  marks: ReadonlyMap<string, ArticleMark>;
  themes: readonly Theme[];
  headingLevel?: "h2" | "h3";
}) {
  const { t } = useLingui();
  const themeTitle = new Map(themes.map((t) => [t.id, t.title]));
  return (
    <ul className="fr-grid-row fr-grid-row--gutters mj-track-list">
      {articles.map((article) => {
        const mark = marks.get(article.id);
        return (
          <li key={article.id} className="fr-col-12 fr-col-md-6">
            <Card
              title={article.title}
              titleAs={headingLevel}
              desc={article.summary}
              enlargeLink
              linkProps={{ to: `/articles/${article.id}` }}
              size="small"
              start={
                <ul className="fr-badges-group">
                  {mark?.read ? (
                    <li>
                      <Badge small severity="success" noIcon>{t`Lu`}</Badge>
                    </li>
                  ) : (
                    <li>
                      <Badge small severity="new" noIcon>{t`Non lu`}</Badge>
                    </li>
                  )}
                  {mark?.favourite && (
                    <li>
                      <Badge small severity="info" noIcon>{t`Favori`}</Badge>
                    </li>
                  )}
                  {article.situations.length > 0 && (
                    <li>
                      <Badge small noIcon>{t`Pour votre situation`}</Badge>
                    </li>
                  )}
                </ul>
              }
              end={<p className="fr-card__detail">{article.themes.map((t) => themeTitle.get(t) ?? t).join(" · ")}</p>}
            />
          </li>
        );
      })}
    </ul>
  );
}
