import { z } from "zod";
import { cellOf, mapHeader, normaliseHeaderName, parseWholeNumber, readCsv, sortLineErrors, type ColumnSpec, type LineError } from "../steering/csv.js";
import { DEPARTEMENTS, REGIONS, departementsOfRegion, findDepartement, findRegion, normaliseTerritoryCode } from "../steering/territories.js";

/**
 * Births tables: the input of the regional allocation rule (instruction SGMCAS/2023/110 §3.1 uses the births
 * of 2021). The app ships the INSEE 2022 table (`data/steering/births-2022-by-*.csv`): no official 2021 table
 * by département or region could be obtained (searched again on 2026-12-01, see `data/steering/README.md`);
 * an administrator loads another year in the same format. Format: `docs/steering.md`.
 */
export interface BirthsTable {
  /** Year of the births counted (not the year of the allocation). */
  year: number;
  /** Who published the figures and how they were derived, shown next to every computed allocation. */
  source: string;
  /** Births by region code (COG). */
  byRegion: Record<string, number>;
  /** Births by département code, when the table was loaded by département. */
  byDepartement?: Record<string, number>;
}

export const MIN_BIRTHS_YEAR = 1946;
export const MAX_BIRTHS_YEAR = 2100;
/** Lines of data accepted in one births table (one year: 101 départements at most); longer files are refused unread. */
export const MAX_BIRTHS_ROWS = 1_000;

const births = z.int({ error: "Le nombre de naissances doit être un nombre entier." }).min(0, { error: "Le nombre de naissances ne peut pas être négatif." });

/** Schema of a births table held in memory or in the database (keys checked against the COG). */
export const birthsTableSchema = z.strictObject({
  year: z
    .int({ error: "L'année des naissances doit être un nombre entier." })
    .min(MIN_BIRTHS_YEAR, { error: `L'année des naissances doit être comprise entre ${MIN_BIRTHS_YEAR} et ${MAX_BIRTHS_YEAR}.` })
    .max(MAX_BIRTHS_YEAR, { error: `L'année des naissances doit être comprise entre ${MIN_BIRTHS_YEAR} et ${MAX_BIRTHS_YEAR}.` }),
  source: z.string().trim().min(1, { error: "La source de la table des naissances est obligatoire." }).max(500),
  byRegion: z.record(
    z.string().refine((code) => findRegion(code) !== undefined),
    births,
    { error: (issue) => (issue.code === "invalid_key" ? "Code de région inconnu (code officiel géographique)." : undefined) },
  ),
  byDepartement: z
    .record(
      z.string().refine((code) => findDepartement(code) !== undefined),
      births,
      { error: (issue) => (issue.code === "invalid_key" ? "Code de département inconnu (code officiel géographique)." : undefined) },
    )
    .optional(),
});

export type BirthsLevel = "region" | "departement";

export type BirthsParseResult = { ok: true; level: BirthsLevel; table: BirthsTable; warnings: LineError[] } | { ok: false; errors: LineError[] };

const REGION_COLUMNS: ColumnSpec[] = [
  { name: "annee", required: true },
  { name: "code_region", required: true },
  { name: "nom_region", required: false },
  { name: "naissances", required: true },
  { name: "source", required: false },
];

const DEPARTEMENT_COLUMNS: ColumnSpec[] = [
  { name: "annee", required: true },
  { name: "code_departement", required: true },
  { name: "nom_departement", required: false },
  { name: "code_region", required: false },
  { name: "naissances", required: true },
  { name: "source", required: false },
];

const sameName = (a: string, b: string) => normaliseHeaderName(a) === normaliseHeaderName(b);

/**
 * Reads a births table from CSV, by region (`code_region`) or by département (`code_departement`, then summed
 * by region; every département of a region present in the file must be there). The year is the `annee` column
 * (one year per file). The source is the `source` column (the same on every line) or, without that column,
 * `options.source`. Every problem is reported with its line; nothing is returned unless the whole file is valid.
 */
