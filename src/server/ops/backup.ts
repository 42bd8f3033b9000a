import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { mkdir, open, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { acquireDataDirLock } from "../db/data-dir-lock.js";

/**
 * Backups of the server's database, one file each:
 * - PGlite (embedded): the data folder as PGlite's own gzip tarball (`dumpDataDir`), taken by opening the
 *   folder; refused while a server holds it (its lock file, `data-dir-lock.ts`: PGlite has one owner).
 * - PostgreSQL: `pg_dump -Fc` (custom format), restored with `pg_restore --clean --single-transaction`.
 * The file holds the back-office accounts (password hashes), sessions, the audit log, projects,
 * allocations, barometer, places and the import log; no parent's data (the server has none).
 */
export type BackupTarget = { databaseUrl: string; pgBinDir?: string | null } | { pgliteDir: string };

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

const GZIP = Buffer.from([0x1f, 0x8b]);
const PG_CUSTOM = Buffer.from("PGDMP");

/** What kind of backup a file is, from its first bytes. */
export async function backupKind(file: string): Promise<"pglite" | "postgresql" | null> {
  const handle = await open(file, "r").catch(() => {
    throw new BackupError(`Le fichier de sauvegarde « ${file} » est introuvable ou illisible.`);
  });
  try {
    const head = Buffer.alloc(5);
    await handle.read(head, 0, 5, 0);
    if (head.subarray(0, 2).equals(GZIP)) return "pglite";
    if (head.equals(PG_CUSTOM)) return "postgresql";
    return null;
  } finally {
    await handle.close();
  }
}

export async function backup(target: BackupTarget, file: string): Promise<{ bytes: number }> {
  if ("databaseUrl" in target) await pgTool("pg_dump", ["--format=custom", "--file", file], target);
  else {
    if (!existsSync(join(target.pgliteDir, "PG_VERSION")))
      throw new BackupError(`Aucune base PGlite dans « ${target.pgliteDir} » : vérifiez DATA_DIR (ou DATABASE_URL pour PostgreSQL).`);
    // Refused (DataDirLockedError) while a server or another command holds the folder.
    const release = acquireDataDirLock(target.pgliteDir);
    try {
      const db = await PGlite.create(target.pgliteDir);
      try {
        // A checkpoint first, so that the copied files are the whole committed state.
        await db.exec("CHECKPOINT");
        const tarball = await db.dumpDataDir("gzip");
        await writeFile(file, Buffer.from(await tarball.arrayBuffer()), { mode: 0o600 });
      } finally {
        await db.close();
      }
    } finally {
      release();
    }
  }
  return { bytes: (await stat(file)).size };
}

/**
 * Restores a backup over the configured database. PostgreSQL: refused while other sessions use the
 * database (stop every server copy first), then in one transaction. PGlite: the current folder is kept
 * beside it (`pglite.avant-restauration-…`) and put back if the restored one does not open.
 */
export async function restore(target: BackupTarget, file: string, now = new Date()): Promise<{ previous: string | null }> {
  if ("pgliteDir" in target) {
    await mkdir(dirname(target.pgliteDir), { recursive: true });
    const release = acquireDataDirLock(target.pgliteDir);
    try {
      return await restoreUnlocked(target, file, now);
    } finally {
      release();
    }
  }
  return restoreUnlocked(target, file, now);
}

async function restoreUnlocked(target: BackupTarget, file: string, now: Date): Promise<{ previous: string | null }> {
  const kind = await backupKind(file);
  if (kind === null) throw new BackupError(`« ${file} » n'est pas une sauvegarde de Mille Jours (ni archive PGlite, ni pg_dump au format custom).`);
  if ("databaseUrl" in target) {
    if (kind !== "postgresql")
      throw new BackupError(
        `« ${file} » est une sauvegarde de la base embarquée (PGlite) : elle ne se restaure pas dans PostgreSQL (DATABASE_URL est défini).`,
      );
    const others = await otherSessions(target.databaseUrl);
    if (others > 0)
      throw new BackupError(
        `${others} autre(s) connexion(s) utilisent cette base PostgreSQL : arrêtez toutes les copies du serveur (et les imports en cours) avant de restaurer.`,
      );
    await pgTool(
      "pg_restore",
      ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", "--dbname", "@URL@", file],
      target,
    );
    return { previous: null };
  }
  if (kind !== "pglite")
    throw new BackupError(`« ${file} » est une sauvegarde PostgreSQL (pg_dump) : définissez DATABASE_URL pour la restaurer dans PostgreSQL.`);
  const dir = target.pgliteDir;
  const previous = existsSync(dir) && readdirSync(dir).length > 0 ? `${dir}.avant-restauration-${now.toISOString().replace(/[:.]/g, "-")}` : null;
  if (previous) await rename(dir, previous);
  else await rm(dir, { recursive: true, force: true });
  try {
    const db = await PGlite.create({ dataDir: dir, loadDataDir: new Blob([await readFile(file)]) });
    try {
      await db.query("SELECT count(*) FROM schema_migration");
    } finally {
      await db.close();
    }
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    if (previous) await rename(previous, dir);
    throw new BackupError(
      `La sauvegarde « ${file} » ne s'ouvre pas (${error instanceof Error ? error.message : String(error)}) ; la base précédente est remise en place.`,
    );
  }
  return { previous };
}

async function otherSessions(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
    );
    return rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
}

/**
 * Runs pg_dump or pg_restore (PG_BIN_DIR, else the newest /usr/lib/postgresql/N/bin, else PATH) on the
 * URL; the password goes through PGPASSWORD, never on the command line. A non-zero exit is an error
 * carrying the tool's own message.
 */
async function pgTool(
  tool: "pg_dump" | "pg_restore",
  args: string[],
  { databaseUrl, pgBinDir }: { databaseUrl: string; pgBinDir?: string | null },
): Promise<void> {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = "";
  const finalArgs = tool === "pg_dump" ? [...args, "--dbname", url.toString()] : args.map((a) => (a === "@URL@" ? url.toString() : a));
  const bin = pgBinary(tool, pgBinDir ?? null);
  const stderr: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(bin, finalArgs, { env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) }, stdio: ["ignore", "ignore", "pipe"] });
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk.toString("utf8")));
    child.on("error", (error: NodeJS.ErrnoException) =>
      reject(
        new BackupError(
          error.code === "ENOENT"
            ? `${tool} est introuvable : installez le client PostgreSQL (apt-get install postgresql-client) ou indiquez son dossier dans PG_BIN_DIR.`
            : `${tool} : ${error.message}`,
        ),
      ),
    );
    child.on("close", resolve); // "close", not "exit": its last error lines are read before they are reported
  });
  if (code !== 0) throw new BackupError(`${tool} a échoué (code ${code}) : ${stderr.join("").trim() || "aucun message"}`);
}

function pgBinary(tool: string, pgBinDir: string | null): string {
  if (pgBinDir) return join(pgBinDir, tool);
  const base = "/usr/lib/postgresql";
  const versions = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  const dir = versions.map((v) => join(base, v, "bin")).find((d) => existsSync(join(d, tool)));
  return dir ? join(dir, tool) : tool;
}
