import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { importCommunes, importFiness, importGeneric, importRpps } from "../places/index.js";
import { generateGenericCsv, generateNationalFiles, shippedCommunesFile } from "../../../tests/support/place-files.js";
import {
  datasetFingerprint,
  killImporterMidRun,
  killServerUnderWriteLoad,
  openEngine,
  prepareEngine,
  type Engine,
  type ImporterCase,
} from "./crash-harness.js";
import { createPostgresDatabase } from "./test-server.js";

/**
 * Issue 12: kill -9 loses nothing. One run per engine here; `npm run bench:crash` repeats them and prints figures.
 * The kill moment is drawn at random (printed), so runs differ; what must hold is the same for every moment.
 */
const root = fileURLToPath(new URL("../../../", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "mille-jours-crash-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const between = (min: number, max: number) => Math.round(min + Math.random() * (max - min));

describe("kill -9 of the server under write load", () => {
  const engines: [string, () => Promise<Engine>][] = [
    ["PGlite", async () => ({ kind: "pglite", dataDir: join(work, "server-pglite") })],
    ["PostgreSQL", async () => ({ kind: "postgresql", databaseUrl: await createPostgresDatabase(inject("postgresUrl"), "crash") })],
  ];
  // Both engines at once: each run is mostly waiting for its server to start.
  it.concurrent.each(engines)(
    "%s: every creation answered 201 is there after the restart, with its audit line",
    async (label, make) => {
      const engine = await make();
      await prepareEngine(engine, { withoutShippedPlaces: true });
      const killAfterMs = between(200, 1500);
      const run = await killServerUnderWriteLoad({ engine, killAfterMs, tag: `panne-${label}` });
      console.log(
        `${label} : kill -9 ${killAfterMs} ms après la première création acquittée, ${run.sent} créations envoyées, ${run.acknowledged} acquittées, ${run.noAnswer} coupées par l'arrêt, ` +
          `${run.unacknowledgedPresent} enregistrées sans accusé, ${run.lostProjects.length} perdues ; base rouverte en ${run.reopenMs} ms`,
      );
      expect(run.acknowledged).toBeGreaterThan(0);
      expect(run.otherStatus).toBe(0);
      expect(run.lostProjects).toEqual([]);
      expect(run.lostAudit).toEqual([]);
    },
    240_000,
  );
});

describe("kill -9 of each import command while it writes (PGlite)", () => {
  const engine: Engine = { kind: "pglite", dataDir: join(work, "imports") };
  const files = join(work, "files");
  let big: { finess: string; generic: string };
  let small = "";

  beforeAll(async () => {
    spawnSync("mkdir", ["-p", files]);
    big = { finess: generateNationalFiles(files, 16_000, 1).finess, generic: generateGenericCsv(files, 8_000) };
    const smallDir = join(files, "small");
    const nextDir = join(files, "next");
    spawnSync("mkdir", ["-p", smallDir, nextDir]);
    small = generateGenericCsv(nextDir, 50);
    // The previous data: communes, a small FINESS, RPPS and places dataset, imported the usual way.
    await prepareEngine(engine);
    const db = await openEngine(engine);
    try {
      const seed = generateNationalFiles(smallDir, 400, 0.5);
      for (const report of [
        await importCommunes(db, shippedCommunesFile),
        await importFiness(db, seed.finess),
        await importRpps(db, seed.rpps),
        await importGeneric(db, generateGenericCsv(smallDir, 300), "essai"),
      ])
        expect(report.status, JSON.stringify(report.rejected.slice(0, 3))).toBe("applied");
    } finally {
      await db.close();
    }
  }, 180_000);

  const cases = (): ImporterCase[] => [
    { command: "import:finess", script: "src/cli/import-finess.ts", dataset: "finess", args: [big.finess, "--force"] },
    { command: "import:places", script: "src/cli/import-places.ts", dataset: "essai", args: [big.generic, "--dataset", "essai", "--force"] },
  ];

  const { DATABASE_URL: _ignored, ...withoutDatabaseUrl } = process.env;

  /**
   * The dataset after a kill is either the previous one, unchanged (killed before the commit), or the new file
   * whole, with its applied run recorded (killed after the commit, while the command was closing): never a part.
   * PGlite keeps a transaction's pages in memory until it commits, so most kills land before the commit.
   * In `npm test`: FINESS (CSV) and the generic places; `npm run bench:crash` runs every import command.
   */
  it("leaves the previous data as it was, or the new file whole; the next command takes over the killed one's lock and imports", async () => {
    const jobs = cases();
    for (const [i, job] of jobs.entries()) {
      const last = i === jobs.length - 1;
      const kill = await killImporterMidRun(engine, job, between(0, 40), { reopen: !last });
      console.log(
        `${job.command} : écriture commencée ${kill.writingAfterMs} ms après le lancement, kill -9 à ${kill.killedAfterMs} ms ; ` +
          `${kill.before.rows} lignes avant, ${kill.after?.rows ?? "?"} après${kill.committed ? " (tué après la validation de l'import)" : ""} ; base rouverte en ${kill.reopenMs ?? "?"} ms`,
      );
      expect(kill.killedMidRun, `${job.command} finished before the kill: ${kill.output}`).toBe(true);
      expect(kill.before.rows, job.command).toBeGreaterThan(0);
      // The killed command's lock file stayed; opening the folder took it over.
      expect(kill.staleLockLeft, job.command).toBe(true);
      if (!last) {
        if (kill.committed) expect(kill.after?.rows, job.command).toBe(kill.committed.rows);
        else expect(kill.after, job.command).toEqual(kill.before);
        continue;
      }
      // The next command, not this process, opens the folder after the last kill.
      const next = spawnSync(process.execPath, ["--import", "tsx", "src/cli/import-places.ts", small, "--dataset", "autre"], {
        cwd: root,
        env: { ...withoutDatabaseUrl, DATA_DIR: engine.dataDir },
        encoding: "utf8",
        timeout: 120_000,
      });
      expect(next.status, next.stdout + next.stderr).toBe(0);
      expect(next.stdout).toContain("données remplacées");
      expect(existsSync(join(engine.dataDir, "pglite.lock"))).toBe(false);
      const db = await openEngine(engine);
      try {
        const [applied] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM import_run WHERE dataset = $1 AND status = 'applied'", [job.dataset]);
        const after = await datasetFingerprint(db, job.dataset);
        if (applied!.n > 1) expect(after.rows, job.command).toBe(8_000);
        else expect(after, job.command).toEqual(kill.before);
        expect((await datasetFingerprint(db, "autre")).rows).toBe(50);
      } finally {
        await db.close();
      }
    }
  }, 240_000);
});
