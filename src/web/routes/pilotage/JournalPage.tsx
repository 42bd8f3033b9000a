import { Link } from "react-router";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { msg } from "@lingui/core/macro";
import { useLingui } from "@lingui/react/macro";
import type { MessageDescriptor } from "@lingui/core";
import { Page } from "../../components/Page.js";
import { shared } from "../../i18n/messages.js";
import { dateTime } from "./api.js";
import { useAccount } from "./session.js";
import { useApiGet } from "./useApi.js";

import type { AuditEntry } from "../../../domain/api/projects.js";

export type { AuditEntry };

const ACTIONS: Record<string, MessageDescriptor> = {
  "projet.creation": msg`Création du projet`,
  "projet.modification": msg`Modification du projet`,
  "projet.import": msg`Import de la grille`,
  "compte.creation": msg`Création d'un compte`,
  "compte.modification": msg`Modification d'un compte`,
  "compte.mot-de-passe": msg`Nouveau mot de passe attribué`,
  "naissances.chargement": msg`Chargement d'une table des naissances`,
  "repartition.calcul": msg`Calcul d'une répartition`,
  "barometre.valeurs": msg`Import de valeurs du baromètre`,
  "barometre.objectifs": msg`Import d'objectifs départementaux`,
};

/** The audit entries: who, when, what, and the state before and after (as JSON, shown as text). */
export function AuditList({ entries }: { entries: AuditEntry[] }) {
  const { t } = useLingui();
  if (entries.length === 0) return <p>{t`Aucune modification enregistrée.`}</p>;
  return (
    <ol className="mj-track-list">
      {entries.map((e) => {
        const action = ACTIONS[e.action];
        const at = dateTime(e.at);
        const actor = e.actorEmail;
        const region = e.region;
        return (
          <li key={e.id} className="fr-mb-2w">
            <strong>{action ? t(action) : e.action}</strong> — {region ? t`${at}, par ${actor}, région ${region}` : t`${at}, par ${actor}`}
            {e.projectId && (
              <>
                {" "}
                — <Link to={`/pilotage/projets/${e.projectId}`}>{t`voir le projet`}</Link>
              </>
            )}
            <details>
              <summary>{t`Avant et après`}</summary>
              <div className="fr-grid-row fr-grid-row--gutters">
                <div className="fr-col-12 fr-col-md-6">
                  <p className="fr-text--sm fr-mb-0">{t`Avant`}</p>
                  <pre className="mj-json" tabIndex={0}>
                    {e.before === null ? t`(rien)` : JSON.stringify(e.before, null, 2)}
                  </pre>
                </div>
                <div className="fr-col-12 fr-col-md-6">
                  <p className="fr-text--sm fr-mb-0">{t`Après`}</p>
                  <pre className="mj-json" tabIndex={0}>
                    {e.after === null ? t`(rien)` : JSON.stringify(e.after, null, 2)}
                  </pre>
                </div>
              </div>
            </details>
          </li>
        );
      })}
    </ol>
  );
}

export function JournalPage() {
  const account = useAccount();
  const { data, problem } = useApiGet(account.role === "national" ? "GET /pilotage/journal" : null, { query: { limit: 200 } });
  const { t } = useLingui();
  return (
    <Page title={t`Journal des modifications`}>
      {account.role !== "national" ? (
        <p>{t`Le journal est réservé à l'administration nationale.`}</p>
      ) : (
        <>
          <p>{t`Les 200 dernières modifications : projets, comptes, tables des naissances, répartitions et baromètre.`}</p>
          {problem && <Alert severity="error" small description={problem.detail} />}
          {data ? <AuditList entries={data} /> : !problem && <p role="status">{t(shared.loading)}</p>}
        </>
      )}
    </Page>
  );
}
