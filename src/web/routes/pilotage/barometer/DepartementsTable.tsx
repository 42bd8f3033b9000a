import { useMemo, useState } from "react";
import type { DepartementGap } from "../../../../domain/steering/barometer.js";
import type { Dashboard } from "../BarometerView.js";
import { integer, percent, points } from "../api.js";
import { regionName } from "../labels.js";

type SortKey = "departement" | "nom" | "region" | "percent" | "targetPercent" | "gapPoints";
const COLUMNS: { key: SortKey; label: string; numeric?: boolean }[] = [
  { key: "departement", label: "Code" },
  { key: "nom", label: "Département" },
  { key: "region", label: "Région" },
  { key: "percent", label: "Taux", numeric: true },
  { key: "targetPercent", label: "Objectif", numeric: true },
  { key: "gapPoints", label: "Écart (points)", numeric: true },
];

/** Each département's rate, target and gap, sortable by any column. */
export function DepartementsTable({ data }: { data: Dashboard }) {
  const [sort, setSort] = useState<{ key: SortKey; ascending: boolean }>({ key: "gapPoints", ascending: true });
  const rows = useMemo(() => {
    const value = (d: DepartementGap) => (sort.key === "region" ? regionName(d.region) : d[sort.key]);
    return [...data.departements].sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      if (va === null) return 1;
      if (vb === null) return -1;
      const c = typeof va === "number" && typeof vb === "number" ? va - vb : String(va).localeCompare(String(vb), "fr");
      return sort.ascending ? c : -c;
    });
  }, [data.departements, sort]);
  const label = COLUMNS.find((c) => c.key === sort.key)!.label;
  return (
    <section aria-labelledby="departements" className="fr-my-4w">
      <h2 id="departements">
        Départements : écart à l'objectif, {data.indicator.toUpperCase()} {data.year}
      </h2>
      <p className="fr-text--sm" aria-live="polite">
        Tableau trié par {label.toLowerCase()}, ordre {sort.ascending ? "croissant" : "décroissant"}. Activez un en-tête de colonne pour trier.
      </p>
      <div className="mj-table">
        <table tabIndex={0}>
          <caption>
            {data.departements.length} départements avec une valeur en {data.year}
          </caption>
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  className={c.numeric ? "mj-number" : undefined}
                  aria-sort={sort.key === c.key ? (sort.ascending ? "ascending" : "descending") : undefined}
                >
                  <button
                    type="button"
                    className="mj-sort-button"
                    onClick={() => setSort({ key: c.key, ascending: sort.key === c.key ? !sort.ascending : true })}
                  >
                    {c.label}
                    <span aria-hidden="true">{sort.key === c.key ? (sort.ascending ? " ▲" : " ▼") : ""}</span>
                  </button>
                </th>
              ))}
              <th scope="col" className="mj-number">
                Numérateur / dénominateur
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.departement}>
                <td>{d.departement}</td>
                <th scope="row">{d.nom}</th>
                <td>{regionName(d.region)}</td>
                <td className="mj-number">{percent(d.percent)}</td>
                <td className="mj-number">
                  {d.targetPercent === null
                    ? "—"
                    : `${String(d.targetPercent).replace(".", ",")} %${d.targetSource === "departemental" ? " (départemental)" : ""}`}
                </td>
                <td className="mj-number">{d.gapPoints === null ? "—" : points(d.gapPoints)}</td>
                <td className="mj-number">
                  {integer(d.numerator)} / {integer(d.denominator)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
