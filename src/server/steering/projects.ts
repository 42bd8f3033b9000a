import { gridImportReport, planGridImport, referencedProjectIds } from "../../domain/steering/grid-import.js";
import { randomUUID } from "node:crypto";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { GRID_COLUMNS, MAX_GRID_ROWS, gridToCsv, parseProjectGridInSteps, projectsToGridRows } from "../../domain/steering/grid.js";
import {
  FIRST_FUNDING_YEAR,
  LAST_FUNDING_YEAR,
  PROJECT_STATUSES,
  summariseProjects,
  validateProject,
  type Project,
} from "../../domain/steering/project.js";
import { findRegion } from "../../domain/steering/territories.js";
import { THEME_IDS } from "../../domain/steering/themes.js";
import type { Queryable } from "../db/database.js";
import { canWriteRegion, readScope } from "../../domain/steering/access.js";
import type { Account } from "./accounts.js";
import { listAudit, writeAudit } from "./audit.js";
import { guard, sessionOf } from "./auth.js";
import { forbidden, notFound, sendFieldErrors, sendFileReport, type SteeringContext } from "./context.js";
import { sendProblem } from "../problem.js";
import { writeXlsx } from "./xlsx.js";

/** A project as stored: the model plus its id, version and dates. */
export type StoredProject = Project & { id: string; version: number; createdAt: string; updatedAt: string };

interface ProjectRow {
  id: string;
  version: number;
  data: Project;
  createdAt: string | Date;
  updatedAt: string | Date;
}

const COLUMNS = `id::text AS id, version, data, created_at AS "createdAt", updated_at AS "updatedAt"`;

function toStored(row: ProjectRow): StoredProject {
  return { ...row.data, id: row.id, version: row.version, createdAt: new Date(row.createdAt).toISOString(), updatedAt: new Date(row.updatedAt).toISOString() };
}

export interface ProjectFilters {
  region?: string | null;
  theme?: string;
  year?: number;
  funder?: "ars" | "dreets";
  status?: string;
}

export async function listProjects(db: Queryable, filters: ProjectFilters): Promise<StoredProject[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filters.region) where.push(`region = $${params.push(filters.region)}`);
  if (filters.theme) where.push(`$${params.push(filters.theme)} = ANY(themes)`);
  if (filters.year !== undefined) where.push(`$${params.push(filters.year)}::int = ANY(years)`);
  if (filters.funder) where.push(`funding_line = ANY($${params.push(filters.funder === "ars" ? ["ars-fir", "conjoint"] : ["dreets-p304", "conjoint"])}::text[])`);
  if (filters.status) where.push(`status = $${params.push(filters.status)}`);
  const rows = await db.query<ProjectRow>(`SELECT ${COLUMNS} FROM steering_project ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY region, title, id`, params);
  return rows.map(toStored);
}

/** Default and largest page of `GET /pilotage/projets`. */
export const PROJECTS_PAGE = { default: 50, max: 200 } as const;

/**
 * One page of the filtered projects (same order as `listProjects`), their total count, and the totals of the
 * whole filtered set: these read only region, themes and amounts, never the full project documents, so a
 * registry of tens of thousands of projects is neither sent nor held whole.
 */
export async function pageProjects(
  db: Queryable,
  filters: ProjectFilters,
  page: { limit: number; offset: number },
): Promise<{ projects: StoredProject[]; total: number; totals: ReturnType<typeof summariseProjects> }> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filters.region) where.push(`region = $${params.push(filters.region)}`);
  if (filters.theme) where.push(`$${params.push(filters.theme)} = ANY(themes)`);
  if (filters.year !== undefined) where.push(`$${params.push(filters.year)}::int = ANY(years)`);
  if (filters.funder) where.push(`funding_line = ANY($${params.push(filters.funder === "ars" ? ["ars-fir", "conjoint"] : ["dreets-p304", "conjoint"])}::text[])`);
  if (filters.status) where.push(`status = $${params.push(filters.status)}`);
  const clause = where.length ? `WHERE ${where.join(" AND ")}` : "";
  const light = await db.query<{ region: string; themes: Project["themes"]; amounts: Project["amounts"] }>(
    `SELECT region, themes, data->'amounts' AS amounts FROM steering_project ${clause}`,
    params,
  );
  const rows = await db.query<ProjectRow>(
    `SELECT ${COLUMNS} FROM steering_project ${clause} ORDER BY region, title, id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, page.limit, page.offset],
  );
  return { projects: rows.map(toStored), total: light.length, totals: summariseProjects(light as unknown as Project[], { year: filters.year }) };
}

/** The projects of these ids, locked until the end of the transaction, keyed by id (lower-case). */
export async function getProjectsForUpdate(tx: Queryable, ids: readonly string[]): Promise<Map<string, StoredProject>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.query<ProjectRow>(`SELECT ${COLUMNS} FROM steering_project WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [ids]);
  return new Map(rows.map((row) => [row.id, toStored(row)]));
}

