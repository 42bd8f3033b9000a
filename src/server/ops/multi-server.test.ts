import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase, type Database } from "../db/database.js";
import { createTestAccount } from "../steering/test-support.js";
import { createPostgresDatabase, spawnServer, until, type SpawnedServer } from "./test-server.js";

/**
 * Two server processes on one PostgreSQL (the tests' cluster), as in production behind a load balancer:
 * they start together and migrate once, a places import is served by both after the refresh delay,
 * a back-office session opened on one works on the other, and failed logins count across both.
 */
const root = fileURLToPath(new URL("../../../", import.meta.url));
const PASSWORD = "mot de passe de test 2026";
const REFRESH_SECONDS = 1;

let databaseUrl: string;
let servers: SpawnedServer[] = [];
let metricsPorts: number[] = [];
let db: Database;
const work = mkdtempSync(join(tmpdir(), "mille-jours-multi-"));

beforeAll(async () => {
  databaseUrl = await createPostgresDatabase(inject("postgresUrl"), "multi");
  // Started at the same time, on an empty database; each opens the metrics port the system gives it, and says which.
  servers = await Promise.all(
    [1, 2].map(() => spawnServer({ DATABASE_URL: databaseUrl, PLACES_REFRESH_SECONDS: String(REFRESH_SECONDS), METRICS_PORT: "0", TRUST_PROXY: "loopback" })),
  );
  metricsPorts = servers.map((s) => s.ready.metricsPort as number);
  db = await openDatabase({ databaseUrl });
}, 300_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await db?.close();
  rmSync(work, { recursive: true, force: true });
});

const [a, b] = [() => servers[0]!, () => servers[1]!];

describe("two servers on one PostgreSQL", () => {
  it("a concurrent start migrates once: one copy applies every migration, the other none", async () => {
    // Each copy's « Mille Jours prêt » line (spawnServer waits for it) says the migrations it applied.
    const applied = servers.map((s) => (s.ready.migrations as string[]).length).sort();
    const rows = await db.query<{ id: string }>("SELECT id FROM schema_migration ORDER BY id");
    expect(applied).toEqual([0, rows.length]);
    expect(rows.length).toBeGreaterThan(2);
    // The shipped places were written once too: one 'applied' run per dataset, the other copy saw them there.
    const runs = await db.query<{ dataset: string; applied: number }>(
      "SELECT dataset, count(*) FILTER (WHERE status = 'applied')::int AS applied FROM import_run GROUP BY dataset",
    );
    expect(runs.length).toBeGreaterThan(0);
    for (const run of runs) expect(run.applied, run.dataset).toBe(1);
    for (const server of servers) expect((await fetch(`${server.url}/api/v1/health/ready`)).status).toBe(200);
  });

  it(`a places import (command line, next to copy A) is served by both copies after one refresh (PLACES_REFRESH_SECONDS, ${REFRESH_SECONDS} s here, plus the index rebuild)`, async () => {
    const near = "/api/v1/places?lat=43.2965&lon=5.3698&types=laep&radius_km=1";
    const ids = async (server: SpawnedServer) => ((await (await fetch(server.url + near)).json()) as { features: { id: string }[] }).features.map((f) => f.id);
    expect(await ids(b())).not.toContain("laep-multi:vieux-port");
    const csv = join(work, "laep.csv");
    writeFileSync(csv, "id,type,name,lat,lon\nvieux-port,laep,LAEP du Vieux-Port,43.2965,5.3698\n");
    const imported = spawnSync(process.execPath, ["--import", "tsx", "src/cli/import-places.ts", csv, "--dataset", "laep-multi"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      encoding: "utf8",
    });
    expect(imported.status, imported.stdout + imported.stderr).toBe(0);
    const importedAt = performance.now();
    // Polled, not slept: the figure is printed, never asserted (no timed assertion).
    await until(
      async () => (await ids(b())).includes("laep-multi:vieux-port") && (await ids(a())).includes("laep-multi:vieux-port"),
      "both copies serve the new place",
    );
    console.log(
      `Import servi par les deux copies ${Math.round(performance.now() - importedAt)} ms après la fin de l'import (PLACES_REFRESH_SECONDS=${REFRESH_SECONDS}).`,
    );
  });

  it("a back-office session opened on copy A works on copy B (read and state-changing request)", async () => {
    await createTestAccount(db, { email: "national.multi@sante.gouv.fr", displayName: "Nationale", role: "national", password: PASSWORD });
    const login = await fetch(`${a().url}/api/v1/pilotage/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "national.multi@sante.gouv.fr", password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const onB = await fetch(`${b().url}/api/v1/pilotage/session`, { headers: { cookie } });
    expect(onB.status).toBe(200);
    expect(((await onB.json()) as { account: { email: string } }).account.email).toBe("national.multi@sante.gouv.fr");
    const logoutOnB = await fetch(`${b().url}/api/v1/pilotage/session`, { method: "DELETE", headers: { cookie, "x-csrf-token": csrfToken } });
    expect(logoutOnB.status).toBe(204);
    expect((await fetch(`${a().url}/api/v1/pilotage/session`, { headers: { cookie } })).status).toBe(401);
  });

  it("failed logins count across both copies: 3 on A and 2 on B lock the account on both; both copies' metrics show it", async () => {
    await createTestAccount(db, {
      email: "cible.multi@ars.sante.fr",
      displayName: "ARS 93",
      role: "regional",
      agency: "ars",
      region: "93",
      password: PASSWORD,
    });
    const attempt = (server: SpawnedServer, password: string, ip: string) =>
      fetch(`${server.url}/api/v1/pilotage/session`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": ip },
        body: JSON.stringify({ email: "cible.multi@ars.sante.fr", password }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await attempt(i < 3 ? a() : b(), `essai ${i}`, `198.51.100.${i + 1}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    expect((await attempt(a(), PASSWORD, "198.51.100.50")).status).toBe(429);
    expect((await attempt(b(), PASSWORD, "198.51.100.51")).status).toBe(429);
    for (const port of metricsPorts) {
      const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(text).toContain('millejours_steering_lockouts_active{kind="account"} 1');
      expect(text).not.toContain("cible.multi");
    }
  });
});
