import { ConflictError } from "../../../domain/errors.js";
import {
  FIRST_EPP_YEAR,
  INDICATOR_LABELS,
  NATIONAL_TARGETS,
  MAX_BAROMETER_ROWS,
  gapsToTarget,
  nationalSeries,
  regionalAggregates,
  type Indicator,
  type Observation,
} from "../../../domain/steering/barometer.js";
import { DEPARTEMENTS } from "../../../domain/steering/territories.js";
import type { Queryable } from "../../db/database.js";
import type { Account } from "../../../domain/api/steering.js";
import { shippedBirths } from "../allocation/store.js";
import { writeAudit } from "../audit.js";
import { fileRefused, type SteeringContext } from "../context.js";
import { checkLineBound, type ImportThread } from "../import-thread.js";
import { readAll, realDataLoaded, removeFictitious, storeObservations, storeTargets } from "./store.js";

/**
 * The EPP/EPNP barometer: values and departmental targets loaded from CSV by a national administrator,
 * a dashboard for every account and the same data on a public page. No figure is invented: with nothing
 * loaded the API says so. The only made-up set is the one `npm run demo:barometre` writes, flagged
 * `fictitious` in the database, and every answer that uses it says `fictitious: true`.
 */

export const NO_DATA_MESSAGE =
  "Aucune valeur EPP ou EPNP n'est chargée : le baromètre s'affichera quand l'administration nationale aura importé un fichier de sa source (format documenté).";

export const DEMO_SOURCE = "DONNÉES FICTIVES de démonstration, générées par « npm run demo:barometre » : elles ne décrivent aucun territoire réel.";

export async function barometerDashboard(db: Queryable, query: { indicator: Indicator; year?: number | undefined }, options: { public: boolean }) {
  const { observations, targets, datasets } = await readAll(db);
  const sources = datasets.map((d) => ({
    kind: d.kind,
    source: d.source,
    fictitious: d.fictitious,
    rows: d.rows,
    loadedAt: new Date(d.loadedAt).toISOString(),
    ...(options.public ? {} : { loadedBy: d.loadedBy }),
  }));
  const base = {
    indicator: query.indicator,
    indicatorLabel: INDICATOR_LABELS[query.indicator],
    nationalTargets: NATIONAL_TARGETS.filter((t) => t.indicator === query.indicator),
    sources,
    fictitious: datasets.some((d) => d.fictitious),
  };
  const own = observations.filter((o) => o.indicator === query.indicator);
  if (observations.length === 0)
    return { ...base, loaded: false, message: NO_DATA_MESSAGE, years: [], year: null, national: [], departements: [], regions: [] };
  const years = [...new Set(own.map((o) => o.year))].sort((a, b) => a - b);
  const year = query.year !== undefined && years.includes(query.year) ? query.year : (years.at(-1) ?? null);
  return {
    ...base,
    loaded: true,
    message: own.length === 0 ? `Aucune valeur ${query.indicator.toUpperCase()} n'est chargée.` : null,
    years,
    year,
    national: nationalSeries(own, query.indicator),
    departements: year === null ? [] : gapsToTarget(own, query.indicator, year, targets),
    regions: year === null ? [] : regionalAggregates(own, query.indicator, year),
  };
}

type ImportCtx = Pick<SteeringContext, "db" | "now"> & { imports: ImportThread };
const SPLIT = "découpez-le (par exemple par indicateur ou par année) et importez chaque partie.";

/**
 * Loads a values file (all or nothing) for a national administrator; the audit log says who and how many. The file
 * is read and checked in the import thread (import-thread.ts), never on the thread that answers parents.
 */
export async function importValues(ctx: ImportCtx, account: Account, input: { csv: string; source?: string | undefined }) {
  const now = ctx.now();
  checkLineBound(input.csv, MAX_BAROMETER_ROWS, "lignes de valeurs", SPLIT);
  const parsed = await ctx.imports.run("barometer-values", {
    csv: input.csv,
    currentYear: now.getUTCFullYear(),
    ...(input.source ? { source: input.source } : {}),
  });
  if (!parsed.ok) throw fileRefused(parsed.errors);
  const { source, observations } = parsed.data;
  await ctx.db.transaction(async (tx) => {
    await storeObservations(tx, observations, { source, fictitious: false, loadedBy: account.email, now });
    await writeAudit(tx, { at: now, actor: account, action: "barometre.valeurs", after: { source, rows: observations.length } });
  });
  return { ok: true as const, source, rows: observations.length, warnings: parsed.warnings };
}

/** Loads a departmental targets file (all or nothing), read and checked in the import thread. */
export async function importTargets(ctx: ImportCtx, account: Account, csv: string) {
  checkLineBound(csv, MAX_BAROMETER_ROWS, "lignes d'objectifs", SPLIT);
  const parsed = await ctx.imports.run("barometer-targets", { csv });
  if (!parsed.ok) throw fileRefused(parsed.errors);
  const now = ctx.now();
  const { targets } = parsed;
  await ctx.db.transaction(async (tx) => {
    await storeTargets(tx, targets, { loadedBy: account.email, now });
    await writeAudit(tx, { at: now, actor: account, action: "barometre.objectifs", after: { rows: targets.length } });
  });
  return { ok: true as const, rows: targets.length, warnings: parsed.warnings };
}

/** Fictitious values for a demonstration, by a seeded generator (the same set each time). */
export function demoObservations(currentYear: number): Observation[] {
  let seed = 20231;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const births = shippedBirths().byDepartement ?? {};
  const out: Observation[] = [];
  const years = [currentYear - 4, currentYear - 3, currentYear - 2, currentYear - 1].filter((y) => y >= FIRST_EPP_YEAR);
  for (const dep of DEPARTEMENTS) {
    const denominatorBase = Math.max(500, births[dep.code] ?? 2000);
    const eppStart = 0.5 + random() * 0.3;
    const epnpStart = 0.03 + random() * 0.12;
    years.forEach((year, i) => {
      const denominator = Math.round(denominatorBase * (0.97 + random() * 0.06));
      const epp = Math.min(0.97, eppStart + i * (0.02 + random() * 0.03));
      const epnp = Math.min(0.9, epnpStart + i * (0.04 + random() * 0.06));
      out.push({ indicator: "epp", departement: dep.code, year, denominator, numerator: Math.round(denominator * epp) });
      out.push({ indicator: "epnp", departement: dep.code, year, denominator, numerator: Math.round(denominator * epnp) });
    });
  }
  return out;
}

/** Real values are loaded: the demo set is not added (the two never mix). */
export class RealDataPresentError extends ConflictError {}

export async function loadDemoBarometer(tx: Queryable, now: Date): Promise<number> {
  if (await realDataLoaded(tx))
    throw new RealDataPresentError("Des valeurs réelles sont chargées : le jeu fictif n'est pas ajouté (les deux ne se mélangent pas).");
  await removeFictitious(tx);
  const observations = demoObservations(now.getUTCFullYear());
  await storeObservations(tx, observations, { source: DEMO_SOURCE, fictitious: true, loadedBy: "npm run demo:barometre", now });
  return observations.length;
}

/** Removes the demo set; returns the number of values removed. */
export function removeDemoBarometer(tx: Queryable): Promise<number> {
  return removeFictitious(tx);
}
