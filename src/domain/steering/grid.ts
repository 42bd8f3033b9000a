import {
  cellOf,
  mapHeader,
  normaliseHeaderName,
  parseDayText,
  parseEuros,
  parseWholeNumber,
  readCsv,
  sortLineErrors,
  unneutraliseFormula,
  writeCsv,
  type CsvRecord,
  type CsvWriteOptions,
  type LineError,
} from "./csv.js";
import {
  EVALUATION_LABELS,
  EVALUATION_OUTCOMES,
  FUNDING_LINES,
  FIRST_FUNDING_YEAR,
  LAST_FUNDING_YEAR,
  PROJECT_STATUSES,
  STATUS_LABELS,
  amountForYear,
  projectSchema,
  type Project,
  type ProjectInput,
} from "./project.js";
import { findRegion, normaliseTerritoryCode } from "./territories.js";
import { PRIORITY_THEMES, themeFromCell } from "./themes.js";

/**
 * The yearly « liste des projets soutenus » that ARS and DREETS send before 30 November (instruction
 * SGMCAS/2023/110, « Échéances » and §3.1: « selon la grille qui leur sera communiquée »). The ministry's own
 * grid was not available: this one carries every field of the project model, one line per project funded in
 * the year, with that year's amounts. Columns are documented in `docs/steering.md`.
 */
export interface GridColumn {
  name: string;
  /** Must be in the header of an imported file. */
  required: boolean;
  /** Written on export but not read on import (names shown for reading only). */
  informative?: boolean;
  description: string;
}

export const GRID_COLUMNS = [
  { name: "annee", required: true, description: "Année de la liste (année des montants), ex. 2023." },
  { name: "code_region", required: true, description: "Code de la région (code officiel géographique), ex. 84." },
  { name: "region", required: false, informative: true, description: "Nom de la région (lecture seule, ignoré à l'import)." },
  { name: "identifiant", required: false, description: "Identifiant du projet dans l'application ; vide pour un nouveau projet." },
  { name: "intitule", required: true, description: "Intitulé du projet (3 à 200 caractères)." },
  { name: "structure_porteuse", required: true, description: "Nom de la structure porteuse." },
  { name: "siret", required: false, description: "SIRET de la structure porteuse (14 chiffres), facultatif." },
  { name: "departements", required: true, description: "Codes des départements du projet, séparés par des virgules, ex. « 69, 38 »." },
  { name: "thematiques", required: true, description: "Numéros des thématiques prioritaires (1 à 6), séparés par des virgules, ex. « 3, 6 »." },
  { name: "thematiques_libelles", required: false, informative: true, description: "Libellés des thématiques (lecture seule, ignoré à l'import)." },
  { name: "ligne_financement", required: true, description: "ARS-FIR (volet santé), DREETS-P304 (volet social) ou conjoint." },
  { name: "montant_ars_fir", required: true, description: "Montant ARS (FIR) de l'année, en euros entiers ; vide = 0." },
  { name: "montant_dreets_p304", required: true, description: "Montant DREETS (programme 304) de l'année, en euros entiers ; vide = 0." },
  { name: "montant_total", required: false, description: "Somme des deux montants ; vérifiée si elle est remplie." },
  { name: "date_debut", required: true, description: "Date de début, AAAA-MM-JJ (ou JJ/MM/AAAA)." },
  { name: "date_fin", required: false, description: "Date de fin, AAAA-MM-JJ (ou JJ/MM/AAAA), facultative." },
  { name: "statut", required: true, description: "Lauréat, En cours, Évalué, Reconduit ou Terminé." },
  {
    name: "evaluation",
    required: false,
    description: "Résultat de l'évaluation : Favorable, Réservée ou Défavorable ; obligatoire si le statut est « Évalué ».",
  },
  { name: "commentaire_evaluation", required: false, description: "Commentaire sur l'évaluation, facultatif." },
  { name: "resume_public", required: true, description: "Résumé public du projet (2 000 caractères au plus)." },
] as const satisfies readonly GridColumn[];

export type GridColumnName = (typeof GRID_COLUMNS)[number]["name"];
export type GridRow = Record<GridColumnName, string | number>;

/** A file larger than this is refused (a national list is a few hundred lines). */
export const MAX_GRID_ROWS = 5000;

/** A stored project: the model plus the id the application gave it. */
export type GridProject = Project & { id?: string };

