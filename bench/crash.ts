import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import {
  generateImportFiles,
  importerCases,
  importPreviousData,
  killImporterMidRun,
  killServerUnderWriteLoad,
  prepareEngine,
  runImporter,
  type Engine,
} from "../src/server/ops/crash-harness.js";
import { startPostgres } from "../tests/support/postgres-cluster.js";

/**
 * `npm run bench:crash`: kill -9 under load (issue 12), printed, never asserted.
 * 1. The server under write load (project creations from 8 connections), killed with SIGKILL at a random moment,
 *    BENCH_CRASH_RUNS times (5) per engine; after each kill the database is opened again and every creation that was
 *    answered 201 is looked for, with its audit line (and no stored project may lack its audit line); then the
 *    server is started again on the same data.
 * 2. Each import command killed with SIGKILL at a random moment of its writing, on a file of BENCH_CRASH_ROWS rows
 *    (20 000): the dataset must be the previous one, unchanged, or (killed after its commit) the new one whole; then
 *    the same command is run again to its end (PGlite: it takes over the killed command's lock).
 * PGlite, and PostgreSQL when installed. BENCH_CRASH_ENGINES=pglite,postgresql chooses.
 */
const RUNS = Number(process.env.BENCH_CRASH_RUNS ?? 5);
const ROWS = Number(process.env.BENCH_CRASH_ROWS ?? 20_000);
const engines = (process.env.BENCH_CRASH_ENGINES ?? "pglite,postgresql").split(",");
const between = (min: number, max: number) => Math.round(min + Math.random() * (max - min));
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ");

const work = mkdtempSync(join(tmpdir(), "mille-jours-bench-crash-"));
const cluster = engines.includes("postgresql") ? startPostgres({ port: 55496 }) : null;
console.log(`Banc « kill -9 » — ${new Date().toISOString()}, Node ${process.version}, charge de la machine ${load()} (1 / 5 / 15 min)`);

try {
  const targets: { label: string; make: (name: string) => Promise<Engine> }[] = [];
  if (engines.includes("pglite")) targets.push({ label: "PGlite", make: async (name) => ({ kind: "pglite", dataDir: join(work, name) }) });
  if (cluster)
    targets.push({ label: "PostgreSQL", make: async (name) => ({ kind: "postgresql", databaseUrl: await cluster.createDatabase(name.replace(/-/g, "_")) }) });
  else if (engines.includes("postgresql")) console.log("PostgreSQL : non installé (apt-get install postgresql), non mesuré");

  console.log(`\n1. Serveur tué (SIGKILL) sous écriture : ${RUNS} essais par moteur, 8 connexions qui créent des projets`);
  for (const target of targets) {
    const engine = await target.make("server");
    await prepareEngine(engine);
    let acknowledged = 0;
    let lost = 0;
    let half = 0;
    for (let run = 1; run <= RUNS; run++) {
      const r = await killServerUnderWriteLoad({ engine, killAfterMs: between(200, 3000), tag: `essai-${run}`, restartServer: true });
      acknowledged += r.acknowledged;
      lost += r.lostProjects.length + r.lostAudit.length;
      half += r.halfWritten;
      console.log(
        `   ${target.label.padEnd(10)} essai ${run} : tué ${r.killAfterMs} ms après la 1re création acquittée ; ${r.sent} envoyées, ${r.acknowledged} acquittées, ` +
          `${r.noAnswer} sans réponse, ${r.unacknowledgedPresent} enregistrées sans accusé, ${r.lostProjects.length} projets et ${r.lostAudit.length} lignes de journal perdus, ` +
          `${r.halfWritten} projets sans leur ligne de journal ; ` +
          `base rouverte en ${r.reopenMs} ms, serveur redémarré en ${((r.restart?.startMs ?? NaN) / 1000).toFixed(1)} s (prêt : ${r.restart?.ready}, ${r.restart?.listed} projets listés)`,
      );
    }
    console.log(`   ${target.label.padEnd(10)} total : ${acknowledged} écritures acquittées, ${lost} perdues, ${half} à moitié écrites ; charge ${load()}`);
  }

  console.log(`\n2. Chaque commande d'import tuée (SIGKILL) pendant qu'elle écrit, fichiers de ${ROWS} lignes`);
  const files = generateImportFiles(join(work, "files"), ROWS);
  for (const target of targets) {
    const engine = await target.make("imports");
    await importPreviousData(engine, files.previous);
    for (const job of importerCases(files.next)) {
      const k = await killImporterMidRun(engine, job, between(0, 300), { keepStaleLock: true });
      const outcome = !k.killedMidRun
        ? "terminé avant le kill (non testé)"
        : k.committed
          ? k.after?.rows === k.committed.rows
            ? `tué après la validation : nouvelles données entières (${k.after.rows} lignes)`
            : `ÉCRITURE PARTIELLE : ${k.after?.rows} lignes pour ${k.committed.rows} validées`
          : JSON.stringify(k.after) === JSON.stringify(k.before)
            ? `données précédentes intactes (${k.before.rows} lignes, même empreinte)`
            : `DONNÉES MODIFIÉES : ${k.before.rows} → ${k.after?.rows} lignes`;
      console.log(
        `   ${target.label.padEnd(10)} ${job.command.padEnd(18)} écriture à ${(k.writingAfterMs / 1000).toFixed(1)} s, tué à ${(k.killedAfterMs / 1000).toFixed(1)} s : ${outcome} ; ` +
          `verrou laissé ${k.staleLockLeft ? "oui" : "non"} ; base rouverte en ${k.reopenMs} ms`,
      );
      const t0 = performance.now();
      const next = await runImporter(engine, job);
      console.log(
        `   ${"".padEnd(10)} ${"".padEnd(18)} relancée : ${next.code === 0 && next.output.includes("données remplacées") ? "données remplacées" : `ÉCHEC (code ${next.code}) ${next.output.slice(-300)}`} en ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      );
    }
  }
  console.log(`\nCharge de la machine à la fin : ${load()}`);
} finally {
  cluster?.stop();
  rmSync(work, { recursive: true, force: true });
}
