import { Link } from "react-router";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { plural } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
import { AUTISME_INFO_SERVICE, DEVELOPMENT_SOURCES } from "../../../domain/development/sources.js";
import type { CheckSummary } from "./summary.js";

export function ResultView({ summary, nextStart }: { summary: CheckSummary; nextStart: string | null }) {
  const { t } = useLingui();
  const { assessment } = summary;
  const unknown = assessment.unknownItems.length;
  const nonCount = assessment.nonItems.length;
  const domainCount = assessment.domainsWithNon.length;
  const urgent = assessment.level === "en-parler-vite";
  const { name: line, phone, tel, contactUrl } = AUTISME_INFO_SERVICE;
  const pcoList = DEVELOPMENT_SOURCES.listePco.url;
  return (
    <div className="mj-dev-screen-only">
      {assessment.level === "rien-a-signaler" && assessment.unsettled ? (
        <Alert
          as="h2"
          severity="info"
          title={t`Certains repères restent à observer`}
          description={plural(unknown, {
            one: "Vous avez répondu « je ne sais pas » à # repère : selon ce que fait votre enfant, ils pourraient atteindre le seuil de la grille officielle. Observez-le ces prochains jours et refaites le point, ou montrez le résumé ci-dessous à votre médecin. Si quelque chose vous inquiète, parlez-lui-en : votre avis compte toujours.",
            other:
              "Vous avez répondu « je ne sais pas » à # repères : selon ce que fait votre enfant, ils pourraient atteindre le seuil de la grille officielle. Observez-le ces prochains jours et refaites le point, ou montrez le résumé ci-dessous à votre médecin. Si quelque chose vous inquiète, parlez-lui-en : votre avis compte toujours.",
          })}
        />
      ) : assessment.level === "rien-a-signaler" ? (
        <Alert
          as="h2"
          severity="success"
          title={t`Rien de particulier à signaler pour l'instant`}
          description={[
            t`Vos réponses n'atteignent pas le seuil de la grille officielle.`,
            nextStart ? t`Vous pourrez refaire le point à partir du ${nextStart}, avec les repères de l'âge suivant.` : null,
            t`Si quelque chose vous inquiète d'ici là, parlez-en à votre médecin : votre avis compte toujours.`,
          ]
            .filter(Boolean)
            .join(" ")}
        />
      ) : (
        <Alert
          as="h2"
          severity={urgent ? "error" : "warning"}
          title={urgent ? t`Parlez-en à un médecin sans attendre` : t`Parlez-en à votre médecin`}
          description={[
            assessment.regression ? t`Votre enfant a perdu quelque chose qu'il savait faire : cela doit être examiné rapidement.` : null,
            assessment.thresholdMet
              ? t`${nonCount} réponses « non » dans ${domainCount} domaines : c'est le cas où la grille officielle demande l'avis d'un médecin.`
              : null,
            assessment.worry ? t`Vous êtes inquiet ou inquiète : toute inquiétude des parents doit être prise en compte.` : null,
            t`Ce n'est pas un diagnostic.`,
          ]
            .filter(Boolean)
            .join(" ")}
        />
      )}
      {assessment.level !== "rien-a-signaler" && (
        <section aria-labelledby="la-suite" className="fr-mt-3w">
          <h2 id="la-suite" className="fr-h4">
            {t`Et ensuite ?`}
          </h2>
          <ol>
            <li>
              {urgent
                ? t`Prenez rendez-vous dans les tout prochains jours avec votre médecin traitant, le pédiatre ou la PMI, et montrez-lui le résumé ci-dessous (à imprimer ou en PDF).`
                : t`Prenez rendez-vous avec votre médecin traitant, le pédiatre ou la PMI, et montrez-lui le résumé ci-dessous (à imprimer ou en PDF).`}
            </li>
            <li>
              <Trans>
                Le médecin examine votre enfant. S'il le juge utile, il l'oriente vers la <strong>plateforme de coordination et d'orientation (PCO TND)</strong>{" "}
                de votre département, sans attendre un diagnostic.
              </Trans>
            </li>
            <li>
              {t`La PCO organise les bilans et les premières interventions (psychomotricien, ergothérapeute, psychologue) : elles sont prises en charge par l'Assurance Maladie, sans reste à charge ni avance de frais pour la famille.`}
            </li>
          </ol>
          <p>
            <a href={pcoList}>{t`Adresses et téléphones des PCO par département (ameli.fr)`}</a> ·{" "}
            <Link to="/autour-de-moi?types=pco-tnd">{t`Trouver la PCO près de chez moi`}</Link>
          </p>
        </section>
      )}
      <p className="fr-mt-3w">
        <Trans>
          Une question sur l'autisme ou le développement ? <strong>{line}</strong> : <a href={`tel:${tel}`}>{phone}</a> (appel gratuit et anonyme,{" "}
          <a href={contactUrl}>horaires sur son site</a>).
        </Trans>
      </p>
    </div>
  );
}
