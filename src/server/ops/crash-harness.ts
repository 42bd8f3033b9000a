import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase, openPglite, type Database } from "../db/database.js";
import { lockPathFor } from "../db/data-dir-lock.js";
import { migrate } from "../db/migrate.js";
import { createTestAccount } from "../steering/test-support.js";
import { sampleProject } from "../../domain/steering/test-support.js";
import { IMPORT_LOCK_KEY } from "../places/store.js";
import { importCommunes, importFiness, importGeneric, importRpps } from "../places/index.js";
import { generateFinessJson, generateGenericCsv, generateNationalFiles, shippedCommunesFile, writeCommunesSubset } from "../../../tests/support/place-files.js";
import { spawnServer, until, type SpawnedServer } from "./test-server.js";

/**
 * kill -9 under load (issue 12): the shared body of `crash.test.ts` (one run per engine, in `npm test`) and
 * `npm run bench:crash` (several runs, figures printed). Nothing here asserts: each function returns what it saw.
 */

const root = fileURLToPath(new URL("../../../", import.meta.url));

/** A database the server and the commands are pointed at: a PGlite data folder, or a PostgreSQL database. */
export type Engine = { kind: "pglite"; dataDir: string } | { kind: "postgresql"; databaseUrl: string };

export const engineEnv = (engine: Engine): Record<string, string> =>
  engine.kind === "pglite" ? { DATA_DIR: engine.dataDir } : { DATABASE_URL: engine.databaseUrl };

/** Opens the engine in this process (PGlite: takes the folder's lock, so a lock left by a killed process must be stale). */
export function openEngine(engine: Engine): Promise<Database> {
  return engine.kind === "pglite" ? openPglite(join(engine.dataDir, "pglite")) : openDatabase({ databaseUrl: engine.databaseUrl });
}

export const CRASH_EMAIL = "crash.national@sante.gouv.fr";
export const CRASH_PASSWORD = "mot de passe de test 2026";

/**
 * Migrates and creates the national account the write load logs in with (once per engine). With
 * `withoutShippedPlaces`, one commune and one FINESS place are written so that the server's first start does not
 * import the shipped extracts (72 000 rows: most of a first start, and nothing to do with what is tested).
 */
export async function prepareEngine(engine: Engine, { withoutShippedPlaces = false } = {}): Promise<void> {
  const db = await openEngine(engine);
  try {
    await migrate(db);
    if (withoutShippedPlaces) {
      await db.query(
        `INSERT INTO commune (code, name, folded_name, dep, postcodes, lat, lon, population) VALUES ('69123', 'Lyon', 'lyon', '69', '{69001}', 45.76, 4.84, 1)
         ON CONFLICT DO NOTHING`,
      );
      await db.query(
        `INSERT INTO place (id, source, source_id, type, name, lat, lon) VALUES ('finess:690000000', 'finess', '690000000', 'pmi', 'Centre de PMI (banc de panne)', 45.76, 4.84)
         ON CONFLICT DO NOTHING`,
      );
    }
    const exists = await db.query("SELECT 1 FROM steering_account WHERE email = $1", [CRASH_EMAIL]);
    if (exists.length === 0) await createTestAccount(db, { email: CRASH_EMAIL, displayName: "Banc de panne", role: "national", password: CRASH_PASSWORD });
  } finally {
    await db.close();
  }
}

export interface WriteLoadRun {
  /** Project creations sent, answered 201 (acknowledged), answered otherwise, and cut by the kill (no answer). */
  sent: number;
  acknowledged: number;
  otherStatus: number;
  noAnswer: number;
  /** Time from the first acknowledged creation to the kill. */
  killAfterMs: number;
  /** Acknowledged creations missing after the restart (must be empty), and those whose audit line is missing. */
  lostProjects: string[];
  lostAudit: string[];
  /** Creations found in the database without an acknowledgement (cut by the kill after their commit): allowed. */
  unacknowledgedPresent: number;
  /** Projects stored without their audit line, acknowledged or not: a half-written creation (must be 0). */
  halfWritten: number;
  /** Time to open the database again after the kill (PGlite: its recovery). */
  reopenMs: number;
  /** When `restartServer`: time until the restarted server answered its liveness, and its count of projects. */
  restart?: { startMs: number; ready: number; listed: number };
}

/**
 * Starts the real server (`src/server/main.ts`) on `engine`, logs in, sends project creations from `concurrency`
 * loops, kills the server with SIGKILL after `killAfterMs`, then opens the database again and checks that every
 * creation answered 201 is there with its audit line. With `restartServer`, also starts the server again on the
 * same data and lists the projects through the API.
 */
