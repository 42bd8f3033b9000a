import type { Account } from "../../../domain/api/steering.js";
import { ConflictError } from "../../../domain/errors.js";
import { emailKey, type CheckedAccount } from "../../../domain/steering/accounts.js";
import type { Queryable } from "../../db/database.js";

/** The back office's accounts (`steering_account`): SQL only. The rules are in src/domain/steering/accounts.ts, the use cases in ./service.ts. */

/** An account with its password hash, as the database holds it (never shown: see {@link publicAccount}). */
export interface AccountRow extends Account {
  passwordHash: string;
}

/** The columns of an {@link AccountRow}, on the table aliased `a`. */
export const ACCOUNT_COLUMNS =
  'a.id::text AS id, a.email, a.display_name AS "displayName", a.role, a.agency, a.region, a.departement, a.active, a.password_hash AS "passwordHash"';

export function publicAccount(row: AccountRow | Account): Account {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role,
    agency: row.agency,
    region: row.region,
    departement: row.departement ?? null,
    active: row.active,
  };
}

/** The e-mail is taken (409 « Compte existant »). */
export class AccountExistsError extends ConflictError {
  constructor(email: string) {
    super(`Un compte existe déjà pour ${email}.`, { title: "Compte existant" });
  }
}

/** Inserts an account with its password hash. Throws AccountExistsError for a taken e-mail. */
export async function insertAccount(db: Queryable, account: Omit<CheckedAccount, "password">, passwordHash: string, now: Date): Promise<Account> {
  const rows = await db.query<Account>(
    `INSERT INTO steering_account (email, email_key, display_name, role, agency, region, departement, password_hash, created_at, password_changed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
     ON CONFLICT (email_key) DO NOTHING
     RETURNING id::text AS id, email, display_name AS "displayName", role, agency, region, departement, active`,
    [
      account.email,
      emailKey(account.email),
      account.displayName,
      account.role,
      account.agency,
      account.region,
      account.departement,
      passwordHash,
      now.toISOString(),
    ],
  );
  if (!rows[0]) throw new AccountExistsError(account.email);
  return rows[0];
}

export async function findAccountByEmail(db: Queryable, email: string): Promise<AccountRow | undefined> {
  return (await db.query<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM steering_account a WHERE a.email_key = $1`, [emailKey(email)]))[0];
}

export async function findAccountById(db: Queryable, id: string): Promise<AccountRow | undefined> {
  if (!/^\d{1,18}$/.test(id)) return undefined;
  return (await db.query<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM steering_account a WHERE a.id = $1`, [id]))[0];
}

export async function listAccounts(db: Queryable): Promise<Account[]> {
  const rows = await db.query<AccountRow>(`SELECT ${ACCOUNT_COLUMNS} FROM steering_account a ORDER BY a.role, a.region NULLS FIRST, a.email_key`);
  return rows.map(publicAccount);
}

/** Replaces an account's password hash; `changedAt` also records a password change (a re-hash at login is not one). */
export async function setPasswordHash(db: Queryable, accountId: string, hash: string, changedAt?: Date): Promise<void> {
  if (changedAt)
    await db.query("UPDATE steering_account SET password_hash = $2, password_changed_at = $3 WHERE id = $1", [accountId, hash, changedAt.toISOString()]);
  else await db.query("UPDATE steering_account SET password_hash = $2 WHERE id = $1", [accountId, hash]);
}

export async function setAccountActive(db: Queryable, accountId: string, active: boolean): Promise<void> {
  await db.query("UPDATE steering_account SET active = $2 WHERE id = $1", [accountId, active]);
}
