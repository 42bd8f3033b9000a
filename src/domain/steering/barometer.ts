import { cellOf, mapHeader, normaliseHeaderName, parseWholeNumber, readCsv, sortLineErrors, type ColumnSpec, type CsvRecord, type LineError } from "./csv.js";
import { DEPARTEMENTS, findDepartement, findRegion, normaliseTerritoryCode } from "./territories.js";

/**
 * Barometer of the early prenatal (EPP) and postnatal (EPNP) interviews by département and year.
 *
 * Targets: instruction interministérielle n° SGMCAS/2023/110 du 18 juillet 2023, §2.1 — EPP: « fixe à 80 %
 * l'objectif national à atteindre d'ici 2026 » and « Pour 2023, l'objectif national est de 73 % des femmes
 * enceintes bénéficiant d'un EPP », departmental targets being differentiated (note 1); EPNP: « l'objectif
 * d'atteindre 60 % d'ici 2026 et 10 % dès 2023 ». No observed figure ships with the app: the values come from
 * files an administrator loads, each naming its source.
 */
export const INDICATORS = ["epp", "epnp"] as const;
export type Indicator = (typeof INDICATORS)[number];

export const INDICATOR_LABELS: Record<Indicator, string> = {
  epp: "Entretien prénatal précoce (EPP)",
  epnp: "Entretien postnatal précoce (EPNP)",
};

export interface NationalTarget {
  indicator: Indicator;
  year: number;
  percent: number;
  source: string;
}

const TARGETS_SOURCE = "Instruction interministérielle n° SGMCAS/2023/110 du 18 juillet 2023, §2.1";

export const NATIONAL_TARGETS: readonly NationalTarget[] = [
  { indicator: "epp", year: 2023, percent: 73, source: TARGETS_SOURCE },
  { indicator: "epp", year: 2026, percent: 80, source: TARGETS_SOURCE },
  { indicator: "epnp", year: 2023, percent: 10, source: TARGETS_SOURCE },
  { indicator: "epnp", year: 2026, percent: 60, source: TARGETS_SOURCE },
];

/** The national target of a year, or null: no target is interpolated between 2023 and 2026. */
export function nationalTarget(indicator: Indicator, year: number): NationalTarget | null {
  return NATIONAL_TARGETS.find((t) => t.indicator === indicator && t.year === year) ?? null;
}

export interface Observation {
  indicator: Indicator;
  departement: string;
  year: number;
  /** People who had the interview. */
  numerator: number;
  /** The reference population of the source (never 0). */
  denominator: number;
}

export interface DepartmentTarget {
  indicator: Indicator;
  departement: string;
  year: number;
  percent: number;
}

/** Observations before this year are refused as a likely typo (the EPP became compulsory to offer in 2020). */
export const MIN_OBSERVATION_YEAR = 2015;
/**
 * Lines of data accepted in one values or targets file: more than every distinct (indicator, département, year)
 * of the accepted years (2 × 101 × 86), so that a valid file always fits; the server refuses a longer file
 * before reading it.
 */
export const MAX_BAROMETER_ROWS = 20_000;
/** The EPP became compulsory to offer in 2020 (loi 2019-1446 art. 62): no target before it, nor demonstration values. */
export const FIRST_EPP_YEAR = 2020;
export const MAX_YEAR = 2100;

export function ratePercent(o: { numerator: number; denominator: number }): number {
  return (o.numerator * 100) / o.denominator;
}

// ---------------------------------------------------------------------------------------------------------
// CSV

export interface BarometerFile {
  source: string;
  observations: Observation[];
}

export type BarometerParseResult = { ok: true; data: BarometerFile; warnings: LineError[] } | { ok: false; errors: LineError[] };

const OBSERVATION_COLUMNS: ColumnSpec[] = [
  { name: "indicateur", required: true },
  { name: "code_departement", required: true },
  { name: "nom_departement", required: false },
  { name: "annee", required: true },
  { name: "numerateur", required: true },
  { name: "denominateur", required: true },
  { name: "source", required: false },
];

const TARGET_COLUMNS: ColumnSpec[] = [
  { name: "indicateur", required: true },
  { name: "code_departement", required: true },
  { name: "nom_departement", required: false },
  { name: "annee", required: true },
  { name: "objectif_pourcent", required: true },
];

interface CommonCells {
  indicator: Indicator | null;
  departement: string | null;
  year: number | null;
}

