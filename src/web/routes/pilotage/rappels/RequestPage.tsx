import { useState } from "react";
import { Link, useParams } from "react-router";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { msg } from "@lingui/core/macro";
import { useLingui } from "@lingui/react/macro";
import type { MessageDescriptor } from "@lingui/core";
import type { CallbackRequestView } from "../../../../domain/callback/contract.js";
import { Page } from "../../../components/Page.js";
import { shared } from "../../../i18n/messages.js";
import { dateTime, day } from "../api.js";
import { useApiGet } from "../useApi.js";
import { bandLabel, momentLabels, outcomeText, statusLabels } from "./labels.js";
import { phoneInWords } from "../../post-partum/rappel/format.js";
import { Actions } from "./Actions.js";

const ACTIONS: Record<CallbackRequestView["history"][number]["action"], MessageDescriptor> = {
  created: msg`Demande reçue`,
  read: msg`Consultée`,
  contacted: msg`Marquée contactée`,
  closed: msg`Clôturée`,
};

/** One request (its opening is recorded by the server), its history, and the actions: contacted, then closed with the outcome. */
export function RequestPage() {
  const { id } = useParams();
  const { data, problem, replace } = useApiGet("GET /pilotage/rappels/:id", { params: { id: id ?? "" } });
  const [message, setMessage] = useState<string | null>(null);
  const { t } = useLingui();

  if (!data)
    return (
      <Page title={t`Demande de rappel`}>
        {problem ? <Alert severity="error" small description={problem.detail} /> : <p role="status">{t(shared.loading)}</p>}
        <p className="fr-mt-3w">
          <Link to="/pilotage/rappels">{t`Retour aux demandes`}</Link>
        </p>
      </Page>
    );
  const name = data.name;
  const band = data.sharedResult ? bandLabel(data.sharedResult.band) : "";
  const answered = data.sharedResult ? day(data.sharedResult.date) : "";
  const deleteBy = dateTime(data.deleteBy);

  // The change answers with the request as it now is: shown as such, not read again (a read is audited and
  // would enter the history as one more « Consultée » the agent did not make).
  const done = (text: string, updated: CallbackRequestView) => {
    setMessage(text);
    replace(updated);
  };

  return (
    <Page title={t`Demande de rappel — ${name}`}>
      <p>
        <Link to="/pilotage/rappels">{t`Retour aux demandes`}</Link>
      </p>
      <div aria-live="polite">{message && <Alert severity="success" small description={message} className="fr-mb-3w" />}</div>
      <dl className="mj-definitions">
        <dt>{t`Statut`}</dt>
        <dd>
          {t(statusLabels[data.status])}
          {data.status === "closed" && ` — ${outcomeText(data)}`}
        </dd>
        <dt>{t`Téléphone`}</dt>
        <dd>
          <a href={`tel:${data.phone}`}>{phoneInWords(data.phone)}</a>
        </dd>
        <dt>{t`Prénom ou pseudonyme`}</dt>
        <dd>{data.name}</dd>
        <dt>{t`Moments préférés`}</dt>
        <dd>{data.moments.map((m) => t(momentLabels[m])).join(", ")}</dd>
        <dt>{t`Commune`}</dt>
        <dd>
          {data.commune.name ?? "—"} ({data.commune.code})
        </dd>
        <dt>{t`Résultat au questionnaire EPDS`}</dt>
        <dd>{data.sharedResult ? t`${band} (questionnaire du ${answered} ; les réponses ne sont jamais transmises)` : t`Non partagé par le parent`}</dd>
        <dt>{t`Reçue le`}</dt>
        <dd>{dateTime(data.createdAt)}</dd>
        <dt>{t`Effacement automatique`}</dt>
        <dd>{t`au plus tard le ${deleteBy}`}</dd>
      </dl>

      {data.status !== "closed" && <Actions request={data} onDone={done} />}

      <section aria-labelledby="historique" className="fr-mt-4w">
        <h2 id="historique" className="fr-h4">
          {t`Historique`}
        </h2>
        <ol className="mj-track-list" data-testid="historique">
          {data.history.map((h, i) => {
            const at = dateTime(h.at);
            const actor = h.actor;
            return (
              <li key={i}>
                <strong>{t(ACTIONS[h.action])}</strong> — {t`${at}, par ${actor}`}
                {h.detail ? ` — ${h.detail}` : ""}
              </li>
            );
          })}
        </ol>
      </section>
    </Page>
  );
}
