import { useState } from "react";
import { useLingui } from "@lingui/react/macro";
import { FundingYearOptions } from "./FundingYearOptions.js";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { GRID_COLUMNS } from "../../../domain/steering/grid.js";
import { Page } from "../../components/Page.js";
import { gridColumnDescription, REGIONS, regionName } from "./labels.js";
import { useAccount } from "./session.js";

/** The yearly « liste des projets soutenus » (due before 30 November): regional or national, CSV or XLSX. */
export function ListPage() {
  const account = useAccount();
  const { t } = useLingui();
  const fixedRegion = account.role === "national" || (account.role === "observer" && !account.region) ? null : account.region;
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [region, setRegion] = useState(fixedRegion ?? "");
  const query = new URLSearchParams({ year, ...(region ? { region } : {}) });
  const regionLabel = region ? regionName(region) : "";

  return (
    <Page title={t`Liste des projets soutenus`}>
      <p>
        {t`La liste annuelle des projets soutenus est à transmettre avant le 30 novembre. Elle comprend une ligne par projet financé dans l'année, avec les montants de cette année, selon la grille décrite plus bas. Le fichier CSV peut être corrigé dans un tableur puis réimporté.`}
      </p>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-4">
          <Select label={t`Année de la liste`} nativeSelectProps={{ name: "year", value: year, onChange: (e) => setYear(e.target.value) }}>
            <FundingYearOptions />
          </Select>
        </div>
        {fixedRegion === null && (
          <div className="fr-col-12 fr-col-md-4">
            <Select label={t`Périmètre`} nativeSelectProps={{ name: "region", value: region, onChange: (e) => setRegion(e.target.value) }}>
              <option value="">{t`Liste nationale (toutes les régions)`}</option>
              {REGIONS.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.nom}
                </option>
              ))}
            </Select>
          </div>
        )}
      </div>
      <h2>{region ? t`Télécharger la liste ${year}, région ${regionLabel}` : t`Télécharger la liste ${year}, nationale`}</h2>
      <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
        <li>
          <a className="fr-btn fr-icon-download-line" href={`/api/v1/pilotage/liste-projets-soutenus.csv?${query}`} download>
            {t`Télécharger la liste ${year} (CSV)`}
          </a>
        </li>
        <li>
          <a className="fr-btn fr-btn--secondary fr-icon-download-line" href={`/api/v1/pilotage/liste-projets-soutenus.xlsx?${query}`} download>
            {t`Télécharger la liste ${year} (XLSX)`}
          </a>
        </li>
      </ul>
      <h2>{t`La grille`}</h2>
      <p>
        {t`CSV en UTF-8, séparateur point-virgule (la virgule est aussi acceptée à l'import), une ligne d'en-tête avec les noms de colonnes ci-dessous, dans n'importe quel ordre.`}
      </p>
      <div className="mj-table">
        <table tabIndex={0}>
          <caption>{t`Colonnes de la grille`}</caption>
          <thead>
            <tr>
              <th scope="col">{t`Colonne`}</th>
              <th scope="col">{t`À l'import`}</th>
              <th scope="col">{t`Contenu`}</th>
            </tr>
          </thead>
          <tbody>
            {GRID_COLUMNS.map((c) => (
              <tr key={c.name}>
                <th scope="row">
                  <code>{c.name}</code>
                </th>
                <td>{"informative" in c ? t`ignorée` : c.required ? t`obligatoire` : t`facultative`}</td>
                <td>{gridColumnDescription(c.name)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Page>
  );
}
