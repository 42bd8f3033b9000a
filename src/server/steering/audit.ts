import type { Queryable } from "../db/database.js";
import type { Account } from "../../domain/api/steering.js";

/**
 * The audit log: every change to a project (creation, update, import), and every account, births table,
 * allocation and barometer change, with who, when, the state before and the state after (JSON). Rows are
 * only ever inserted. Read by national administrators.
 */
export interface AuditEntry {
  id: string;
  at: string;
  actorEmail: string;
  accountId: string | null;
  action: string;
  projectId: string | null;
  region: string | null;
  before: unknown;
  after: unknown;
}

export async function writeAudit(
  db: Queryable,
  entry: { at: Date; actor: Account; action: string; projectId?: string | null; region?: string | null; before?: unknown; after?: unknown },
): Promise<void> {
  await db.query(
    `INSERT INTO steering_audit (at, account_id, actor_email, action, project_id, region, before, after)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb)`,
    [
      entry.at.toISOString(),
      entry.actor.id,
      entry.actor.email,
      entry.action,
      entry.projectId ?? null,
      entry.region ?? null,
      entry.before === undefined ? null : JSON.stringify(entry.before),
      entry.after === undefined ? null : JSON.stringify(entry.after),
    ],
  );
}

export async function listAudit(db: Queryable, options: { projectId?: string; limit: number; beforeId?: string }): Promise<AuditEntry[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (options.projectId) where.push(`project_id = $${params.push(options.projectId)}`);
  if (options.beforeId) where.push(`id < $${params.push(options.beforeId)}`);
  const rows = await db.query<AuditEntry & { at: string | Date }>(
    `SELECT id::text AS id, at, actor_email AS "actorEmail", account_id::text AS "accountId", action, project_id::text AS "projectId", region, before, after
     FROM steering_audit ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY id DESC LIMIT $${params.push(options.limit)}`,
    params,
  );
  return rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
}