/** Reads the indicator, département and year cells of a line, with their errors. */
function commonCells(
  record: CsvRecord,
  index: Record<string, number>,
  minYear: number,
  maxYear: number,
  errors: LineError[],
  warnings: LineError[],
): CommonCells {
  const { line } = record;
  const indicatorRaw = cellOf(record, index, "indicateur");
  const indicator = INDICATORS.find((i) => i === normaliseHeaderName(indicatorRaw)) ?? null;
  if (!indicator) errors.push({ line, column: "indicateur", message: `Indicateur « ${indicatorRaw} » inconnu : EPP ou EPNP.` });

  const depRaw = cellOf(record, index, "code_departement");
  const dep = findDepartement(normaliseTerritoryCode(depRaw));
  if (!dep)
    errors.push({
      line,
      column: "code_departement",
      message: `Code de département « ${depRaw} » inconnu : attendu un des 101 codes du code officiel géographique (01 à 95, 2A, 2B, 971 à 974, 976).`,
    });
  else {
    const name = cellOf(record, index, "nom_departement");
    if (name !== "" && normaliseHeaderName(name) !== normaliseHeaderName(dep.nom))
      warnings.push({ line, column: "nom_departement", message: `Le nom « ${name} » ne correspond pas au code ${dep.code} (${dep.nom}) : le code fait foi.` });
  }

  const yearRaw = cellOf(record, index, "annee");
  const yearValue = parseWholeNumber(yearRaw);
  const year = yearValue !== null && yearValue >= minYear && yearValue <= maxYear ? yearValue : null;
  if (year === null) errors.push({ line, column: "annee", message: `Année « ${yearRaw} » invalide : attendu une année entre ${minYear} et ${maxYear}.` });

  return { indicator, departement: dep?.code ?? null, year };
}

function checkDuplicate(seen: Map<string, number>, cells: CommonCells, line: number, errors: LineError[]) {
  if (!cells.indicator || !cells.departement || cells.year === null) return;
  const key = `${cells.indicator}|${cells.departement}|${cells.year}`;
  const first = seen.get(key);
  if (first !== undefined)
    errors.push({
      line,
      message: `${cells.indicator.toUpperCase()} ${cells.departement} ${cells.year} figure déjà ligne ${first} : une seule valeur par indicateur, département et année.`,
    });
  else seen.set(key, line);
}

/**
 * Reads barometer values (both indicators, any years, any départements in one file). `options.currentYear`
 * (given by the caller: the domain has no clock) refuses years after it. The source is the `source` column
 * (the same on every line) or `options.source`. Nothing is returned unless every line is valid.
 */
export function parseBarometerCsv(text: string, options: { source?: string; currentYear?: number } = {}): BarometerParseResult {
  const csv = readCsv(text);
  if (!csv.ok) return csv;
  const header = mapHeader(csv.header, OBSERVATION_COLUMNS);
  if (!header.ok) return header;
  const { index } = header;
  const errors: LineError[] = [];
  const warnings: LineError[] = [];
  const observations: Observation[] = [];
  const seen = new Map<string, number>();
  let source: { value: string; line: number } | undefined;
  const maxYear = options.currentYear ?? MAX_YEAR;

  if (csv.records.length === 0) errors.push({ line: null, message: "Le fichier ne contient aucune ligne de données après l'en-tête." });

  for (const record of csv.records) {
    const { line } = record;
    const cells = commonCells(record, index, MIN_OBSERVATION_YEAR, maxYear, errors, warnings);
    checkDuplicate(seen, cells, line, errors);

    const numRaw = cellOf(record, index, "numerateur");
    const denRaw = cellOf(record, index, "denominateur");
    const numerator = parseWholeNumber(numRaw);
    const denominator = parseWholeNumber(denRaw);
    if (numerator === null)
      errors.push({ line, column: "numerateur", message: `Numérateur « ${numRaw} » invalide : attendu un nombre entier positif ou nul.` });
    if (denominator === null || denominator === 0)
      errors.push({ line, column: "denominateur", message: `Dénominateur « ${denRaw} » invalide : attendu un nombre entier supérieur à 0.` });
    else if (numerator !== null && numerator > denominator)
      errors.push({
        line,
        column: "numerateur",
        message: `Le numérateur (${numerator}) dépasse le dénominateur (${denominator}) : un taux ne peut pas dépasser 100 %.`,
      });

    if (index.source !== -1) {
      const s = cellOf(record, index, "source");
      if (s === "") errors.push({ line, column: "source", message: "La source est vide : indiquez qui publie ces chiffres et leur définition." });
      else if (!source) source = { value: s, line };
      else if (s !== source.value)
        errors.push({ line, column: "source", message: `Source différente de celle de la ligne ${source.line} : un fichier n'a qu'une source.` });
    }

    if (
      cells.indicator &&
      cells.departement &&
      cells.year !== null &&
      numerator !== null &&
      denominator !== null &&
      denominator > 0 &&
      numerator <= denominator
    )
      observations.push({ indicator: cells.indicator, departement: cells.departement, year: cells.year, numerator, denominator });
  }

  const sourceValue = source?.value ?? options.source?.trim();
  if (!sourceValue && csv.records.length > 0)
    errors.push({
      line: null,
      column: "source",
      message: "Indiquez la source des chiffres : une colonne « source » dans le fichier, ou le champ source du formulaire d'import.",
    });

  if (errors.length > 0) return { ok: false, errors: sortLineErrors(errors) };
  return { ok: true, data: { source: sourceValue!, observations }, warnings: sortLineErrors(warnings) };
}

