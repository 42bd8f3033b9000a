import type { Queryable } from "../../db/database.js";
import { ACCOUNT_COLUMNS, type AccountRow } from "../accounts/store.js";

/**
 * The back office's sessions (`steering_session`) and login throttle (`steering_login_throttle`): SQL only. The
 * rules (expiry, idle timeout, when a key is locked) are applied by ./service.ts and ./throttle.ts.
 */

/** Records a session: the hash of its token (never the token), its account, its CSRF token and its absolute expiry. */
export async function insertSession(
  db: Queryable,
  session: { tokenHash: string; accountId: string; csrfToken: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await db.query("INSERT INTO steering_session (token_hash, account_id, csrf_token, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $4, $5)", [
    session.tokenHash,
    session.accountId,
    session.csrfToken,
    session.createdAt.toISOString(),
    session.expiresAt.toISOString(),
  ]);
}

export type SessionRow = AccountRow & { csrfToken: string; lastSeenAt: string | Date; expiresAt: string | Date };

/** The session with this token hash, with its account. */
export async function findSession(db: Queryable, tokenHash: string): Promise<SessionRow | undefined> {
  const [row] = await db.query<SessionRow>(
    `SELECT ${ACCOUNT_COLUMNS}, s.csrf_token AS "csrfToken", s.last_seen_at AS "lastSeenAt", s.expires_at AS "expiresAt"
     FROM steering_session s JOIN steering_account a ON a.id = s.account_id WHERE s.token_hash = $1`,
    [tokenHash],
  );
  return row;
}

/** Records the time of the session's last request. */
export async function touchSession(db: Queryable, tokenHash: string, at: Date): Promise<void> {
  await db.query("UPDATE steering_session SET last_seen_at = $2 WHERE token_hash = $1", [tokenHash, at.toISOString()]);
}

/** Ends one session, by the hash of its token. */
export async function deleteSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.query("DELETE FROM steering_session WHERE token_hash = $1", [tokenHash]);
}

/** Ends every session of an account, or every one but `keepTokenHash`. */
export async function deleteAccountSessions(db: Queryable, accountId: string, keepTokenHash?: string): Promise<void> {
  if (keepTokenHash === undefined) await db.query("DELETE FROM steering_session WHERE account_id = $1", [accountId]);
  else await db.query("DELETE FROM steering_session WHERE account_id = $1 AND token_hash <> $2", [accountId, keepTokenHash]);
}

// --- Login throttle ------------------------------------------------------------------------------------------

/**
 * Counts one attempt on a key, in one atomic statement (a row-locking upsert on PostgreSQL, a single connection on
 * PGlite). The count starts again when its window (`lockMs`) is over and the key is not locked; the `max`-th
 * attempt locks the key for `lockMs`; attempts while locked are counted but do not extend the lock. Returns the
 * count and the end of the lock.
 */
export async function countAttempt(
  db: Queryable,
  key: string,
  max: number,
  now: Date,
  lockMs: number,
): Promise<{ failures: number; lockedUntil: string | Date | null }> {
  const windowStart = new Date(now.getTime() - lockMs).toISOString();
  const until = new Date(now.getTime() + lockMs).toISOString();
  const [row] = await db.query<{ failures: number; lockedUntil: string | Date | null }>(
    `INSERT INTO steering_login_throttle AS t (key, failures, window_start, locked_until)
     VALUES ($1, 1, $2, CASE WHEN $5::int <= 1 THEN $4::timestamptz END)
     ON CONFLICT (key) DO UPDATE SET
       failures = CASE WHEN t.window_start < $3::timestamptz AND (t.locked_until IS NULL OR t.locked_until <= $2::timestamptz) THEN 1 ELSE t.failures + 1 END,
       window_start = CASE WHEN t.window_start < $3::timestamptz AND (t.locked_until IS NULL OR t.locked_until <= $2::timestamptz) THEN $2::timestamptz ELSE t.window_start END,
       locked_until = CASE
         WHEN t.window_start < $3::timestamptz AND (t.locked_until IS NULL OR t.locked_until <= $2::timestamptz) THEN CASE WHEN $5::int <= 1 THEN $4::timestamptz END
         WHEN t.locked_until > $2::timestamptz THEN t.locked_until
         WHEN t.failures + 1 >= $5::int THEN $4::timestamptz
         ELSE t.locked_until END
     RETURNING failures, locked_until AS "lockedUntil"`,
    [key, now.toISOString(), windowStart, until, max],
  );
  return row!;
}

/** Gives back one attempt on a key, and lifts its lock when it falls under `max`. */
export async function uncountAttempt(db: Queryable, key: string, max: number): Promise<void> {
  await db.query(
    `UPDATE steering_login_throttle SET failures = GREATEST(failures - 1, 0),
       locked_until = CASE WHEN failures - 1 < $2::int THEN NULL ELSE locked_until END
     WHERE key = $1`,
    [key, max],
  );
}

/** Forgets a key's attempts (and its lock). */
export async function deleteAttempts(db: Queryable, key: string): Promise<void> {
  await db.query("DELETE FROM steering_login_throttle WHERE key = $1", [key]);
}
