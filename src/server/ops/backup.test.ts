import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, inject, it } from "vitest";
import { openDatabase, openPglite, type Database } from "../db/database.js";
import { migrate } from "../db/migrate.js";
import { importGeneric } from "../places/index.js";
import { loadDemoBarometer } from "../steering/barometer/index.js";
import { createTestAccount } from "../steering/test-support.js";
import { backup, backupKind, BackupError, restore } from "./backup.js";
import { createPostgresDatabase } from "./test-server.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "mille-jours-backup-"));

/** Accounts, a project, the audit log, the barometer, places and the import log (applied and refused runs). */
async function seed(db: Database): Promise<void> {
  await migrate(db);
  const admin = await createTestAccount(db, { email: "national@sante.gouv.fr", displayName: "Nationale", role: "national" });
  await createTestAccount(db, { email: "agent@ars.sante.fr", displayName: "ARS 84", role: "regional", agency: "ars", region: "84" });
  const project = { title: "Maison des 1000 jours", region: "84" };
  await db.query(
    `INSERT INTO steering_project (id, region, title, status, funding_line, themes, years, data, created_at, created_by, updated_at, updated_by)
     VALUES ('7d1c1f4e-7f43-4a7e-9a55-1b2c3d4e5f60', '84', $1, 'valide', 'fir', ARRAY['soutien'], ARRAY[2026], $2::jsonb, now(), $3, now(), $3)`,
    [project.title, JSON.stringify(project), admin.id],
  );
  await db.query(
    `INSERT INTO steering_audit (at, account_id, actor_email, action, project_id, region, before, after) VALUES (now(), $1, $2, 'project.create', '7d1c1f4e-7f43-4a7e-9a55-1b2c3d4e5f60', '84', NULL, $3::jsonb)`,
    [admin.id, admin.email, JSON.stringify(project)],
  );
  await db.transaction((tx) => loadDemoBarometer(tx, new Date("2026-11-30T10:00:00Z")));
  writeFileSync(join(work, "laep.csv"), "id,type,name,lat,lon\nlaep-1,laep,LAEP de test,48.8566,2.3522\nlaep-2,laep,LAEP bis,45.75,4.85\n");
  expect((await importGeneric(db, join(work, "laep.csv"), "laep-test")).status).toBe("applied");
  writeFileSync(join(work, "bad.csv"), "id,type,name,lat,lon\nlaep-3,laep,Sans coordonnées,,\n");
  expect((await importGeneric(db, join(work, "bad.csv"), "laep-test")).status).toBe("refused");
}

/** Every table of the schema, each row as JSON, in a stable order. */
async function snapshot(db: Database): Promise<Record<string, unknown[]>> {
  const tables = await db.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
  );
  const result: Record<string, unknown[]> = {};
  for (const { name } of tables) {
    const [row] = await db.query<{ rows: unknown[] }>(
      `SELECT coalesce(jsonb_agg(to_jsonb(t) ORDER BY to_jsonb(t)::text), '[]'::jsonb) AS rows FROM "${name}" t`,
    );
    result[name] = row!.rows;
  }
  return result;
}

function expectSeeded(tables: Record<string, unknown[]>) {
  for (const table of [
    "steering_account",
    "steering_project",
    "steering_audit",
    "steering_barometer_dataset",
    "steering_barometer_value",
    "place",
    "import_run",
    "schema_migration",
  ])
    expect(tables[table]?.length, table).toBeGreaterThan(0);
  expect(tables.import_run!.length).toBe(2);
}

