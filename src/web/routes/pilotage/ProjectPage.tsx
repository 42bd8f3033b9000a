import { Link, useLocation, useParams } from "react-router";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useLingui } from "@lingui/react/macro";
import { Page } from "../../components/Page.js";
import { shared } from "../../i18n/messages.js";
import { dateTime, day, euros } from "./api.js";
import { evaluationLabels, fundingLineLabels, statusLabels, PRIORITY_THEMES, departementName, regionName, themeLabel } from "./labels.js";
import { canWriteRegion } from "../../../domain/steering/access.js";
import { useAccount } from "./session.js";
import { useApiGet } from "./useApi.js";
import { AuditList } from "./JournalPage.js";

/** One project: what the registry holds, and (national) its history. */
export function ProjectPage() {
  const account = useAccount();
  const { t } = useLingui();
  const { id } = useParams();
  const saved = (useLocation().state as { saved?: boolean } | null)?.saved;
  const { data: p, problem } = useApiGet("GET /pilotage/projets/:id", { params: { id: id ?? "" } });
  const history = useApiGet(account.role === "national" ? "GET /pilotage/projets/:id/journal" : null, { params: { id: id ?? "" } });

  if (!p)
    return <Page title={t`Projet`}>{problem ? <Alert severity="error" small description={problem.detail} /> : <p role="status">{t(shared.loading)}</p>}</Page>;
  const siret = p.holder.siret;
  const region = regionName(p.region);
  const departements = p.departements.map((d) => `${departementName(d)} (${d})`).join(", ");
  const start = day(p.startDate);
  const end = p.endDate ? day(p.endDate) : null;
  const outcome = p.evaluation ? t(evaluationLabels[p.evaluation.outcome]) : "";
  const comment = p.evaluation?.comment;
  const created = dateTime(p.createdAt);
  const updated = dateTime(p.updatedAt);
  const version = p.version;

  return (
    <Page title={p.title}>
      <div aria-live="polite">{saved && <Alert severity="success" small description={t`Projet enregistré.`} className="fr-mb-3w" />}</div>
      {canWriteRegion(account, p.region) && (
        <p>
          <Link className="fr-btn fr-btn--secondary fr-btn--icon-left fr-icon-edit-line" to={`/pilotage/projets/${p.id}/modifier`}>
            {t`Modifier le projet`}
          </Link>
        </p>
      )}
      <dl className="mj-definitions">
        <dt>{t`Structure porteuse`}</dt>
        <dd>
          {p.holder.structure}
          {siret && ` — ${t`SIRET ${siret}`}`}
        </dd>
        <dt>{t`Territoire`}</dt>
        <dd>{t`${region} : ${departements}`}</dd>
        <dt>{t`Thématiques prioritaires`}</dt>
        <dd>
          <ul>
            {PRIORITY_THEMES.filter((theme) => p.themes.includes(theme.id)).map((theme) => (
              <li key={theme.id}>
                {theme.number}. {themeLabel(theme.id)}
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t`Financement`}</dt>
        <dd>{t(fundingLineLabels[p.fundingLine])}</dd>
        <dt>{t`Dates`}</dt>
        <dd>{end ? t`du ${start} au ${end}` : t`du ${start} (sans date de fin)`}</dd>
        <dt>{t`Statut`}</dt>
        <dd>{t(statusLabels[p.status])}</dd>
        <dt>{t`Évaluation`}</dt>
        <dd>{p.evaluation ? (comment ? `${outcome} — ${comment}` : outcome) : t`Pas encore évalué`}</dd>
        <dt>{t`Résumé public`}</dt>
        <dd className="mj-pre-line">{p.publicSummary}</dd>
      </dl>
      <div className="mj-table fr-mb-4w">
        <table tabIndex={0}>
          <caption>{t`Montants par année`}</caption>
          <thead>
            <tr>
              <th scope="col">{t`Année`}</th>
              <th scope="col" className="mj-number">
                {t`ARS (FIR)`}
              </th>
              <th scope="col" className="mj-number">
                {t`DREETS (P304)`}
              </th>
              <th scope="col" className="mj-number">
                {t`Total`}
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
      <p className="fr-text--sm">{t`Créé le ${created}, modifié le ${updated} (version ${version}).`}</p>
      {history.data && (
        <>
          <h2>{t`Historique des modifications`}</h2>
          <AuditList entries={history.data} />
        </>
      )}
    </Page>
  );
}
