import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort, waitForHealth } from "../../src/server/ops/test-server.js";

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

/** Starts the real server (`src/server/main.ts`) on the built front end, with its own data folder (a seeded copy) unless given one. */
export async function startServer(options: { dataDir?: string; env?: Record<string, string> } = {}): Promise<RunningServer> {
  const port = await freePort();
  const ownDir = !options.dataDir;
  const dataDir = options.dataDir ?? newDataDir();
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "warn", ...options.env },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  // Generous: on a loaded 2-core machine the first start (tsx compiling, migrations) took 48 s.
  try {
    await waitForHealth(child, url, 180_000);
  } catch (error) {
    if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
