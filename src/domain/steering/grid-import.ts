import { canWriteRegion, type AccessAccount } from "./access.js";
import type { LineError } from "./csv.js";
import type { GridImportReport, ImportedGridRow } from "./grid.js";
import { validateProject, type Project } from "./project.js";

/**
 * The merge rules of a grid import (docs/steering.md, « Import de la grille »), apart from any storage: given
 * the lines of a parsed grid and the projects they name as they are now, what the import would create and
 * change, or the line-by-line errors that refuse the whole file. A line without an identifier creates a
 * project. A line with one changes that project, if it exists, the account may change it and the line keeps
 * its region; the line holds one year (the list's), so the project's amounts of its other years are kept.
 */

/** A project as stored, as the merge reads it: the model plus its id. */
export type ExistingProject = Project & { id: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The identifiers of existing projects the lines name, lower-cased, to look up before planning. An
 * identifier that is not a UUID names no project (and is not looked up).
 */
export function referencedProjectIds(rows: readonly ImportedGridRow[]): string[] {
  return [...new Set(rows.flatMap((row) => (row.id !== null && UUID.test(row.id) ? [row.id.toLowerCase()] : [])))];
}

export interface GridImportStep<P extends ExistingProject = ExistingProject> {
  line: number;
  /** The project as it is now, or null for a new project. */
  before: P | null;
  /** The project as the import leaves it (for a change: the line merged with the project's other years). */
  project: Project;
}

export type GridImportPlan<P extends ExistingProject = ExistingProject> = { ok: true; steps: GridImportStep<P>[] } | { ok: false; errors: LineError[] };

/**
 * Plans an import: `existing` holds the projects found for {@link referencedProjectIds}, keyed by lower-cased
 * id. All or nothing: any error refuses the whole file.
 */
export function planGridImport<P extends ExistingProject>(
  rows: readonly ImportedGridRow[],
  existing: ReadonlyMap<string, P>,
  account: AccessAccount,
): GridImportPlan<P> {
  const errors: LineError[] = [];
  const steps: GridImportStep<P>[] = [];
  for (const row of rows) {
    if (row.id === null) {
      steps.push({ line: row.line, before: null, project: row.project });
      continue;
    }
    const before = UUID.test(row.id) ? existing.get(row.id.toLowerCase()) : undefined;
    if (!before) {
      errors.push({
        line: row.line,
        column: "identifiant",
        message: `Aucun projet ne porte l'identifiant « ${row.id} » : laissez la cellule vide pour créer un projet.`,
      });
      continue;
    }
    if (!canWriteRegion(account, before.region)) {
      errors.push({ line: row.line, column: "identifiant", message: "Ce projet relève d'une autre région que la vôtre." });
      continue;
    }
    if (before.region !== row.project.region) {
      errors.push({
        line: row.line,
        column: "code_region",
        message: `Ce projet est rattaché à la région ${before.region} : un import ne change pas la région d'un projet.`,
      });
      continue;
    }
    const merged = validateProject({
      ...row.project,
      amounts: [...before.amounts.filter((a) => a.year !== row.year), ...row.project.amounts].sort((a, b) => a.year - b.year),
    });
    if (!merged.ok) {
      for (const e of merged.errors) errors.push({ line: row.line, message: `Avec les montants des autres années du projet : ${e.message}` });
      continue;
    }
    steps.push({ line: row.line, before, project: merged.project });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, steps };
}

/**
 * The report of a planned import, in the order of the file. `newIds` are the ids given to the created projects,
 * in the order of the creations (empty for a dry run: the report then says null).
 */
export function gridImportReport(steps: readonly GridImportStep[], newIds: readonly string[], options: { dryRun: boolean; year: number }): GridImportReport {
  const report: GridImportReport = { ok: true, dryRun: options.dryRun, year: options.year, created: 0, updated: 0, rows: [] };
  for (const step of steps) {
    if (step.before) {
      report.updated++;
      report.rows.push({ line: step.line, id: step.before.id, action: "modification", title: step.project.title });
    } else {
      report.rows.push({ line: step.line, id: newIds[report.created] ?? null, action: "creation", title: step.project.title });
      report.created++;
    }
  }
  return report;
}

/** The summary of a refused file: « Le fichier n'est pas importé : 3 erreurs. » (`refusal` names what was refused). */
export function fileRefusal(errorCount: number, refusal = "Le fichier n'est pas importé"): string {
  return `${refusal} : ${errorCount} erreur${errorCount > 1 ? "s" : ""}.`;
}
