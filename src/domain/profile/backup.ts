import { z } from "zod";
import { isValidIsoDate } from "../dates.js";
import { savedProfileSchema } from "./schema.js";

/**
 * The file a parent exports to move their data to another device. Plain JSON, readable by a person,
 * versioned so that later versions of the app can still import it.
 */
export const BACKUP_FORMAT = "mille-jours-sauvegarde";
/** Version 2 (2026-12): the profile records the number of babies expected. Version 1 files still import. */
export const BACKUP_VERSION = 2;

export const articleMarkSchema = z.strictObject({ id: z.string().min(1).max(100), read: z.boolean(), favourite: z.boolean() });

export const epdsRecordSchema = z.strictObject({
  id: z.string().min(1).max(64),
  date: z.string().refine(isValidIsoDate),
  locale: z.string().min(2).max(10),
  audience: z.enum(["mere", "second-parent"]),
  answers: z.array(z.number().int().min(0).max(3)).length(10),
  total: z.number().int().min(0).max(30),
  item10Points: z.number().int().min(0).max(3),
  band: z.string().max(30),
});

export const backupSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.union([z.literal(1), z.literal(BACKUP_VERSION)]).transform(() => BACKUP_VERSION),
  exportedAt: z.string(),
  profile: savedProfileSchema.nullable(),
  marks: z.array(articleMarkSchema).max(10_000),
  /** EPDS history; absent from files made before the questionnaire existed. */
  epds: z.array(epdsRecordSchema).max(1_000).default([]),
  /** Personal appointments and events marked done; absent from files made before the calendar existed. */
  appointments: z
    .array(z.strictObject({ id: z.string().min(1).max(64), title: z.string().min(1).max(200), date: z.string().refine(isValidIsoDate), note: z.string().max(2000) }))
    .max(2_000)
    .default([]),
  /** Events marked done, or dismissed (`dismissed: true`: the parent chose not to be reminded). */
  calendarDone: z
    .array(z.strictObject({ id: z.string().min(1).max(200), doneOn: z.string().refine(isValidIsoDate), dismissed: z.literal(true).optional() }))
    .max(5_000)
    .default([]),
});
export type Backup = z.output<typeof backupSchema>;

export type BackupData = Pick<Backup, "profile" | "marks" | "epds" | "appointments" | "calendarDone">;

export function makeBackup(data: BackupData, now: Date): Backup {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), ...data };
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
  const version = (data as { version?: unknown }).version;
  if (version !== 1 && version !== BACKUP_VERSION)
    return { ok: false, message: "Cette sauvegarde vient d'une version de Mille Jours que cette application ne sait pas lire. Mettez l'application à jour." };
  const parsed = backupSchema.safeParse(data);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join(".") ?? "";
    return { ok: false, message: `Cette sauvegarde est abîmée ou incomplète (problème à « ${where} ») : aucune donnée n'a été modifiée.` };
  }
  return { ok: true, backup: parsed.data };
}
