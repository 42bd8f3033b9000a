import { useLingui } from "@lingui/react/macro";
import { euros, integer } from "./api.js";
import type { Totals } from "./labels.js";

export function TotalsTable({ caption, head, rows }: { caption: string; head: string; rows: { key: string; label: string; totals: Totals }[] }) {
  const { t } = useLingui();
  return (
    <div className="mj-table fr-mb-4w">
      <table tabIndex={0}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            <th scope="col" className="mj-number">
              {t`Projets`}
            </th>
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
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td className="mj-number">{integer(r.totals.count)}</td>
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
