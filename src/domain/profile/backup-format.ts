import type { Backup, BackupData } from "./backup.js";

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

/** The file of the parent's data, as exported (its schema, which checks it on import, is in backup.ts). */
export function makeBackup(data: BackupData, now: Date): Backup {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), ...data };
}
