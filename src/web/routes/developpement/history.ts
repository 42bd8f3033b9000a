import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { Answer, AssessmentLevel } from "../../../domain/development/assess.js";
import type { BandId } from "../../../domain/development/grid.js";

/**
 * The development checks a parent chose to keep, on this device only (its own IndexedDB database, so that
 * its upgrades never meet those of the main one). Erased with « Tout effacer » (Mes données).
 */
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

interface DevelopmentDb extends DBSchema {
  checks: { key: string; value: DevelopmentRecord };
}

const DB_NAME = "mille-jours-developpement";
let connection: Promise<IDBPDatabase<DevelopmentDb>> | null = null;

function db(): Promise<IDBPDatabase<DevelopmentDb>> {
  connection ??= openDB<DevelopmentDb>(DB_NAME, 1, {
    upgrade(database) {
      database.createObjectStore("checks", { keyPath: "id" });
    },
  });
  return connection;
}

export async function loadDevelopmentHistory(): Promise<DevelopmentRecord[]> {
  return (await (await db()).getAll("checks")).sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.id.localeCompare(b.id)));
}

export async function saveDevelopmentRecord(record: DevelopmentRecord): Promise<void> {
  await (await db()).put("checks", record);
}

export async function deleteDevelopmentRecord(id: string): Promise<void> {
  await (await db()).delete("checks", id);
}

export async function eraseDevelopmentHistory(): Promise<void> {
  await (await db()).clear("checks");
}
