import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { ContentBundle } from "../../domain/content/schema.js";
import type { Profile } from "../../domain/profile/profile.js";

/** Everything the app keeps about the parent lives here, on the device, and nowhere else. */
export interface ArticleMark {
  id: string;
  read: boolean;
  favourite: boolean;
}

interface MilleJoursDb extends DBSchema {
  profile: { key: "current"; value: Profile };
  marks: { key: string; value: ArticleMark };
  content: { key: "bundle"; value: ContentBundle };
}

const DB_NAME = "mille-jours";
let connection: Promise<IDBPDatabase<MilleJoursDb>> | null = null;

function db(): Promise<IDBPDatabase<MilleJoursDb>> {
  connection ??= openDB<MilleJoursDb>(DB_NAME, 1, {
    upgrade(database) {
      database.createObjectStore("profile");
      database.createObjectStore("marks", { keyPath: "id" });
      database.createObjectStore("content");
    },
  });
  return connection;
}

export async function loadProfile(): Promise<Profile | null> {
  return (await (await db()).get("profile", "current")) ?? null;
}

export async function saveProfile(profile: Profile): Promise<void> {
  await (await db()).put("profile", profile, "current");
}

export async function loadMarks(): Promise<ArticleMark[]> {
  return (await db()).getAll("marks");
}

export async function saveMark(mark: ArticleMark): Promise<void> {
  await (await db()).put("marks", mark);
}

/** Replaces profile and marks together: an import either lands whole or not at all. */
export async function replaceParentData(profile: Profile | null, marks: ArticleMark[]): Promise<void> {
  const tx = (await db()).transaction(["profile", "marks"], "readwrite");
  await tx.objectStore("profile").clear();
  await tx.objectStore("marks").clear();
  if (profile) await tx.objectStore("profile").put(profile, "current");
  for (const mark of marks) await tx.objectStore("marks").put(mark);
  await tx.done;
}

export async function loadCachedContent(): Promise<ContentBundle | null> {
  return (await (await db()).get("content", "bundle")) ?? null;
}

export async function saveCachedContent(bundle: ContentBundle): Promise<void> {
  await (await db()).put("content", bundle, "bundle");
}
