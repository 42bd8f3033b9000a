import { useSearchParams } from "react-router";
import { PostPartumPage } from "./PostPartumPage.js";

/**
 * `/integration/epds?source=NAME`: the questionnaire alone, for a partner site's iframe. The partner's
 * name is shown, never sent anywhere; answers stay in the page.
 */
export function EpdsEmbedPage() {
  const [params] = useSearchParams();
  const source = (params.get("source") ?? "").slice(0, 80);
  return (
    <>
      <PostPartumPage embedded />
      <p className="fr-text--xs fr-mt-4w">
        Questionnaire proposé par Mille Jours{source ? `, intégré par ${source}` : ""}. Vos réponses ne quittent pas cette page.
      </p>
    </>
  );
}
