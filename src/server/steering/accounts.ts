import { z } from "zod";
import { AGENCIES, ROLES, type Account, type Role } from "../../domain/api/steering.js";
import { findDepartement, findRegion } from "../../domain/steering/territories.js";
import { ConflictError } from "../../domain/errors.js";
import type { Queryable } from "../db/database.js";
import { checkNewPassword, DEFAULT_SCRYPT, hashPassword, type ScryptParams } from "./password.js";

/** Accounts of the steering side; the roles and the account as shown are in the shared contract (src/domain/api/steering.ts). */
export { AGENCIES, ROLES, STEERING_ROLES, type Account, type Agency, type Role } from "../../domain/api/steering.js";

export const ROLE_LABELS: Record<Role, string> = {
  national: "Administrateur national",
  regional: "Agent régional",
  observer: "Observateur (lecture seule)",
  departemental: "Service départemental (rappels)",
};

export interface AccountRow extends Account {
  passwordHash: string;
}

export const ACCOUNT_COLUMNS =
  'a.id::text AS id, a.email, a.display_name AS "displayName", a.role, a.agency, a.region, a.departement, a.active, a.password_hash AS "passwordHash"';

/** The login name: the e-mail trimmed and lower-cased. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

const emailSchema = z
  .string()
  .trim()
  .max(254, { error: "L'adresse électronique est trop longue." })
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, { error: "Adresse électronique invalide." });

export const newAccountSchema = z.strictObject({
  email: emailSchema,
  displayName: z.string().trim().min(2, { error: "Le nom affiché doit compter au moins 2 caractères." }).max(120),
  role: z.enum(ROLES, { error: "Rôle inconnu : national, regional, observer ou departemental." }),
  agency: z.enum(AGENCIES, { error: "Service inconnu : ars ou dreets." }).nullable().default(null),
  region: z.string().nullable().default(null),
  departement: z.string().trim().toUpperCase().nullable().default(null),
  password: z.string(),
});
export type NewAccount = z.input<typeof newAccountSchema>;

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

/** Checks an account to create; French messages, by field. */
export function checkNewAccount(
  input: unknown,
): { ok: true; account: z.output<typeof newAccountSchema> } | { ok: false; errors: { field: string; message: string }[] } {
  const parsed = newAccountSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => ({ field: i.path.join(".") || "(compte)", message: i.message })) };
  const a = parsed.data;
  const errors: { field: string; message: string }[] = [];
  if (a.role === "regional" && !a.agency)
    errors.push({ field: "agency", message: "Un agent régional relève d'une ARS ou d'une DREETS : indiquez ars ou dreets." });
  if (a.role !== "regional" && a.agency) errors.push({ field: "agency", message: "Seul un agent régional relève d'une ARS ou d'une DREETS." });
  if (a.role === "regional" && !a.region)
    errors.push({ field: "region", message: "Un agent régional est rattaché à une région : indiquez son code (84, 11…)." });
  if (a.role === "national" && a.region) errors.push({ field: "region", message: "Un administrateur national n'est rattaché à aucune région." });
  if (a.region && !findRegion(a.region))
    errors.push({ field: "region", message: `Région « ${a.region} » inconnue (code officiel géographique : 01, 02, 03, 04, 06, 11, 24…).` });
  if (a.role === "departemental" && !a.departement)
    errors.push({ field: "departement", message: "Un service départemental est rattaché à un département : indiquez son code (69, 2A, 974…)." });
  if (a.role === "departemental" && (a.region || a.agency))
    errors.push({ field: "region", message: "Un service départemental n'est rattaché à aucune région ni agence : indiquez seulement son département." });
  if (a.role !== "departemental" && a.departement)
    errors.push({ field: "departement", message: "Seul un service départemental est rattaché à un département." });
  if (a.departement && !findDepartement(a.departement))
    errors.push({ field: "departement", message: `Département « ${a.departement} » inconnu (code officiel géographique : 01 à 95, 2A, 2B, 971 à 976).` });
  const weak = checkNewPassword(a.password, a.email);
  if (weak) errors.push({ field: "password", message: weak });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, account: a };
}

/** The e-mail is taken (409 « Compte existant »). */
export class AccountExistsError extends ConflictError {
  constructor(email: string) {
    super(`Un compte existe déjà pour ${email}.`, { title: "Compte existant" });
  }
}

/** Creates an account (already checked by {@link checkNewAccount}). Throws AccountExistsError for a taken e-mail. */
export async function insertAccount(
  db: Queryable,
  account: z.output<typeof newAccountSchema>,
  now: Date,
  scrypt: ScryptParams = DEFAULT_SCRYPT,
): Promise<Account> {
  const hash = await hashPassword(account.password, scrypt);
  const rows = await db.query<Account>(
    `INSERT INTO steering_account (email, email_key, display_name, role, agency, region, departement, password_hash, created_at, password_changed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
     ON CONFLICT (email_key) DO NOTHING
     RETURNING id::text AS id, email, display_name AS "displayName", role, agency, region, departement, active`,
    [account.email, emailKey(account.email), account.displayName, account.role, account.agency, account.region, account.departement, hash, now.toISOString()],
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

/** Sets a new password, unlocks the account and ends all its sessions. */
export async function resetPassword(db: Queryable, accountId: string, password: string, now: Date, scrypt: ScryptParams = DEFAULT_SCRYPT): Promise<void> {
  const hash = await hashPassword(password, scrypt);
  const [row] = await db.query<{ email_key: string }>(
    "UPDATE steering_account SET password_hash = $2, password_changed_at = $3 WHERE id = $1 RETURNING email_key",
    [accountId, hash, now.toISOString()],
  );
  await db.query("DELETE FROM steering_session WHERE account_id = $1", [accountId]);
  if (row) await db.query("DELETE FROM steering_login_throttle WHERE key = $1", [`compte:${row.email_key}`]);
}
