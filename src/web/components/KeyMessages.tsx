import { Link } from "react-router";
import type { Article } from "../../domain/content/schema.js";
import { localeByCode } from "../../domain/content/languages.js";
import { useArticleTexts } from "../state/translations.js";
import { Pictogram, themePictograms } from "./Pictogram.js";

/**
 * The key message of each article, beside its theme's pictogram, with a link to the article: in the reader's language
 * where the article is translated (the essentials) and its translation is on the device, else in French, marked as such.
 */
export function KeyMessages({ articles, linkText }: { articles: readonly Article[]; linkText: string }) {
  const texts = useArticleTexts();
  return (
    <ul className="mj-key-messages mj-key-messages--picto">
      {articles.map((french) => {
        const a = texts(french);
        const { lang, dir } = localeByCode(a.language);
        return (
          <li key={a.id}>
            <Pictogram id={themePictograms[a.themes[0]!]} />
            <span>
              <span lang={lang} dir={dir}>
                {a.keyMessage}
              </span>{" "}
              <Link to={`/articles/${a.id}`}>
                {linkText}
                <span className="fr-sr-only">
                  {" "}
                  : <span lang={lang}>{a.title}</span>
                </span>
              </Link>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