export async function getProject(db: Queryable, id: string, forUpdate = false): Promise<StoredProject | undefined> {
  const rows = await db.query<ProjectRow>(`SELECT ${COLUMNS} FROM steering_project WHERE id = $1${forUpdate ? " FOR UPDATE" : ""}`, [id]);
  return rows[0] ? toStored(rows[0]) : undefined;
}

function filterColumns(p: Project) {
  return [p.region, p.title, p.status, p.fundingLine, p.themes, p.amounts.map((a) => a.year).sort((a, b) => a - b), JSON.stringify(p)];
}

const withoutMeta = (p: StoredProject): Project => {
  const { id: _id, version: _v, createdAt: _c, updatedAt: _u, ...project } = p;
  return project;
};

async function insertProject(tx: Queryable, project: Project, actor: Account, now: Date, action: string): Promise<StoredProject> {
  const id = randomUUID();
  const [row] = await tx.query<ProjectRow>(
    `INSERT INTO steering_project (id, region, title, status, funding_line, themes, years, data, created_at, created_by, updated_at, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6::text[], $7::int[], $8::jsonb, $9, $10, $9, $10) RETURNING ${COLUMNS}`,
    [id, ...filterColumns(project), now.toISOString(), actor.id],
  );
  await writeAudit(tx, { at: now, actor, action, projectId: id, region: project.region, before: null, after: project });
  return toStored(row!);
}

/** Rows per statement when an import creates projects: a few round trips instead of two per project. */
const INSERT_BATCH = 500;

/**
 * Creates many projects (grid import), INSERT_BATCH per statement, each with its audit entry (same content
 * as `insertProject`'s). Returns the new ids in order.
 */
async function insertProjects(tx: Queryable, projects: readonly Project[], actor: Account, now: Date, action: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < projects.length; i += INSERT_BATCH) {
    const batch = projects.slice(i, i + INSERT_BATCH).map((project) => {
      const [region, title, status, fundingLine, themes, years] = filterColumns(project);
      return { id: randomUUID(), region, title, status, funding_line: fundingLine, themes, years, data: project };
    });
    await tx.query(
      `INSERT INTO steering_project (id, region, title, status, funding_line, themes, years, data, created_at, created_by, updated_at, updated_by)
       SELECT id, region, title, status, funding_line, themes, years, data, $2, $3, $2, $3
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, region text, title text, status text, funding_line text, themes text[], years int[], data jsonb)`,
      [JSON.stringify(batch), now.toISOString(), actor.id],
    );
    await tx.query(
      `INSERT INTO steering_audit (at, account_id, actor_email, action, project_id, region, before, after)
       SELECT $2, $3, $4, $5, id, region, NULL, data FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, region text, data jsonb)`,
      [JSON.stringify(batch.map(({ id, region, data }) => ({ id, region, data }))), now.toISOString(), actor.id, actor.email, action],
    );
    ids.push(...batch.map((b) => b.id));
  }
  return ids;
}

