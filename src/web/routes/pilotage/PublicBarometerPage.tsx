import { useLingui } from "@lingui/react/macro";
import { Page } from "../../components/Page.js";
import { BarometerView } from "./BarometerView.js";

/** The public, read-only barometer (no account). */
export function PublicBarometerPage() {
  const { t } = useLingui();
  return (
    <Page title={t`Baromètre des entretiens prénatal et postnatal précoces`}>
      <p className="fr-text--lead">
        {t`L'entretien prénatal précoce (EPP) et l'entretien postnatal précoce (EPNP) sont obligatoires : la loi impose de les proposer à tous les futurs et jeunes parents (Code de la santé publique, article L2122-1). Ce baromètre suit, département par département, la part des personnes qui en ont bénéficié, au regard des objectifs nationaux.`}
      </p>
      <BarometerView endpoint="/barometre" />
    </Page>
  );
}
