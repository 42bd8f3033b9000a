import { ConflictError, ForbiddenError, NotFoundError } from "../../../domain/errors.js";
import { canWriteRegion, readScope } from "../../../domain/steering/access.js";
import { MAX_GRID_ROWS, projectsToGridRows, type GridImportReport, type GridRow } from "../../../domain/steering/grid.js";
import { validateProject } from "../../../domain/steering/project.js";
import { findRegion } from "../../../domain/steering/territories.js";
import type { Account } from "../../../domain/api/steering.js";
import { fileRefused, invalidFields, type SteeringContext } from "../context.js";
import { checkLineBound, type ImportThread } from "../import-thread.js";
import {
  getProject,
  insertProject,
  insertProjectRecords,
  listProjects,
  lockProjectsJson,
  pageProjects,
  updateProject,
  updateProjectRecords,
  type ProjectFilters,
  type StoredProject,
} from "./store.js";

/**
 * The projects' use cases: who reads and changes which project (the domain's access rules), creation and
 * change with optimistic versions, the yearly list, and the grid import. Each refusal is a typed error
 * (src/domain/errors.ts), answered as French problem+json by the server's one error handler.
 */

type Ctx = Pick<SteeringContext, "db" | "now">;

const OTHER_REGION = "Ce projet relève d'une autre région que la vôtre.";
const NO_SUCH_PROJECT = "Aucun projet ne porte cet identifiant.";

/** The region a request may read: the account's own (regional, regional observer) or the one asked (national: null for all). */
export function readableRegion(account: Account, asked: string | undefined): string | null {
  const scope = readScope(account);
  if (scope === null) return asked ?? null;
  if (asked !== undefined && asked !== scope)
    throw new ForbiddenError(`Votre compte donne accès aux projets de la région ${scope} (${findRegion(scope)?.nom ?? "?"}) seulement.`);
  return scope;
}

/** One page of the projects the account may read, with the totals of the whole filtered set. */
export async function projectsPage(
  ctx: Ctx,
  account: Account,
  filters: Omit<ProjectFilters, "region"> & { region?: string },
  page: { limit: number; offset: number },
) {
  const region = readableRegion(account, filters.region);
  const found = await pageProjects(ctx.db, { ...filters, region }, page);
  return { region, year: filters.year ?? null, ...page, total: found.total, projects: found.projects, totals: found.totals };
}

export async function readProject(ctx: Ctx, account: Account, id: string): Promise<StoredProject> {
  const project = await getProject(ctx.db, id);
  if (!project) throw new NotFoundError(NO_SUCH_PROJECT);
  const scope = readScope(account);
  if (scope !== null && project.region !== scope) throw new ForbiddenError(OTHER_REGION);
  return project;
}

function checkedProject(input: unknown) {
  const checked = validateProject(input);
  if (!checked.ok) throw invalidFields(checked.errors, "Projet invalide");
  return checked.project;
}

export async function createProject(ctx: Ctx, account: Account, input: unknown): Promise<StoredProject> {
  const project = checkedProject(input);
  if (!canWriteRegion(account, project.region)) throw new ForbiddenError(`Vous ne pouvez créer des projets que dans la région ${account.region}.`);
  return ctx.db.transaction((tx) => insertProject(tx, project, account, ctx.now(), "projet.creation"));
}

/**
 * Changes a project if it is still at the `version` the person opened. Checked in this order: the project
 * exists, its region is the account's, the new content passes the model, its region is still the account's,
 * nobody changed it meanwhile.
 */
export async function changeProject(ctx: Ctx, account: Account, id: string, version: number, input: unknown): Promise<StoredProject> {
  const checked = validateProject(input);
  return ctx.db.transaction(async (tx) => {
    const before = await getProject(tx, id, true);
    if (!before) throw new NotFoundError(NO_SUCH_PROJECT);
    if (!canWriteRegion(account, before.region)) throw new ForbiddenError(OTHER_REGION);
    if (!checked.ok) throw invalidFields(checked.errors, "Projet invalide");
    if (!canWriteRegion(account, checked.project.region))
      throw new ForbiddenError(`Vous ne pouvez pas rattacher un projet à la région ${checked.project.region}.`);
    if (before.version !== version)
      throw new ConflictError("Ce projet a été modifié par quelqu'un d'autre depuis que vous l'avez ouvert : rechargez-le, puis refaites vos changements.", {
        title: "Modification concurrente",
      });
    return updateProject(tx, before, checked.project, account, ctx.now(), "projet.modification");
  });
}

/** The yearly list of supported projects (the grid), regional or national, with the file name it is sent under. */
export async function supportedProjectsList(
  ctx: Ctx,
  account: Account,
  query: { year: number; region?: string | undefined },
): Promise<{ rows: GridRow[]; name: string; region: string | null }> {
  const region = readableRegion(account, query.region);
  const projects = await listProjects(ctx.db, { region, year: query.year });
  const rows = projectsToGridRows(projects, query.year, region ? { region } : {});
  return { rows, name: `liste-projets-soutenus-${query.year}-${region ? `region-${region}` : "national"}`, region };
}

/**
 * Imports a grid: all or nothing, in one transaction, with a line-by-line report; `dryRun` checks and reports
 * without writing. The row bound (the domain's `MAX_GRID_ROWS`) is checked on a cheap line count before the
 * file is parsed at all. Reading, checking and merging the file run in the grid import's worker thread
 * (../import-thread.ts), before and inside the transaction: this thread, which answers parents, only locks
 * the projects the file names and sends the prepared batches to the database.
 */
export async function importGrid(
  ctx: Ctx & { imports: ImportThread },
  account: Account,
  input: { csv: string; year?: number | undefined; dryRun: boolean },
): Promise<GridImportReport> {
  const { csv, year, dryRun } = input;
  checkLineBound(csv, MAX_GRID_ROWS, "lignes de projets", "découpez-le (par exemple par région) et importez chaque partie.");
  const job = await ctx.imports.parseGrid(csv, {
    ...(year !== undefined ? { year } : {}),
    ...(account.role === "regional" ? { region: account.region! } : {}),
  });
  if (!job.ok) throw fileRefused(job.errors);
  try {
    return await ctx.db.transaction(async (tx) => {
      const existing = await lockProjectsJson(tx, job.ids);
      const plan = await job.plan({ existing, account: { role: account.role, region: account.region }, dryRun });
      if (!plan.ok) throw fileRefused(plan.errors);
      const now = ctx.now();
      for (const batch of plan.creations) await insertProjectRecords(tx, batch, account, now, "projet.import");
      for (const batch of plan.changes) await updateProjectRecords(tx, batch, account, now, "projet.import");
      return plan.report;
    });
  } finally {
    job.release();
  }
}