async function updateProject(tx: Queryable, before: StoredProject, project: Project, actor: Account, now: Date, action: string): Promise<StoredProject> {
  const [row] = await tx.query<ProjectRow>(
    `UPDATE steering_project SET region = $2, title = $3, status = $4, funding_line = $5, themes = $6::text[], years = $7::int[], data = $8::jsonb,
       version = version + 1, updated_at = $9, updated_by = $10
     WHERE id = $1 RETURNING ${COLUMNS}`,
    [before.id, ...filterColumns(project), now.toISOString(), actor.id],
  );
  await writeAudit(tx, { at: now, actor, action, projectId: before.id, region: project.region, before: withoutMeta(before), after: project });
  return toStored(row!);
}

const regionParam = z.string().regex(/^\d{2}$/, { error: "Code de région attendu (2 chiffres)." });
const yearParam = z.coerce.number().int().min(FIRST_FUNDING_YEAR).max(LAST_FUNDING_YEAR);
const idParams = z.strictObject({ id: z.uuid({ error: "Identifiant de projet invalide." }) });

const filtersQuery = z.strictObject({
  region: regionParam.optional(),
  theme: z.enum(THEME_IDS).optional(),
  year: yearParam.optional(),
  funder: z.enum(["ars", "dreets"]).optional(),
  status: z.enum(PROJECT_STATUSES).optional(),
  limit: z.coerce
    .number({ error: "limit doit être un nombre entier." })
    .int({ error: "limit doit être un nombre entier." })
    .min(1, { error: "limit doit être au moins 1." })
    .max(PROJECTS_PAGE.max, { error: `limit doit être au plus ${PROJECTS_PAGE.max}.` })
    .default(PROJECTS_PAGE.default),
  offset: z.coerce
    .number({ error: "offset doit être un nombre entier." })
    .int({ error: "offset doit être un nombre entier." })
    .min(0, { error: "offset doit être positif ou nul." })
    .max(10_000_000, { error: "offset trop grand." })
    .default(0),
});

/**
 * Bounds of one grid import: a parent's request must never wait behind an unbounded job. The row bound is the
 * domain's (`MAX_GRID_ROWS`), checked here on a cheap line count before the file is parsed at all.
 */
const MAX_GRID_CHARS = 10_000_000;

function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) n++;
  return text.endsWith("\n") ? n - 1 : n;
}


/** The region a request may read: the account's own (regional, regional observer) or the one asked (national). */
function scopedRegion(account: Account, asked: string | undefined): { region: string | null } | { forbidden: string } {
  const scope = readScope(account);
  if (scope === null) return { region: asked ?? null };
  if (asked !== undefined && asked !== scope)
    return { forbidden: `Votre compte donne accès aux projets de la région ${scope} (${findRegion(scope)?.nom ?? "?"}) seulement.` };
  return { region: scope };
}

