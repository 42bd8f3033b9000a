import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

/** A throwaway PostgreSQL cluster for the benchmarks (as tests/setup/postgres.ts), on a Unix socket. */
export interface Cluster {
  url: string;
  bin: string;
  createDatabase(name: string): Promise<string>;
  stop(): void;
}

export function postgresBinDir(): string | null {
  const base = "/usr/lib/postgresql";
  const versions = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  return versions.map((v) => join(base, v, "bin")).find((d) => existsSync(join(d, "initdb"))) ?? null;
}

/** Starts a cluster, or returns null when PostgreSQL is not installed. */
export function startPostgres(port = 55498): Cluster | null {
  const bin = postgresBinDir();
  if (!bin) return null;
  const root = mkdtempSync(join(tmpdir(), "mille-jours-bench-pg-"));
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => (asRoot ? execFileSync("runuser", ["-u", "postgres", "--", cmd, ...args], { stdio: "pipe" }) : execFileSync(cmd, args, { stdio: "pipe" }));
  if (asRoot) {
    chownSync(root, Number(execFileSync("id", ["-u", "postgres"]).toString()), Number(execFileSync("id", ["-g", "postgres"]).toString()));
    chmodSync(root, 0o700);
  }
  run(join(bin, "initdb"), ["-D", join(root, "db"), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
  run(join(bin, "pg_ctl"), ["-D", join(root, "db"), "-o", `-k ${root} -p ${port} -c listen_addresses='' -c fsync=off -c shared_buffers=256MB`, "-w", "-l", join(root, "log"), "start"]);
  const url = `postgresql://postgres@localhost:${port}/postgres?host=${encodeURIComponent(root)}`;
  return {
    url,
    bin,
    async createDatabase(name: string) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const u = new URL(url);
      u.pathname = `/${name}`;
      return u.toString();
    },
    stop() {
      const stop = [join(bin, "pg_ctl"), "-D", join(root, "db"), "-m", "immediate", "-w", "stop"];
      if (asRoot) spawnSync("runuser", ["-u", "postgres", "--", ...stop]);
      else spawnSync(stop[0]!, stop.slice(1));
      rmSync(root, { recursive: true, force: true });
    },
  };
}
