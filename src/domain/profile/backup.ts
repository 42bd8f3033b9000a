import { z } from "zod";
import { isValidIsoDate } from "../dates.js";
import { BAND_IDS } from "../development/grid.js";
import { savedProfileSchema } from "./schema.js";
import { APPOINTMENT_LIMITS } from "../calendar/appointment.js";
import { frenchText, type ParentMessage } from "../parent-messages.js";

// The file's name and version, and makeBackup, are in backup-format.ts (without zod: the « Mes données » page exports
// without loading the schemas, issue 19).
import { BACKUP_FORMAT, BACKUP_VERSION } from "./backup-format.js";
export { BACKUP_FORMAT, BACKUP_VERSION, makeBackup } from "./backup-format.js";

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

/**
 * A refused file: the French sentence, and the same as a parent message (src/domain/parent-messages.ts) that the
 * browser shows in the parent's language.
 */
export type BackupReadResult = { ok: true; backup: Backup } | ({ ok: false; message: string } & ParentMessage);

const refused = (message: ParentMessage): BackupReadResult => ({ ok: false, message: frenchText(message), ...message });

/**
 * The part of a backup file a parent would recognise, for a faulty field (`profile.pregnancy.terme` →
 * « la date du terme »): never a technical path in a message.
 */
export function backupFieldPart(path: readonly PropertyKey[]): ParentMessage {
  const [section, a, b, c] = path;
  const n = (index: unknown) => ({ n: typeof index === "number" ? index + 1 : 1 });
  switch (section) {
    case "profile":
      if (a === "pregnancy")
        return {
          code: b === "terme" ? "backup.part.terme" : b === "ddr" ? "backup.part.ddr" : b === "babies" ? "backup.part.babies" : "backup.part.pregnancy",
        };
      if (a === "children")
        return {
          code:
            c === "birthDate"
              ? "backup.part.child-birth-date"
              : c === "expectedTerme"
                ? "backup.part.child-expected-terme"
                : c === "firstName"
                  ? "backup.part.child-first-name"
                  : "backup.part.child",
          values: n(b),
        };
      if (a === "situations") return { code: "backup.part.situations" };
      if (a === "calendar") return { code: "backup.part.calendar" };
      return { code: "backup.part.profile" };
    case "epds":
      return typeof a === "number" ? { code: "backup.part.epds-one", values: n(a) } : { code: "backup.part.epds" };
    case "development":
      return typeof a === "number" ? { code: "backup.part.development-one", values: n(a) } : { code: "backup.part.development" };
    case "appointments":
      if (typeof a !== "number") return { code: "backup.part.appointments" };
      return { code: b === "date" ? "backup.part.appointment-date" : "backup.part.appointment-one", values: n(a) };
    case "calendarDone":
      return { code: "backup.part.calendar-done" };
    case "marks":
      return { code: "backup.part.marks" };
    default:
      return { code: "backup.part.header" };
  }
}

/** {@link backupFieldPart} in French. */
export const backupFieldLabel = (path: readonly PropertyKey[]): string => frenchText(backupFieldPart(path));

const DATE_PARTS = new Set([
  "backup.part.terme",
  "backup.part.ddr",
  "backup.part.child-birth-date",
  "backup.part.child-expected-terme",
  "backup.part.appointment-date",
]);

/**
 * Parses an imported file; any problem gives one French sentence (and its code), which ends by saying that nothing
 * was changed: an import lands whole or not at all.
 */
export function readBackup(text: string): BackupReadResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return refused({ code: "backup.not-json" });
  }
  if (typeof data !== "object" || data === null || (data as { format?: unknown }).format !== BACKUP_FORMAT) return refused({ code: "backup.not-backup" });
  const version = (data as { version?: unknown }).version;
  if (version !== 1 && version !== 2 && version !== BACKUP_VERSION) return refused({ code: "backup.newer-version" });
  const parsed = backupSchema.safeParse(data);
  if (!parsed.success) {
    const part = backupFieldPart(parsed.error.issues[0]?.path ?? []);
    return refused({ code: DATE_PARTS.has(part.code) ? "backup.damaged-date" : "backup.damaged", values: { part } });
  }
  return { ok: true, backup: parsed.data };
}
