import { Link } from "react-router";
import { Trans, useLingui } from "@lingui/react/macro";
import { Page } from "../components/Page.js";

export function NotFoundPage() {
  const { t } = useLingui();
  return (
    <Page title={t`Page introuvable`}>
      <p>{t`Cette page n'existe pas ou plus.`}</p>
      <p>
        <Trans>
          <Link to="/">Revenir à l'accueil</Link> ou <Link to="/parcours">voir mon parcours</Link>.
        </Trans>
      </p>
    </Page>
  );
}
