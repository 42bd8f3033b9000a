import { randomBytes, randomUUID } from "node:crypto";
import type { z } from "zod";
import {
  OUTCOME_LABELS,
  type CallbackRequestView,
  type CallbackService,
  type CallbackServiceInput,
  type Moment,
  type newCallbackRequestSchema,
  type Outcome,
  type PublicService,
  type StatusChange,
} from "../../domain/callback/contract.js";
import { ConflictError } from "../../domain/errors.js";
import type { Queryable } from "../db/database.js";
import type { Account } from "../../domain/api/steering.js";
import { sha256Hex } from "../secret-token.js";
import type { CallbackContext } from "./context.js";
import { open, seal, type Keyring } from "./crypto.js";

/**
 * Storage of call-back requests. Only the id, the département, the status and dates are in clear; what the
 * person gave and what the service wrote is sealed (src/server/callback/crypto.ts) with the id and the
 * département as associated data. Every read by an account is written to the audit log (steering_audit).
 */

/** What is sealed in `callback_request.payload`. */
interface Payload {
  name: string;
  phone: string;
  moments: Moment[];
  commune: string;
  communeName: string | null;
  sharedResult: { band: "faible" | "a-surveiller" | "eleve"; date: string } | null;
  outcome: Outcome | null;
  attempts: number | null;
  orientedTo: string | null;
}

interface RequestRow {
  id: string;
  departement: string;
  status: "new" | "contacted" | "closed";
  keyId: string;
  payload: string;
  createdAt: string | Date;
  closedAt: string | Date | null;
  deleteAt: string | Date;
}

const REQUEST_COLUMNS = `id::text AS id, departement, status, key_id AS "keyId", payload, created_at AS "createdAt", closed_at AS "closedAt", delete_at AS "deleteAt"`;

const aad = (id: string, departement: string) => `callback_request:${id}:${departement}`;
const iso = (value: string | Date) => new Date(value).toISOString();

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

export type NewRequest = z.output<typeof newCallbackRequestSchema>;

/** Stores a request (sealed) and its « created » event; returns the id and the cancel token (only its hash is kept). */
export async function insertRequest(
  db: Queryable,
  keyring: Keyring,
  input: { request: NewRequest; departement: string; communeName: string | null; now: Date; maxRetentionMs: number },
): Promise<{ id: string; cancelToken: string }> {
  const id = randomUUID();
  const cancelToken = randomBytes(32).toString("base64url");
  const { request } = input;
  const payload: Payload = {
    name: request.name,
    phone: request.phone,
    moments: request.moments,
    commune: request.commune,
    communeName: input.communeName,
    sharedResult: request.sharedResult ?? null,
    outcome: null,
    attempts: null,
    orientedTo: null,
  };
  const { keyId, sealed } = seal(keyring, JSON.stringify(payload), aad(id, input.departement));
  const deleteAt = new Date(input.now.getTime() + input.maxRetentionMs);
  await db.query(
    `INSERT INTO callback_request (id, departement, status, key_id, payload, cancel_token_hash, created_at, delete_at) VALUES ($1, $2, 'new', $3, $4, $5, $6, $7)`,
    [id, input.departement, keyId, sealed, sha256Hex(cancelToken), input.now.toISOString(), deleteAt.toISOString()],
  );
  await db.query(`INSERT INTO callback_event (request_id, at, account_id, actor, action) VALUES ($1, $2, NULL, 'Parent', 'created')`, [
    id,
    input.now.toISOString(),
  ]);
  return { id, cancelToken };
}

/** Deletes a request if the token is its cancel token; false for a wrong token, an unknown or a deleted request. */
export async function cancelRequest(db: Queryable, id: string, token: string): Promise<{ departement: string } | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const [row] = await db.query<{ departement: string }>("DELETE FROM callback_request WHERE id = $1 AND cancel_token_hash = $2 RETURNING departement", [
    id,
    sha256Hex(token),
  ]);
  return row ?? null;
}

interface EventRow {
  requestId: string;
  at: string | Date;
  actor: string;
  action: "created" | "read" | "contacted" | "closed";
}

const unseal = (keyring: Keyring, row: RequestRow) => JSON.parse(open(keyring, row.keyId, row.payload, aad(row.id, row.departement))) as Payload;

function view(row: RequestRow, p: Payload, events: EventRow[]): CallbackRequestView {
  return {
    id: row.id,
    departement: row.departement,
    createdAt: iso(row.createdAt),
    status: row.status,
    name: p.name,
    phone: p.phone,
    moments: p.moments,
    commune: { code: p.commune, name: p.communeName },
    sharedResult: p.sharedResult,
    outcome: p.outcome,
    attempts: p.attempts,
    orientedTo: p.orientedTo,
    deleteBy: iso(row.deleteAt),
    history: events
      .filter((e) => e.requestId === row.id)
      .map((e) => ({ at: iso(e.at), actor: e.actor, action: e.action, detail: e.action === "closed" ? closedDetail(p) : null })),
  };
}

