import { databaseTarget, loadDatabaseConfig } from "../server/config.js";
import { openDatabase, type Database } from "../server/db/database.js";
import { migrate } from "../server/db/migrate.js";
import { exitIfLocked } from "../server/db/data-dir-lock.js";

/**
 * The database the server uses, opened the same way (DATABASE_URL, else PGlite in DATA_DIR/pglite) and
 * migrated. With PGlite, only one process may open the folder at a time: while the server runs, the
 * command is refused with a French message (src/server/db/data-dir-lock.ts).
 */
export async function openSteeringDatabase(): Promise<Database> {
  const db = await openDatabase(databaseTarget(loadDatabaseConfig())).catch(exitIfLocked);
  await migrate(db);
  return db;
}
