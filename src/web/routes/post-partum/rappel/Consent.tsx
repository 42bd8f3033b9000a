import { Trans, useLingui } from "@lingui/react/macro";
import { I18nProvider } from "@lingui/react";
import type { I18n } from "@lingui/core";
import type { PublicService, Retention } from "../../../../domain/callback/contract.js";
import type { CommuneMatch } from "../../../../domain/geo/commune-search.js";
import { frenchI18n } from "../../../i18n/french.js";
import { daysInWords } from "./format.js";

/**
 * The notice before consent (who reads the request, for what, and when it is deleted: reference §6), in the parent's
 * language. Its French text is the reference one (the one the DPO validates; docs/langues.md): in another language it
 * is one tap away, under the translation.
 */
export function Consent(props: ConsentProps) {
  const { t, i18n } = useLingui();
  if (i18n.locale === "fr") return <ConsentText {...props} />;
  return (
    <>
      <ConsentText {...props} />
      <details className="fr-mb-2w mj-consent-reference">
        <summary>{t`Lire ce texte en français (version de référence)`}</summary>
        <div lang="fr" dir="ltr" className="fr-mt-1w">
          <I18nProvider i18n={frenchI18n()}>
            <ConsentText {...props} french />
          </I18nProvider>
        </div>
      </details>
    </>
  );
}

interface ConsentProps {
  service: PublicService;
  commune: CommuneMatch;
  retention: Retention;
}

function ConsentText({ service, commune, retention, french = false }: ConsentProps & { french?: boolean }) {
  const { t, i18n } = useLingui();
  const serviceName = service.name;
  const departementName = commune.departement.name;
  const afterClosed = daysInWords(retention.afterClosedDays, i18n as I18n);
  const atMost = daysInWords(retention.maxDays, i18n as I18n);
  return (
    <div className="fr-callout fr-mb-2w" {...(french ? {} : { id: "rappel-accord" })}>
      <h3 className="fr-callout__title fr-h6">{t`Ce que devient votre demande`}</h3>
      <ul className="fr-callout__text fr-text--md">
        <li>
          <Trans>
            <strong>Qui la lit :</strong> seulement les professionnels de {serviceName}, le service qui rappelle les parents dans le département{" "}
            {departementName}. Chaque lecture est enregistrée. Personne d'autre n'y a accès, ni l'équipe de Mille Jours.
          </Trans>
        </li>
        <li>
          <Trans>
            <strong>Pour quoi :</strong> uniquement pour vous rappeler au numéro indiqué et vous proposer une aide ou une orientation. Le service reçoit un
            courriel qui dit seulement qu'une demande l'attend, sans votre nom ni votre numéro.
          </Trans>
        </li>
        <li>
          <Trans>
            <strong>Quand elle est effacée :</strong> automatiquement {afterClosed} après que le service l'a close, et au plus tard {atMost} après l'envoi. Vous
            pouvez l'annuler à tout moment depuis ce téléphone : elle est alors effacée tout de suite.
          </Trans>
        </li>
        <li>{t`Vos réponses au questionnaire ne sont jamais envoyées.`}</li>
      </ul>
    </div>
  );
}
