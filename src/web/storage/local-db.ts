import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { ContentBundle, TranslationBundle, TranslationLanguage } from "../../domain/content/schema.js";
import type { Answer, AssessmentLevel } from "../../domain/development/assess.js";
import type { BandId } from "../../domain/development/grid.js";
import type { Profile } from "../../domain/profile/profile.js";
import type { PersonalAppointment } from "../../domain/calendar/appointment.js";

export type { PersonalAppointment };

/** Everything the app keeps about the parent lives here, on the device, and nowhere else. */
export interface ArticleMark {
  id: string;
  read: boolean;
  favourite: boolean;
}

/** One EPDS result kept in the history, on the device only. */
export interface EpdsRecord {
  id: string;
  /** Calendar day the questionnaire was taken. */
  date: string;
  locale: string;
  audience: "mere" | "second-parent";
  /** Option index chosen for each item, in the questionnaire's order. */
  answers: number[];
  total: number;
  item10Points: number;
  band: string;
}

/** One development check (routes/developpement) the parent chose to keep, on the device only. */
export interface DevelopmentRecord {
  id: string;
  childId: string;
  /** Child's first name when the check was made (may be empty). */
  childName: string;
  date: string;
  band: BandId;
  /** Ages in words on that day, as shown (« 9 mois », « 7 mois »). */
  realAge: string;
  correctedAge: string | null;
  answers: Record<string, Answer>;
  regression: Answer;
  worry: Answer;
  level: AssessmentLevel;
  nonItems: string[];
}

/** A calendar event the parent marked done, or dismissed (« ne plus afficher ») on that day. */
export interface CalendarMark {
  id: string;
  doneOn: string;
  dismissed?: true;
}

interface MilleJoursDb extends DBSchema {
  appointments: { key: string; value: PersonalAppointment };
  /** Ids of calendar events the parent marked as done, or dismissed (`dismissed: true`, on `doneOn`). */
  calendarDone: { key: string; value: CalendarMark };
  profile: { key: "current"; value: Profile };
  epds: { key: string; value: EpdsRecord };
  development: { key: string; value: DevelopmentRecord };
  marks: { key: string; value: ArticleMark };
  /** The French bundle under "bundle", each translation bundle under "traductions-<langue>". */
  content: { key: string; value: ContentBundle | TranslationBundle };
}

const DB_NAME = "mille-jours";
/**
 * A boolean in localStorage saying "this device has saved data", readable synchronously so that the
 * first render of a new visitor needs no wait for IndexedDB. It holds no personal data.
 */
const SAVED_DATA_HINT = "mille-jours:donnees-enregistrees";

export function hasSavedDataHint(): boolean {
  try {
    return localStorage.getItem(SAVED_DATA_HINT) === "1";
  } catch {
    return true; // storage unreadable: do not assume a new visitor
  }
}

function setSavedDataHint(saved: boolean): void {
  try {
    if (saved) localStorage.setItem(SAVED_DATA_HINT, "1");
    else localStorage.removeItem(SAVED_DATA_HINT);
  } catch {
    /* private browsing: the hint only saves a few milliseconds */
  }
}
let connection: Promise<IDBPDatabase<MilleJoursDb>> | null = null;

function db(): Promise<IDBPDatabase<MilleJoursDb>> {
  connection ??= openDB<MilleJoursDb>(DB_NAME, 4, {
    upgrade(database, oldVersion) {
      if (oldVersion < 1) {
        database.createObjectStore("profile");
        database.createObjectStore("marks", { keyPath: "id" });
        database.createObjectStore("content");
      }
      if (oldVersion < 2) database.createObjectStore("epds", { keyPath: "id" });
      if (oldVersion < 3) {
        database.createObjectStore("appointments", { keyPath: "id" });
        database.createObjectStore("calendarDone", { keyPath: "id" });
      }
      if (oldVersion < 4) database.createObjectStore("development", { keyPath: "id" });
    },
  });
  return connection;
}

/** The saved profile, brought to the current shape when an older version of the app wrote it. */
export async function loadProfile(): Promise<Profile | null> {
  const saved: unknown = await (await db()).get("profile", "current");
  if (saved === undefined || saved === null) return null;
  // Loaded only when a profile is saved: the schema brings zod (25 KB gzip), which a first visit does not need.
  const { savedProfileSchema, upgradeProfile } = await import("../../domain/profile/schema.js");
  const parsed = savedProfileSchema.safeParse(saved);
  return parsed.success ? parsed.data : (upgradeProfile(saved) as Profile);
}

