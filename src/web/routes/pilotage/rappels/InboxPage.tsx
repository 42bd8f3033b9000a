import { Link } from "react-router";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { CALLBACK_STATUSES, MOMENT_LABELS, STATUS_LABELS, type CallbackRequestView, type CallbackStatus } from "../../../../domain/callback/contract.js";
import { Page } from "../../../components/Page.js";
import { dateTime } from "../api.js";
import { departementName } from "../labels.js";
import { useAccount } from "../session.js";
import { useApiGet } from "../useApi.js";
import { bandLabel, delayLabel, outcomeText } from "./labels.js";

const SECTION_TITLES: Record<CallbackStatus, string> = { new: "Nouvelles demandes", contacted: "Contactées, à clôturer", closed: "Clôturées" };

/**
 * The call-back inbox of the account's département (the server answers for that département only, and records
 * each read): new → contacted → closed. The phone number is on the request's own page.
 */
export function InboxPage() {
  const account = useAccount();
  const { data, problem, loading, reload } = useApiGet("GET /pilotage/rappels");
  const title = `Demandes de rappel — ${departementName(data?.departement ?? account.departement ?? "")}`;
  return (
    <Page title={title}>
      {problem && <Alert severity="error" small description={problem.detail} className="fr-mb-3w" />}
      {loading && !data && <p role="status">Chargement…</p>}
      {data && (
        <>
          {data.service ? (
            <p>
              Service : <strong>{data.service.name}</strong>
              {data.service.enabled ? "" : " (désactivé : les parents ne peuvent plus envoyer de demande)"}. Délai annoncé aux parents :{" "}
              {delayLabel(data.service.responseDelayHours)} ; horaires affichés : {data.service.openingHours}.
            </p>
          ) : (
            <Alert
              severity="info"
              small
              description="Aucun service n'est activé pour ce département : les parents voient les lignes d'écoute au lieu du formulaire."
              className="fr-mb-3w"
            />
          )}
          {data.unreadable > 0 && (
            <Alert
              severity="warning"
              small
              description={`${data.unreadable} demande${data.unreadable > 1 ? "s" : ""} ne peu${data.unreadable > 1 ? "vent" : "t"} pas être lue${data.unreadable > 1 ? "s" : ""} : sa clé de chiffrement a été retirée de la configuration du serveur. Prévenez l'exploitant.`}
              className="fr-mb-3w"
            />
          )}
          <p className="fr-text--sm">
            Les demandes sont effacées automatiquement après la clôture et au plus tard à la date indiquée. Chaque consultation est enregistrée dans
            l'historique de la demande.
          </p>
          <Button size="small" priority="secondary" iconId="fr-icon-refresh-line" onClick={reload}>
            Actualiser
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
  return (
    <section aria-labelledby={id} className="fr-mt-4w">
      <h2 id={id} className="fr-h4">
        {SECTION_TITLES[status]} ({items.length})
      </h2>
      {items.length === 0 ? (
        <p>Aucune demande.</p>
      ) : (
        <div className="mj-table">
          <table tabIndex={0}>
            <caption className="fr-sr-only">{SECTION_TITLES[status]}</caption>
            <thead>
              <tr>
                <th scope="col">Reçue le</th>
                <th scope="col">Prénom ou pseudonyme</th>
                <th scope="col">Moments préférés</th>
                <th scope="col">Commune</th>
                <th scope="col">Résultat partagé</th>
                <th scope="col">{status === "closed" ? "Issue" : "Statut"}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id}>
                  <td>{dateTime(r.createdAt)}</td>
                  <th scope="row">
                    <Link to={`/pilotage/rappels/${r.id}`}>{r.name}</Link>
                  </th>
                  <td>{r.moments.map((m) => MOMENT_LABELS[m]).join(", ")}</td>
                  <td>{r.commune.name ?? r.commune.code}</td>
                  <td>{r.sharedResult ? bandLabel(r.sharedResult.band) : "Non partagé"}</td>
                  <td>{status === "closed" ? outcomeText(r) : STATUS_LABELS[r.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
