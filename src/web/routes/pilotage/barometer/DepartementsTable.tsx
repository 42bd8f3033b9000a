import { useMemo, useState } from "react";
import { msg, plural } from "@lingui/core/macro";
import { useLingui } from "@lingui/react/macro";
import type { MessageDescriptor } from "@lingui/core";
import type { DepartementGap } from "../../../../domain/steering/barometer.js";
import type { Dashboard } from "../BarometerView.js";
import { integer, percent, points, targetPercent } from "../api.js";
import { regionName } from "../labels.js";

type SortKey = "departement" | "nom" | "region" | "percent" | "targetPercent" | "gapPoints";
const COLUMNS: { key: SortKey; label: MessageDescriptor; numeric?: boolean }[] = [
  { key: "departement", label: msg`Code` },
  { key: "nom", label: msg`Département` },
  { key: "region", label: msg`Région` },
  { key: "percent", label: msg`Taux`, numeric: true },
  { key: "targetPercent", label: msg`Objectif`, numeric: true },
  { key: "gapPoints", label: msg`Écart (points)`, numeric: true },
];

/** Each département's rate, target and gap, sortable by any column. */
export function DepartementsTable({ data }: { data: Dashboard }) {
  const { t, i18n } = useLingui();
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
  const label = t(COLUMNS.find((c) => c.key === sort.key)!.label).toLocaleLowerCase(i18n.locales?.[0] ?? i18n.locale);
  const code = data.indicator.toUpperCase();
  const year = data.year;
  return (
    <section aria-labelledby="departements" className="fr-my-4w">
      <h2 id="departements">{t`Départements : écart à l'objectif, ${code} ${year}`}</h2>
      <p className="fr-text--sm" aria-live="polite">
        {sort.ascending
          ? t`Tableau trié par ${label}, ordre croissant. Activez un en-tête de colonne pour trier.`
          : t`Tableau trié par ${label}, ordre décroissant. Activez un en-tête de colonne pour trier.`}
      </p>
      <div className="mj-table">
        <table tabIndex={0}>
          <caption>
            {plural(data.departements.length, {
              one: `# département avec une valeur en ${year}`,
              other: `# départements avec une valeur en ${year}`,
            })}
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
                    {t(c.label)}
                    <span aria-hidden="true">{sort.key === c.key ? (sort.ascending ? " ▲" : " ▼") : ""}</span>
                  </button>
                </th>
              ))}
              <th scope="col" className="mj-number">
                {t`Numérateur / dénominateur`}
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
                  <Target value={d.targetPercent} source={d.targetSource} />
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

/** « 80 % », « 72,5 % (départemental) »: the target of a row, and whether the département set its own. */
export function Target({ value, source, national = false }: { value: number | null; source: string | null; national?: boolean }) {
  const { t } = useLingui();
  if (value === null) return "—";
  const target = targetPercent(value);
  if (source === "departemental") return t`${target} (départemental)`;
  return national ? t`${target} (national)` : target;
}
