import { useLingui } from "@lingui/react/macro";
import map from "../../../../../data/steering/france-departements-map.json";
import {
  GAP_CLASSES,
  gapClass,
  nationalTargetYears,
  RATE_CLASSES,
  rateClass,
  type DepartementGap,
  type GapClass,
  type RateClass,
} from "../../../../domain/steering/barometer.js";
import type { Dashboard } from "../BarometerView.js";
import { percent, points } from "../api.js";
import { gapClassLabels, rateClassLabels } from "../labels.js";

/** Colours of the domain's gap classes, from the DSFR palette (the legend gives each in words). */
const GAP_COLORS: Record<GapClass, string> = {
  "far-below": "var(--background-action-high-red-marianne)",
  below: "var(--background-action-low-red-marianne)",
  "near-below": "var(--background-action-low-yellow-tournesol)",
  reached: "var(--background-action-low-green-emeraude)",
  above: "var(--background-action-high-green-emeraude)",
};
/** Without a target for the year, the map shows the rate itself (blue France scale of the DSFR). */
const RATE_COLORS: Record<RateClass, string> = {
  "under-20": "#e3e3fd",
  "20-40": "#cacafb",
  "40-60": "#8585f6",
  "60-80": "#6a6af4",
  "80-plus": "#000091",
};
const NO_VALUE = "var(--background-contrast-grey)";

const BY_GAP = { classes: GAP_CLASSES.map((c) => ({ label: gapClassLabels[c.id], color: GAP_COLORS[c.id] })), color: (g: number) => GAP_COLORS[gapClass(g)] };
const BY_RATE = {
  classes: RATE_CLASSES.map((c) => ({ label: rateClassLabels[c.id], color: RATE_COLORS[c.id] })),
  color: (r: number) => RATE_COLORS[rateClass(r)],
};

/** France by département, coloured by the gap to target (or by the rate when the year has no target), with a text legend. */
export function ChoroplethMap({ data }: { data: Dashboard }) {
  const { t } = useLingui();
  const code = data.indicator.toUpperCase();
  const year = data.year;
  const targetYears = nationalTargetYears(data.indicator).join(", ");
  const byCode = new Map(data.departements.map((d) => [d.departement, d]));
  const byGap = data.departements.some((d) => d.gapPoints !== null);
  const scale = byGap ? BY_GAP : BY_RATE;
  const fillOf = (d: DepartementGap | undefined) => {
    const value = byGap ? d?.gapPoints : d?.percent;
    return value === null || value === undefined ? NO_VALUE : scale.color(value);
  };
  return (
    <section aria-labelledby="carte" className="fr-my-4w">
      <h2 id="carte">{byGap ? t`Carte des écarts à l'objectif, ${code} ${year}` : t`Carte des taux, ${code} ${year}`}</h2>
      {!byGap && (
        <p>{t`Aucun objectif n'est fixé pour ${year} : la carte montre les taux ; choisissez une année à objectif (${targetYears}) pour voir les écarts.`}</p>
      )}
      <svg className="mj-map" viewBox={map.viewBox} width="100%" style={{ maxWidth: 700 }} role="img" aria-labelledby="carte-titre">
        <title id="carte-titre">
          {byGap
            ? t`Carte de France par département (outre-mer en encarts, Paris et petite couronne agrandis) colorée selon l'écart à l'objectif ; le tableau qui suit donne les mêmes valeurs.`
            : t`Carte de France par département (outre-mer en encarts, Paris et petite couronne agrandis) colorée selon le taux ; le tableau qui suit donne les mêmes valeurs.`}
        </title>
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
          {t`Paris et petite couronne`}
        </text>
        {map.zoom.departements.map((d) => (
          <path key={`zoom-${d.code}`} d={d.d} fill={fillOf(byCode.get(d.code))} />
        ))}
        {map.departements.map((d) => {
          const gap = byCode.get(d.code);
          const value = gap ? `${percent(gap.percent)}${gap.gapPoints !== null ? `, ${points(gap.gapPoints)}` : ""}` : t`pas de valeur`;
          const name = d.nom;
          const depCode = d.code;
          return (
            <path key={d.code} d={d.d} fill={fillOf(gap)}>
              <title>{t`${name} (${depCode}) : ${value}`}</title>
            </path>
          );
        })}
      </svg>
      <ul className="mj-legend fr-text--sm" aria-label={t`Légende de la carte`}>
        {scale.classes.map((c) => (
          <li key={c.color}>
            <span className="mj-swatch" style={{ background: c.color }} aria-hidden="true" />
            {t(c.label)}
          </li>
        ))}
        <li>
          <span className="mj-swatch" style={{ background: NO_VALUE }} aria-hidden="true" />
          {byGap ? t`pas de valeur ou pas d'objectif` : t`pas de valeur`}
        </li>
      </ul>
      <p className="fr-text--xs">{t`Fond de carte : IGN ADMIN EXPRESS 2018 (france-geojson), Licence Ouverte ; simplifié.`}</p>
    </section>
  );
}
