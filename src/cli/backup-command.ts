import { databaseTarget, loadBackupConfig } from "../server/config.js";
import { exitIfLocked } from "../server/db/data-dir-lock.js";
import { BackupError, type BackupTarget } from "../server/ops/backup.js";

/**
 * The shared body of `npm run backup` and `npm run restore`: the FILE argument (usage and exit 2 without it),
 * the database of the configuration (DATABASE_URL, else the PGlite folder of DATA_DIR), and the French
 * message with exit 1 on a refusal (a BackupError, or a PGlite folder locked by a running server).
 */
export async function runBackupCommand(usage: string, action: (target: BackupTarget, file: string) => Promise<void>): Promise<void> {
  const file = process.argv[2];
  if (!file || file.startsWith("-")) {
    console.error(usage);
    process.exit(2);
  }
  const config = loadBackupConfig();
  try {
    await action({ ...databaseTarget(config), pgBinDir: config.PG_BIN_DIR }, file);
  } catch (error) {
    if (!(error instanceof BackupError)) exitIfLocked(error);
    console.error(error.message);
    process.exit(1);
  }
}