export type TargetsParseResult = { ok: true; targets: DepartmentTarget[]; warnings: LineError[] } | { ok: false; errors: LineError[] };

/** A percentage as written in a sheet: "75", "75 %", "75,5", "75.5". */
export function parsePercent(raw: string): number | null {
  const compact = raw
    .replace(/[\s\u00a0\u202f]/g, "")
    .replace(/%$/, "")
    .replace(",", ".");
  if (!/^\d{1,3}(\.\d+)?$/.test(compact)) return null;
  const value = Number(compact);
  return value <= 100 ? value : null;
}

/** Reads departmental targets (percent, 0 to 100) by indicator, département and year. */
export function parseDepartmentTargetsCsv(text: string): TargetsParseResult {
  const csv = readCsv(text);
  if (!csv.ok) return csv;
  const header = mapHeader(csv.header, TARGET_COLUMNS);
  if (!header.ok) return header;
  const { index } = header;
  const errors: LineError[] = [];
  const warnings: LineError[] = [];
  const targets: DepartmentTarget[] = [];
  const seen = new Map<string, number>();
  if (csv.records.length === 0) errors.push({ line: null, message: "Le fichier ne contient aucune ligne de données après l'en-tête." });

  for (const record of csv.records) {
    const { line } = record;
    const cells = commonCells(record, index, FIRST_EPP_YEAR, MAX_YEAR, errors, warnings);
    checkDuplicate(seen, cells, line, errors);
    const raw = cellOf(record, index, "objectif_pourcent");
    const percent = parsePercent(raw);
    if (percent === null)
      errors.push({
        line,
        column: "objectif_pourcent",
        message: `Objectif « ${raw} » invalide : attendu un pourcentage entre 0 et 100, par exemple 75 ou 75,5.`,
      });
    if (cells.indicator && cells.departement && cells.year !== null && percent !== null)
      targets.push({ indicator: cells.indicator, departement: cells.departement, year: cells.year, percent });
  }
  if (errors.length > 0) return { ok: false, errors: sortLineErrors(errors) };
  return { ok: true, targets, warnings: sortLineErrors(warnings) };
}

// ---------------------------------------------------------------------------------------------------------
// Aggregates

export interface NationalPoint {
  year: number;
  numerator: number;
  denominator: number;
  /** Sum of numerators / sum of denominators, in percent. */
  percent: number;
  /** Départements with a value that year; the national figure covers only them. */
  departementsCount: number;
  missingDepartements: string[];
  target: NationalTarget | null;
  /** percent − target, in percentage points; null without a target that year. */
  gapPoints: number | null;
  /** Change since the previous year with data, in percentage points; null for the first. */
  changePoints: number | null;
}

/**
 * National series of an indicator: for each year with data, the sum of the numerators over the sum of the
 * denominators of the départements loaded (not a mean of rates), with the target and the trend.
 */
export function nationalSeries(observations: readonly Observation[], indicator: Indicator): NationalPoint[] {
  const byYear = new Map<number, Observation[]>();
  for (const o of observations) if (o.indicator === indicator) (byYear.get(o.year) ?? byYear.set(o.year, []).get(o.year)!).push(o);
  const points: NationalPoint[] = [];
  for (const year of [...byYear.keys()].sort((a, b) => a - b)) {
    const list = byYear.get(year)!;
    const numerator = list.reduce((s, o) => s + o.numerator, 0);
    const denominator = list.reduce((s, o) => s + o.denominator, 0);
    const percent = ratePercent({ numerator, denominator });
    const present = new Set(list.map((o) => o.departement));
    const target = nationalTarget(indicator, year);
    const previous = points.at(-1);
    points.push({
      year,
      numerator,
      denominator,
      percent,
      departementsCount: present.size,
      missingDepartements: DEPARTEMENTS.filter((d) => !present.has(d.code)).map((d) => d.code),
      target,
      gapPoints: target ? percent - target.percent : null,
      changePoints: previous ? percent - previous.percent : null,
    });
  }
  return points;
}

export interface RegionPoint {
  region: string;
  nom: string;
  numerator: number;
  denominator: number;
  percent: number;
  departementsCount: number;
}