export function projectRoutes(ctx: SteeringContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["pilotage : projets"];
    const anyone = guard(ctx);
    const writers = guard(ctx, ["national", "regional"]);

    app.get(
      "/pilotage/projets",
      {
        schema: {
          summary: "Projets, filtrés par région, thématique, année, financeur et statut, page par page, avec leur nombre et les totaux par thématique et par région",
          description: `Une page de \`limit\` projets (${PROJECTS_PAGE.default} par défaut, au plus ${PROJECTS_PAGE.max}) à partir du rang \`offset\` (0 par défaut), triés par région puis intitulé ; \`total\` et \`totals\` portent sur tous les projets filtrés.`,
          tags,
          querystring: filtersQuery,
        },
        onRequest: anyone,
      },
      async (request, reply) => {
        const { account } = sessionOf(request);
        const { limit, offset, ...filters } = request.query;
        const scope = scopedRegion(account, filters.region);
        if ("forbidden" in scope) return forbidden(reply, scope.forbidden);
        const page = await pageProjects(ctx.db, { ...filters, region: scope.region }, { limit, offset });
        reply.header("cache-control", "no-store");
        return { region: scope.region, year: filters.year ?? null, limit, offset, total: page.total, projects: page.projects, totals: page.totals };
      },
    );

    app.get(
      "/pilotage/projets/:id",
      { schema: { summary: "Un projet", tags, params: idParams }, onRequest: anyone },
      async (request, reply) => {
        const { account } = sessionOf(request);
        const project = await getProject(ctx.db, request.params.id);
        if (!project) return notFound(reply, "Aucun projet ne porte cet identifiant.");
        const scope = readScope(account);
        if (scope !== null && project.region !== scope) return forbidden(reply, "Ce projet relève d'une autre région que la vôtre.");
        reply.header("cache-control", "no-store");
        return project;
      },
    );

    app.get(
      "/pilotage/projets/:id/journal",
      { schema: { summary: "Historique des modifications d'un projet (administration nationale)", tags, params: idParams }, onRequest: guard(ctx, ["national"]) },
      async (request) => listAudit(ctx.db, { projectId: request.params.id, limit: 200 }),
    );

    app.post(
      "/pilotage/projets",
      { schema: { summary: "Créer un projet", tags, body: z.strictObject({ project: z.looseObject({}) }) }, onRequest: writers },
      async (request, reply) => {
        const { account } = sessionOf(request);
        const checked = validateProject(request.body.project);
        if (!checked.ok) return sendFieldErrors(reply, checked.errors, "Projet invalide");
        if (!canWriteRegion(account, checked.project.region)) return forbidden(reply, `Vous ne pouvez créer des projets que dans la région ${account.region}.`);
        const created = await ctx.db.transaction((tx) => insertProject(tx, checked.project, account, ctx.now(), "projet.creation"));
        return reply.status(201).send(created);
      },
    );

    app.put(
      "/pilotage/projets/:id",
      {
        schema: {
          summary: "Modifier un projet (version attendue : refus si quelqu'un l'a modifié entre-temps)",
          tags,
          params: idParams,
          body: z.strictObject({ version: z.int().min(1), project: z.looseObject({}) }),
        },
        onRequest: writers,
      },
      async (request, reply) => {
        const { account } = sessionOf(request);
        const checked = validateProject(request.body.project);
        const result = await ctx.db.transaction(async (tx) => {
          const before = await getProject(tx, request.params.id, true);
          if (!before) return { status: 404 as const };
          if (!canWriteRegion(account, before.region)) return { status: 403 as const, detail: "Ce projet relève d'une autre région que la vôtre." };
          if (!checked.ok) return { status: 422 as const };
          if (!canWriteRegion(account, checked.project.region)) return { status: 403 as const, detail: `Vous ne pouvez pas rattacher un projet à la région ${checked.project.region}.` };
          if (before.version !== request.body.version) return { status: 409 as const };
          return { status: 200 as const, project: await updateProject(tx, before, checked.project, account, ctx.now(), "projet.modification") };
        });
        if (result.status === 404) return notFound(reply, "Aucun projet ne porte cet identifiant.");
        if (result.status === 403) return forbidden(reply, result.detail);
        if (result.status === 422 && !checked.ok) return sendFieldErrors(reply, checked.errors, "Projet invalide");
        if (result.status === 409)
          return sendProblem(reply, {
            status: 409,
            title: "Modification concurrente",
            detail: "Ce projet a été modifié par quelqu'un d'autre depuis que vous l'avez ouvert : rechargez-le, puis refaites vos changements.",
          });
        return result.project;
      },
    );

    const exportQuery = z.strictObject({ year: yearParam, region: regionParam.optional() });
    const exportRows = async (account: Account, query: z.infer<typeof exportQuery>) => {
      const scope = scopedRegion(account, query.region);
      if ("forbidden" in scope) return scope;
      const projects = await listProjects(ctx.db, { region: scope.region, year: query.year });
      const rows = projectsToGridRows(projects, query.year, scope.region ? { region: scope.region } : {});
      const name = `liste-projets-soutenus-${query.year}-${scope.region ? `region-${scope.region}` : "national"}`;
      return { rows, name, region: scope.region };
    };

    app.get(
      "/pilotage/liste-projets-soutenus.csv",
      { schema: { summary: "Liste annuelle des projets soutenus, régionale ou nationale, en CSV (grille documentée)", tags, querystring: exportQuery }, onRequest: anyone },
      async (request, reply) => {
        const out = await exportRows(sessionOf(request).account, request.query);
        if ("forbidden" in out) return forbidden(reply, out.forbidden);
        return reply
          .header("content-type", "text/csv; charset=utf-8")
          .header("content-disposition", `attachment; filename="${out.name}.csv"`)
          .header("cache-control", "no-store")
          .send(gridToCsv(out.rows));
      },
    );

    app.get(
      "/pilotage/liste-projets-soutenus.xlsx",
      { schema: { summary: "La même liste au format XLSX", tags, querystring: exportQuery }, onRequest: anyone },
      async (request, reply) => {
        const out = await exportRows(sessionOf(request).account, request.query);
        if ("forbidden" in out) return forbidden(reply, out.forbidden);
        const names = GRID_COLUMNS.map((c) => c.name);
        const title = `Projets soutenus ${request.query.year} ${out.region ? `région ${out.region}` : "national"}`;
        const bytes = writeXlsx([names, ...out.rows.map((r) => names.map((n) => r[n]))], { sheetName: title, title, created: ctx.now() });
        return reply
          .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
          .header("content-disposition", `attachment; filename="${out.name}.xlsx"`)
          .header("cache-control", "no-store")
          .send(Buffer.from(bytes));
      },
    );

    app.post(
      "/pilotage/projets/import",
      {
        schema: {
          summary: "Importer la grille (CSV) : rapport ligne par ligne ; tout ou rien, en une transaction",
          tags,
          body: z.strictObject({
            csv: z.string().max(MAX_GRID_CHARS, { error: `Le fichier dépasse ${MAX_GRID_CHARS / 1_000_000} millions de caractères : découpez-le (par exemple par région) et importez chaque partie.` }),
            year: yearParam.optional(),
            dryRun: z.boolean().default(false),
          }),
        },
        bodyLimit: 12 * 1024 * 1024,
        onRequest: writers,
      },
      async (request, reply) => {
        const { account } = sessionOf(request);
        const { csv, year, dryRun } = request.body;
        const lines = countLines(csv);
        if (lines > MAX_GRID_ROWS + 1)
          return sendProblem(reply, {
            status: 413,
            title: "Fichier trop volumineux",
            detail: `Le fichier compte ${lines - 1} lignes de projets, au-delà des ${MAX_GRID_ROWS} acceptées en un import : découpez-le (par exemple par région) et importez chaque partie.`,
          });
        // Parsed in steps, yielding between them, so that parents' requests are answered meanwhile.
        const steps = parseProjectGridInSteps(csv, { ...(year !== undefined ? { year } : {}), ...(account.role === "regional" ? { region: account.region! } : {}) });
        let step = steps.next();
        while (!step.done) {
          await new Promise((resolve) => setImmediate(resolve));
          step = steps.next();
        }
        const parsed = step.value;
        if (!parsed.ok) return sendFileReport(reply, parsed.errors);
        const outcome = await ctx.db.transaction(async (tx) => {
          const existing = await getProjectsForUpdate(tx, referencedProjectIds(parsed.rows));
          const plan = planGridImport(parsed.rows, existing, account);
          if (!plan.ok) return plan;
          const now = ctx.now();
          const creations = plan.steps.filter((step) => !step.before).map((step) => step.project);
          const newIds = dryRun ? [] : await insertProjects(tx, creations, account, now, "projet.import");
          if (!dryRun) for (const step of plan.steps) if (step.before) await updateProject(tx, step.before, step.project, account, now, "projet.import");
          return { ok: true as const, report: gridImportReport(plan.steps, newIds, { dryRun, year: parsed.rows[0]!.year }) };
        });
        if (!outcome.ok) return sendFileReport(reply, outcome.errors);
        return outcome.report;
      },
    );

    app.get(
      "/pilotage/journal",
      {
        schema: {
          summary: "Journal des modifications (administration nationale)",
          tags,
          querystring: z.strictObject({ before: z.string().regex(/^\d{1,18}$/).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }),
        },
        onRequest: guard(ctx, ["national"]),
      },
      async (request) => listAudit(ctx.db, { limit: request.query.limit, ...(request.query.before ? { beforeId: request.query.before } : {}) }),
    );
  };
}

