import { Page } from "../../components/Page.js";
import { BarometerView } from "./BarometerView.js";

/** The public, read-only barometer (no account). */
export function PublicBarometerPage() {
  return (
    <Page title="Baromètre des entretiens prénatal et postnatal précoces">
      <p className="fr-text--lead">
        L'entretien prénatal précoce (EPP) et l'entretien postnatal précoce (EPNP) sont proposés à tous les futurs et jeunes parents. Ce baromètre suit, département par département, la part des
        personnes qui en ont bénéficié, au regard des objectifs nationaux.
      </p>
      <BarometerView endpoint="/barometre" />
    </Page>
  );
}
