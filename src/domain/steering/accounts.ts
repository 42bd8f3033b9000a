import { z } from "zod";
import { AGENCIES, ROLES, type Role } from "../api/steering.js";
import { findDepartement, findRegion } from "./territories.js";

/**
 * The back office's account model: what an account to create must say (its role decides its agency, region or
 * département), the login name, and the password policy. Pure rules with French messages; the server's use cases
 * (src/server/steering/accounts/service.ts) and the command line (src/cli/admin-create.ts) apply them. The roles
 * and the account as the API shows it are in the shared contract (src/domain/api/steering.ts).
 */

export const ROLE_LABELS: Record<Role, string> = {
  national: "Administrateur national",
  regional: "Agent régional",
  observer: "Observateur (lecture seule)",
  departemental: "Service départemental (rappels)",
};

/** The login name: the e-mail trimmed and lower-cased. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/** Password policy (docs/steering.md, « Connexion et sessions »): 12 to 200 characters, at least 5 different ones, not the identifier. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

/** French reason a new password is refused, or null. */
export function checkNewPassword(password: string, email?: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Le mot de passe doit compter au moins ${PASSWORD_MIN_LENGTH} caractères.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Le mot de passe ne doit pas dépasser ${PASSWORD_MAX_LENGTH} caractères.`;
  if (new Set(password).size < 5) return "Le mot de passe est trop répétitif : utilisez au moins 5 caractères différents.";
  if (email && password.toLowerCase().includes(email.split("@")[0]!.toLowerCase()) && email.split("@")[0]!.length >= 4)
    return "Le mot de passe ne doit pas contenir votre identifiant.";
  return null;
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
/** An account to create, as given. */
export type NewAccount = z.input<typeof newAccountSchema>;
/** An account to create, checked by {@link checkNewAccount}. */
export type CheckedAccount = z.output<typeof newAccountSchema>;

/** Checks an account to create; French messages, by field. */
export function checkNewAccount(input: unknown): { ok: true; account: CheckedAccount } | { ok: false; errors: { field: string; message: string }[] } {
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