const FUNDING_LINE_CELL: Record<Project["fundingLine"], string> = { "ars-fir": "ARS-FIR", "dreets-p304": "DREETS-P304", conjoint: "conjoint" };

/**
 * One grid row per project funded in `year` (ARS + DREETS amount of that year above 0), sorted by region code
 * then title. Optionally only one region (the regional list); without it, the national list.
 */
export function projectsToGridRows(projects: readonly GridProject[], year: number, options: { region?: string } = {}): GridRow[] {
  return projects
    .filter((p) => (options.region === undefined || p.region === options.region) && amountForYear(p, year).total > 0)
    .sort((a, b) => (a.region < b.region ? -1 : a.region > b.region ? 1 : a.title.localeCompare(b.title, "fr")))
    .map((p) => {
      const amount = amountForYear(p, year);
      const themes = PRIORITY_THEMES.filter((t) => p.themes.includes(t.id));
      return {
        annee: year,
        code_region: p.region,
        region: findRegion(p.region)?.nom ?? "",
        identifiant: p.id ?? "",
        intitule: p.title,
        structure_porteuse: p.holder.structure,
        siret: p.holder.siret ?? "",
        departements: p.departements.join(", "),
        thematiques: themes.map((t) => t.number).join(", "),
        thematiques_libelles: themes.map((t) => t.shortLabel).join(" ; "),
        ligne_financement: FUNDING_LINE_CELL[p.fundingLine],
        montant_ars_fir: amount.arsFir,
        montant_dreets_p304: amount.dreetsP304,
        montant_total: amount.total,
        date_debut: p.startDate,
        date_fin: p.endDate ?? "",
        statut: STATUS_LABELS[p.status],
        evaluation: p.evaluation ? EVALUATION_LABELS[p.evaluation.outcome] : "",
        commentaire_evaluation: p.evaluation?.comment ?? "",
        resume_public: p.publicSummary,
      };
    });
}

/**
 * The grid as CSV: header then rows, RFC 4180 quoting, formula neutralisation. Defaults suit French
 * spreadsheets: `;` separator and a UTF-8 byte order mark.
 */
export function gridToCsv(rows: readonly GridRow[], options: CsvWriteOptions = {}): string {
  const names = GRID_COLUMNS.map((c) => c.name);
  return writeCsv([names, ...rows.map((r) => names.map((n) => r[n]))], { separator: ";", bom: true, ...options });
}

export interface ImportedGridRow {
  line: number;
  /** The project's id when the line names one (update), else null (new project). */
  id: string | null;
  year: number;
  /** The project as the line describes it; `amounts` holds the list year only. */
  project: Project;
}

export type GridImportResult = { ok: true; rows: ImportedGridRow[] } | { ok: false; errors: LineError[] };

/** Which grid column a project field comes from, to address schema messages. */
function columnOfField(path: readonly PropertyKey[]): GridColumnName {
  const [head, , leaf] = path.map(String);
  switch (head) {
    case "title":
      return "intitule";
    case "holder":
      return String(path[1]) === "siret" ? "siret" : "structure_porteuse";
    case "region":
      return "code_region";
    case "departements":
      return "departements";
    case "themes":
      return "thematiques";
    case "fundingLine":
      return "ligne_financement";
    case "amounts":
      return leaf === "dreetsP304" ? "montant_dreets_p304" : leaf === "year" ? "annee" : "montant_ars_fir";
    case "startDate":
      return "date_debut";
    case "endDate":
      return "date_fin";
    case "status":
      return "statut";
    case "evaluation":
      return String(path[1]) === "comment" ? "commentaire_evaluation" : "evaluation";
    default:
      return "resume_public";
  }
}

const valueKey = (raw: string) => normaliseHeaderName(raw).replace(/_/g, "-");

