import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { ContentBundle } from "../../domain/content/schema.js";
import type { Profile } from "../../domain/profile/profile.js";

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

interface MilleJoursDb extends DBSchema {
  profile: { key: "current"; value: Profile };
  epds: { key: string; value: EpdsRecord };
  marks: { key: string; value: ArticleMark };
  content: { key: "bundle"; value: ContentBundle };
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
  connection ??= openDB<MilleJoursDb>(DB_NAME, 2, {
    upgrade(database, oldVersion) {
      if (oldVersion < 1) {
        database.createObjectStore("profile");
        database.createObjectStore("marks", { keyPath: "id" });
        database.createObjectStore("content");
      }
      if (oldVersion < 2) database.createObjectStore("epds", { keyPath: "id" });
    },
  });
  return connection;
}

export async function loadProfile(): Promise<Profile | null> {
  return (await (await db()).get("profile", "current")) ?? null;
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

/** Replaces all the parent's data in one transaction: an import either lands whole or not at all. */
export async function replaceParentData(profile: Profile | null, marks: ArticleMark[], epds: EpdsRecord[]): Promise<void> {
  const tx = (await db()).transaction(["profile", "marks", "epds"], "readwrite");
  await Promise.all([tx.objectStore("profile").clear(), tx.objectStore("marks").clear(), tx.objectStore("epds").clear()]);
  if (profile) await tx.objectStore("profile").put(profile, "current");
  for (const mark of marks) await tx.objectStore("marks").put(mark);
  for (const record of epds) await tx.objectStore("epds").put(record);
  await tx.done;
  setSavedDataHint(profile !== null || marks.length > 0 || epds.length > 0);
}

export async function loadCachedContent(): Promise<ContentBundle | null> {
  return (await (await db()).get("content", "bundle")) ?? null;
}

export async function saveCachedContent(bundle: ContentBundle): Promise<void> {
  await (await db()).put("content", bundle, "bundle");
}
