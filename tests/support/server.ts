import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readLines, waitForHealth, waitForReadyLine } from "../../src/server/ops/test-server.js";

const root = fileURLToPath(new URL("../../", import.meta.url));

/**
 * A data folder the server has already seeded (migrations, shipped places and their index snapshot, content), made
 * once per end-to-end run by the global setup and copied for each server a test starts: a first start on an empty
 * folder takes several times longer than a start on a seeded one, and eight servers start in a run. Its path passes
 * to the test files through the environment (set before the test workers start).
 */
const SEEDED_TEMPLATE = "MILLE_JOURS_E2E_SEEDED_DATA_DIR";

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/** A new data folder for a test: a copy of the run's seeded folder when there is one, empty otherwise. */
export function newDataDir(prefix = "mille-jours-e2e-"): string {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const template = process.env[SEEDED_TEMPLATE];
  if (template) cpSync(template, dataDir, { recursive: true });
  return dataDir;
}

/** Seeds a data folder by starting the real server on it once and stopping it cleanly; later tests start on copies. */
export async function prepareSeededDataDir(): Promise<{ dataDir: string; remove(): void }> {
  const dataDir = mkdtempSync(join(tmpdir(), "mille-jours-e2e-seeded-"));
  const server = await startServer({ dataDir });
  await server.stop();
  process.env[SEEDED_TEMPLATE] = dataDir;
  return {
    dataDir,
    remove() {
      delete process.env[SEEDED_TEMPLATE];
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** pino's level numbers, for the LOG_LEVEL values the server accepts (src/server/config.ts). */
const LEVELS: Record<string, number> = { fatal: 60, error: 50, warn: 40, info: 30 };

/**
 * Starts the real server (`src/server/main.ts`) on the built front end, with its own data folder (a seeded copy) unless
 * given one. It opens a port the system picks (PORT=0) and says which in its « prêt » log line: a port picked here and
 * opened later could be taken in between by another process (the unit tests start servers at the same time). The
 * server logs at info level for that line; only its warnings and errors (or what `env.LOG_LEVEL` asks for) are shown.
 */
export async function startServer(options: { dataDir?: string; env?: Record<string, string> } = {}): Promise<RunningServer> {
  const ownDir = !options.dataDir;
  const dataDir = options.dataDir ?? newDataDir();
  const shownFrom = LEVELS[options.env?.LOG_LEVEL ?? "warn"] ?? LEVELS.warn!;
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: root,
    env: { ...process.env, HOST: "127.0.0.1", DATA_DIR: dataDir, ...options.env, PORT: "0", LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: Record<string, unknown>[] = [];
  const text: string[] = [];
  let starting = true; // the lines are kept until the server is ready, only shown after
  readLines(child, (line) => {
    let log: Record<string, unknown> | null = null;
    try {
      log = JSON.parse(line) as Record<string, unknown>;
    } catch {
      if (starting) text.push(line);
    }
    if (log && starting) logs.push(log);
    if (!log || Number(log.level) >= shownFrom) process.stderr.write(`${line}\n`);
  });
  const closed = new Promise((resolve) => child.once("close", resolve));
  let url: string;
  // Generous: on a loaded 2-core machine the first start (tsx compiling, migrations) took 48 s.
  try {
    const ready = await waitForReadyLine(child, logs, 180_000, () => text.join("\n"));
    starting = false;
    url = `http://127.0.0.1:${ready.port as number}`;
    await waitForHealth(child, url, 180_000);
  } catch (error) {
    if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await closed;
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
