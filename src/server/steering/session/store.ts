import type { Queryable } from "../../db/database.js";

/**
 * The writes of the session and account use cases (./service.ts) on `steering_account` and `steering_session`.
 * SQL only. Reading and creating accounts (also used by the CLI) is in ../accounts.ts; opening and reading a
 * session, and the login throttle, in ../auth.ts.
 */

/** Replaces an account's password hash; `changedAt` also records a password change (a re-hash at login is not one). */
export async function setPasswordHash(db: Queryable, accountId: string, hash: string, changedAt?: Date): Promise<void> {
  if (changedAt)
    await db.query("UPDATE steering_account SET password_hash = $2, password_changed_at = $3 WHERE id = $1", [accountId, hash, changedAt.toISOString()]);
  else await db.query("UPDATE steering_account SET password_hash = $2 WHERE id = $1", [accountId, hash]);
}

export async function setAccountActive(db: Queryable, accountId: string, active: boolean): Promise<void> {
  await db.query("UPDATE steering_account SET active = $2 WHERE id = $1", [accountId, active]);
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