function splitList(raw: string): string[] {
  return raw
    .split(/[,;|]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/**
 * Reads a grid file and checks every line against the project model. Nothing is returned unless the whole
 * file is valid, so that the server imports it in one transaction or not at all. `options.year` requires
 * that year on every line; `options.region` (a regional agent) requires that region on every line. Without
 * `options.year`, every line must carry the same year as the first.
 */
export function parseProjectGrid(text: string, options: { year?: number; region?: string } = {}): GridImportResult {
  const steps = parseProjectGridInSteps(text, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `parseProjectGrid` cut into steps of `stepRows` records: the caller may let other work run between two steps,
 * the result is the same. (The server reads grid files in a worker thread instead: steering/import-thread.ts.)
 */
export function* parseProjectGridInSteps(text: string, options: { year?: number; region?: string } = {}, stepRows = 250): Generator<void, GridImportResult> {
  const csv = readCsv(text);
  if (!csv.ok) return csv;
  const header = mapHeader(csv.header, GRID_COLUMNS);
  if (!header.ok) return header;
  if (csv.records.length === 0) return { ok: false, errors: [{ line: null, message: "Le fichier ne contient aucun projet après la ligne d'en-tête." }] };
  if (csv.records.length > MAX_GRID_ROWS)
    return {
      ok: false,
      errors: [{ line: null, message: `Le fichier contient ${csv.records.length} lignes : au plus ${MAX_GRID_ROWS} par import. Découpez-le par région.` }],
    };

  const errors: LineError[] = [];
  const rows: ImportedGridRow[] = [];
  const ids = new Map<string, number>();
  let fileYear: { value: number; line: number } | undefined = options.year === undefined ? undefined : { value: options.year, line: 0 };

  for (const [n, record] of csv.records.entries()) {
    if (n > 0 && n % stepRows === 0) yield;
    const parsed = parseGridLine(record, header.index);
    errors.push(...parsed.errors);
    const { line } = record;

    if (parsed.year !== null) {
      if (!fileYear) fileYear = { value: parsed.year, line };
      else if (parsed.year !== fileYear.value)
        errors.push({
          line,
          column: "annee",
          message:
            fileYear.line === 0
              ? `Année ${parsed.year} : cet import porte sur la liste ${fileYear.value}.`
              : `Année ${parsed.year} différente de celle de la ligne ${fileYear.line} (${fileYear.value}) : une liste porte sur une seule année.`,
        });
    }
    if (options.region !== undefined && parsed.region !== null && parsed.region !== options.region)
      errors.push({
        line,
        column: "code_region",
        message: `Projet de la région ${parsed.region} : vous ne pouvez importer que des projets de la région ${options.region} (${findRegion(options.region)?.nom ?? "inconnue"}).`,
      });
    if (parsed.id !== null) {
      const first = ids.get(parsed.id);
      if (first !== undefined) errors.push({ line, column: "identifiant", message: `L'identifiant « ${parsed.id} » figure déjà ligne ${first}.` });
      else ids.set(parsed.id, line);
    }
    if (parsed.project && parsed.year !== null) rows.push({ line, id: parsed.id, year: parsed.year, project: parsed.project });
  }

  if (errors.length > 0) return { ok: false, errors: sortLineErrors(errors) };
  return { ok: true, rows };
}

interface ParsedLine {
  errors: LineError[];
  year: number | null;
  region: string | null;
  id: string | null;
  project: Project | null;
}

function parseGridLine(record: CsvRecord, index: Record<string, number>): ParsedLine {
  const { line } = record;
  const errors: LineError[] = [];
  const cell = (c: GridColumnName) => cellOf(record, index, c);
  const text = (c: GridColumnName) => unneutraliseFormula(cell(c));
  const fail = (column: GridColumnName, message: string) => errors.push({ line, column, message });

  const yearText = cell("annee");
  const yearValue = parseWholeNumber(yearText);
  const year = yearValue !== null && yearValue >= FIRST_FUNDING_YEAR && yearValue <= LAST_FUNDING_YEAR ? yearValue : null;
  if (year === null) fail("annee", `Année « ${yearText} » invalide : attendu une année entre ${FIRST_FUNDING_YEAR} et ${LAST_FUNDING_YEAR}.`);

  const regionRaw = cell("code_region");
  const region = normaliseTerritoryCode(regionRaw);

  const departements = splitList(cell("departements")).map(normaliseTerritoryCode);

  const themes: string[] = [];
  for (const item of splitList(cell("thematiques"))) {
    const theme = themeFromCell(item);
    if (theme) themes.push(theme.id);
    else fail("thematiques", `Thématique « ${item} » inconnue : attendu un numéro de 1 à 6.`);
  }

  const fundingRaw = cell("ligne_financement");
  const fundingLine = FUNDING_LINES.find((f) => f === valueKey(fundingRaw));
  if (fundingRaw === "") fail("ligne_financement", "La ligne de financement est obligatoire : ARS-FIR, DREETS-P304 ou conjoint.");
  else if (!fundingLine) fail("ligne_financement", `Ligne de financement « ${fundingRaw} » inconnue : ARS-FIR, DREETS-P304 ou conjoint.`);

  const amount = (c: "montant_ars_fir" | "montant_dreets_p304" | "montant_total") => {
    const raw = cell(c);
    if (raw === "") return 0;
    const value = parseEuros(raw);
    if (value === null) fail(c, `Montant « ${raw} » illisible : attendu des euros entiers, par exemple 45000 ou 45 000.`);
    return value;
  };
  const arsFir = amount("montant_ars_fir");
  const dreetsP304 = amount("montant_dreets_p304");
  if (arsFir !== null && dreetsP304 !== null) {
    if (arsFir + dreetsP304 === 0)
      fail("montant_ars_fir", "Les deux montants sont vides ou nuls : la liste ne comprend que des projets financés dans l'année.");
    if (cell("montant_total") !== "") {
      const total = amount("montant_total");
      if (total !== null && total !== arsFir + dreetsP304)
        fail("montant_total", `Le total (${total}) n'est pas la somme des montants ARS et DREETS (${arsFir + dreetsP304}).`);
    }
  }

  const day = (c: "date_debut" | "date_fin") => {
    const raw = cell(c);
    if (raw === "") return null;
    const value = parseDayText(raw);
    if (value === null) fail(c, `Date « ${raw} » illisible : attendu AAAA-MM-JJ ou JJ/MM/AAAA.`);
    return value;
  };
  const startDate = day("date_debut");
  const endDate = day("date_fin");
  if (cell("date_debut") === "") fail("date_debut", "La date de début est obligatoire.");

  const statusRaw = cell("statut");
  const status = PROJECT_STATUSES.find((s) => s === valueKey(statusRaw));
  if (statusRaw === "") fail("statut", "Le statut est obligatoire : Lauréat, En cours, Évalué, Reconduit ou Terminé.");
  else if (!status) fail("statut", `Statut « ${statusRaw} » inconnu : Lauréat, En cours, Évalué, Reconduit ou Terminé.`);

  const outcomeRaw = cell("evaluation");
  const outcome = outcomeRaw === "" ? null : EVALUATION_OUTCOMES.find((o) => o === valueKey(outcomeRaw));
  if (outcome === undefined) fail("evaluation", `Résultat d'évaluation « ${outcomeRaw} » inconnu : Favorable, Réservée ou Défavorable (ou vide).`);
  const comment = text("commentaire_evaluation");
  if (outcome === null && comment !== "") fail("commentaire_evaluation", "Un commentaire d'évaluation est indiqué sans résultat d'évaluation.");

  const siret = cell("siret");
  const idText = text("identifiant");
  // eslint-disable-next-line no-control-regex
  if (idText.length > 100 || /[\u0000-\u001f\u007f]/.test(idText))
    fail("identifiant", "Identifiant illisible : laissez la cellule vide pour un nouveau projet.");
  const input: ProjectInput = {
    title: text("intitule"),
    holder: { structure: text("structure_porteuse"), siret: siret === "" ? null : siret },
    region,
    departements,
    themes: themes as ProjectInput["themes"],
    fundingLine: fundingLine ?? "ars-fir",
    amounts: [{ year: year ?? FIRST_FUNDING_YEAR, arsFir: arsFir ?? 0, dreetsP304: dreetsP304 ?? 0 }],
    startDate: startDate ?? "",
    endDate,
    status: status ?? "laureat",
    evaluation: outcome ? { outcome, comment } : null,
    publicSummary: text("resume_public"),
  };

  const columnsWithErrors = new Set(errors.map((e) => e.column));
  const parsed = projectSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const column = columnOfField(issue.path);
      // Already reported from the cell itself, or a consequence of it.
      if (columnsWithErrors.has(column)) continue;
      if (issue.path[0] === "amounts" && issue.path.length === 2) continue; // zero amounts, reported above
      if (issue.path[0] === "fundingLine" && !fundingLine) continue;
      errors.push({ line, column, message: issue.message });
    }
  }

  return {
    errors,
    year,
    region: findRegion(region) ? region : null,
    id: idText === "" ? null : idText,
    project: parsed.success && errors.length === 0 ? parsed.data : null,
  };
}

/** What the server answers after importing a grid (or checking it, with `dryRun`). */
export interface GridImportReport {
  ok: true;
  dryRun: boolean;
  year: number;
  created: number;
  updated: number;
  rows: { line: number; id: string | null; action: "creation" | "modification"; title: string }[];
}