export function parseBirthsCsv(text: string, options: { source?: string } = {}): BirthsParseResult {
  const csv = readCsv(text);
  if (!csv.ok) return csv;
  const level: BirthsLevel = csv.header.cells.some((c) => normaliseHeaderName(c) === "code_departement") ? "departement" : "region";
  const header = mapHeader(csv.header, level === "region" ? REGION_COLUMNS : DEPARTEMENT_COLUMNS);
  if (!header.ok) return header;
  const { index } = header;

  const errors: LineError[] = [];
  const warnings: LineError[] = [];
  const counts = new Map<string, { births: number; line: number }>();
  let year: { value: number; line: number } | undefined;
  let source: { value: string; line: number } | undefined;

  if (csv.records.length === 0) errors.push({ line: null, message: "Le fichier ne contient aucune ligne de données après l'en-tête." });

  for (const record of csv.records) {
    const { line } = record;
    const err = (column: string, message: string) => errors.push({ line, column, message });

    const yearText = cellOf(record, index, "annee");
    const yearValue = parseWholeNumber(yearText);
    if (yearValue === null || yearValue < MIN_BIRTHS_YEAR || yearValue > MAX_BIRTHS_YEAR) {
      err("annee", `Année « ${yearText} » invalide : attendu une année sur 4 chiffres entre ${MIN_BIRTHS_YEAR} et ${MAX_BIRTHS_YEAR}.`);
    } else if (!year) {
      year = { value: yearValue, line };
    } else if (year.value !== yearValue) {
      err("annee", `Année ${yearValue} différente de celle de la ligne ${year.line} (${year.value}) : un fichier ne contient qu'une année.`);
    }

    if (index.source !== -1) {
      const sourceText = cellOf(record, index, "source");
      if (sourceText === "")
        err("source", "La source est vide : indiquez l'éditeur et la nature des chiffres (par exemple « INSEE, état civil 2021, naissances domiciliées »).");
      else if (!source) source = { value: sourceText, line };
      else if (source.value !== sourceText) err("source", `Source différente de celle de la ligne ${source.line} : une table n'a qu'une source.`);
    }

    const birthsText = cellOf(record, index, "naissances");
    const birthsValue = parseWholeNumber(birthsText);
    if (birthsValue === null)
      err(
        "naissances",
        `Nombre de naissances « ${birthsText} » invalide : attendu un nombre entier positif ou nul (chiffres, espaces admis entre les milliers).`,
      );

    let code: string | undefined;
    if (level === "region") {
      const raw = cellOf(record, index, "code_region");
      const region = findRegion(normaliseTerritoryCode(raw));
      if (!region)
        err("code_region", `Code de région « ${raw} » inconnu : attendu un des 18 codes du code officiel géographique (01, 02, 03, 04, 06, 11, 24…).`);
      else {
        code = region.code;
        const name = cellOf(record, index, "nom_region");
        if (name !== "" && !sameName(name, region.nom))
          warnings.push({
            line,
            column: "nom_region",
            message: `Le nom « ${name} » ne correspond pas au code ${region.code} (${region.nom}) : le code fait foi.`,
          });
      }
    } else {
      const raw = cellOf(record, index, "code_departement");
      const departement = findDepartement(normaliseTerritoryCode(raw));
      if (!departement)
        err(
          "code_departement",
          `Code de département « ${raw} » inconnu : attendu un des 101 codes du code officiel géographique (01 à 95, 2A, 2B, 971 à 974, 976).`,
        );
      else {
        code = departement.code;
        const regionRaw = cellOf(record, index, "code_region");
        if (regionRaw !== "" && normaliseTerritoryCode(regionRaw) !== departement.region)
          err("code_region", `Le département ${departement.code} (${departement.nom}) appartient à la région ${departement.region}, pas « ${regionRaw} ».`);
        const name = cellOf(record, index, "nom_departement");
        if (name !== "" && !sameName(name, departement.nom))
          warnings.push({
            line,
            column: "nom_departement",
            message: `Le nom « ${name} » ne correspond pas au code ${departement.code} (${departement.nom}) : le code fait foi.`,
          });
      }
    }

    if (code !== undefined) {
      const first = counts.get(code);
      if (first) err(level === "region" ? "code_region" : "code_departement", `Le code ${code} apparaît déjà ligne ${first.line}.`);
      else if (birthsValue !== null) counts.set(code, { births: birthsValue, line });
    }
  }

  const sourceValue = source?.value ?? options.source?.trim();
  if (!sourceValue && csv.records.length > 0)
    errors.push({
      line: null,
      column: "source",
      message: "Indiquez la source des chiffres : une colonne « source » dans le fichier, ou le champ source du formulaire d'import.",
    });

  const byRegion: Record<string, number> = {};
  let byDepartement: Record<string, number> | undefined;
  if (level === "region") {
    for (const [code, { births: b }] of counts) byRegion[code] = b;
  } else {
    byDepartement = {};
    for (const [code, { births: b }] of counts) byDepartement[code] = b;
    const regionsInFile = new Set(DEPARTEMENTS.filter((d) => counts.has(d.code)).map((d) => d.region));
    for (const regionCode of [...regionsInFile].sort()) {
      const deps = departementsOfRegion(regionCode);
      const missing = deps.filter((d) => !counts.has(d.code)).map((d) => d.code);
      if (missing.length > 0) {
        errors.push({
          line: null,
          message: `Région ${regionCode} (${findRegion(regionCode)?.nom}) incomplète : il manque ${missing.length > 1 ? "les départements" : "le département"} ${missing.join(", ")}. Sans eux, le total régional serait faux.`,
        });
      } else {
        byRegion[regionCode] = deps.reduce((sum, d) => sum + counts.get(d.code)!.births, 0);
      }
    }
  }

  if (errors.length > 0) return { ok: false, errors: sortLineErrors(errors) };

  const missingRegions = REGIONS.filter((r) => byRegion[r.code] === undefined);
  if (missingRegions.length > 0)
    warnings.push({
      line: null,
      message: `La table ne couvre pas ${missingRegions.length > 1 ? "les régions" : "la région"} ${missingRegions.map((r) => `${r.code} (${r.nom})`).join(", ")} : ${missingRegions.length > 1 ? "elles ne pourront" : "elle ne pourra"} pas recevoir de part proportionnelle.`,
    });

  const table: BirthsTable = { year: year!.value, source: sourceValue!, byRegion, ...(byDepartement ? { byDepartement } : {}) };
  return { ok: true, level, table, warnings: sortLineErrors(warnings) };
}
