import { Link } from "react-router";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Page } from "../../components/Page.js";
import { dateTime } from "./api.js";
import { useAccount } from "./session.js";
import { useApiGet } from "./useApi.js";

import type { AuditEntry } from "../../../domain/api/projects.js";

export type { AuditEntry };

const ACTIONS: Record<string, string> = {
  "projet.creation": "Création du projet",
  "projet.modification": "Modification du projet",
  "projet.import": "Import de la grille",
  "compte.creation": "Création d'un compte",
  "compte.modification": "Modification d'un compte",
  "compte.mot-de-passe": "Nouveau mot de passe attribué",
  "naissances.chargement": "Chargement d'une table des naissances",
  "repartition.calcul": "Calcul d'une répartition",
  "barometre.valeurs": "Import de valeurs du baromètre",
  "barometre.objectifs": "Import d'objectifs départementaux",
};

/** The audit entries: who, when, what, and the state before and after (as JSON, shown as text). */
export function AuditList({ entries }: { entries: AuditEntry[] }) {
  if (entries.length === 0) return <p>Aucune modification enregistrée.</p>;
  return (
    <ol className="mj-track-list">
      {entries.map((e) => (
        <li key={e.id} className="fr-mb-2w">
          <strong>{ACTIONS[e.action] ?? e.action}</strong> — {dateTime(e.at)}, par {e.actorEmail}
          {e.region && `, région ${e.region}`}
          {e.projectId && (
            <>
              {" "}
              — <Link to={`/pilotage/projets/${e.projectId}`}>voir le projet</Link>
            </>
          )}
          <details>
            <summary>Avant et après</summary>
            <div className="fr-grid-row fr-grid-row--gutters">
              <div className="fr-col-12 fr-col-md-6">
                <p className="fr-text--sm fr-mb-0">Avant</p>
                <pre className="mj-json" tabIndex={0}>
                  {e.before === null ? "(rien)" : JSON.stringify(e.before, null, 2)}
                </pre>
              </div>
              <div className="fr-col-12 fr-col-md-6">
                <p className="fr-text--sm fr-mb-0">Après</p>
                <pre className="mj-json" tabIndex={0}>
                  {e.after === null ? "(rien)" : JSON.stringify(e.after, null, 2)}
                </pre>
              </div>
            </div>
          </details>
        </li>
      ))}
    </ol>
  );
}

export function JournalPage() {
  const account = useAccount();
  const { data, problem } = useApiGet(account.role === "national" ? "GET /pilotage/journal" : null, { query: { limit: 200 } });
  return (
    <Page title="Journal des modifications">
      {account.role !== "national" ? (
        <p>Le journal est réservé à l'administration nationale.</p>
      ) : (
        <>
          <p>Les 200 dernières modifications : projets, comptes, tables des naissances, répartitions et baromètre.</p>
          {problem && <Alert severity="error" small description={problem.detail} />}
          {data ? <AuditList entries={data} /> : !problem && <p role="status">Chargement…</p>}
        </>
      )}
    </Page>
  );
}
