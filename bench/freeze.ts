import { fork } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { buildApp } from "../src/server/app.js";
import { openDatabase, openPglite, type Database } from "../src/server/db/database.js";
import { migrate } from "../src/server/db/migrate.js";
import { loadPlaceIndex, seedShippedPlaces } from "../src/server/places/index.js";
import { checkNewAccount } from "../src/domain/steering/accounts.js";
import { addAccount } from "../src/server/steering/accounts/service.js";
import { DEPARTEMENTS } from "../src/domain/steering/territories.js";
import { startPostgres } from "../tests/support/postgres-cluster.js";

/**
 * `npm run bench:freeze`: does a parent wait behind a back-office job? (issue 12, item 3). Printed, never asserted.
 * While one 5 000-row grid import runs through `POST /api/v1/pilotage/projets/import` (5 000 new projects, then
 * the same list exported and imported back: 5 000 changes), a child process keeps PROBES connections (one request
 * every PAUSE_MS each) on `/api/v1/places`, `/api/v1/calendar` and `/` (when `dist/` is built) and reports the
 * latencies of the requests made during each import. Then the same for the barometer's imports (every possible
 * value of 2015–2026: 2 × 101 × 12 = 2 424 lines; 5 000 departmental targets) and a births table by département.
 * Three set-ups: PGlite in the server's thread (as before),
 * PGlite in a worker thread (what `npm start` does now), PostgreSQL (when installed).
 */
const PROBES = 10;
/** Each probe waits this long between two requests: a steady parent traffic (≤ 500 requests/s), not a flood. */
const PAUSE_MS = 20;
const ROWS = Number(process.env.BENCH_GRID_ROWS ?? 5000);
/** What is imported: the grid of projects (`grille`) and/or the barometer's and births' files (`barometre`). */
const PARTS = (process.env.BENCH_FREEZE_PARTS ?? "grille,barometre").split(",");
const root = fileURLToPath(new URL("../", import.meta.url));
const PASSWORD = "un long mot de passe pour mesurer 2026";

interface Latencies {
  [path: string]: { count: number; p50: number; p99: number; max: number };
}

