import { Link, useLocation, useParams } from "react-router";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Page } from "../../components/Page.js";
import { dateTime, day, euros } from "./api.js";
import { EVALUATION_LABELS, FUNDING_LINE_LABELS, STATUS_LABELS, PRIORITY_THEMES, departementName, regionName } from "./labels.js";
import { canWriteRegion } from "../../../domain/steering/access.js";
import { useAccount } from "./session.js";
import { useApiGet } from "./useApi.js";
import { AuditList } from "./JournalPage.js";

/** One project: what the registry holds, and (national) its history. */
export function ProjectPage() {
  const account = useAccount();
  const { id } = useParams();
  const saved = (useLocation().state as { saved?: boolean } | null)?.saved;
  const { data: p, problem } = useApiGet("GET /pilotage/projets/:id", { params: { id: id ?? "" } });
  const history = useApiGet(account.role === "national" ? "GET /pilotage/projets/:id/journal" : null, { params: { id: id ?? "" } });

  if (!p) return <Page title="Projet">{problem ? <Alert severity="error" small description={problem.detail} /> : <p role="status">Chargement…</p>}</Page>;

  return (
    <Page title={p.title}>
      <div aria-live="polite">{saved && <Alert severity="success" small description="Projet enregistré." className="fr-mb-3w" />}</div>
      {canWriteRegion(account, p.region) && (
        <p>
          <Link className="fr-btn fr-btn--secondary fr-btn--icon-left fr-icon-edit-line" to={`/pilotage/projets/${p.id}/modifier`}>
            Modifier le projet
          </Link>
        </p>
      )}
      <dl className="mj-definitions">
        <dt>Structure porteuse</dt>
        <dd>
          {p.holder.structure}
          {p.holder.siret && ` — SIRET ${p.holder.siret}`}
        </dd>
        <dt>Territoire</dt>
        <dd>
          {regionName(p.region)} : {p.departements.map((d) => `${departementName(d)} (${d})`).join(", ")}
        </dd>
        <dt>Thématiques prioritaires</dt>
        <dd>
          <ul>
            {PRIORITY_THEMES.filter((t) => p.themes.includes(t.id)).map((t) => (
              <li key={t.id}>
                {t.number}. {t.label}
              </li>
            ))}
          </ul>
        </dd>
        <dt>Financement</dt>
        <dd>{FUNDING_LINE_LABELS[p.fundingLine]}</dd>
        <dt>Dates</dt>
        <dd>
          du {day(p.startDate)}
          {p.endDate ? ` au ${day(p.endDate)}` : " (sans date de fin)"}
        </dd>
        <dt>Statut</dt>
        <dd>{STATUS_LABELS[p.status]}</dd>
        <dt>Évaluation</dt>
        <dd>{p.evaluation ? `${EVALUATION_LABELS[p.evaluation.outcome]}${p.evaluation.comment ? ` — ${p.evaluation.comment}` : ""}` : "Pas encore évalué"}</dd>
        <dt>Résumé public</dt>
        <dd className="mj-pre-line">{p.publicSummary}</dd>
      </dl>
      <div className="mj-table fr-mb-4w">
        <table tabIndex={0}>
          <caption>Montants par année</caption>
          <thead>
            <tr>
              <th scope="col">Année</th>
              <th scope="col" className="mj-number">
                ARS (FIR)
              </th>
              <th scope="col" className="mj-number">
                DREETS (P304)
              </th>
              <th scope="col" className="mj-number">
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            {p.amounts.map((a) => (
              <tr key={a.year}>
                <th scope="row">{a.year}</th>
                <td className="mj-number">{euros(a.arsFir)}</td>
                <td className="mj-number">{euros(a.dreetsP304)}</td>
                <td className="mj-number">{euros(a.arsFir + a.dreetsP304)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="fr-text--sm">
        Créé le {dateTime(p.createdAt)}, modifié le {dateTime(p.updatedAt)} (version {p.version}).
      </p>
      {history.data && (
        <>
          <h2>Historique des modifications</h2>
          <AuditList entries={history.data} />
        </>
      )}
    </Page>
  );
}
