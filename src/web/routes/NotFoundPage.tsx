import { Link } from "react-router";
import { Page } from "../components/Page.js";

export function NotFoundPage() {
  return (
    <Page title="Page introuvable">
      <p>Cette page n'existe pas ou plus.</p>
      <p>
        <Link to="/">Revenir à l'accueil</Link> ou <Link to="/parcours">voir mon parcours</Link>.
      </p>
    </Page>
  );
}