if (process.env.BENCH_PROBE) {
  // The child: PROBES loops of sequential requests until told to stop; "start" forgets the latencies measured
  // until then (the warm-up).
  const { baseUrl, paths } = JSON.parse(process.env.BENCH_PROBE) as { baseUrl: string; paths: string[] };
  const samples = new Map<string, number[]>(paths.map((p) => [p, []]));
  let running = true;
  process.on("message", (m) => {
    if (m === "stop") running = false;
    else if (m === "start") for (const list of samples.values()) list.length = 0;
  });
  const loops = Array.from({ length: PROBES }, async (_, k) => {
    for (let i = k; running; i++) {
      const path = paths[i % paths.length]!;
      const t0 = performance.now();
      const res = await fetch(baseUrl + path);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path} : ${res.status}`);
      samples.get(path)!.push(performance.now() - t0);
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    }
  });
  process.send!("ready");
  await Promise.all(loops);
  const out: Latencies = {};
  for (const [path, values] of samples) {
    values.sort((a, b) => a - b);
    const at = (q: number) => Math.round(values[Math.min(values.length - 1, Math.floor(q * values.length))] ?? NaN);
    out[path] = { count: values.length, p50: at(0.5), p99: at(0.99), max: Math.round(values.at(-1) ?? NaN) };
  }
  process.send!(out);
  process.disconnect();
  process.exit(0);
}

const HEADER =
  "annee;code_region;identifiant;intitule;structure_porteuse;siret;departements;thematiques;ligne_financement;montant_ars_fir;montant_dreets_p304;date_debut;date_fin;statut;evaluation;resume_public";
/** Every barometer value a file may hold for 2015–2026 (each (indicator, département, year) once). */
const values = [
  "indicateur;code_departement;annee;numerateur;denominateur;source",
  ...["epp", "epnp"].flatMap((indicator) =>
    DEPARTEMENTS.flatMap((d) => Array.from({ length: 12 }, (_, k) => `${indicator};${d.code};${2015 + k};${600 + k};1000;Banc de mesure`)),
  ),
].join("\n");
/** ROWS departmental targets (years from 2020). */
const targets = [
  "indicateur;code_departement;annee;objectif_pourcent",
  ...Array.from({ length: ROWS }, (_, i) => {
    const d = DEPARTEMENTS[i % DEPARTEMENTS.length]!;
    const rest = Math.floor(i / DEPARTEMENTS.length);
    return `${rest % 2 ? "epnp" : "epp"};${d.code};${2020 + Math.floor(rest / 2)};${70 + (i % 20)},5`;
  }),
].join("\n");
const births = ["annee;code_departement;naissances;source", ...DEPARTEMENTS.map((d, i) => `2021;${d.code};${1000 + i};Banc de mesure`)].join("\n");

const grid = [
  HEADER,
  ...Array.from(
    { length: ROWS },
    (_, i) => `2023;84;;Projet de banc n° ${i + 1};Association exemple;;69;3, 6;ARS-FIR;40 000;;2023-09-01;;En cours;;Résumé public.`,
  ),
].join("\n");

/**
 * CPU time used so far by this process's main thread (the one answering requests), in ms, from /proc (Linux);
 * worker threads (PGlite, the grid import's) are not counted. Unlike latencies, it does not depend on how busy the
 * machine is. Clock ticks of 10 ms.
 */
function mainThreadCpuMs(): number {
  const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in ticks of 1/100 s
}

/** Runs `action` (an import) while the probes ask the parents' paths, and prints their latencies during it. */
async function probed(baseUrl: string, paths: string[], what: string, action: () => Promise<Response>): Promise<void> {
  const child = fork(fileURLToPath(import.meta.url), [], { env: { ...process.env, BENCH_PROBE: JSON.stringify({ baseUrl, paths }) } });
  await new Promise((resolve) => child.once("message", resolve));
  await new Promise((resolve) => setTimeout(resolve, 500)); // probes warm up
  child.send("start");
  const t0 = performance.now();
  const res = await action();
  const report = (await res.json()) as { created?: number; updated?: number; rows?: number; regions?: number };
  const importMs = Math.round(performance.now() - t0);
  const result = new Promise<Latencies>((resolve) => child.on("message", (m) => typeof m === "object" && resolve(m as Latencies)));
  child.send("stop");
  const latencies = await result;
  const done = report.created !== undefined ? `${report.created} créés, ${report.updated} modifiés` : `${report.rows ?? report.regions ?? "?"} lignes`;
  console.log(`   ${what} : ${done} en ${(importMs / 1000).toFixed(1)} s (HTTP ${res.status}), charge ${loadavg()[0]!.toFixed(1)}`);
  for (const [path, l] of Object.entries(latencies))
    console.log(`      ${path.split("?")[0]!.padEnd(18)} p50 ${l.p50} ms, p99 ${l.p99} ms, max ${l.max} ms (${l.count} requêtes pendant l'import)`);
}

/** The main thread's CPU time taken by one request alone (no probes): a figure the machine's load does not change. */
async function mainThreadCost(what: string, action: () => Promise<Response>): Promise<void> {
  const c0 = mainThreadCpuMs();
  const res = await action();
  await res.arrayBuffer();
  console.log(`   ${what} (sans sondes) : ${mainThreadCpuMs() - c0} ms de CPU du fil principal (HTTP ${res.status})`);
}

async function measure(label: string, db: Database): Promise<void> {
  await migrate(db);
  await seedShippedPlaces(db, `${root}data`);
  const places = await loadPlaceIndex(db);
  const checked = checkNewAccount({ email: "banc@sante.gouv.fr", displayName: "Banc", role: "national", password: PASSWORD });
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  await addAccount(db, checked.account, new Date());
  const staticDir = existsSync(`${root}dist/index.html`) ? `${root}dist` : undefined;
  const app = await buildApp({ db, places, logger: false, ...(staticDir ? { staticDir } : {}) });
  const login = await app.inject({ method: "POST", url: "/api/v1/pilotage/session", payload: { email: "banc@sante.gouv.fr", password: PASSWORD } });
  const headers = {
    cookie: String(login.headers["set-cookie"]).split(";")[0]!,
    "x-csrf-token": (login.json() as { csrfToken: string }).csrfToken,
    "content-type": "application/json",
  };
  const baseUrl = await app.listen({ host: "127.0.0.1", port: 0 });

  const paths = ["/api/v1/places?lat=45.76&lon=4.84&radius_km=10&limit=20", "/api/v1/calendar?terme=2027-03-01&rang=1", ...(staticDir ? ["/"] : [])];
  console.log(`\n${label}`);
  // The same probes without any import: what the machine gives at this moment (its load), to compare with.
  await probed(baseUrl, paths, "sans import (référence, 3 s)", async () => {
    await new Promise((resolve) => setTimeout(resolve, 3000));
    return Response.json({ rows: 0 });
  });
  if (PARTS.includes("grille")) await gridImports(baseUrl, paths, headers);
  if (PARTS.includes("barometre")) await barometerImports(baseUrl, paths, headers);
  await app.close();
  await db.close();
}

/** The grid: ROWS creations, then ROWS changes (the exported list imported back), then the main thread's costs. */
async function gridImports(baseUrl: string, paths: string[], headers: Record<string, string>): Promise<void> {
  // 1. The grid of ROWS new projects. 2. The same projects exported (GET the yearly list) and imported back: ROWS changes.
  await probed(baseUrl, paths, `import de ${ROWS} créations`, () =>
    fetch(`${baseUrl}/api/v1/pilotage/projets/import`, { method: "POST", headers, body: JSON.stringify({ csv: grid }) }),
  );
  const list = await (await fetch(`${baseUrl}/api/v1/pilotage/liste-projets-soutenus.csv?year=2023`, { headers })).text();
  await probed(baseUrl, paths, `réimport de la liste exportée (${ROWS} modifications)`, () =>
    fetch(`${baseUrl}/api/v1/pilotage/projets/import`, { method: "POST", headers, body: JSON.stringify({ csv: list }) }),
  );
  const post = (body: object) => () => fetch(`${baseUrl}/api/v1/pilotage/projets/import`, { method: "POST", headers, body: JSON.stringify(body) });
  await mainThreadCost(`essai à blanc de ${ROWS} créations`, post({ csv: grid, dryRun: true }));
  await mainThreadCost(`réimport à blanc de ${ROWS} modifications`, post({ csv: list, dryRun: true }));
  await mainThreadCost(`import de ${ROWS} créations`, post({ csv: grid }));
}

/** The barometer's and the births' imports (read in the same import thread as the grid). */
async function barometerImports(baseUrl: string, paths: string[], headers: Record<string, string>): Promise<void> {
  const send = (path: string, body: object) => () => fetch(`${baseUrl}/api/v1/pilotage/${path}`, { method: "POST", headers, body: JSON.stringify(body) });
  const barometer = [
    ["import de toutes les valeurs du baromètre 2015-2026", send("barometre/valeurs", { csv: values })],
    [`import de ${ROWS} objectifs départementaux`, send("barometre/objectifs", { csv: targets })],
    ["import d'une table des naissances par département", send("naissances", { csv: births })],
  ] as const;
  for (const [what, action] of barometer) await probed(baseUrl, paths, what, action);
  for (const [what, action] of barometer) await mainThreadCost(what, action);
}

console.log(
  `Banc « le serveur ne se fige pas » — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${PROBES} connexions de sonde, grille de ${ROWS} lignes`,
);
const modes = (process.env.BENCH_MODES ?? "thread,worker,postgresql").split(",");
if (modes.includes("thread")) await measure("PGlite dans le fil du serveur (avant)", await openPglite(null));
if (modes.includes("worker")) await measure("PGlite dans un worker (npm start)", await openDatabase({ pgliteDir: null }));
if (modes.includes("postgresql")) {
  const cluster = startPostgres();
  if (!cluster) console.log("\nPostgreSQL : non installé, non mesuré");
  else {
    try {
      await measure("PostgreSQL", await openDatabase({ databaseUrl: await cluster.createDatabase("bench_freeze") }));
    } finally {
      cluster.stop();
    }
  }
}
