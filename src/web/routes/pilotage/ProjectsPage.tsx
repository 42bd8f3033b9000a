import { Link, useSearchParams } from "react-router";
import { FundingYearOptions } from "./FundingYearOptions.js";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Pagination } from "@codegouvfr/react-dsfr/Pagination";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { Page } from "../../components/Page.js";
import { euros } from "./api.js";
import {
  FUNDING_LINE_LABELS,
  PRIORITY_THEMES,
  PROJECT_STATUSES,
  REGIONS,
  STATUS_LABELS,
  regionName,
  themeShort,
  type StoredProject,
  type Totals,
} from "./labels.js";
import type { RequestOf } from "../../../domain/api/contract.js";
import type { ApiContract } from "../../../domain/api/index.js";
import { canWrite } from "../../../domain/steering/access.js";
import { useAccount } from "./session.js";
import { useApiGet } from "./useApi.js";

const FILTERS = ["region", "theme", "year", "funder", "status"] as const;
/** Projects per page (the API's default page size). */
const PAGE_SIZE = 50;

/** Projects of the account's scope, filtered, page by page, with totals by theme and by region. */
export function ProjectsPage() {
  const account = useAccount();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Math.floor(Number(params.get("page")) || 1));
  // The address's filters as they are: the server checks them (a wrong one is its French problem, shown below).
  const query = Object.fromEntries([
    ...FILTERS.flatMap((f) => (params.get(f) ? [[f, params.get(f)!]] : [])),
    ...(page > 1 ? [["offset", (page - 1) * PAGE_SIZE]] : []),
  ]) as RequestOf<ApiContract["GET /pilotage/projets"]>["query"];
  const { data, problem, loading } = useApiGet("GET /pilotage/projets", { query });
  const year = params.get("year") ? Number(params.get("year")) : null;
  const setFilter = (name: (typeof FILTERS)[number], value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    next.delete("page"); // new filters: back to the first page
    setParams(next, { replace: true });
  };
  const amountOf = (p: StoredProject) =>
    (year === null ? p.amounts : p.amounts.filter((a) => a.year === year)).reduce((s, a) => s + a.arsFir + a.dreetsP304, 0);
  const scope = account.role === "national" || (account.role === "observer" && !account.region) ? null : account.region;
  const pageLink = (n: number) => {
    const next = new URLSearchParams(params);
    if (n > 1) next.set("page", String(n));
    else next.delete("page");
    return { to: `?${next}` };
  };
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;

  return (
    <Page title="Projets financés" heading={scope ? `Projets financés — ${regionName(scope)}` : "Projets financés"}>
      {canWrite(account) && (
        <p>
          <Link className="fr-btn fr-btn--icon-left fr-icon-add-line" to="/pilotage/projets/nouveau">
            Nouveau projet
          </Link>
        </p>
      )}
      <form className="fr-grid-row fr-grid-row--gutters" aria-label="Filtres" onSubmit={(e) => e.preventDefault()}>
        {scope === null && (
          <div className="fr-col-12 fr-col-md-4">
            <Select
              label="Région"
              nativeSelectProps={{ name: "region", value: params.get("region") ?? "", onChange: (e) => setFilter("region", e.target.value) }}
            >
              <option value="">Toutes les régions</option>
              {REGIONS.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.nom}
                </option>
              ))}
            </Select>
          </div>
        )}
        <div className="fr-col-12 fr-col-md-4">
          <Select
            label="Thématique"
            nativeSelectProps={{ name: "theme", value: params.get("theme") ?? "", onChange: (e) => setFilter("theme", e.target.value) }}
          >
            <option value="">Toutes les thématiques</option>
            {PRIORITY_THEMES.map((t) => (
              <option key={t.id} value={t.id}>
                {t.number}. {t.shortLabel}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Select
            label="Année de financement"
            nativeSelectProps={{ name: "year", value: params.get("year") ?? "", onChange: (e) => setFilter("year", e.target.value) }}
          >
            <option value="">Toutes les années</option>
            <FundingYearOptions />
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Select
            label="Financeur"
            nativeSelectProps={{ name: "funder", value: params.get("funder") ?? "", onChange: (e) => setFilter("funder", e.target.value) }}
          >
            <option value="">ARS et DREETS</option>
            <option value="ars">ARS (FIR, volet santé)</option>
            <option value="dreets">DREETS (programme 304, volet social)</option>
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Select
            label="Statut"
            nativeSelectProps={{ name: "status", value: params.get("status") ?? "", onChange: (e) => setFilter("status", e.target.value) }}
          >
            <option value="">Tous les statuts</option>
            {PROJECT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </Select>
        </div>
      </form>

      <div aria-live="polite">
        {loading && <p role="status">Chargement…</p>}
        {problem && <Alert severity="error" small description={problem.detail} />}
      </div>
      {data && (
        <>
          <h2 className="fr-mt-3w">
            {data.totals.overall.count} projet{data.totals.overall.count > 1 ? "s" : ""} — {euros(data.totals.overall.total)}
            {year ? ` en ${year}` : " (toutes années)"}
          </h2>
          <p>
            dont ARS (FIR) {euros(data.totals.overall.arsFir)} et DREETS (programme 304) {euros(data.totals.overall.dreetsP304)}.
          </p>
          {data.projects.length === 0 ? (
            <p>
              {data.total === 0
                ? "Aucun projet ne correspond à ces filtres."
                : `Cette page est vide : la liste compte ${data.total} projet${data.total > 1 ? "s" : ""}.`}
            </p>
          ) : (
            <div className="mj-table fr-mb-2w">
              <table tabIndex={0}>
                <caption>
                  Projets {data.offset + 1} à {data.offset + data.projects.length} sur {data.total}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Intitulé</th>
                    <th scope="col">Région</th>
                    <th scope="col">Thématiques</th>
                    <th scope="col">Financement</th>
                    <th scope="col">Statut</th>
                    <th scope="col" className="mj-number">
                      Montant{year ? ` ${year}` : ""}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.projects.map((p) => (
                    <tr key={p.id}>
                      <td>
                        <Link to={`/pilotage/projets/${p.id}`}>{p.title}</Link>
                        <br />
                        <span className="fr-text--xs">{p.holder.structure}</span>
                      </td>
                      <td>{regionName(p.region)}</td>
                      <td>{p.themes.map(themeShort).join(" ; ")}</td>
                      <td>{FUNDING_LINE_LABELS[p.fundingLine]}</td>
                      <td>{STATUS_LABELS[p.status]}</td>
                      <td className="mj-number">{euros(amountOf(p))}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {pages > 1 && <Pagination className="fr-mb-4w" count={pages} defaultPage={Math.min(page, pages)} getPageLinkProps={pageLink} />}
          <TotalsTable
            caption="Totaux par thématique (un projet à plusieurs thématiques compte dans chacune)"
            head="Thématique"
            rows={PRIORITY_THEMES.map((t) => ({ key: t.id, label: `${t.number}. ${t.shortLabel}`, totals: data.totals.byTheme[t.id]! }))}
          />
          {scope === null && (
            <TotalsTable
              caption="Totaux par région"
              head="Région"
              rows={Object.entries(data.totals.byRegion).map(([code, totals]) => ({ key: code, label: regionName(code), totals }))}
            />
          )}
        </>
      )}
    </Page>
  );
}

function TotalsTable({ caption, head, rows }: { caption: string; head: string; rows: { key: string; label: string; totals: Totals }[] }) {
  return (
    <div className="mj-table fr-mb-4w">
      <table tabIndex={0}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            <th scope="col" className="mj-number">
              Projets
            </th>
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
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td className="mj-number">{r.totals.count}</td>
              <td className="mj-number">{euros(r.totals.arsFir)}</td>
              <td className="mj-number">{euros(r.totals.dreetsP304)}</td>
              <td className="mj-number">{euros(r.totals.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
