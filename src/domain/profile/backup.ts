import { z } from "zod";
import { profileSchema, type Profile } from "./schema.js";

/**
 * The file a parent exports to move their data to another device. Plain JSON, readable by a person,
 * versioned so that later versions of the app can still import it.
 */
export const BACKUP_FORMAT = "mille-jours-sauvegarde";

export const articleMarkSchema = z.strictObject({ id: z.string().min(1).max(100), read: z.boolean(), favourite: z.boolean() });

export const backupSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(1),
  exportedAt: z.string(),
  profile: profileSchema.nullable(),
  marks: z.array(articleMarkSchema).max(10_000),
});
export type Backup = z.infer<typeof backupSchema>;

export function makeBackup(profile: Profile | null, marks: Backup["marks"], now: Date): Backup {
  return { format: BACKUP_FORMAT, version: 1, exportedAt: now.toISOString(), profile, marks };
}

export type BackupReadResult = { ok: true; backup: Backup } | { ok: false; message: string };

/** Parses an imported file; any problem gives one French sentence, and nothing is changed. */
export function readBackup(text: string): BackupReadResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, message: "Ce fichier n'est pas une sauvegarde Mille Jours lisible (ce n'est pas du JSON valide)." };
  }
  if (typeof data !== "object" || data === null || (data as { format?: unknown }).format !== BACKUP_FORMAT)
    return { ok: false, message: "Ce fichier n'est pas une sauvegarde Mille Jours." };
  if ((data as { version?: unknown }).version !== 1)
    return { ok: false, message: "Cette sauvegarde vient d'une version de Mille Jours que cette application ne sait pas lire. Mettez l'application à jour." };
  const parsed = backupSchema.safeParse(data);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join(".") ?? "";
    return { ok: false, message: `Cette sauvegarde est abîmée ou incomplète (problème à « ${where} ») : aucune donnée n'a été modifiée.` };
  }
  return { ok: true, backup: parsed.data };
}
