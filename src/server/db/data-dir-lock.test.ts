import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir, hostname } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirLockedError, lockPathFor } from "./data-dir-lock.js";
import { openPglite } from "./database.js";
import { readLines } from "../ops/test-server.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));

describe("data folder lock", () => {
  const dir = mkdtempSync(join(tmpdir(), "mj-lock-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("lives beside the PGlite folder, in the data folder", () => {
    expect(lockPathFor(join(dir, "a", "pglite"))).toBe(join(dir, "a", "pglite.lock"));
  });

  it("refuses a folder held by another live process, naming it, replaces the lock of a dead one, and is shared within a process", () => {
    const folder = join(dir, "pglite");
    const lock = lockPathFor(folder);
    // The parent of this test process is alive: its lock is respected.
    writeFileSync(lock, JSON.stringify({ pid: process.ppid, host: hostname(), command: "main.ts", since: "2026-12-01T23:00:00.000Z" }));
    let refusal: unknown;
    try {
      acquireDataDirLock(folder);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DataDirLockedError);
    expect((refusal as Error).message).toContain(`est déjà ouvert par le processus ${process.ppid} (« main.ts », depuis 2026-12-01T23:00:00.000Z)`);
    expect((refusal as Error).message).toContain(lock);

    // A process that no longer exists (kill -9): its lock is stale and taken over.
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    writeFileSync(lock, JSON.stringify({ pid: Number(dead.stdout), host: hostname(), command: "import-finess.ts", since: "2026-12-01T23:00:00.000Z" }));
    const release = acquireDataDirLock(folder);
    expect(JSON.parse(readFileSync(lock, "utf8")).pid).toBe(process.pid);
    const again = acquireDataDirLock(folder);
    release();
    expect(existsSync(lock)).toBe(true);
    again();
    again();
    expect(existsSync(lock)).toBe(false);
  });

  it("is taken by opening a PGlite folder and released by closing it", async () => {
    const folder = join(dir, "db", "pglite");
    const db = await openPglite(folder);
    expect(JSON.parse(readFileSync(lockPathFor(folder), "utf8")).pid).toBe(process.pid);
    await db.close();
    expect(existsSync(lockPathFor(folder))).toBe(false);
  }, 120_000); // a new PGlite folder (its initdb): 20 s measured on a loaded machine, near the 30 s default
});

/**
 * Issue 12, item 1: with the server running on PGlite, no command may open its data folder. Every command of
 * package.json that opens the database is run against a running server; each must be refused with the French
 * message, and the data must be intact after the server stops.
 */
describe("every command refuses the folder of a running server", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "mj-lock-server-"));
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info" };
  delete env.DATABASE_URL;
  const tsx = (script: string, args: string[], input?: string) =>
    spawnSync(process.execPath, ["--import", "tsx", script, ...args], { cwd: root, env, encoding: "utf8", input: input ?? "", timeout: 120_000 });
  let server: ChildProcess;
  /** Once the server started as `child` has logged « Mille Jours prêt » (read line by line: a chunk can end inside it). */
  const ready = (child: ChildProcess) =>
    new Promise<void>((resolve, reject) => {
      const lines: string[] = [];
      readLines(child, (line) => (lines.push(line), line.includes("Mille Jours prêt") && resolve()));
      child.once("exit", (code) => reject(new Error(`server exited (${code}): ${lines.join("\n")}`)));
    });

  /** How each command is called; a new command opening the database must be added here. */
  const commands: Record<string, string[]> = {
    "admin:create": ["--email", "deuxieme@sante.gouv.fr", "--nom", "Deuxième", "--role", "national"],
    "demo:barometre": [],
    "import:finess": ["data/finess-1000-jours-20210108.csv.gz", "--force"],
    "import:finess-json": ["src/server/places/importers/fixtures/finess_structures_schema_v1_sample.json", "--force"],
    "import:rpps": ["data/finess-1000-jours-20210108.csv.gz", "--force"],
    "import:communes": ["data/communes-2025.csv.gz", "--force"],
    "import:places": ["data/finess-1000-jours-20210108.csv.gz", "--dataset", "essai", "--force"],
    backup: [join(dataDir, "sauvegarde.tar.gz")],
    restore: ["data/finess-1000-jours-20210108.csv.gz"],
  };
  const scripts = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).scripts as Record<string, string>;
  const databaseCommands = Object.entries(scripts)
    .filter(([, line]) => /^tsx src\/cli\//.test(line))
    .map(([name, line]) => ({ name, script: line.split(" ")[1]! }))
    .filter(({ script }) => /openSteeringDatabase|runImportCommand|openDatabase|openPglite|ops\/backup\.js/.test(readFileSync(join(root, script), "utf8")));

  const countAccounts = async () => {
    const db = await openPglite(join(dataDir, "pglite"));
    try {
      return (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM steering_account"))[0]!.n;
    } finally {
      await db.close();
    }
  };

  beforeAll(async () => {
    const first = tsx(
      "src/cli/admin-create.ts",
      ["--email", "premiere@sante.gouv.fr", "--nom", "Première", "--role", "national"],
      "un mot de passe assez long 2026\nun mot de passe assez long 2026\n",
    );
    expect(first.status, first.stderr).toBe(0);
    server = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    await ready(server);
  }, 240_000);
  afterAll(() => {
    server?.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("covers every command that opens the database", () => {
    expect(databaseCommands.map((c) => c.name).sort()).toEqual(Object.keys(commands).sort());
  });

  it("refuses each command while the server runs, naming the server's process", () => {
    for (const { name, script } of databaseCommands) {
      const result = tsx(script, commands[name]!, "un mot de passe assez long 2026\nun mot de passe assez long 2026\n");
      expect(result.status, `${name}: ${result.stdout}${result.stderr}`).toBe(1);
      expect(result.stderr, name).toContain(`est déjà ouvert par le processus ${server.pid} (« `);
      expect(result.stderr, name).toContain("main.ts");
      expect(result.stderr, name).not.toMatch(/^\s+at /m);
    }
  }, 300_000);

  it("keeps the data intact, and lets the commands run once the server has stopped", async () => {
    const stopped = new Promise((resolve) => server.on("exit", resolve));
    server.kill("SIGTERM");
    await stopped;
    expect(existsSync(join(dataDir, "pglite.lock"))).toBe(false);
    expect(await countAccounts()).toBe(1);
    const demo = tsx("src/cli/demo-barometre.ts", []);
    expect(demo.status, demo.stderr).toBe(0);
  }, 120_000);

  it("takes over the lock of a server killed with SIGKILL", async () => {
    const killed = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    await ready(killed);
    const exited = new Promise((resolve) => killed.on("exit", resolve));
    killed.kill("SIGKILL");
    await exited;
    expect(JSON.parse(readFileSync(join(dataDir, "pglite.lock"), "utf8")).pid).toBe(killed.pid);
    expect(await countAccounts()).toBe(1);
  }, 240_000);
});