/** Regional aggregates of one indicator and year (sum of numerators / sum of denominators). */
export function regionalAggregates(observations: readonly Observation[], indicator: Indicator, year: number): RegionPoint[] {
  const byRegion = new Map<string, RegionPoint>();
  for (const o of observations) {
    if (o.indicator !== indicator || o.year !== year) continue;
    const region = findDepartement(o.departement)!.region;
    const point = byRegion.get(region) ?? { region, nom: findRegion(region)!.nom, numerator: 0, denominator: 0, percent: 0, departementsCount: 0 };
    point.numerator += o.numerator;
    point.denominator += o.denominator;
    point.departementsCount += 1;
    byRegion.set(region, point);
  }
  return [...byRegion.values()].map((p) => ({ ...p, percent: ratePercent(p) })).sort((a, b) => (a.region < b.region ? -1 : 1));
}

export interface DepartementGap {
  departement: string;
  nom: string;
  region: string;
  numerator: number;
  denominator: number;
  percent: number;
  targetPercent: number | null;
  /** Where the target comes from: a departmental target loaded, else the national one, else none. */
  targetSource: "departemental" | "national" | null;
  /** percent − target, in percentage points (negative: below target). */
  gapPoints: number | null;
}

/**
 * For one indicator and year, each département with a value, its target (departmental if loaded, else
 * national) and the gap in percentage points. Sorted by département code; the UI sorts as it likes.
 */
export function gapsToTarget(
  observations: readonly Observation[],
  indicator: Indicator,
  year: number,
  departmentTargets: readonly DepartmentTarget[] = [],
): DepartementGap[] {
  const national = nationalTarget(indicator, year);
  return observations
    .filter((o) => o.indicator === indicator && o.year === year)
    .map((o) => {
      const dep = findDepartement(o.departement)!;
      const own = departmentTargets.find((t) => t.indicator === indicator && t.year === year && t.departement === o.departement);
      const targetPercent = own?.percent ?? national?.percent ?? null;
      const percent = ratePercent(o);
      return {
        departement: dep.code,
        nom: dep.nom,
        region: dep.region,
        numerator: o.numerator,
        denominator: o.denominator,
        percent,
        targetPercent,
        targetSource: own ? ("departemental" as const) : national ? ("national" as const) : null,
        gapPoints: targetPercent === null ? null : percent - targetPercent,
      };
    })
    .sort((a, b) => (a.departement < b.departement ? -1 : 1));
}

/**
 * Classes of the gap to target shown on the barometer's map, in percentage points (the page gives each a
 * colour and a text legend). Bounds: at or under −10; over −10 up to −5; over −5 and under 0; from 0 to
 * under 5 (target reached); 5 or more.
 */
export const GAP_CLASSES = [
  { id: "far-below", label: "10 points ou plus sous l'objectif" },
  { id: "below", label: "de 5 à 10 points sous l'objectif" },
  { id: "near-below", label: "moins de 5 points sous l'objectif" },
  { id: "reached", label: "objectif atteint" },
  { id: "above", label: "5 points ou plus au-dessus" },
] as const;
export type GapClass = (typeof GAP_CLASSES)[number]["id"];

export function gapClass(gapPoints: number): GapClass {
  if (gapPoints <= -10) return "far-below";
  if (gapPoints <= -5) return "below";
  if (gapPoints < 0) return "near-below";
  return gapPoints < 5 ? "reached" : "above";
}

/** Classes of the rate itself, for a year without a target: steps of 20 %. */
export const RATE_CLASSES = [
  { id: "under-20", label: "moins de 20 %" },
  { id: "20-40", label: "de 20 à 40 %" },
  { id: "40-60", label: "de 40 à 60 %" },
  { id: "60-80", label: "de 60 à 80 %" },
  { id: "80-plus", label: "80 % ou plus" },
] as const;
export type RateClass = (typeof RATE_CLASSES)[number]["id"];

export function rateClass(percent: number): RateClass {
  if (percent < 20) return "under-20";
  if (percent < 40) return "20-40";
  if (percent < 60) return "40-60";
  return percent < 80 ? "60-80" : "80-plus";
}

/** The years that have a national target for this indicator (2023 and 2026), in order. */
export function nationalTargetYears(indicator: Indicator): number[] {
  return NATIONAL_TARGETS.filter((t) => t.indicator === indicator)
    .map((t) => t.year)
    .sort((a, b) => a - b);
}

export interface TrendPoint {
  year: number;
  numerator: number;
  denominator: number;
  percent: number;
  changePoints: number | null;
}

/** The years of one département for one indicator, with the change since the previous year with data. */
export function departementTrend(observations: readonly Observation[], indicator: Indicator, departement: string): TrendPoint[] {
  const points: TrendPoint[] = [];
  for (const o of observations.filter((x) => x.indicator === indicator && x.departement === departement).sort((a, b) => a.year - b.year)) {
    const percent = ratePercent(o);
    const previous = points.at(-1);
    points.push({ year: o.year, numerator: o.numerator, denominator: o.denominator, percent, changePoints: previous ? percent - previous.percent : null });
  }
  return points;
}
