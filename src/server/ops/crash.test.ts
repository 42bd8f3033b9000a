import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  datasetFingerprint,
  generateImportFiles,
  importerCases,
  importPreviousData,
  killImporterMidRun,
  killServerUnderWriteLoad,
  openEngine,
  prepareEngine,
  runImporter,
  type Engine,
} from "./crash-harness.js";
import { createPostgresDatabase } from "./test-server.js";

/**
 * Issue 12: kill -9 loses nothing. One run per engine here; `npm run bench:crash` repeats them and prints figures.
 * The kill moment is drawn at random (printed), so runs differ; what must hold is the same for every moment.
 */
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
      expect(run.halfWritten).toBe(0);
    },
    240_000,
  );
});

/**
 * Each import command, killed while it writes, then run again. The dataset after the kill is either the previous
 * one, unchanged (killed before the commit), or the new file whole, with its applied run recorded (killed after the
 * commit, while the command was closing): never a part. PGlite keeps a transaction's pages in memory until it
 * commits, so most kills land before the commit. Then the same command, run again as an operator would, imports the
 * file; on PGlite it first takes over the lock the killed command left. `npm run bench:crash` repeats this with
 * bigger files and prints the figures. One engine after the other: opening PGlite in this process holds its thread,
 * which would make the PostgreSQL probe miss a short write.
 */
describe.each([
  ["PGlite", async (): Promise<Engine> => ({ kind: "pglite", dataDir: join(work, "imports-pglite") })],
  ["PostgreSQL", async (): Promise<Engine> => ({ kind: "postgresql", databaseUrl: await createPostgresDatabase(inject("postgresUrl"), "crash_imports") })],
] as const)("%s: kill -9 of each import command while it writes, then the next run", (label, make) => {
  let engine: Engine;
  const files = generateImportFiles(join(work, `files-${label}`), 8_000);
  beforeAll(async () => {
    engine = await make();
    await prepareEngine(engine);
    await importPreviousData(engine, files.previous);
  }, 600_000);

  it.each(importerCases(files.next).map((job) => [job.command, job] as const))(
    "%s leaves the previous data or the new file whole, and imports when run again",
    async (_command, job) => {
      const kill = await killImporterMidRun(engine, job, between(0, 40), { keepStaleLock: true });
      console.log(
        `${label} ${job.command} : écriture commencée ${kill.writingAfterMs} ms après le lancement, kill -9 à ${kill.killedAfterMs} ms ; ` +
          `${kill.before.rows} lignes avant, ${kill.after?.rows} après${kill.committed ? " (tué après la validation de l'import)" : ""} ; base rouverte en ${kill.reopenMs} ms`,
      );
      expect(kill.killedMidRun, `${job.command} finished before the kill: ${kill.output}`).toBe(true);
      expect(kill.before.rows).toBeGreaterThan(0);
      if (kill.committed) expect(kill.after?.rows).toBe(kill.committed.rows);
      else expect(kill.after).toEqual(kill.before);
      // The killed command's lock file stayed (PGlite); the next run takes it over.
      if (engine.kind === "pglite") expect(kill.staleLockLeft).toBe(true);

      const next = await runImporter(engine, job);
      expect(next.code, next.output).toBe(0);
      expect(next.output).toContain("données remplacées");
      if (engine.kind === "pglite") expect(existsSync(join(engine.dataDir, "pglite.lock"))).toBe(false);
      const db = await openEngine(engine);
      try {
        const runs = await db.query<{ imported: number }>("SELECT imported FROM import_run WHERE dataset = $1 AND status = 'applied' ORDER BY id", [
          job.dataset,
        ]);
        expect(runs).toHaveLength(kill.appliedRuns + 1);
        const after = await datasetFingerprint(db, job.dataset);
        expect(after.rows).toBe(runs.at(-1)!.imported);
        expect(after.rows).toBeGreaterThan(0);
      } finally {
        await db.close();
      }
    },
    600_000,
  );
});
