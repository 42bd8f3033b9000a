import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

/**
 * A throwaway PostgreSQL cluster (Debian's `postgresql` package), for the integration tests
 * (tests/setup/postgres.ts) and the benchmarks: initdb into a temporary folder, a Unix socket only,
 * stopped and removed by `stop()`. PostgreSQL refuses to run as root, so as root it runs as `postgres`.
 */
export interface Cluster {
  url: string;
  /** The folder of initdb, pg_ctl… of the version used. */
  bin: string;
  /** Creates an empty database on the cluster; returns its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): void;
}

/** The newest installed PostgreSQL's `bin` folder, or null when PostgreSQL is not installed. */
export function postgresBinDir(): string | null {
  const base = "/usr/lib/postgresql";
  const versions = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  return versions.map((v) => join(base, v, "bin")).find((d) => existsSync(join(d, "initdb"))) ?? null;
}

/** Starts a cluster on `port` with the extra server `settings` (`-c name=value`), or returns null when PostgreSQL is not installed. */
export function startPostgres({ port = 55498, settings = ["shared_buffers=256MB"] }: { port?: number; settings?: string[] } = {}): Cluster | null {
  const bin = postgresBinDir();
  if (!bin) return null;
  const root = mkdtempSync(join(tmpdir(), "mille-jours-pg-"));
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) =>
    asRoot ? execFileSync("runuser", ["-u", "postgres", "--", cmd, ...args], { stdio: "pipe" }) : execFileSync(cmd, args, { stdio: "pipe" });
  if (asRoot) {
    chownSync(root, Number(execFileSync("id", ["-u", "postgres"]).toString().trim()), Number(execFileSync("id", ["-g", "postgres"]).toString().trim()));
    chmodSync(root, 0o700);
  }
  const options = [`-k ${root}`, `-p ${port}`, "-c listen_addresses=''", "-c fsync=off", ...settings.map((s) => `-c ${s}`)].join(" ");
  run(join(bin, "initdb"), ["-D", join(root, "db"), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
  run(join(bin, "pg_ctl"), ["-D", join(root, "db"), "-o", options, "-w", "-l", join(root, "log"), "start"]);
  const url = `postgresql://postgres@localhost:${port}/postgres?host=${encodeURIComponent(root)}`;
  return {
    url,
    bin,
    createDatabase: (name: string) => createDatabase(url, name),
    stop() {
      const stop = [join(bin, "pg_ctl"), "-D", join(root, "db"), "-m", "immediate", "-w", "stop"];
      if (asRoot) spawnSync("runuser", ["-u", "postgres", "--", ...stop]);
      else spawnSync(stop[0]!, stop.slice(1));
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Creates the empty database `name` on the cluster at `clusterUrl`; returns its URL. */
export async function createDatabase(clusterUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: clusterUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
