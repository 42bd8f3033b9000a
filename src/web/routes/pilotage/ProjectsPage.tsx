import { Link, useSearchParams } from "react-router";
import { plural } from "@lingui/core/macro";
import { useLingui } from "@lingui/react/macro";
import { FundingYearOptions } from "./FundingYearOptions.js";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Pagination } from "@codegouvfr/react-dsfr/Pagination";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { Page } from "../../components/Page.js";
import { shared } from "../../i18n/messages.js";
import { euros } from "./api.js";
import { fundingLineLabels, PRIORITY_THEMES, PROJECT_STATUSES, REGIONS, statusLabels, regionName, themeShort, type StoredProject } from "./labels.js";
import type { RequestOf } from "../../../domain/api/contract.js";
import type { ApiContract } from "../../../domain/api/index.js";
import { canWrite } from "../../../domain/steering/access.js";
import { useAccount } from "./session.js";
import { useApiGet } from "./useApi.js";
import { TotalsTable } from "./TotalsTable.js";

const FILTERS = ["region", "theme", "year", "funder", "status"] as const;
/** Projects per page (the API's default page size). */
const PAGE_SIZE = 50;

/** Projects of the account's scope, filtered, page by page, with totals by theme and by region. */
export function ProjectsPage() {
  const account = useAccount();
  const { t } = useLingui();
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
  const scopeName = scope ? regionName(scope) : "";
  const overall = data ? euros(data.totals.overall.total) : "";
  const arsFir = data ? euros(data.totals.overall.arsFir) : "";
  const dreetsP304 = data ? euros(data.totals.overall.dreetsP304) : "";
  const from = data ? data.offset + 1 : 0;
  const to = data ? data.offset + data.projects.length : 0;
  const total = data?.total ?? 0;

  return (
    <Page title={t`Projets financés`} heading={scope ? t`Projets financés — ${scopeName}` : t`Projets financés`}>
      {canWrite(account) && (
        <p>
          <Link className="fr-btn fr-btn--icon-left fr-icon-add-line" to="/pilotage/projets/nouveau">
            {t`Nouveau projet`}
          </Link>
        </p>
      )}
      <form className="fr-grid-row fr-grid-row--gutters" aria-label={t`Filtres`} onSubmit={(e) => e.preventDefault()}>
        {scope === null && (
          <div className="fr-col-12 fr-col-md-4">
            <Select
              label={t`Région`}
              nativeSelectProps={{ name: "region", value: params.get("region") ?? "", onChange: (e) => setFilter("region", e.target.value) }}
            >
              <option value="">{t`Toutes les régions`}</option>
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
            label={t`Thématique`}
            nativeSelectProps={{ name: "theme", value: params.get("theme") ?? "", onChange: (e) => setFilter("theme", e.target.value) }}
          >
            <option value="">{t`Toutes les thématiques`}</option>
            {PRIORITY_THEMES.map((theme) => (
              <option key={theme.id} value={theme.id}>
                {theme.number}. {themeShort(theme.id)}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Select
            label={t`Année de financement`}
            nativeSelectProps={{ name: "year", value: params.get("year") ?? "", onChange: (e) => setFilter("year", e.target.value) }}
          >
            <option value="">{t`Toutes les années`}</option>
            <FundingYearOptions />
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Select
            label={t`Financeur`}
            nativeSelectProps={{ name: "funder", value: params.get("funder") ?? "", onChange: (e) => setFilter("funder", e.target.value) }}
          >
            <option value="">{t`ARS et DREETS`}</option>
            <option value="ars">{t`ARS (FIR, volet santé)`}</option>
            <option value="dreets">{t`DREETS (programme 304, volet social)`}</option>
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Select
            label={t`Statut`}
            nativeSelectProps={{ name: "status", value: params.get("status") ?? "", onChange: (e) => setFilter("status", e.target.value) }}
          >
            <option value="">{t`Tous les statuts`}</option>
            {PROJECT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(statusLabels[s])}
              </option>
            ))}
          </Select>
        </div>
      </form>

      <div aria-live="polite">
        {loading && <p role="status">{t(shared.loading)}</p>}
        {problem && <Alert severity="error" small description={problem.detail} />}
      </div>
      {data && (
        <>
          <h2 className="fr-mt-3w">
            {year
              ? plural(data.totals.overall.count, { one: `# projet — ${overall} en ${year}`, other: `# projets — ${overall} en ${year}` })
              : plural(data.totals.overall.count, { one: `# projet — ${overall} (toutes années)`, other: `# projets — ${overall} (toutes années)` })}
          </h2>
          <p>{t`dont ARS (FIR) ${arsFir} et DREETS (programme 304) ${dreetsP304}.`}</p>
          {data.projects.length === 0 ? (
            <p>
              {data.total === 0
                ? t`Aucun projet ne correspond à ces filtres.`
                : plural(data.total, { one: "Cette page est vide : la liste compte # projet.", other: "Cette page est vide : la liste compte # projets." })}
            </p>
          ) : (
            <div className="mj-table fr-mb-2w">
              <table tabIndex={0}>
                <caption>{t`Projets ${from} à ${to} sur ${total}`}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t`Intitulé`}</th>
                    <th scope="col">{t`Région`}</th>
                    <th scope="col">{t`Thématiques`}</th>
                    <th scope="col">{t`Financement`}</th>
                    <th scope="col">{t`Statut`}</th>
                    <th scope="col" className="mj-number">
                      {year ? t`Montant ${year}` : t`Montant`}
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
                      <td>{t(fundingLineLabels[p.fundingLine])}</td>
                      <td>{t(statusLabels[p.status])}</td>
                      <td className="mj-number">{euros(amountOf(p))}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {pages > 1 && <Pagination className="fr-mb-4w" count={pages} defaultPage={Math.min(page, pages)} getPageLinkProps={pageLink} />}
          <TotalsTable
            caption={t`Totaux par thématique (un projet à plusieurs thématiques compte dans chacune)`}
            head={t`Thématique`}
            rows={PRIORITY_THEMES.map((theme) => ({
              key: theme.id,
              label: `${theme.number}. ${themeShort(theme.id)}`,
              totals: data.totals.byTheme[theme.id]!,
            }))}
          />
          {scope === null && (
            <TotalsTable
              caption={t`Totaux par région`}
              head={t`Région`}
              rows={Object.entries(data.totals.byRegion).map(([code, totals]) => ({ key: code, label: regionName(code), totals }))}
            />
          )}
        </>
      )}
    </Page>
  );
}
