import { useMemo, useState, type ReactNode } from "react";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Select } from "@codegouvfr/react-dsfr/Select";
import map from "../../../../data/steering/france-departements-map.json";
import type { DepartementGap, NationalPoint, NationalTarget, RegionPoint } from "../../../domain/steering/barometer.js";
import { dateTime, integer, percent, points } from "./api.js";
import { regionName } from "./labels.js";
import { useApiGet } from "./useApi.js";

export interface Dashboard {
  indicator: "epp" | "epnp";
  indicatorLabel: string;
  nationalTargets: NationalTarget[];
  sources: { kind: string; source: string; fictitious: boolean; rows: number; loadedAt: string; loadedBy?: string }[];
  fictitious: boolean;
  loaded: boolean;
  message: string | null;
  years: number[];
  year: number | null;
  national: NationalPoint[];
  departements: DepartementGap[];
  regions: RegionPoint[];
}

/** The barometer, for the public page (`/barometre`) and the private dashboard (`/pilotage/barometre`). */
export function BarometerView({ endpoint }: { endpoint: "/barometre" | "/pilotage/barometre" }) {
  const [indicator, setIndicator] = useState<"epp" | "epnp">("epp");
  const [year, setYear] = useState<number | null>(null);
  const query = new URLSearchParams({ indicator, ...(year ? { year: String(year) } : {}) });
  const { data, problem } = useApiGet<Dashboard>(`${endpoint}?${query}`);

  return (
    <>
      <div className="fr-btns-group fr-btns-group--inline-sm" role="group" aria-label="Indicateur">
        {(["epp", "epnp"] as const).map((i) => (
          <Button key={i} size="small" priority={indicator === i ? "primary" : "secondary"} nativeButtonProps={{ "aria-pressed": indicator === i }} onClick={() => setIndicator(i)}>
            {i === "epp" ? "Entretien prénatal précoce (EPP)" : "Entretien postnatal précoce (EPNP)"}
          </Button>
        ))}
      </div>
      {problem && <Alert severity="error" small description={problem.detail} />}
      {!data && !problem && <p role="status">Chargement…</p>}
      {data && data.fictitious && (
        <Alert
          severity="warning"
          as="h2"
          title="Données fictives"
          description="Les valeurs affichées sont un jeu de démonstration inventé (commande npm run demo:barometre) : elles ne décrivent aucun département réel et ne doivent pas être citées."
          className="fr-my-3w"
        />
      )}
      {data && !data.loaded && <Alert severity="info" as="h2"
          title="Aucune donnée chargée" description={data.message ?? ""} className="fr-my-3w" />}
      {data && data.loaded && (
        <>
          {data.message && <Alert severity="info" small description={data.message} className="fr-my-3w" />}
          <Targets targets={data.nationalTargets} />
          {data.national.length > 0 && <Trend data={data} />}
          {data.years.length > 0 && (
            <div className="mj-narrow-form">
              <Select label="Année du détail par département" nativeSelectProps={{ name: "annee", value: String(data.year ?? ""), onChange: (e) => setYear(Number(e.target.value)) }}>
                {data.years.map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </Select>
            </div>
          )}
          {data.departements.length > 0 && (
            <>
              <ChoroplethMap data={data} />
              <DepartementsTable data={data} />
            </>
          )}
          <Sources sources={data.sources} />
        </>
      )}
      {data && !data.loaded && <Targets targets={data.nationalTargets} />}
    </>
  );
}

function Targets({ targets }: { targets: NationalTarget[] }) {
  return (
    <p className="fr-text--sm">
      Objectifs nationaux : {targets.map((t) => `${t.percent} % en ${t.year}`).join(", ")} ({targets[0]?.source}). Aucun objectif n'est fixé pour les années intermédiaires ; des objectifs
      départementaux peuvent être chargés.
    </p>
  );
}

const W = 640;
const H = 280;
const PAD = { left: 48, right: 16, top: 16, bottom: 36 };

function Trend({ data }: { data: Dashboard }) {
  const years = [...new Set([...data.national.map((p) => p.year), ...data.nationalTargets.map((t) => t.year)])].sort((a, b) => a - b);
  const minYear = years[0]!;
  const maxYear = Math.max(years.at(-1)!, minYear + 1);
  const x = (year: number) => PAD.left + ((year - minYear) / (maxYear - minYear)) * (W - PAD.left - PAD.right);
  const y = (pct: number) => PAD.top + (1 - pct / 100) * (H - PAD.top - PAD.bottom);
  const line = data.national.map((p, i) => `${i ? "L" : "M"}${x(p.year).toFixed(1)} ${y(p.percent).toFixed(1)}`).join("");
  const code = data.indicator.toUpperCase();
  const last = data.national.at(-1)!;
  return (
    <section aria-labelledby="tendance" className="fr-my-4w">
      <h2 id="tendance">Tendance nationale {code}</h2>
      <figure className="fr-mb-2w">
        <svg className="mj-chart" viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-labelledby="tendance-titre">
          <title id="tendance-titre">
            {`Taux national ${code} par année, de ${data.national[0]!.year} à ${last.year} : ${percent(last.percent)} en ${last.year}. Le tableau qui suit donne les mêmes valeurs.`}
          </title>
          {[0, 25, 50, 75, 100].map((v) => (
            <g key={v}>
              <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="currentColor" strokeOpacity={0.15} />
              <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end">
                {v} %
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
          {data.nationalTargets.map((t) => (
            <g key={t.year}>
              <rect x={x(t.year) - 5} y={y(t.percent) - 5} width={10} height={10} fill="none" stroke="var(--border-plain-error)" strokeWidth={2} />
              <text x={x(t.year) + 8} y={y(t.percent) - 8}>
                objectif {t.percent} %
              </text>
            </g>
          ))}
        </svg>
        <figcaption className="fr-text--xs">Rond bleu : taux national observé (somme des numérateurs sur somme des dénominateurs des départements chargés). Carré rouge : objectif national.</figcaption>
      </figure>
      <YearRatesTable
        caption={`Taux national ${code} par année`}
        lastColumn="Départements couverts"
        rows={data.national.map((p) => ({ ...p, target: p.target ? `${p.target.percent} %` : "—", last: `${p.departementsCount} / 101` }))}
      />
    </section>
  );
}

/** One row of {@link YearRatesTable}: the rate of a year, its target already in words, and the last column's value. */
export interface YearRate {
  year: number;
  percent: number;
  target: string;
  gapPoints: number | null;
  changePoints: number | null;
  last: ReactNode;
}

/** A rate year by year against its target (the national trend here, a département's rates in the call-back back office). */
export function YearRatesTable({ caption, lastColumn, rows }: { caption: ReactNode; lastColumn: string; rows: YearRate[] }) {
  return (
    <div className="mj-table">
      <table tabIndex={0}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Année</th>
            <th scope="col" className="mj-number">Taux</th>
            <th scope="col" className="mj-number">Objectif</th>
            <th scope="col" className="mj-number">Écart à l'objectif</th>
            <th scope="col" className="mj-number">Évolution sur un an</th>
            <th scope="col" className="mj-number">{lastColumn}</th>
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

/** Classes of the gap to target, in percentage points; colours from the DSFR palette, with a text legend. */
const CLASSES = [
  { label: "10 points ou plus sous l'objectif", test: (g: number) => g <= -10, color: "var(--background-action-high-red-marianne)" },
  { label: "de 5 à 10 points sous l'objectif", test: (g: number) => g > -10 && g <= -5, color: "var(--background-action-low-red-marianne)" },
  { label: "moins de 5 points sous l'objectif", test: (g: number) => g > -5 && g < 0, color: "var(--background-action-low-yellow-tournesol)" },
  { label: "objectif atteint", test: (g: number) => g >= 0 && g < 5, color: "var(--background-action-low-green-emeraude)" },
  { label: "5 points ou plus au-dessus", test: (g: number) => g >= 5, color: "var(--background-action-high-green-emeraude)" },
];
/** Without a target for the year, the map shows the rate itself (blue France scale of the DSFR). */
const RATE_CLASSES = [
  { label: "moins de 20 %", test: (r: number) => r < 20, color: "#e3e3fd" },
  { label: "de 20 à 40 %", test: (r: number) => r >= 20 && r < 40, color: "#cacafb" },
  { label: "de 40 à 60 %", test: (r: number) => r >= 40 && r < 60, color: "#8585f6" },
  { label: "de 60 à 80 %", test: (r: number) => r >= 60 && r < 80, color: "#6a6af4" },
  { label: "80 % ou plus", test: (r: number) => r >= 80, color: "#000091" },
];
const NO_VALUE = "var(--background-contrast-grey)";

function colorOf(classes: typeof CLASSES, value: number | null | undefined) {
  if (value === null || value === undefined) return NO_VALUE;
  return classes.find((c) => c.test(value))!.color;
}

function ChoroplethMap({ data }: { data: Dashboard }) {
  const byCode = new Map(data.departements.map((d) => [d.departement, d]));
  const byGap = data.departements.some((d) => d.gapPoints !== null);
  const classes = byGap ? CLASSES : RATE_CLASSES;
  const valueOf = (d: DepartementGap | undefined) => (byGap ? d?.gapPoints : d?.percent);
  return (
    <section aria-labelledby="carte" className="fr-my-4w">
      <h2 id="carte">
        {byGap ? "Carte des écarts à l'objectif" : "Carte des taux"}, {data.indicator.toUpperCase()} {data.year}
      </h2>
      {!byGap && <p>Aucun objectif n'est fixé pour {data.year} : la carte montre les taux ; choisissez une année à objectif (2023, 2026) pour voir les écarts.</p>}
      <svg className="mj-map" viewBox={map.viewBox} width="100%" style={{ maxWidth: 700 }} role="img" aria-labelledby="carte-titre">
        <title id="carte-titre">{`Carte de France par département (outre-mer en encarts, Paris et petite couronne agrandis) colorée selon ${byGap ? "l'écart à l'objectif" : "le taux"} ; le tableau qui suit donne les mêmes valeurs.`}</title>
        {map.insets.map((i) => (
          <g key={i.code}>
            <rect x={i.x} y={i.y} width={i.w} height={i.h} fill="none" stroke="currentColor" strokeOpacity={0.3} />
            <text x={i.x + i.w / 2} y={i.y + i.h - 3} textAnchor="middle" fontSize={10}>
              {i.nom}
            </text>
          </g>
        ))}
        <rect x={map.zoom.x} y={map.zoom.y} width={map.zoom.w} height={map.zoom.h} fill="none" stroke="currentColor" strokeOpacity={0.3} />
        <text x={map.zoom.x + map.zoom.w / 2} y={map.zoom.y + map.zoom.h - 3} textAnchor="middle" fontSize={10}>
          {map.zoom.nom}
        </text>
        {map.zoom.departements.map((d) => (
          <path key={`zoom-${d.code}`} d={d.d} fill={colorOf(classes, valueOf(byCode.get(d.code)))} />
        ))}
        {map.departements.map((d) => {
          const gap = byCode.get(d.code);
          return (
            <path key={d.code} d={d.d} fill={colorOf(classes, valueOf(gap))}>
              <title>{`${d.nom} (${d.code}) : ${gap ? `${percent(gap.percent)}${gap.gapPoints !== null ? `, ${points(gap.gapPoints)}` : ""}` : "pas de valeur"}`}</title>
            </path>
          );
        })}
      </svg>
      <ul className="mj-legend fr-text--sm" aria-label="Légende de la carte">
        {classes.map((c) => (
          <li key={c.label}>
            <span className="mj-swatch" style={{ background: c.color }} aria-hidden="true" />
            {c.label}
          </li>
        ))}
        <li>
          <span className="mj-swatch" style={{ background: NO_VALUE }} aria-hidden="true" />
          pas de valeur{byGap ? " ou pas d'objectif" : ""}
        </li>
      </ul>
      <p className="fr-text--xs">Fond de carte : IGN ADMIN EXPRESS 2018 (france-geojson), Licence Ouverte ; simplifié.</p>
    </section>
  );
}

type SortKey = "departement" | "nom" | "region" | "percent" | "targetPercent" | "gapPoints";
const COLUMNS: { key: SortKey; label: string; numeric?: boolean }[] = [
  { key: "departement", label: "Code" },
  { key: "nom", label: "Département" },
  { key: "region", label: "Région" },
  { key: "percent", label: "Taux", numeric: true },
  { key: "targetPercent", label: "Objectif", numeric: true },
  { key: "gapPoints", label: "Écart (points)", numeric: true },
];

function DepartementsTable({ data }: { data: Dashboard }) {
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
                <th key={c.key} scope="col" className={c.numeric ? "mj-number" : undefined} aria-sort={sort.key === c.key ? (sort.ascending ? "ascending" : "descending") : undefined}>
                  <button type="button" className="mj-sort-button" onClick={() => setSort({ key: c.key, ascending: sort.key === c.key ? !sort.ascending : true })}>
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
                <td className="mj-number">{d.targetPercent === null ? "—" : `${String(d.targetPercent).replace(".", ",")} %${d.targetSource === "departemental" ? " (départemental)" : ""}`}</td>
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

function Sources({ sources }: { sources: Dashboard["sources"] }) {
  return (
    <section aria-labelledby="sources" className="fr-my-4w">
      <h2 id="sources">Sources</h2>
      <ul>
        {sources.map((s, i) => (
          <li key={i}>
            {s.kind === "objectifs" ? "Objectifs départementaux" : "Valeurs"} : {s.source}
            {s.fictitious && <strong> (données fictives)</strong>} — {integer(s.rows)} lignes, chargées le {dateTime(s.loadedAt)}
            {s.loadedBy ? ` par ${s.loadedBy}` : ""}.
          </li>
        ))}
      </ul>
    </section>
  );
}
