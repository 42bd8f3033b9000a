import type { Account } from "../../domain/api/steering.js";
import type { CallbackService, CallbackServiceInput, CallbackStatus, PublicService } from "../../domain/callback/contract.js";
import type { Queryable } from "../db/database.js";

/**
 * Storage of call-back requests, their history, the services table and the rate-limit counters: SQL only. Only the
 * id, the département, the status and dates are in clear; what the person gave and what the service wrote arrives
 * sealed (./sealing.ts). The rules (what a status change records, when a request is deleted) are in
 * src/domain/callback/lifecycle.ts, the use cases (with their audit entries) in ./service.ts.
 */

export interface RequestRow {
  id: string;
  departement: string;
  status: CallbackStatus;
  keyId: string;
  /** The sealed details. */
  payload: string;
  createdAt: string | Date;
  closedAt: string | Date | null;
  deleteAt: string | Date;
}

const REQUEST_COLUMNS = `id::text AS id, departement, status, key_id AS "keyId", payload, created_at AS "createdAt", closed_at AS "closedAt", delete_at AS "deleteAt"`;

export const iso = (value: string | Date) => new Date(value).toISOString();

// --- Services table -------------------------------------------------------------------------------------

interface ServiceRow {
  departement: string;
  name: string;
  email: string;
  openingHours: string;
  responseDelayHours: number;
  enabled: boolean;
  updatedAt: string | Date;
  updatedBy: string;
}

const SERVICE_COLUMNS = `departement, name, email, opening_hours AS "openingHours", response_delay_hours AS "responseDelayHours", enabled, updated_at AS "updatedAt", updated_by AS "updatedBy"`;

const toService = (row: ServiceRow): CallbackService => ({ ...row, updatedAt: iso(row.updatedAt) });
export const publicService = (s: Pick<CallbackService, "name" | "openingHours" | "responseDelayHours">): PublicService => ({
  name: s.name,
  openingHours: s.openingHours,
  responseDelayHours: s.responseDelayHours,
});

export async function listServices(db: Queryable): Promise<CallbackService[]> {
  return (await db.query<ServiceRow>(`SELECT ${SERVICE_COLUMNS} FROM callback_service ORDER BY departement`)).map(toService);
}

export async function findService(db: Queryable, departement: string): Promise<CallbackService | undefined> {
  const [row] = await db.query<ServiceRow>(`SELECT ${SERVICE_COLUMNS} FROM callback_service WHERE departement = $1`, [departement]);
  return row && toService(row);
}

export async function upsertService(db: Queryable, departement: string, input: CallbackServiceInput, actor: Account, now: Date): Promise<CallbackService> {
  const [row] = await db.query<ServiceRow>(
    `INSERT INTO callback_service (departement, name, email, opening_hours, response_delay_hours, enabled, updated_at, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (departement) DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email, opening_hours = EXCLUDED.opening_hours,
       response_delay_hours = EXCLUDED.response_delay_hours, enabled = EXCLUDED.enabled, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
     RETURNING ${SERVICE_COLUMNS}`,
    [departement, input.name, input.email, input.openingHours, input.responseDelayHours, input.enabled, now.toISOString(), actor.email],
  );
  return toService(row!);
}

// --- Audit ---------------------------------------------------------------------------------------------

/** One row of the steering audit log; ids and départements only, never what the person wrote. */
export async function auditCallback(
  db: Queryable,
  entry: { at: Date; actor: Account | null; action: string; requestIds: string[]; departement: string; after?: unknown },
) {
  if (entry.requestIds.length === 0) return;
  await db.query(
    `INSERT INTO steering_audit (at, account_id, actor_email, action, project_id, region, before, after)
     SELECT $1, $2, $3, $4, NULL, NULL, NULL, jsonb_build_object('demande', rid, 'departement', $6::text) || coalesce($7::jsonb, '{}'::jsonb)
     FROM unnest($5::text[]) AS u(rid)`,
    [
      entry.at.toISOString(),
      entry.actor?.id ?? null,
      entry.actor?.email ?? "parent (jeton d'annulation)",
      entry.action,
      entry.requestIds,
      entry.departement,
      entry.after === undefined ? null : JSON.stringify(entry.after),
    ],
  );
}

// --- Requests --------------------------------------------------------------------------------------------

/** Stores a sealed request (`cancelTokenHash`: the hash of its cancel token, never the token) and its « created » event. */
export async function insertRequest(
  db: Queryable,
  request: { id: string; departement: string; keyId: string; sealed: string; cancelTokenHash: string; createdAt: Date; deleteAt: Date },
): Promise<void> {
  await db.query(
    `INSERT INTO callback_request (id, departement, status, key_id, payload, cancel_token_hash, created_at, delete_at) VALUES ($1, $2, 'new', $3, $4, $5, $6, $7)`,
    [request.id, request.departement, request.keyId, request.sealed, request.cancelTokenHash, request.createdAt.toISOString(), request.deleteAt.toISOString()],
  );
  await db.query(`INSERT INTO callback_event (request_id, at, account_id, actor, action) VALUES ($1, $2, NULL, 'Parent', 'created')`, [
    request.id,
    request.createdAt.toISOString(),
  ]);
}

