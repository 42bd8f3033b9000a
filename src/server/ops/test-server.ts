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
  /** The « Mille Jours prêt » log line: the ports opened (`port`, `metricsPort`), the migrations applied… */
  ready: Record<string, unknown>;
  exited: Promise<number | null>;
  stop(): Promise<number | null>;
}

/**
 * A port free at the time of the call. Only for an address nobody is meant to answer at: a port picked here and
 * opened later by another process can be taken in between (by any process asking the system for a free port). A
 * server the tests start opens port 0 and says which one it got (`waitForReadyLine`).
 */
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
 * Calls `onLine` for each whole line of the child's stdout and stderr: a chunk may end in the middle of a line, or of
 * a character (« prêt »), decoded once whole.
 */
export function readLines(child: ChildProcess, onLine: (line: string) => void): void {
  for (const stream of [child.stdout, child.stderr]) {
    let buffer = "";
    stream?.setEncoding("utf8");
    stream?.on("data", (chunk: string) => {
      buffer += chunk;
      let newline: number;
      while ((newline = buffer.indexOf("\n")) >= 0) {
        onLine(buffer.slice(0, newline));
        buffer = buffer.slice(newline + 1);
      }
    });
    stream?.on("end", () => buffer && onLine(buffer));
  }
}

/** The server's « Mille Jours prêt » log line (src/server/main.ts), written once its port is open. */
export const isReadyLine = (log: Record<string, unknown>): boolean =>
  typeof log.msg === "string" && log.msg.startsWith("Mille Jours prêt") && typeof log.port === "number";

/**
 * Waits until the server started as `child` (with PORT=0 and info logs) has logged that it is ready, and returns
 * that line (its `port` is the one the system gave it). Throws when the child exits first or after `limitMs`; then
 * the child is stopped, so that no server is left behind.
 */
export async function waitForReadyLine(
  child: ChildProcess,
  logs: Record<string, unknown>[],
  limitMs: number,
  output: () => string = () => "",
): Promise<Record<string, unknown>> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const ready = logs.find(isReadyLine);
    if (ready) return ready;
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`Server exited with code ${child.exitCode ?? child.signalCode}: ${output()}`);
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      throw new Error(`Server did not start within ${Math.round(limitMs / 1000)} s: ${output()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
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

/**
 * Starts the server on a port the system picks (PORT=0) and waits until it says it is ready; an own PGlite folder
 * unless DATABASE_URL is given. `env` must keep the info log lines (the ready line is one).
 */
export async function spawnServer(env: Record<string, string> = {}, { startLimitMs = 120_000 } = {}): Promise<SpawnedServer> {
  const dataDir = env.DATA_DIR ?? mkdtempSync(join(tmpdir(), "mille-jours-ops-"));
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: "info", PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: Record<string, unknown>[] = [];
  const text: string[] = [];
  readLines(child, (line) => {
    try {
      logs.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      text.push(line);
    }
  });
  // "close", not "exit": the last log lines are read from the pipes before a test looks at them.
  const exited = new Promise<number | null>((resolve) => child.once("close", (code) => resolve(code)));
  let ready: Record<string, unknown>;
  let url: string;
  try {
    ready = await waitForReadyLine(child, logs, startLimitMs, () => text.join("\n"));
    url = `http://127.0.0.1:${ready.port as number}`;
    await waitForHealth(child, url, startLimitMs, () => text.join("\n"));
  } catch (error) {
    if (!env.DATA_DIR) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    port: ready.port as number,
    child,
    logs,
    text,
    ready,
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
