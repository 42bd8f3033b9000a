import { randomUUID } from "node:crypto";
import type { MessagePort } from "node:worker_threads";
import type { AccessAccount } from "../../../domain/steering/access.js";
import type { LineError } from "../../../domain/steering/csv.js";
import { gridImportReport, planGridImport, referencedProjectIds, type ExistingProject } from "../../../domain/steering/grid-import.js";
import { parseProjectGrid, type GridImportReport, type ImportedGridRow } from "../../../domain/steering/grid.js";
import type { Project } from "../../../domain/steering/project.js";
import { projectRecord, type ProjectRecord } from "./records.js";

/**
 * The CPU-heavy part of a grid import (`POST /pilotage/projets/import`): reading the CSV, checking every line
 * against the project model, merging the lines with the stored projects, building the write batches and the
 * report. It runs in the back office's import thread (../import-jobs.ts, driven by ../import-thread.ts), so that a
 * 5 000-line file never holds the thread that answers parents. Same rules and messages as before: the domain's
 * `parseProjectGrid` and `planGridImport` do the work.
 */

/** Projects per write statement: a few round trips instead of two per project. */
export const WRITE_BATCH = 500;

export interface GridParseOptions {
  year?: number;
  region?: string;
}

export type ParsedGrid = { ok: false; errors: LineError[] } | { ok: true; rows: ImportedGridRow[]; ids: string[] };

export function parseGrid(csv: string, options: GridParseOptions): ParsedGrid {
  const parsed = parseProjectGrid(csv, options);
  return parsed.ok ? { ok: true, rows: parsed.rows, ids: referencedProjectIds(parsed.rows) } : parsed;
}

export interface PlanRequest {
  /** The named projects as `lockProjectsJson` returns them (store.ts): `[{ id, version, data }]`. */
  existing: string;
  account: AccessAccount;
  dryRun: boolean;
}

/** What the import writes (JSON arrays of ProjectRecord, WRITE_BATCH each: creations, then changes) and answers. */
export type PlannedGrid = { ok: false; errors: LineError[] } | { ok: true; creations: string[]; changes: string[]; report: GridImportReport };

export function planGrid(rows: readonly ImportedGridRow[], request: PlanRequest): PlannedGrid {
  const stored = JSON.parse(request.existing) as { id: string; data: Project }[];
  const existing = new Map<string, ExistingProject>(stored.map((p) => [p.id, { ...p.data, id: p.id }]));
  const plan = planGridImport(rows, existing, request.account);
  if (!plan.ok) return plan;
  const creations: ProjectRecord[] = [];
  const changes: ProjectRecord[] = [];
  for (const step of plan.steps) {
    if (!step.before) creations.push(projectRecord(randomUUID(), step.project));
    else {
      const { id, ...before } = step.before;
      changes.push(projectRecord(id, step.project, before));
    }
  }
  const report = gridImportReport(plan.steps, request.dryRun ? [] : creations.map((c) => c.id), { dryRun: request.dryRun, year: rows[0]!.year });
  return request.dryRun ? { ok: true, creations: [], changes: [], report } : { ok: true, creations: batches(creations), changes: batches(changes), report };
}

function batches(records: readonly ProjectRecord[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < records.length; i += WRITE_BATCH) out.push(JSON.stringify(records.slice(i, i + WRITE_BATCH)));
  return out;
}

/**
 * Messages on a job's port (the worker's side). In: the file, then (if it parses) the plan request.
 * Out: the parse (`ParsedGrid` without its rows, kept here), then the `PlannedGrid`; or `{ failed }` on an
 * unexpected error. The job ends when the port closes (the server released it).
 */
export function runGridJob(port: MessagePort, csv: string, options: GridParseOptions): void {
  const fail = (error: unknown) => {
    port.postMessage({ failed: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    port.close();
  };
  let parsed: ParsedGrid;
  try {
    parsed = parseGrid(csv, options);
  } catch (error) {
    return fail(error);
  }
  if (!parsed.ok) {
    port.postMessage(parsed);
    port.close();
    return;
  }
  const { rows } = parsed;
  port.postMessage({ ok: true, ids: parsed.ids });
  port.once("message", (request: PlanRequest) => {
    try {
      port.postMessage(planGrid(rows, request));
      port.close();
    } catch (error) {
      fail(error);
    }
  });
}