/** The real commands, as an operator runs them. */
function cli(command: "backup" | "restore", file: string, env: Record<string, string>) {
  const result = spawnSync(process.execPath, ["--import", "tsx", `src/cli/${command}.ts`, file], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
  return { status: result.status, out: result.stdout + result.stderr };
}

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("backup and restore with PGlite", () => {
  it("round-trips accounts, projects, audit log, barometer, places and import log through npm run backup / restore", async () => {
    const dataDir = join(work, "pglite-source");
    mkdirSync(dataDir);
    const db = await openPglite(join(dataDir, "pglite"));
    await seed(db);
    const before = await snapshot(db);
    await db.close();
    expectSeeded(before);

    const file = join(work, "mille-jours.pglite.tar.gz");
    const saved = cli("backup", file, { DATA_DIR: dataDir });
    expect(saved.out).toContain("Sauvegarde PGlite");
    expect(saved.status).toBe(0);
    expect(await backupKind(file)).toBe("pglite");

    const restoredDir = join(work, "pglite-restored");
    const restored = cli("restore", file, { DATA_DIR: restoredDir });
    expect(restored.status, restored.out).toBe(0);
    const copy = await openPglite(join(restoredDir, "pglite"));
    expect(await snapshot(copy)).toEqual(before);
    // Identity sequences continue after the restored rows.
    const [next] = await copy.query<{ id: string }>(
      "INSERT INTO steering_audit (at, actor_email, action) VALUES (now(), 'x@sante.gouv.fr', 'test') RETURNING id",
    );
    expect(Number(next!.id)).toBe(before.steering_audit!.length + 1);
    await copy.close();

    // Restoring over an existing folder keeps the replaced one beside it.
    const again = cli("restore", file, { DATA_DIR: restoredDir });
    expect(again.status, again.out).toBe(0);
    expect(again.out).toContain("L'ancienne base est conservée");
    expect(readdirSync(restoredDir).some((name) => name.startsWith("pglite.avant-restauration-"))).toBe(true);
    const third = await openPglite(join(restoredDir, "pglite"));
    expect(await snapshot(third)).toEqual(before);
    await third.close();
  }, 240_000);

  it("refuses clearly: no database in the folder, a file that is not a backup, a PostgreSQL dump into PGlite", async () => {
    await expect(backup({ pgliteDir: join(work, "nothing-here") }, join(work, "x.tar.gz"))).rejects.toThrow("Aucune base PGlite dans");
    writeFileSync(join(work, "not-a-backup.txt"), "bonjour");
    await expect(restore({ pgliteDir: join(work, "target") }, join(work, "not-a-backup.txt"))).rejects.toThrow("n'est pas une sauvegarde de Mille Jours");
    writeFileSync(join(work, "fake.dump"), "PGDMP....");
    await expect(restore({ pgliteDir: join(work, "target") }, join(work, "fake.dump"))).rejects.toThrow("définissez DATABASE_URL");
    await expect(restore({ pgliteDir: join(work, "target") }, join(work, "missing.tar.gz"))).rejects.toBeInstanceOf(BackupError);
    expect(existsSync(join(work, "target"))).toBe(false);
  });
});

describe("backup and restore with PostgreSQL", () => {
  it("round-trips through pg_dump / pg_restore driven by npm run backup / restore, and refuses while a server is connected", async () => {
    const sourceUrl = await createPostgresDatabase(inject("postgresUrl"), "backup_src");
    const db = await openDatabase({ databaseUrl: sourceUrl });
    await seed(db);
    const before = await snapshot(db);
    await db.close();
    expectSeeded(before);

    const file = join(work, "mille-jours.dump");
    const saved = cli("backup", file, { DATABASE_URL: sourceUrl });
    expect(saved.status, saved.out).toBe(0);
    expect(await backupKind(file)).toBe("postgresql");

    const targetUrl = await createPostgresDatabase(inject("postgresUrl"), "backup_dst");
    const restored = cli("restore", file, { DATABASE_URL: targetUrl });
    expect(restored.status, restored.out).toBe(0);
    const copy = await openDatabase({ databaseUrl: targetUrl });
    expect(await snapshot(copy)).toEqual(before);
    const [next] = await copy.query<{ id: string }>(
      "INSERT INTO steering_audit (at, actor_email, action) VALUES (now(), 'x@sante.gouv.fr', 'test') RETURNING id",
    );
    expect(Number(next!.id)).toBe(before.steering_audit!.length + 1);

    // A copy of the server (here: this open pool) is still connected: refused, nothing changed.
    const refused = cli("restore", file, { DATABASE_URL: targetUrl });
    expect(refused.status).toBe(1);
    expect(refused.out).toContain("arrêtez toutes les copies du serveur");
    expect((await snapshot(copy)).steering_audit!.length).toBe(before.steering_audit!.length + 1);
    await copy.close();

    // Restoring over the changed database puts it back as it was.
    const over = cli("restore", file, { DATABASE_URL: targetUrl });
    expect(over.status, over.out).toBe(0);
    const back = await openDatabase({ databaseUrl: targetUrl });
    expect(await snapshot(back)).toEqual(before);
    await back.close();

    // pg_dump's exit code is checked: an unknown database fails with its message.
    const failed = cli("backup", join(work, "none.dump"), { DATABASE_URL: targetUrl.replace(/\/backup_dst_[a-z0-9_]+/, "/nexiste_pas") });
    expect(failed.status).toBe(1);
    expect(failed.out).toMatch(/pg_dump a échoué \(code 1\) : .*nexiste_pas/s);
  }, 240_000);
});
