import { randomUUID } from "node:crypto";
import { summariseProjects, type Project } from "../../../domain/steering/project.js";
import type { Queryable } from "../../db/database.js";
import type { Account } from "../../../domain/api/steering.js";
import { writeAudit } from "../audit.js";
import { filterColumns, RECORD_COLUMNS } from "./records.js";

/**
 * The projects registry in the database (table `steering_project`, with the filter columns beside the JSON
 * document), and the audit entry each change writes in the same transaction. No access rule here: the service
 * (./service.ts) decides who may read and change what.
 */

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

/** The WHERE clause of the filters and its parameters ($1, $2… in order). */
function filterClause(filters: ProjectFilters): { clause: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filters.region) where.push(`region = $${params.push(filters.region)}`);
  if (filters.theme) where.push(`$${params.push(filters.theme)} = ANY(themes)`);
  if (filters.year !== undefined) where.push(`$${params.push(filters.year)}::int = ANY(years)`);
  if (filters.funder)
    where.push(`funding_line = ANY($${params.push(filters.funder === "ars" ? ["ars-fir", "conjoint"] : ["dreets-p304", "conjoint"])}::text[])`);
  if (filters.status) where.push(`status = $${params.push(filters.status)}`);
  return { clause: where.length ? `WHERE ${where.join(" AND ")}` : "", params };
}

export async function listProjects(db: Queryable, filters: ProjectFilters): Promise<StoredProject[]> {
  const { clause, params } = filterClause(filters);
  const rows = await db.query<ProjectRow>(`SELECT ${COLUMNS} FROM steering_project ${clause} ORDER BY region, title, id`, params);
  return rows.map(toStored);
}

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
  const { clause, params } = filterClause(filters);
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

/**
 * The projects of these ids, locked until the end of the transaction, as one JSON text: an array of
 * `{ id, version, data }` (data: the stored project). Text, so that the grid import hands it to its worker
 * thread without decoding thousands of documents on the thread that answers requests.
 */
export async function lockProjectsJson(tx: Queryable, ids: readonly string[]): Promise<string> {
  if (ids.length === 0) return "[]";
  const [row] = await tx.query<{ json: string }>(
    `SELECT coalesce(json_agg(json_build_object('id', id::text, 'version', version, 'data', data) ORDER BY id), '[]')::text AS json
       FROM (SELECT id, version, data FROM steering_project WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE) AS locked`,
    [ids],
  );
  return row!.json;
}

export async function getProject(db: Queryable, id: string, forUpdate = false): Promise<StoredProject | undefined> {
  const rows = await db.query<ProjectRow>(`SELECT ${COLUMNS} FROM steering_project WHERE id = $1${forUpdate ? " FOR UPDATE" : ""}`, [id]);
  return rows[0] ? toStored(rows[0]) : undefined;
}

const withoutMeta = (p: StoredProject): Project => {
  const { id: _id, version: _v, createdAt: _c, updatedAt: _u, ...project } = p;
  return project;
};

export async function insertProject(tx: Queryable, project: Project, actor: Account, now: Date, action: string): Promise<StoredProject> {
  const id = randomUUID();
  const [row] = await tx.query<ProjectRow>(
    `INSERT INTO steering_project (id, region, title, status, funding_line, themes, years, data, created_at, created_by, updated_at, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6::text[], $7::int[], $8::jsonb, $9, $10, $9, $10) RETURNING ${COLUMNS}`,
    [id, ...filterColumns(project), now.toISOString(), actor.id],
  );
  await writeAudit(tx, { at: now, actor, action, projectId: id, region: project.region, before: null, after: project });
  return toStored(row!);
}

/**
 * Creates a batch of projects (grid import): `records` is a JSON array of ProjectRecord (records.ts), written in
 * one statement, with one audit entry per project in the file's order (the same content as `insertProject`'s).
 */
export async function insertProjectRecords(tx: Queryable, records: string, actor: Account, now: Date, action: string): Promise<void> {
  await tx.query(
    `INSERT INTO steering_project (id, region, title, status, funding_line, themes, years, data, created_at, created_by, updated_at, updated_by)
     SELECT id, region, title, status, funding_line, themes, years, data, $2, $3, $2, $3 FROM jsonb_to_recordset($1::jsonb) AS r(${RECORD_COLUMNS})`,
    [records, now.toISOString(), actor.id],
  );
  await auditRecords(tx, records, actor, now, action);
}

/**
 * Changes a batch of projects (grid import): `records` is a JSON array of ProjectRecord with `before`, the stored
 * document each replaces; versions go up by one, and each change gets its audit entry (as `updateProject`'s).
 */
export async function updateProjectRecords(tx: Queryable, records: string, actor: Account, now: Date, action: string): Promise<void> {
  await tx.query(
    `UPDATE steering_project AS p SET region = r.region, title = r.title, status = r.status, funding_line = r.funding_line, themes = r.themes,
       years = r.years, data = r.data, version = p.version + 1, updated_at = $2, updated_by = $3
     FROM jsonb_to_recordset($1::jsonb) AS r(${RECORD_COLUMNS}) WHERE p.id = r.id`,
    [records, now.toISOString(), actor.id],
  );
  await auditRecords(tx, records, actor, now, action);
}

async function auditRecords(tx: Queryable, records: string, actor: Account, now: Date, action: string): Promise<void> {
  await tx.query(
    `INSERT INTO steering_audit (at, account_id, actor_email, action, project_id, region, before, after)
     SELECT $2, $3, $4, $5, id, region, before, data FROM jsonb_to_recordset($1::jsonb) AS r(${RECORD_COLUMNS})`,
    [records, now.toISOString(), actor.id, actor.email, action],
  );
}

export async function updateProject(tx: Queryable, before: StoredProject, project: Project, actor: Account, now: Date, action: string): Promise<StoredProject> {
  const [row] = await tx.query<ProjectRow>(
    `UPDATE steering_project SET region = $2, title = $3, status = $4, funding_line = $5, themes = $6::text[], years = $7::int[], data = $8::jsonb,
       version = version + 1, updated_at = $9, updated_by = $10
     WHERE id = $1 RETURNING ${COLUMNS}`,
    [before.id, ...filterColumns(project), now.toISOString(), actor.id],
  );
  await writeAudit(tx, { at: now, actor, action, projectId: before.id, region: project.region, before: withoutMeta(before), after: project });
  return toStored(row!);
}