export async function killServerUnderWriteLoad(options: {
  engine: Engine;
  killAfterMs: number;
  concurrency?: number;
  tag: string;
  restartServer?: boolean;
  /** The server already started on `engine` (saves a start); otherwise one is started here. */
  server?: SpawnedServer;
}): Promise<WriteLoadRun> {
  const { engine, killAfterMs, concurrency = 8, tag } = options;
  const server = options.server ?? (await spawnServer(engineEnv(engine)));
  const login = await fetch(`${server.url}/api/v1/pilotage/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: CRASH_EMAIL, password: CRASH_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`login: ${login.status} ${await login.text()}`);
  const headers = {
    cookie: login.headers.get("set-cookie")!.split(";")[0]!,
    "x-csrf-token": ((await login.json()) as { csrfToken: string }).csrfToken,
    "content-type": "application/json",
  };

  const acknowledged = new Map<string, string>();
  let sent = 0;
  let otherStatus = 0;
  let noAnswer = 0;
  let killed = false;
  const loops = Array.from({ length: concurrency }, async (_, loop) => {
    for (let i = 0; !killed; i++) {
      const title = `${tag} ${loop}-${i}`;
      sent++;
      try {
        const res = await fetch(`${server.url}/api/v1/pilotage/projets`, {
          method: "POST",
          headers,
          body: JSON.stringify({ project: sampleProject({ title }) }),
        });
        const body = (await res.json()) as { id?: string };
        if (res.status === 201 && body.id) acknowledged.set(body.id, title);
        else otherStatus++;
      } catch {
        noAnswer++;
      }
    }
  });
  // The kill moment counts from the first acknowledged write (a loaded machine can take seconds to answer it).
  await until(() => acknowledged.size > 0 || killed, "a first acknowledged write", 120_000);
  await new Promise((resolve) => setTimeout(resolve, killAfterMs));
  server.child.kill("SIGKILL");
  killed = true;
  await server.exited;
  await Promise.all(loops);
  await server.stop(); // already dead: only removes the temporary folder spawnServer made (PostgreSQL runs)

  const t0 = performance.now();
  const db = await openEngine(engine);
  const reopenMs = Math.round(performance.now() - t0);
  let lostProjects: string[];
  let lostAudit: string[];
  let unacknowledgedPresent: number;
  let halfWritten: number;
  try {
    const stored = await db.query<{ id: string; title: string }>("SELECT id::text AS id, title FROM steering_project WHERE title LIKE $1", [`${tag} %`]);
    const audited = new Set(
      (
        await db.query<{ id: string }>("SELECT project_id::text AS id FROM steering_audit WHERE action = 'projet.creation' AND after->>'title' LIKE $1", [
          `${tag} %`,
        ])
      ).map((r) => r.id),
    );
    const byId = new Map(stored.map((r) => [r.id, r.title]));
    lostProjects = [...acknowledged].filter(([id, title]) => byId.get(id) !== title).map(([, title]) => title);
    lostAudit = [...acknowledged].filter(([id]) => !audited.has(id)).map(([, title]) => title);
    unacknowledgedPresent = stored.filter((r) => !acknowledged.has(r.id)).length;
    halfWritten = stored.filter((r) => !audited.has(r.id)).length;
  } finally {
    await db.close();
  }

  let restart: WriteLoadRun["restart"];
  if (options.restartServer) {
    const t1 = performance.now();
    const again = await spawnServer(engineEnv(engine));
    try {
      const startMs = Math.round(performance.now() - t1);
      const ready = (await fetch(`${again.url}/api/v1/health/ready`)).status;
      const relog = await fetch(`${again.url}/api/v1/pilotage/session`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: CRASH_EMAIL, password: CRASH_PASSWORD }),
      });
      const cookie = relog.headers.get("set-cookie")?.split(";")[0] ?? "";
      const page = (await (await fetch(`${again.url}/api/v1/pilotage/projets?limit=1`, { headers: { cookie } })).json()) as { total?: number };
      restart = { startMs, ready, listed: page.total ?? -1 };
    } finally {
      await again.stop();
    }
  }
  return {
    sent,
    acknowledged: acknowledged.size,
    otherStatus,
    noAnswer,
    killAfterMs,
    lostProjects,
    lostAudit,
    unacknowledgedPresent,
    halfWritten,
    reopenMs,
    ...(restart ? { restart } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Importers killed mid-run.

export interface ImporterCase {
  /** `npm run` script name, e.g. `import:finess`. */
  command: string;
  script: string;
  /** The dataset the command replaces (`communes` for the communes). */
  dataset: string;
  args: string[];
}

/** What a dataset holds: its row count and a digest of its rows (any change shows). */
export async function datasetFingerprint(db: Database, dataset: string): Promise<{ rows: number; digest: string }> {
  const [row] =
    dataset === "communes"
      ? await db.query<{ rows: number; digest: string }>(
          "SELECT count(*)::int AS rows, coalesce(md5(string_agg(code || name || lat || lon, ',' ORDER BY code)), '') AS digest FROM commune",
        )
      : await db.query<{ rows: number; digest: string }>(
          "SELECT count(*)::int AS rows, coalesce(md5(string_agg(id || name || lat || lon, ',' ORDER BY id)), '') AS digest FROM place WHERE source = $1",
          [dataset],
        );
  return row!;
}

/** One file per import command: communes, FINESS (CSV and JSON), RPPS, generic places (dataset `essai`). */
export interface ImportFiles {
  communes: string;
  finess: string;
  finessJson: string;
  rpps: string;
  places: string;
}

/**
 * The files of the importer kill tests, written under `dir`: `previous`, small, imported first (the data a kill
 * must leave intact), and `next`, of about `rows` lines per command (so that the command is still writing when it
 * is killed), which the commands import. The communes: the shipped extract, after its first 30 000 lines.
 */
export function generateImportFiles(dir: string, rows: number): { previous: ImportFiles; next: ImportFiles } {
  const make = (name: string, count: number, communes: string): ImportFiles => {
    const at = join(dir, name);
    mkdirSync(at, { recursive: true });
    const national = generateNationalFiles(at, count * 2, 0.5);
    return { communes, finess: national.finess, finessJson: generateFinessJson(at, count), rpps: national.rpps, places: generateGenericCsv(at, count) };
  };
  mkdirSync(join(dir, "previous"), { recursive: true });
  return { previous: make("previous", 300, writeCommunesSubset(join(dir, "previous"), 30_000)), next: make("next", rows, shippedCommunesFile) };
}

/** Imports the `previous` files in this process (the normal way, not killed), after migrating. */
export async function importPreviousData(engine: Engine, files: ImportFiles): Promise<void> {
  const db = await openEngine(engine);
  try {
    await migrate(db);
    const reports = [
      await importCommunes(db, files.communes),
      await importFiness(db, files.finess),
      await importRpps(db, files.rpps),
      await importGeneric(db, files.places, "essai"),
    ];
    const refused = reports.find((r) => r.status !== "applied");
    if (refused) throw new Error(`previous data not imported: ${JSON.stringify(refused).slice(0, 500)}`);
  } finally {
    await db.close();
  }
}

/**
 * Every import command of package.json, on `files`, with `--force` (a killed run must not depend on the shrink
 * guard). FINESS JSON replaces the FINESS dataset the CSV command wrote.
 */
export function importerCases(files: ImportFiles): ImporterCase[] {
  return [
    { command: "import:communes", script: "src/cli/import-communes.ts", dataset: "communes", args: [files.communes, "--force"] },
    { command: "import:finess", script: "src/cli/import-finess.ts", dataset: "finess", args: [files.finess, "--force"] },
    { command: "import:finess-json", script: "src/cli/import-finess-json.ts", dataset: "finess", args: [files.finessJson, "--force"] },
    { command: "import:rpps", script: "src/cli/import-rpps.ts", dataset: "rpps", args: [files.rpps, "--force"] },
    { command: "import:places", script: "src/cli/import-places.ts", dataset: "essai", args: [files.places, "--dataset", "essai", "--force"] },
  ];
}

/** Runs an import command to its end on `engine` (no kill): exit code and output. */
export function runImporter(engine: Engine, job: ImporterCase): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", job.script, ...job.args], {
    cwd: root,
    env: importerEnv(engine),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (output += c.toString()));
  // "close", not "exit": the output is read to its end (the caller looks for « données remplacées » in it).
  return new Promise((resolve) => child.once("close", (code) => resolve({ code, output })));
}

function importerEnv(engine: Engine): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...engineEnv(engine) };
  if (engine.kind === "pglite") delete env.DATABASE_URL;
  return env;
}

export interface ImporterKill {
  command: string;
  /** How long after its start the command began writing, and when it was killed. */
  writingAfterMs: number;
  killedAfterMs: number;
  /** False when the command ended by itself before the kill (then nothing was tested: make the file bigger). */
  killedMidRun: boolean;
  before: { rows: number; digest: string };
  /** Null when not reopened. */
  after: { rows: number; digest: string } | null;
  /**
   * When the kill came after the import's commit (its run is recorded as applied): the rows it recorded. The data
   * must then be that import, whole; otherwise it must be `before`, unchanged. Anything else is a partial write.
   */
  committed: { rows: number } | null;
  /** The dataset's applied import runs after the kill (0 when not reopened). */
  appliedRuns: number;
  /** The lock file left by the killed command (PGlite), taken over when the database was opened again. */
  staleLockLeft: boolean;
  reopenMs: number | null;
  output: string;
}

/**
 * Runs one import command as a separate process on `engine` and SIGKILLs it `killAfterMs` after it started
 * writing (PGlite: a file of its write-ahead log changed while the command holds the folder's lock; PostgreSQL:
 * the command holds the import lock, taken at the start of the writing transaction), then opens the database
 * again and fingerprints the dataset (`before` is taken first). With `reopen: false`, the database is left as
 * the kill left it (lock file included), for a next command to take over; with `keepStaleLock`, it is reopened
 * and then the killed command's lock file is written back, for the same purpose.
 */
export async function killImporterMidRun(
  engine: Engine,
  job: ImporterCase,
  killAfterMs: number,
  { reopen = true, keepStaleLock = false } = {},
): Promise<ImporterKill> {
  const db0 = await openEngine(engine);
  const before = await datasetFingerprint(db0, job.dataset);
  const [lastRun] = await db0.query<{ id: number }>("SELECT coalesce(max(id), 0)::int AS id FROM import_run");
  await db0.close();

  const env = importerEnv(engine);
  const wal = engine.kind === "pglite" ? walState(engine.dataDir) : "";
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", job.script, ...job.args], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((resolve) => child.once("close", () => resolve()));
  const started = performance.now();
  const probe: WriteProbe =
    engine.kind === "pglite"
      ? Object.assign(async () => pgliteLockHolder(engine.dataDir) === child.pid && walState(engine.dataDir) !== wal, { close: async () => undefined })
      : await postgresImportLockProbe(engine.databaseUrl);
  let writing = false;
  let writingAfterMs = 0;
  try {
    while (child.exitCode === null && child.signalCode === null) {
      if (await probe()) {
        writing = true;
        writingAfterMs = Math.round(performance.now() - started);
        break;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    if (writing) await Promise.race([exited, new Promise((r) => setTimeout(r, killAfterMs))]);
  } finally {
    await probe.close();
  }
  const killedMidRun = child.exitCode === null && child.signalCode === null;
  const killedAfterMs = Math.round(performance.now() - started);
  child.kill("SIGKILL");
  await exited;
  if (!writing) throw new Error(`${job.command} ended before writing: ${output}`);

  const staleLockLeft = engine.kind === "pglite" && existsSync(lockPathFor(join(engine.dataDir, "pglite")));
  const result = { command: job.command, killedAfterMs, writingAfterMs, killedMidRun, before, staleLockLeft, output };
  if (!reopen) return { ...result, after: null, committed: null, appliedRuns: 0, reopenMs: null };
  const lockFile = engine.kind === "pglite" ? lockPathFor(join(engine.dataDir, "pglite")) : null;
  const staleLock = keepStaleLock && lockFile && staleLockLeft ? readFileSync(lockFile) : null;
  const t0 = performance.now();
  const db = await openEngine(engine);
  const reopenMs = Math.round(performance.now() - t0);
  try {
    const [run] = await db.query<{ imported: number }>("SELECT imported FROM import_run WHERE id > $1 AND dataset = $2 AND status = 'applied'", [
      lastRun!.id,
      job.dataset,
    ]);
    const [applied] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM import_run WHERE dataset = $1 AND status = 'applied'", [job.dataset]);
    return { ...result, after: await datasetFingerprint(db, job.dataset), committed: run ? { rows: run.imported } : null, appliedRuns: applied!.n, reopenMs };
  } finally {
    await db.close();
    // Put back the killed command's lock, as the kill left it, for the next command to take over.
    if (lockFile && staleLock) writeFileSync(lockFile, staleLock, { flag: "wx" });
  }
}

/** Names, sizes and times of the files of a PGlite folder's write-ahead log: changes with any write. */
function walState(dataDir: string): string {
  const dir = join(dataDir, "pglite", "pg_wal");
  if (!existsSync(dir)) return "";
  return readdirSync(dir)
    .map((name) => {
      const s = statSync(join(dir, name));
      return `${name}:${s.size}:${s.mtimeMs}`;
    })
    .join(",");
}

type WriteProbe = (() => Promise<boolean>) & { close(): Promise<void> };

/** True once another session holds the import lock (store.ts, IMPORT_LOCK): the writing transaction has begun. */
async function postgresImportLockProbe(databaseUrl: string): Promise<WriteProbe> {
  const db = await openDatabase({ databaseUrl });
  const probe = async () =>
    (
      await db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND granted AND objid = $1 AND pid <> pg_backend_pid()",
        [IMPORT_LOCK_KEY],
      )
    )[0]!.n > 0;
  return Object.assign(probe, { close: () => db.close() });
}

function pgliteLockHolder(dataDir: string): number | null {
  try {
    return (JSON.parse(readFileSync(lockPathFor(join(dataDir, "pglite")), "utf8")) as { pid: number }).pid;
  } catch {
    return null;
  }
}
