import { useLingui } from "@lingui/react/macro";
import { DEPARTEMENTS } from "../../../../domain/steering/territories.js";
import type { Dashboard } from "../BarometerView.js";
import { integer, percent, targetPercent } from "../api.js";
import { YearRatesTable } from "./YearRatesTable.js";

const W = 640;
const H = 280;
const PAD = { left: 48, right: 16, top: 16, bottom: 36 };

/** The national rate year by year: a line chart and the same values in a table. */
export function Trend({ data }: { data: Dashboard }) {
  const years = [...new Set([...data.national.map((p) => p.year), ...data.nationalTargets.map((t) => t.year)])].sort((a, b) => a - b);
  const minYear = years[0]!;
  const maxYear = Math.max(years.at(-1)!, minYear + 1);
  const x = (year: number) => PAD.left + ((year - minYear) / (maxYear - minYear)) * (W - PAD.left - PAD.right);
  const y = (pct: number) => PAD.top + (1 - pct / 100) * (H - PAD.top - PAD.bottom);
  const line = data.national.map((p, i) => `${i ? "L" : "M"}${x(p.year).toFixed(1)} ${y(p.percent).toFixed(1)}`).join("");
  const code = data.indicator.toUpperCase();
  const last = data.national.at(-1)!;
  const { t } = useLingui();
  const first = data.national[0]!.year;
  const lastYear = last.year;
  const lastRate = percent(last.percent);
  const objectiveLabel = (value: number) => {
    const target = targetPercent(value);
    return t`objectif ${target}`;
  };
  return (
    <section aria-labelledby="tendance" className="fr-my-4w">
      <h2 id="tendance">{t`Tendance nationale ${code}`}</h2>
      <figure className="fr-mb-2w">
        <svg className="mj-chart" viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-labelledby="tendance-titre">
          <title id="tendance-titre">
            {t`Taux national ${code} par année, de ${first} à ${lastYear} : ${lastRate} en ${lastYear}. Le tableau qui suit donne les mêmes valeurs.`}
          </title>
          {[0, 25, 50, 75, 100].map((v) => (
            <g key={v}>
              <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="currentColor" strokeOpacity={0.15} />
              <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end">
                {targetPercent(v)}
              </text>
            </g>
          ))}
          {years.map((yr) => (
            <text key={yr} x={x(yr)} y={H - PAD.bottom + 18} textAnchor="middle">
              {yr}
            </text>
          ))}
          <path d={line} fill="none" stroke="var(--border-plain-blue-france)" strokeWidth={3} />
          {data.national.map((p) => (
            <circle key={p.year} cx={x(p.year)} cy={y(p.percent)} r={4} fill="var(--border-plain-blue-france)" />
          ))}
          {data.nationalTargets.map((target) => (
            <g key={target.year}>
              <rect x={x(target.year) - 5} y={y(target.percent) - 5} width={10} height={10} fill="none" stroke="var(--border-plain-error)" strokeWidth={2} />
              <text x={x(target.year) + 8} y={y(target.percent) - 8}>
                {objectiveLabel(target.percent)}
              </text>
            </g>
          ))}
        </svg>
        <figcaption className="fr-text--xs">
          {t`Rond bleu : taux national observé (somme des numérateurs sur somme des dénominateurs des départements chargés). Carré rouge : objectif national.`}
        </figcaption>
      </figure>
      <YearRatesTable
        caption={t`Taux national ${code} par année`}
        lastColumn={t`Départements couverts`}
        rows={data.national.map((p) => ({
          ...p,
          target: p.target ? targetPercent(p.target.percent) : "—",
          last: `${integer(p.departementsCount)} / ${integer(DEPARTEMENTS.length)}`,
        }))}
      />
    </section>
  );
}
