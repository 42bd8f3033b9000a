import { Link, Navigate, useParams } from "react-router";
import { Page } from "../../components/Page.js";
import { entryPoint } from "./entry-points.js";

/** `/d/:code`: a short link printed on an official support, sent on to the right page. */
export function EntryPointPage() {
  const { code } = useParams();
  const entry = entryPoint(code);
  if (entry) return <Navigate to={entry.to} replace />;
  return (
    <Page title="Lien inconnu">
      <p>
        Ce lien court n'existe pas (ou plus). <Link to="/">Ouvrir l'accueil de Mille Jours</Link>
      </p>
    </Page>
  );
}
