import { useLingui } from "@lingui/react/macro";
import { Card } from "@codegouvfr/react-dsfr/Card";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import type { Article } from "../../domain/content/schema.js";
import type { ArticleMark } from "../storage/local-db.js";
import { localeByCode } from "../../domain/content/languages.js";
import { themeLabels } from "../i18n/content-labels.js";
import { useArticleTexts } from "../state/translations.js";

/** Article cards: title, summary (in the reader's language where translated), themes, and whether the parent read it or kept it. */
export function ArticleList({
  articles,
  marks,
  headingLevel = "h3",
}: {
  articles: readonly Article[];
  marks: ReadonlyMap<string, ArticleMark>;
  headingLevel?: "h2" | "h3";
}) {
  const { t } = useLingui();
  const texts = useArticleTexts();
  return (
    <ul className="fr-grid-row fr-grid-row--gutters mj-track-list">
      {articles.map((french) => {
        const article = texts(french);
        const { lang, dir } = localeByCode(article.language);
        const mark = marks.get(article.id);
        return (
          <li key={article.id} className="fr-col-12 fr-col-md-6">
            <Card
              title={
                <span lang={lang} dir={dir}>
                  {article.title}
                </span>
              }
              titleAs={headingLevel}
              desc={
                <span lang={lang} dir={dir}>
                  {article.summary}
                </span>
              }
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
              end={<p className="fr-card__detail">{article.themes.map((theme) => t(themeLabels[theme])).join(" · ")}</p>}
            />
          </li>
        );
      })}
    </ul>
  );
}
