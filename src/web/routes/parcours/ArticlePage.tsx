import { useParams } from "react-router";
import { ContentGate } from "../../components/ContentGate.js";
import { NotFoundPage } from "../NotFoundPage.js";
import { ArticleView } from "./ArticleView.js";

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