export async function saveProfile(profile: Profile): Promise<void> {
  await (await db()).put("profile", profile, "current");
  setSavedDataHint(true);
}

export async function loadMarks(): Promise<ArticleMark[]> {
  return (await db()).getAll("marks");
}

export async function saveMark(mark: ArticleMark): Promise<void> {
  await (await db()).put("marks", mark);
  setSavedDataHint(true);
}

export async function loadEpdsHistory(): Promise<EpdsRecord[]> {
  return (await (await db()).getAll("epds")).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id.localeCompare(b.id)));
}

export async function saveEpdsRecord(record: EpdsRecord): Promise<void> {
  await (await db()).put("epds", record);
  setSavedDataHint(true);
}

export async function deleteEpdsRecord(id: string): Promise<void> {
  await (await db()).delete("epds", id);
}

/** Newest first, as the history page lists them. */
export async function loadDevelopmentHistory(): Promise<DevelopmentRecord[]> {
  return (await (await db()).getAll("development")).sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
}

export async function saveDevelopmentRecord(record: DevelopmentRecord): Promise<void> {
  await (await db()).put("development", record);
  setSavedDataHint(true);
}

export async function deleteDevelopmentRecord(id: string): Promise<void> {
  await (await db()).delete("development", id);
}

export async function loadAppointments(): Promise<PersonalAppointment[]> {
  return (await db()).getAll("appointments");
}

export async function saveAppointment(appointment: PersonalAppointment): Promise<void> {
  await (await db()).put("appointments", appointment);
  setSavedDataHint(true);
}

export async function deleteAppointment(id: string): Promise<void> {
  await (await db()).delete("appointments", id);
}

export async function loadCalendarDone(): Promise<CalendarMark[]> {
  return (await db()).getAll("calendarDone");
}

export async function setCalendarDone(id: string, doneOn: string | null): Promise<void> {
  if (doneOn) await (await db()).put("calendarDone", { id, doneOn });
  else await (await db()).delete("calendarDone", id);
  setSavedDataHint(true);
}

/** Dismisses events the parent will not do (on `on`), or shows them again (`on` null), in one transaction. */
export async function setCalendarDismissed(ids: readonly string[], on: string | null): Promise<void> {
  const tx = (await db()).transaction("calendarDone", "readwrite");
  for (const id of ids) {
    if (on) await tx.store.put({ id, doneOn: on, dismissed: true });
    else if ((await tx.store.get(id))?.dismissed) await tx.store.delete(id);
  }
  await tx.done;
  setSavedDataHint(true);
}

/** Everything the parent keeps on this device, as one value (export, import, erase). */
export interface ParentDataset {
  profile: Profile | null;
  marks: ArticleMark[];
  epds: EpdsRecord[];
  development: DevelopmentRecord[];
  appointments: PersonalAppointment[];
  calendarDone: CalendarMark[];
}

/** Replaces all the parent's data in one transaction: an import either lands whole or not at all. */
export async function replaceParentData(data: ParentDataset): Promise<void> {
  const stores = ["profile", "marks", "epds", "development", "appointments", "calendarDone"] as const;
  const tx = (await db()).transaction([...stores], "readwrite");
  await Promise.all(stores.map((s) => tx.objectStore(s).clear()));
  if (data.profile) await tx.objectStore("profile").put(data.profile, "current");
  for (const mark of data.marks) await tx.objectStore("marks").put(mark);
  for (const record of data.epds) await tx.objectStore("epds").put(record);
  for (const record of data.development) await tx.objectStore("development").put(record);
  for (const appointment of data.appointments) await tx.objectStore("appointments").put(appointment);
  for (const done of data.calendarDone) await tx.objectStore("calendarDone").put(done);
  await tx.done;
  setSavedDataHint(data.profile !== null || [data.marks, data.epds, data.development, data.appointments, data.calendarDone].some((l) => l.length > 0));
}

export async function loadCachedContent(): Promise<ContentBundle | null> {
  return ((await (await db()).get("content", "bundle")) as ContentBundle | undefined) ?? null;
}

export async function loadCachedTranslation(language: TranslationLanguage): Promise<TranslationBundle | null> {
  return ((await (await db()).get("content", `traductions-${language}`)) as TranslationBundle | undefined) ?? null;
}

export async function saveCachedTranslation(bundle: TranslationBundle): Promise<void> {
  await (await db()).put("content", bundle, `traductions-${bundle.language}`);
}

export async function saveCachedContent(bundle: ContentBundle): Promise<void> {
  await (await db()).put("content", bundle, "bundle");
}
