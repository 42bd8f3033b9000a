import { Link } from "react-router";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { msg, plural } from "@lingui/core/macro";
import { useLingui } from "@lingui/react/macro";
import type { MessageDescriptor } from "@lingui/core";
import { CALLBACK_STATUSES, type CallbackRequestView, type CallbackStatus, type Inbox } from "../../../../domain/callback/contract.js";
import { Page } from "../../../components/Page.js";
import { shared } from "../../../i18n/messages.js";
import { dateTime } from "../api.js";
import { departementName } from "../labels.js";
import { useAccount } from "../session.js";
import { useApiGet } from "../useApi.js";
import { bandLabel, delayLabel, momentLabels, outcomeText, statusLabels } from "./labels.js";

const SECTION_TITLES: Record<CallbackStatus, MessageDescriptor> = {
  new: msg`Nouvelles demandes`,
  contacted: msg`Contactées, à clôturer`,
  closed: msg`Clôturées`,
};

/**
 * The call-back inbox of the account's département (the server answers for that département only, and records
 * each read): new → contacted → closed. The phone number is on the request's own page.
 */
export function InboxPage() {
  const account = useAccount();
  const { data, problem, loading, reload } = useApiGet("GET /pilotage/rappels");
  const { t } = useLingui();
  const name = departementName(data?.departement ?? account.departement ?? "");
  const title = t`Demandes de rappel — ${name}`;
  return (
    <Page title={title}>
      {problem && <Alert severity="error" small description={problem.detail} className="fr-mb-3w" />}
      {loading && !data && <p role="status">{t(shared.loading)}</p>}
      {data && (
        <>
          {data.service ? (
            <ServiceLine service={data.service} />
          ) : (
            <Alert
              severity="info"
              small
              description={t`Aucun service n'est activé pour ce département : les parents voient les lignes d'écoute au lieu du formulaire.`}
              className="fr-mb-3w"
            />
          )}
          {data.unreadable > 0 && (
            <Alert
              severity="warning"
              small
              description={plural(data.unreadable, {
                one: "# demande ne peut pas être lue : sa clé de chiffrement a été retirée de la configuration du serveur. Prévenez l'exploitant.",
                other: "# demandes ne peuvent pas être lues : leur clé de chiffrement a été retirée de la configuration du serveur. Prévenez l'exploitant.",
              })}
              className="fr-mb-3w"
            />
          )}
          <p className="fr-text--sm">
            {t`Les demandes sont effacées automatiquement après la clôture et au plus tard à la date indiquée. Chaque consultation est enregistrée dans l'historique de la demande.`}
          </p>
          <Button size="small" priority="secondary" iconId="fr-icon-refresh-line" onClick={reload}>
            {t`Actualiser`}
          </Button>
          {CALLBACK_STATUSES.map((status) => (
            <StatusSection key={status} status={status} items={data.items.filter((r) => r.status === status)} />
          ))}
        </>
      )}
    </Page>
  );
}

function StatusSection({ status, items }: { status: CallbackStatus; items: CallbackRequestView[] }) {
  const id = `demandes-${status}`;
  const { t } = useLingui();
  const title = t(SECTION_TITLES[status]);
  const count = items.length;
  return (
    <section aria-labelledby={id} className="fr-mt-4w">
      <h2 id={id} className="fr-h4">
        {t`${title} (${count})`}
      </h2>
      {items.length === 0 ? (
        <p>{t`Aucune demande.`}</p>
      ) : (
        <div className="mj-table">
          <table tabIndex={0}>
            <caption className="fr-sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t`Reçue le`}</th>
                <th scope="col">{t`Prénom ou pseudonyme`}</th>
                <th scope="col">{t`Moments préférés`}</th>
                <th scope="col">{t`Commune`}</th>
                <th scope="col">{t`Résultat partagé`}</th>
                <th scope="col">{status === "closed" ? t`Issue` : t`Statut`}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id}>
                  <td>{dateTime(r.createdAt)}</td>
                  <th scope="row">
                    <Link to={`/pilotage/rappels/${r.id}`}>{r.name}</Link>
                  </th>
                  <td>{r.moments.map((m) => t(momentLabels[m])).join(", ")}</td>
                  <td>{r.commune.name ?? r.commune.code}</td>
                  <td>{r.sharedResult ? bandLabel(r.sharedResult.band) : t`Non partagé`}</td>
                  <td>{status === "closed" ? outcomeText(r) : t(statusLabels[r.status])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The département's service as parents see it: its name, whether it is on, the delay and hours announced. */
function ServiceLine({ service }: { service: NonNullable<Inbox["service"]> }) {
  const { t } = useLingui();
  const name = service.name;
  const delay = delayLabel(service.responseDelayHours);
  const hours = service.openingHours;
  return (
    <p>
      {service.enabled
        ? t`Service : ${name}. Délai annoncé aux parents : ${delay} ; horaires affichés : ${hours}.`
        : t`Service : ${name} (désactivé : les parents ne peuvent plus envoyer de demande). Délai annoncé aux parents : ${delay} ; horaires affichés : ${hours}.`}
    </p>
  );
}
