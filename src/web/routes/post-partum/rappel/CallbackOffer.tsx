import { Link } from "react-router";
import { useLingui } from "@lingui/react/macro";
import type { EpdsBandId } from "../../../../domain/epds/score.js";
import type { CallbackNavigationState } from "./CallbackPage.js";

/**
 * « Je souhaite être rappelé(e) » on the EPDS result. A plain link: nothing is asked to the server until the
 * parent opens the request page (the result page makes no request). The band and date travel in the
 * navigation state, which stays in the browser; the parent decides on the next page whether to share them.
 */
export function CallbackOffer({ band, date }: { band: EpdsBandId; date: string }) {
  const state: CallbackNavigationState = { resultat: { band, date } };
  const { t } = useLingui();
  return (
    <section className="fr-callout fr-mb-4w mj-no-print" aria-labelledby="etre-rappele">
      <h2 id="etre-rappele" className="fr-callout__title fr-h5">
        {t`Parler à quelqu'un de votre département`}
      </h2>
      <p className="fr-callout__text fr-text--md">
        {t`Un professionnel (PMI ou service partenaire) peut vous rappeler au moment qui vous convient. Rien n'est envoyé sans votre accord, et vos réponses restent sur ce téléphone.`}
      </p>
      <Link className="fr-btn fr-btn--icon-right fr-icon-phone-line" to="/post-partum/rappel" state={state}>
        {t`Je souhaite être rappelé(e)`}
      </Link>
    </section>
  );
}
