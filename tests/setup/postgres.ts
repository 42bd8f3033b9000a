import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

/**
 * Starts a throwaway PostgreSQL cluster (Debian's `postgresql` package) for the integration tests:
 * initdb into a temporary folder, a Unix socket only, stopped and removed at the end.
 * PostgreSQL refuses to run as root, so as root it runs as the `postgres` user.
 */
declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

const PORT = 55432;

function findBinDir(): string {
  const base = "/usr/lib/postgresql";
  const versions = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  const dir = versions.map((v) => join(base, v, "bin")).find((d) => existsSync(join(d, "initdb")));
  if (!dir)
    throw new Error(
      "PostgreSQL est introuvable (/usr/lib/postgresql/*/bin/initdb). Installez-le : apt-get install -y postgresql (les tests d'intégration tournent sur PGlite et sur PostgreSQL).",
    );
  return dir;
}

export default function setup(project: TestProject) {
  const bin = findBinDir();
  const root = mkdtempSync(join(tmpdir(), "mille-jours-pg-"));
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) =>
    asRoot ? execFileSync("runuser", ["-u", "postgres", "--", cmd, ...args], { stdio: "pipe" }) : execFileSync(cmd, args, { stdio: "pipe" });
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(root, uid, gid);
    chmodSync(root, 0o700);
  }
  run(join(bin, "initdb"), ["-D", join(root, "db"), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
  run(join(bin, "pg_ctl"), ["-D", join(root, "db"), "-o", `-k ${root} -p ${PORT} -c listen_addresses='' -c fsync=off`, "-w", "-l", join(root, "log"), "start"]);
  project.provide("postgresUrl", `postgresql://postgres@localhost:${PORT}/postgres?host=${encodeURIComponent(root)}`);
  return () => {
    const stop = [join(bin, "pg_ctl"), "-D", join(root, "db"), "-m", "immediate", "-w", "stop"];
    if (asRoot) spawnSync("runuser", ["-u", "postgres", "--", ...stop]);
    else spawnSync(stop[0]!, stop.slice(1));
    rmSync(root, { recursive: true, force: true });
  };
}
