import { useSearchParams } from "react-router";
import { useLingui } from "@lingui/react/macro";
import { PostPartumPage } from "./PostPartumPage.js";

/**
 * `/integration/epds?source=NAME`: the questionnaire alone, for a partner site's iframe. The partner's
 * name is shown, never sent anywhere; answers stay in the page.
 */
export function EpdsEmbedPage() {
  const [params] = useSearchParams();
  const source = (params.get("source") ?? "").slice(0, 80);
  const { t } = useLingui();
  return (
    <>
      <PostPartumPage embedded />
      <p className="fr-text--xs fr-mt-4w">
        {source ? t`Questionnaire proposé par Mille Jours, intégré par ${source}.` : t`Questionnaire proposé par Mille Jours.`}{" "}
        {t`Vos réponses ne quittent pas cette page.`}
      </p>
    </>
  );
}