/** Deletes a request if `cancelTokenHash` is the hash of its cancel token; null for a wrong token, an unknown or a deleted request. */
export async function deleteRequestWithToken(db: Queryable, id: string, cancelTokenHash: string): Promise<{ departement: string } | null> {
  const [row] = await db.query<{ departement: string }>("DELETE FROM callback_request WHERE id = $1 AND cancel_token_hash = $2 RETURNING departement", [
    id,
    cancelTokenHash,
  ]);
  return row ?? null;
}

export interface EventRow {
  requestId: string;
  at: string | Date;
  actor: string;
  action: "created" | "read" | "contacted" | "closed";
}

/** The history of these requests, oldest first. */
export async function eventsOf(db: Queryable, ids: string[]): Promise<EventRow[]> {
  if (ids.length === 0) return [];
  return db.query<EventRow>(`SELECT request_id::text AS "requestId", at, actor, action FROM callback_event WHERE request_id = ANY($1::uuid[]) ORDER BY id`, [
    ids,
  ]);
}

/** Adds a line to a request's history, by an account. */
export async function insertEvent(db: Queryable, event: { requestId: string; at: Date; account: Account; action: "read" | "contacted" | "closed" }) {
  await db.query(`INSERT INTO callback_event (request_id, at, account_id, actor, action) VALUES ($1, $2, $3, $4, $5)`, [
    event.requestId,
    event.at.toISOString(),
    event.account.id,
    event.account.displayName,
    event.action,
  ]);
}

/** The requests of a département, newest first. */
export async function selectRequests(db: Queryable, departement: string): Promise<RequestRow[]> {
  return db.query<RequestRow>(`SELECT ${REQUEST_COLUMNS} FROM callback_request WHERE departement = $1 ORDER BY created_at DESC, id`, [departement]);
}

/** One request of a département; `forUpdate` locks its row until the transaction ends. */
export async function selectRequest(db: Queryable, id: string, departement: string | null, forUpdate = false): Promise<RequestRow | undefined> {
  const [row] = await db.query<RequestRow>(
    `SELECT ${REQUEST_COLUMNS} FROM callback_request WHERE id = $1 AND departement = $2${forUpdate ? " FOR UPDATE" : ""}`,
    [id, departement],
  );
  return row;
}

/** Writes a request's new status, its details sealed again, and its closing and deletion dates. */
export async function updateRequest(
  db: Queryable,
  id: string,
  change: { status: CallbackStatus; keyId: string; sealed: string; closedAt: Date | null; deleteAt: Date },
): Promise<void> {
  await db.query(`UPDATE callback_request SET status = $2, key_id = $3, payload = $4, closed_at = $5, delete_at = $6 WHERE id = $1`, [
    id,
    change.status,
    change.keyId,
    change.sealed,
    change.closedAt?.toISOString() ?? null,
    change.deleteAt.toISOString(),
  ]);
}

/** The retention job's work: requests past their deletion date, and rate-limit counters past their window. */
export async function purgeExpired(db: Queryable, now: Date): Promise<{ requests: number; counters: number }> {
  const requests = await db.query<{ departement: string }>("DELETE FROM callback_request WHERE delete_at <= $1 RETURNING departement", [now.toISOString()]);
  const counters = await db.query("DELETE FROM callback_rate WHERE window_end <= $1 RETURNING key", [now.toISOString()]);
  return { requests: requests.length, counters: counters.length };
}

/** Counts one hit on a rate-limit key in its window (one atomic upsert); the answer says whether it is over the limit. */
export async function hitRate(
  db: Queryable,
  key: string,
  max: number,
  windowMs: number,
  now: Date,
): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
  const [row] = await db.query<{ hits: number; windowEnd: string | Date }>(
    `INSERT INTO callback_rate AS r (key, hits, window_end) VALUES ($1, 1, $3)
     ON CONFLICT (key) DO UPDATE SET
       hits = CASE WHEN r.window_end <= $2::timestamptz THEN 1 ELSE r.hits + 1 END,
       window_end = CASE WHEN r.window_end <= $2::timestamptz THEN $3::timestamptz ELSE r.window_end END
     RETURNING hits, window_end AS "windowEnd"`,
    [key, now.toISOString(), new Date(now.getTime() + windowMs).toISOString()],
  );
  if (row!.hits <= max) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((new Date(row!.windowEnd).getTime() - now.getTime()) / 1000)) };
}
