import { Link, Navigate, useParams } from "react-router";
import { Trans, useLingui } from "@lingui/react/macro";
import { Page } from "../../components/Page.js";
import { entryPoint } from "./entry-points.js";

/** `/d/:code`: a short link printed on an official support, sent on to the right page. */
export function EntryPointPage() {
  const { t } = useLingui();
  const { code } = useParams();
  const entry = entryPoint(code);
  if (entry) return <Navigate to={entry.to} replace />;
  return (
    <Page title={t`Lien inconnu`}>
      <p>
        <Trans>
          Ce lien court n'existe pas (ou plus). <Link to="/">Ouvrir l'accueil de Mille Jours</Link>
        </Trans>
      </p>
    </Page>
  );
}
