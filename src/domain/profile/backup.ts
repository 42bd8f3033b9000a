import { z } from "zod";
import { isValidIsoDate } from "../dates.js";
import { BAND_IDS } from "../development/grid.js";
import { savedProfileSchema } from "./schema.js";
import { APPOINTMENT_LIMITS } from "../calendar/appointment.js";

/**
 * The file a parent exports to move their data to another device. Plain JSON, readable by a person,
 * versioned so that later versions of the app can still import it.
 */
export const BACKUP_FORMAT = "mille-jours-sauvegarde";
/**
 * Version 2 (2026-12): the profile records the number of babies expected. Version 3 (2026-12): the development
 * checks kept on the device. Versions 1 and 2 still import.
 */
export const BACKUP_VERSION = 3;

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

const developmentAnswer = z.enum(["oui", "non", "nsp"]);

/** A development check kept on the device (src/web/storage/local-db.ts `DevelopmentRecord`). */
export const developmentRecordSchema = z.strictObject({
  id: z.string().min(1).max(64),
  childId: z.string().min(1).max(64),
  childName: z.string().max(100),
  date: z.string().refine(isValidIsoDate),
  band: z.enum(BAND_IDS),
  realAge: z.string().max(40),
  correctedAge: z.string().max(40).nullable(),
  answers: z.record(z.string().max(40), developmentAnswer).refine((a) => Object.keys(a).length <= 60),
  regression: developmentAnswer,
  worry: developmentAnswer,
  level: z.enum(["rien-a-signaler", "en-parler", "en-parler-vite"]),
  nonItems: z.array(z.string().max(40)).max(60),
});

export const backupSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.union([z.literal(1), z.literal(2), z.literal(BACKUP_VERSION)]).transform(() => BACKUP_VERSION),
  exportedAt: z.string(),
  profile: savedProfileSchema.nullable(),
  marks: z.array(articleMarkSchema).max(10_000),
  /** EPDS history; absent from files made before the questionnaire existed. */
  epds: z.array(epdsRecordSchema).max(1_000).default([]),
  /** Development checks; absent from files made before version 3. */
  development: z.array(developmentRecordSchema).max(1_000).default([]),
  /** Personal appointments and events marked done; absent from files made before the calendar existed. */
  appointments: z
    .array(
      z.strictObject({
        id: z.string().min(1).max(APPOINTMENT_LIMITS.id),
        title: z.string().min(1).max(APPOINTMENT_LIMITS.title),
        date: z.string().refine(isValidIsoDate),
        note: z.string().max(APPOINTMENT_LIMITS.note),
      }),
    )
    .max(2_000)
    .default([]),
  /** Events marked done, or dismissed (`dismissed: true`: the parent chose not to be reminded). */
  calendarDone: z
    .array(z.strictObject({ id: z.string().min(1).max(200), doneOn: z.string().refine(isValidIsoDate), dismissed: z.literal(true).optional() }))
    .max(5_000)
    .default([]),
});
export type Backup = z.output<typeof backupSchema>;

export type BackupData = Pick<Backup, "profile" | "marks" | "epds" | "development" | "appointments" | "calendarDone">;

export function makeBackup(data: BackupData, now: Date): Backup {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), ...data };
}

export type BackupReadResult = { ok: true; backup: Backup } | { ok: false; message: string };

/** Said after every import error: an import lands whole or not at all. */
export const NOTHING_CHANGED = "Aucune donnée n'a été modifiée.";

/**
 * The part of a backup file a parent would recognise, for a faulty field (`profile.pregnancy.terme` →
 * « la date du terme »): never a technical path in a message.
 */
export function backupFieldLabel(path: readonly PropertyKey[]): string {
  const [section, a, b, c] = path;
  const nth = (index: unknown) => (typeof index === "number" ? index + 1 : 1);
  switch (section) {
    case "profile":
      if (a === "pregnancy")
        return b === "terme"
          ? "la date du terme"
          : b === "ddr"
            ? "la date des dernières règles"
            : b === "babies"
              ? "le nombre de bébés attendus"
              : "la grossesse";
      if (a === "children") {
        const child = `l'enfant ${nth(b)}`;
        return c === "birthDate"
          ? `la date de naissance de ${child}`
          : c === "expectedTerme"
            ? `le terme prévu de ${child}`
            : c === "firstName"
              ? `le prénom de ${child}`
              : child;
      }
      if (a === "situations") return "les situations du profil";
      if (a === "calendar") return "les réponses qui affinent le calendrier";
      return "le profil";
    case "epds":
      return typeof a === "number" ? `le résultat de questionnaire n° ${a + 1}` : "les résultats de questionnaire";
    case "development":
      return typeof a === "number" ? `le repérage du développement n° ${a + 1}` : "les repérages du développement";
    case "appointments":
      if (typeof a !== "number") return "les rendez-vous personnels";
      return b === "date" ? `la date du rendez-vous personnel n° ${a + 1}` : `le rendez-vous personnel n° ${a + 1}`;
    case "calendarDone":
      return "les événements du calendrier marqués faits";
    case "marks":
      return "les articles lus ou favoris";
    default:
      return "l'en-tête du fichier";
  }
}

/** Parses an imported file; any problem gives one French sentence, and nothing is changed. */
export function readBackup(text: string): BackupReadResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, message: `Ce fichier n'est pas une sauvegarde Mille Jours lisible (ce n'est pas du JSON valide). ${NOTHING_CHANGED}` };
  }
  if (typeof data !== "object" || data === null || (data as { format?: unknown }).format !== BACKUP_FORMAT)
    return { ok: false, message: `Ce fichier n'est pas une sauvegarde Mille Jours. ${NOTHING_CHANGED}` };
  const version = (data as { version?: unknown }).version;
  if (version !== 1 && version !== 2 && version !== BACKUP_VERSION)
    return {
      ok: false,
      message: `Cette sauvegarde vient d'une version de Mille Jours que cette application ne sait pas lire. Mettez l'application à jour. ${NOTHING_CHANGED}`,
    };
  const parsed = backupSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = backupFieldLabel(issue?.path ?? []);
    const problem = /^(la date|le terme)/.test(where) ? `${where} n'est pas une date qui existe` : `un problème porte sur ${where}`;
    return { ok: false, message: `Cette sauvegarde est abîmée ou incomplète : ${problem}. ${NOTHING_CHANGED}` };
  }
  return { ok: true, backup: parsed.data };
}
