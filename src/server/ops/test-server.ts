import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const root = fileURLToPath(new URL("../../../", import.meta.url));

/** A real server process (`src/server/main.ts`) for the operations tests, with its log lines kept. */
export interface SpawnedServer {
  url: string;
  port: number;
  child: ChildProcess;
  /** Parsed JSON log lines so far (LOG_LEVEL=info unless overridden). */
  logs: Record<string, unknown>[];
  /** Output lines that were not JSON (start errors). */
  text: string[];
  exited: Promise<number | null>;
  stop(): Promise<number | null>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/**
 * Waits until the liveness of the server started as `child` answers at `url`. Throws when the child exits
 * first or after `limitMs`; then the child is stopped, so that no server is left behind.
 */
export async function waitForHealth(child: ChildProcess, url: string, limitMs: number, output: () => string = () => ""): Promise<void> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`Server exited with code ${child.exitCode ?? child.signalCode}: ${output()}`);
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) return;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      throw new Error(`Server did not start within ${Math.round(limitMs / 1000)} s: ${output()}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Starts the server and waits until liveness answers; an own PGlite folder unless DATABASE_URL is given. */
export async function spawnServer(env: Record<string, string> = {}, { startLimitMs = 120_000 } = {}): Promise<SpawnedServer> {
  const port = await freePort();
  const dataDir = env.DATA_DIR ?? mkdtempSync(join(tmpdir(), "mille-jours-ops-"));
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: "info", PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: Record<string, unknown>[] = [];
  const text: string[] = [];
  let buffer = "";
  const onData = (chunk: Buffer) => {
    buffer += chunk.toString("utf8");
    let newline: number;
    while ((newline = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      try {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        text.push(line);
      }
    }
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  // "close", not "exit": the last log lines are read from the pipes before a test looks at them.
  const exited = new Promise<number | null>((resolve) => child.once("close", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(child, url, startLimitMs, () => text.join("\n"));
  } catch (error) {
    if (!env.DATA_DIR) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    port,
    child,
    logs,
    text,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      const code = await exited;
      if (!env.DATA_DIR) rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}

/** Resolves when `predicate` holds, checking every 50 ms (no fixed sleep in the tests). */
export async function until(predicate: () => boolean | Promise<boolean>, what: string, limitMs = 60_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A new, empty database on the tests' PostgreSQL cluster (`postgresUrl`, tests/setup/postgres.ts); returns its URL. */
export async function createPostgresDatabase(clusterUrl: string, prefix = "ops"): Promise<string> {
  const url = new URL(clusterUrl);
  const name = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  url.pathname = `/${name}`;
  return url.toString();
}
