import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Database } from "./database.js";

const MIGRATIONS_DIR = fileURLToPath(new URL("./migrations/", import.meta.url));
/** Arbitrary constant: serialises migrations when several server copies start at once. */
const MIGRATION_LOCK = 1_000_001;

let migrationFiles: Promise<string[]> | undefined;
/** The SQL files of `migrations/`, in name order: read once, they are part of this version of the code. */
function listMigrations(): Promise<string[]> {
  migrationFiles ??= readdir(MIGRATIONS_DIR).then(
    (names) => names.filter((f) => f.endsWith(".sql")).sort(),
    (error: unknown) => {
      migrationFiles = undefined; // a failed read is tried again next time
      throw error;
    },
  );
  return migrationFiles;
}

/** Applies the SQL files of `migrations/` not yet applied, in name order, all in one transaction. */
export async function migrate(db: Database): Promise<string[]> {
  const files = await listMigrations();
  return db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await tx.exec("CREATE TABLE IF NOT EXISTS schema_migration (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
    const done = new Set((await tx.query<{ id: string }>("SELECT id FROM schema_migration")).map((r) => r.id));
    const applied: string[] = [];
    for (const file of files) {
      if (done.has(file)) continue;
      await tx.exec(await readFile(`${MIGRATIONS_DIR}${file}`, "utf8"));
      await tx.query("INSERT INTO schema_migration (id) VALUES ($1)", [file]);
      applied.push(file);
    }
    return applied;
  });
}

/** Migration files of this version of the code not yet applied to the database (readiness check, every probe: no folder read). */
export async function pendingMigrations(db: Pick<Database, "query">): Promise<string[]> {
  const files = await listMigrations();
  const exists = await db.query<{ table: string | null }>("SELECT to_regclass('schema_migration')::text AS table");
  if (!exists[0]?.table) return files;
  const done = new Set((await db.query<{ id: string }>("SELECT id FROM schema_migration")).map((r) => r.id));
  return files.filter((f) => !done.has(f));
}