function closedDetail(p: Payload): string | null {
  if (!p.outcome) return null;
  if (p.outcome === "unreachable") return `${OUTCOME_LABELS.unreachable} après ${p.attempts ?? "?"} tentative${(p.attempts ?? 0) > 1 ? "s" : ""}`;
  if (p.outcome === "oriented") return `${OUTCOME_LABELS.oriented} : ${p.orientedTo ?? ""}`;
  return OUTCOME_LABELS[p.outcome];
}

async function eventsOf(db: Queryable, ids: string[]): Promise<EventRow[]> {
  if (ids.length === 0) return [];
  return db.query<EventRow>(`SELECT request_id::text AS "requestId", at, actor, action FROM callback_event WHERE request_id = ANY($1::uuid[]) ORDER BY id`, [
    ids,
  ]);
}

/** The requests of a département, newest first, decrypted; each read is audited. Unreadable rows (key removed) are counted. */
export async function listRequests(
  db: Queryable,
  keyring: Keyring,
  account: Account,
  departement: string,
  now: Date,
): Promise<{ items: CallbackRequestView[]; unreadable: number }> {
  const rows = await db.query<RequestRow>(`SELECT ${REQUEST_COLUMNS} FROM callback_request WHERE departement = $1 ORDER BY created_at DESC, id`, [departement]);
  const events = await eventsOf(
    db,
    rows.map((r) => r.id),
  );
  const items: CallbackRequestView[] = [];
  let unreadable = 0;
  for (const row of rows) {
    try {
      items.push(view(row, unseal(keyring, row), events));
    } catch {
      unreadable++;
    }
  }
  await auditCallback(db, { at: now, actor: account, action: "rappel.lecture", requestIds: items.map((i) => i.id), departement });
  return { items, unreadable };
}

/** One request of the account's département (undefined for another département: no existence leak); the read is audited and kept in its history. */
export async function readRequest(db: Queryable, keyring: Keyring, account: Account, id: string, now: Date): Promise<CallbackRequestView | undefined> {
  const [row] = await db.query<RequestRow>(`SELECT ${REQUEST_COLUMNS} FROM callback_request WHERE id = $1 AND departement = $2`, [id, account.departement]);
  if (!row) return undefined;
  await db.query(`INSERT INTO callback_event (request_id, at, account_id, actor, action) VALUES ($1, $2, $3, $4, 'read')`, [
    id,
    now.toISOString(),
    account.id,
    account.displayName,
  ]);
  await auditCallback(db, { at: now, actor: account, action: "rappel.lecture", requestIds: [id], departement: row.departement });
  return view(row, unseal(keyring, row), await eventsOf(db, [id]));
}

/** A closed request is final: its status no longer changes (409 « Demande clôturée »). */
export class AlreadyClosedError extends ConflictError {
  constructor() {
    super("Cette demande est déjà clôturée.", { title: "Demande clôturée" });
  }
}

/** Marks a request contacted or closed (with its outcome); re-sealed with the current key; closing sets the deletion date. */
export async function changeStatus(
  tx: Queryable,
  ctx: CallbackContext & { keyring: Keyring },
  account: Account,
  id: string,
  change: StatusChange,
  now: Date,
): Promise<CallbackRequestView | undefined> {
  const [row] = await tx.query<RequestRow>(`SELECT ${REQUEST_COLUMNS} FROM callback_request WHERE id = $1 AND departement = $2 FOR UPDATE`, [
    id,
    account.departement,
  ]);
  if (!row) return undefined;
  if (row.status === "closed") throw new AlreadyClosedError();
  const p = unseal(ctx.keyring, row);
  const next: Payload =
    change.status === "closed"
      ? { ...p, outcome: change.outcome!, attempts: change.attempts ?? p.attempts, orientedTo: change.orientedTo ?? null }
      : { ...p, attempts: change.attempts ?? p.attempts };
  const { keyId, sealed } = seal(ctx.keyring, JSON.stringify(next), aad(row.id, row.departement));
  const closedAt = change.status === "closed" ? now : null;
  const deleteAt = closedAt
    ? new Date(Math.min(closedAt.getTime() + ctx.closedRetentionMs, new Date(row.createdAt).getTime() + ctx.maxRetentionMs))
    : new Date(row.deleteAt);
  await tx.query(`UPDATE callback_request SET status = $2, key_id = $3, payload = $4, closed_at = $5, delete_at = $6 WHERE id = $1`, [
    id,
    change.status,
    keyId,
    sealed,
    closedAt?.toISOString() ?? null,
    deleteAt.toISOString(),
  ]);
  await tx.query(`INSERT INTO callback_event (request_id, at, account_id, actor, action) VALUES ($1, $2, $3, $4, $5)`, [
    id,
    now.toISOString(),
    account.id,
    account.displayName,
    change.status,
  ]);
  await auditCallback(tx, {
    at: now,
    actor: account,
    action: `rappel.${change.status === "closed" ? "cloture" : "contact"}`,
    requestIds: [id],
    departement: row.departement,
    after: { status: change.status, outcome: change.outcome ?? null },
  });
  // What was just written, without reading the row back nor opening what was just sealed.
  return view({ ...row, status: change.status, keyId, payload: sealed, closedAt, deleteAt }, next, await eventsOf(tx, [id]));
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
