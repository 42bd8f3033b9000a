import type { ReactNode } from "react";
import { useLingui } from "@lingui/react/macro";
import { percent, points } from "../api.js";

/** One row of {@link YearRatesTable}: the rate of a year, its target already in words, and the last column's value. */
export interface YearRate {
  year: number;
  percent: number;
  target: ReactNode;
  gapPoints: number | null;
  changePoints: number | null;
  last: ReactNode;
}

/** A rate year by year against its target (the national trend here, a département's rates in the call-back back office). */
export function YearRatesTable({ caption, lastColumn, rows }: { caption: ReactNode; lastColumn: string; rows: YearRate[] }) {
  const { t } = useLingui();
  return (
    <div className="mj-table">
      <table tabIndex={0}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t`Année`}</th>
            <th scope="col" className="mj-number">
              {t`Taux`}
            </th>
            <th scope="col" className="mj-number">
              {t`Objectif`}
            </th>
            <th scope="col" className="mj-number">
              {t`Écart à l'objectif`}
            </th>
            <th scope="col" className="mj-number">
              {t`Évolution sur un an`}
            </th>
            <th scope="col" className="mj-number">
              {lastColumn}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.year}>
              <th scope="row">{p.year}</th>
              <td className="mj-number">{percent(p.percent)}</td>
              <td className="mj-number">{p.target}</td>
              <td className="mj-number">{p.gapPoints === null ? "—" : points(p.gapPoints)}</td>
              <td className="mj-number">{p.changePoints === null ? "—" : points(p.changePoints)}</td>
              <td className="mj-number">{p.last}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
