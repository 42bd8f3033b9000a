import { fork, spawn, spawnSync } from "node:child_process";
import { mkdirSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { gunzipSync } from "node:zlib";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import pg from "pg";
import { buildApp } from "../src/server/app.js";
import { openDatabase, openPglite, type Database } from "../src/server/db/database.js";
import { migrate } from "../src/server/db/migrate.js";
import { loadPlaceIndex, placesRoutes, seedShippedPlaces, type PlacesService } from "../src/server/places/index.js";
import type { Nearby } from "../src/server/places/place-index.js";
import { DEFAULT_LIMIT, DEFAULT_RADIUS_KM, featureCollection, featureCollectionSchema, placesQuery } from "../src/server/places/routes.js";
import { postgresBinDir, startPostgres } from "../tests/support/postgres-cluster.js";
import { generateNationalFiles, shippedCommunesFile } from "../tests/support/place-files.js";

/**
 * `npm run bench:places`: figures of issue 6 "Autour de moi", printed, never asserted.
 * 1. Import of the shipped extracts (communes + FINESS) into an empty database: time and peak memory,
 *    on PGlite and, when PostgreSQL is installed, on a throwaway PostgreSQL cluster.
 * 2. `/api/v1/places` under autocannon (in a child process; loopback only, BENCH_SECONDS s, 50 connections, random points
 *    around commune centres all over France): requests/s, p50, p99.
 * 3. The same nearest-N queries answered by PostGIS (GiST index, `ORDER BY geog <-> point`) through the
 *    same server and the same JSON, when Debian's postgresql-15-postgis-3 is installed or installable.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const PORT = 55499;
const dataDir = fileURLToPath(new URL("../data/", import.meta.url));
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} Mo`;
/** Clock ticks per second of /proc's CPU times. */
const clockTicks = Number(spawnSync("getconf", ["CLK_TCK"]).stdout?.toString().trim()) || 100;
/** The GC probe loaded into the served server (bench/gc-probe.mjs): it only observes, the server is `npm start`'s. */
const gcProbe = fileURLToPath(new URL("./gc-probe.mjs", import.meta.url));

/** Samples the resident memory every 20 ms while `work` runs. */
async function withPeakRss<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; peakRss: number }> {
  let peakRss = process.memoryUsage().rss;
  const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  try {
    const result = await work();
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    return { result, ms: Math.round(performance.now() - t0), peakRss };
  } finally {
    clearInterval(timer);
  }
}

// ---------------------------------------------------------------------------------------------
// PostGIS for the throwaway PostgreSQL cluster (tests/support/postgres-cluster.ts), when it can be had.

function postgisAvailable(bin: string): string {
  const version = bin.split("/").at(-2)!;
  const control = `/usr/share/postgresql/${version}/extension/postgis.control`;
  if (existsSync(control)) return "installé";
  if (process.getuid?.() !== 0) return "";
  const install = () =>
    spawnSync("apt-get", ["install", "-y", "--no-install-recommends", `postgresql-${version}-postgis-3`], {
      stdio: "ignore",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
      timeout: 300_000,
    });
  if (install().status !== 0) {
    spawnSync("apt-get", ["update"], { stdio: "ignore", timeout: 300_000 });
    install();
  }
  return existsSync(control) ? `installé pour ce banc (apt-get install postgresql-${version}-postgis-3)` : "";
}

// ---------------------------------------------------------------------------------------------
// Load: random points around commune centres, the same sequence for every target.

function randomPaths(centres: { lat: number; lon: number }[], count: number, prefix: string): string[] {
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, () => {
    const c = centres[Math.floor(random() * centres.length)]!;
    const lat = (c.lat + (random() - 0.5) * 0.1).toFixed(5);
    const lon = (c.lon + (random() - 0.5) * 0.1).toFixed(5);
    return `${prefix}?lat=${lat}&lon=${lon}&radius_km=${DEFAULT_RADIUS_KM}&limit=${DEFAULT_LIMIT}`;
  });
}

interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
  /** CPU time of the load client (autocannon's process) during the run, ms: it shares the machine's cores with the server. */
  clientCpuMs: number;
}

/**
 * Runs autocannon in a child process (this same file, BENCH_LOAD_CHILD set): in the server's own
 * process it would take half of the event loop and halve the figures.
 */
async function load(baseUrl: string, paths: string[], seconds: number): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), "mille-jours-bench-load-"));
  const file = join(dir, "paths.json");
  writeFileSync(file, JSON.stringify(paths));
  try {
    const child = fork(fileURLToPath(import.meta.url), [], {
      env: { ...process.env, BENCH_LOAD_CHILD: JSON.stringify({ baseUrl, file, seconds }) },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    return await new Promise<LoadResult>((resolve, reject) => {
      child.once("message", (m) => resolve(m as LoadResult));
      child.once("exit", (code) => (code ? reject(new Error(`charge : code ${code}`)) : undefined));
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function loadChild({ baseUrl, file, seconds }: { baseUrl: string; file: string; seconds: number }): Promise<void> {
  const paths = JSON.parse(readFileSync(file, "utf8")) as string[];
  let i = 0;
  const cpu = process.cpuUsage();
  const result = await autocannon({
    url: baseUrl,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }) }],
  });
  const used = process.cpuUsage(cpu);
  process.send!({
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors,
    requests: result.requests.total,
    clientCpuMs: Math.round((used.user + used.system) / 1000),
  } satisfies LoadResult);
  process.disconnect();
}

/** The PostGIS twin of `/places`: same parameters, same JSON; only the spatial query differs. */
function postgisRoutes(gis: pg.Pool, service: PlacesService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/postgis-places", { schema: { querystring: placesQuery, response: { 200: featureCollectionSchema } } }, async (request, reply) => {
      reply.serializer(JSON.stringify); // as /api/v1/places
      const { lat, lon, radius_km = DEFAULT_RADIUS_KM, limit = DEFAULT_LIMIT } = request.query;
      const { rows } = await gis.query<{ id: string; d: number }>(
        `SELECT id, ST_Distance(geog, p) AS d
           FROM place_gis, (SELECT ST_SetSRID(ST_MakePoint($2, $1), 4326)::geography AS p) q
          WHERE ST_DWithin(geog, p, $3)
          ORDER BY geog <-> p
          LIMIT $4`,
        [lat, lon, radius_km * 1000, limit],
      );
      const found: Nearby[] = rows.map((r) => ({ place: service.current.get(r.id)!, distanceM: Math.round(r.d) }));
      return featureCollection(found, { lat, lon, radius_km, limit, types: [] });
    });
  };
}

// ---------------------------------------------------------------------------------------------

if (process.env.BENCH_IMPORT_CHILD) {
  await importChild(JSON.parse(process.env.BENCH_IMPORT_CHILD) as Parameters<typeof importChild>[0]);
  process.exit(0);
}
if (process.env.BENCH_LOAD_CHILD) {
  await loadChild(JSON.parse(process.env.BENCH_LOAD_CHILD) as { baseUrl: string; file: string; seconds: number });
  process.exit(0);
}

const lines: string[] = [];
const say = (line: string) => (console.log(line), lines.push(line));

say(
  `Banc « Autour de moi » — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${SECONDS} s par charge, ${CONNECTIONS} connexions, boucle locale`,
);

// 1. to 3. on the shipped extracts; BENCH_SHIPPED=0 skips them (the national part alone).
const SHIPPED = process.env.BENCH_SHIPPED !== "0";
const centres = SHIPPED ? await shipped() : communeCentres();

/** The commune centres of the shipped extract (`insee_code,name,…,lat,lon,population`), without a database. */
function communeCentres(): { lat: number; lon: number }[] {
  return gunzipSync(readFileSync(shippedCommunesFile))
    .toString("utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => line.split(","))
    .map((f) => ({ lat: Number(f.at(-3)), lon: Number(f.at(-2)) }));
}

async function shipped(): Promise<{ lat: number; lon: number }[]> {
  // 1. Import on PGlite.
  const rssStart = process.memoryUsage().rss;
  const db: Database = await openPglite(null);
  await migrate(db);
  const rssOpen = process.memoryUsage().rss;
  const seeded = await withPeakRss(() => seedShippedPlaces(db, dataDir));
  const indexed = await withPeakRss(() => loadPlaceIndex(db));
  const service = indexed.result;
  say(`\n1. Import des extraits livrés (communes ${seeded.result[0]?.imported ?? "?"}, FINESS ${seeded.result[1]?.imported ?? "?"} lieux)`);
  say(`   PGlite      : import ${(seeded.ms / 1000).toFixed(1)} s, index en mémoire ${indexed.ms} ms`);
  say(
    `                 mémoire résidente : ${mb(rssStart)} au départ, ${mb(rssOpen)} PGlite ouvert, pic ${mb(Math.max(seeded.peakRss, indexed.peakRss))} pendant l'import et l'index (tas JS ${mb(process.memoryUsage().heapUsed)} après)`,
  );
  const centres = await db.query<{ lat: number; lon: number }>("SELECT lat, lon FROM commune");
  const paths = randomPaths(centres, 20_000, "/api/v1/places");

  const bin = postgresBinDir();
  const postgisNote = bin ? postgisAvailable(bin) : "";
  const cluster = bin ? startPostgres({ port: PORT }) : null;
  let gisPool: pg.Pool | null = null;
  if (cluster) {
    const pgUrl = await cluster.createDatabase("bench_places");
    const pgDb = await openDatabase({ databaseUrl: pgUrl });
    await migrate(pgDb);
    const pgSeed = await withPeakRss(() => seedShippedPlaces(pgDb, dataDir));
    say(`   PostgreSQL  : import ${(pgSeed.ms / 1000).toFixed(1)} s (serveur local, même code)`);
    if (postgisNote) {
      await pgDb.exec(`CREATE EXTENSION postgis;
        CREATE TABLE place_gis AS SELECT id, ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography AS geog FROM place;
        ALTER TABLE place_gis ADD PRIMARY KEY (id);
        CREATE INDEX place_gis_geog_idx ON place_gis USING gist (geog);
        ANALYZE place_gis;`);
      gisPool = new pg.Pool({ connectionString: pgUrl, max: 10 });
    }
    await pgDb.close();
  } else say("   PostgreSQL  : non installé (apt-get install postgresql), import non mesuré");

  // 2. and 3. Load on the API.
  const app = await buildApp({ db, logger: false });
  await app.register(placesRoutes(db, service), { prefix: "/api/v1" });
  if (gisPool) await app.register(postgisRoutes(gisPool, service), { prefix: "/bench" });
  const address = await app.listen({ host: "127.0.0.1", port: 0 });

  await load(address, paths, 2); // warm-up
  const memory = await load(address, paths, SECONDS);
  say(
    `\n2. GET /api/v1/places (index kdbush + geokdbush, rayon ${DEFAULT_RADIUS_KM} km, ${DEFAULT_LIMIT} résultats, points au hasard autour des centres des ${centres.length} communes)`,
  );
  say(`   ${memory.rps} requêtes/s, p50 ${memory.p50} ms, p99 ${memory.p99} ms (${memory.requests} requêtes, ${memory.errors} erreurs)`);

  say(`\n3. Les mêmes requêtes sur PostGIS (geography, index GiST, ORDER BY geog <-> point, même serveur, même JSON)`);
  if (gisPool) {
    const gisPaths = paths.map((p) => p.replace("/api/v1/places", "/bench/postgis-places"));
    // the two answers agree on the nearest place for a sample of points
    let agree = 0;
    for (const p of paths.slice(0, 200)) {
      const a = (await app.inject({ url: p })).json() as { features: { id: string }[] };
      const b = (await app.inject({ url: p.replace("/api/v1/places", "/bench/postgis-places") })).json() as { features: { id: string }[] };
      if (a.features[0]?.id === b.features[0]?.id) agree++;
    }
    await load(address, gisPaths, 2);
    const gis = await load(address, gisPaths, SECONDS);
    say(`   PostGIS ${postgisNote} : ${gis.rps} requêtes/s, p50 ${gis.p50} ms, p99 ${gis.p99} ms (${gis.requests} requêtes, ${gis.errors} erreurs)`);
    say(
      `   rapport index en mémoire / PostGIS : ×${(memory.rps / Math.max(gis.rps, 1)).toFixed(1)} en débit ; même lieu le plus proche pour ${agree}/200 points`,
    );
  } else say("   PostGIS non disponible (paquet Debian postgresql-15-postgis-3 absent et non installable) : comparaison non faite.");

  await app.close();
  await gisPool?.end();
  cluster?.stop();
  await db.close();
  return centres;
}

// 4. National scale: BENCH_NATIONAL places (default 1 000 000, 0 to skip), FINESS- and RPPS-like files.
const NATIONAL = Number(process.env.BENCH_NATIONAL ?? 1_000_000);
if (NATIONAL > 0) await national(NATIONAL);

/** Resident memory of a process, from /proc: now and its peak (VmHWM). */
function procMemory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb("VmRSS"), peak: kb("VmHWM") };
}

type ImportChildResult = {
  steps: { dataset: string; status: string; imported: number; ms: number; peak: number }[];
  ms: number;
  cpuMs: number;
  maxRss: number;
};

/**
 * The peak resident memory of this process since the last call (Linux: VmHWM, then reset to the current size by
 * /proc/self/clear_refs), so that each step of the import gets its own peak; null where that file cannot be written.
 * The reset also resets what getrusage reports: the process's peak is then the largest of these.
 */
function stepPeak(): number | null {
  const peak = procMemory(process.pid).peak;
  try {
    writeFileSync("/proc/self/clear_refs", "5");
    return peak;
  } catch {
    return null;
  }
}

/**
 * In a child process (clean peak memory): communes, then the FINESS and RPPS files, as `npm run import:*` would, and
 * the index snapshot the command saves after an applied import of places (DATA_DIR/places-index.bin), once at the end.
 */
async function importChild({
  config,
  finess,
  rpps,
  snapshotFile,
}: {
  config: { databaseUrl: string } | { pgliteDir: string };
  finess: string;
  rpps: string;
  snapshotFile: string;
}): Promise<void> {
  const { importCommunes, importFiness, importRpps } = await import("../src/server/places/index.js");
  const { refreshPlaceSnapshot } = await import("../src/server/places/place-index.js");
  const t0 = performance.now();
  const target = await openDatabase(config);
  await migrate(target);
  const steps: ImportChildResult["steps"] = [];
  const openPeak = stepPeak() ?? 0; // the folder opened (a new one: PGlite's initdb) and migrated
  for (const [dataset, run] of [
    ["communes", () => importCommunes(target, join(dataDir, "communes-2025.csv.gz"))],
    ["finess", () => importFiness(target, finess)],
    ["rpps", () => importRpps(target, rpps)],
  ] as const) {
    const t = performance.now();
    const report = await run();
    steps.push({ dataset, status: report.status, imported: report.imported, ms: Math.round(performance.now() - t), peak: stepPeak() ?? 0 });
  }
  const t = performance.now();
  const indexed = await refreshPlaceSnapshot(target, snapshotFile);
  steps.push({ dataset: "instantané de l'index", status: "écrit", imported: indexed, ms: Math.round(performance.now() - t), peak: stepPeak() ?? 0 });
  await target.close();
  const cpu = process.cpuUsage();
  process.send!({
    steps,
    ms: Math.round(performance.now() - t0),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    maxRss: Math.max(openPeak, ...steps.map((s) => s.peak), process.resourceUsage().maxRSS * 1024),
  } satisfies ImportChildResult);
  process.disconnect();
}

async function runImportChild(args: Parameters<typeof importChild>[0]): Promise<ImportChildResult> {
  const child = fork(fileURLToPath(import.meta.url), [], {
    env: { ...process.env, BENCH_IMPORT_CHILD: JSON.stringify(args) },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("message", (m) => resolve(m as ImportChildResult));
    child.once("exit", (code) => (code ? reject(new Error(`import : code ${code}`)) : undefined));
  });
}

/** CPU time (user + system) a process has used so far, ms, from /proc. */
function procCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks;
}

/** The garbage-collection pauses bench/gc-probe.mjs wrote, between two instants (epoch ms), totalled by kind. */
function gcPauses(file: string, from: number, to: number): Record<string, { count: number; ms: number; max: number }> {
  const totals: Record<string, { count: number; ms: number; max: number }> = {};
  const lines = existsSync(file) ? readFileSync(file, "utf8").split("\n").filter(Boolean) : [];
  for (const { at, kind, ms } of lines.map((line) => JSON.parse(line) as { at: number; kind: string; ms: number })) {
    if (at < from || at > to) continue;
    const total = (totals[kind] ??= { count: 0, ms: 0, max: 0 });
    total.count++;
    total.ms += ms;
    total.max = Math.max(total.max, ms);
  }
  return totals;
}

interface Served {
  startMs: number;
  startupMs: number | null;
  load: LoadResult;
  idle: { rss: number; peak: number };
  after: { rss: number; peak: number };
  /** CPU time of the server during the measured load, ms. */
  serverCpuMs: number;
  gc: ReturnType<typeof gcPauses>;
}

/** `npm start`'s server (without the build) on the imported data: time to the first answer, load, memory, CPU, GC pauses. */
async function serveAndMeasure(env: Record<string, string>, paths: string[], withLoad = true): Promise<Served> {
  const port = 55600 + Math.floor(Math.random() * 300);
  const gcFile = join(mkdtempSync(join(tmpdir(), "mille-jours-bench-gc-")), "gc.jsonl");
  const t0 = performance.now();
  const server = spawn(process.execPath, ["--import", "tsx", "--import", gcProbe, "src/server/main.ts"], {
    cwd: fileURLToPath(new URL("../", import.meta.url)),
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1", GC_PROBE_FILE: gcFile },
    stdio: ["ignore", "pipe", "inherit"],
  });
  // The server's log (a line per request under load): only its start-up time and its last lines (for an error) are kept.
  let log = "";
  let startupMs: number | null = null;
  server.stdout!.on("data", (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
    startupMs ??= Number(/"startupMs":(\d+)/.exec(log)?.[1] ?? NaN) || null;
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    for (;;) {
      if (server.exitCode !== null) throw new Error(`le serveur s'est arrêté (code ${server.exitCode}) :\n${log.slice(-2000)}`);
      const ok = await fetch(`${base}${paths[0]}`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const startMs = Math.round(performance.now() - t0);
    const idle = procMemory(server.pid!);
    if (!withLoad)
      return { startMs, startupMs, load: { rps: 0, p50: 0, p99: 0, errors: 0, requests: 0, clientCpuMs: 0 }, idle, after: idle, serverCpuMs: 0, gc: {} };
    await load(base, paths, 2);
    const [from, cpu] = [Date.now(), procCpuMs(server.pid!)];
    const result = await load(base, paths, SECONDS);
    const [to, serverCpuMs] = [Date.now(), procCpuMs(server.pid!) - cpu];
    const after = procMemory(server.pid!);
    await stop(server);
    return { startMs, startupMs, load: result, idle, after, serverCpuMs, gc: gcPauses(gcFile, from, to) };
  } finally {
    await stop(server);
    rmSync(dirname(gcFile), { recursive: true, force: true });
  }
}

async function stop(server: ReturnType<typeof spawn>): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  server.kill("SIGTERM");
  await new Promise((resolve) => server.once("exit", resolve));
}

/** CPU per request of the server and of the load client, and the server's GC pauses during the load (French, for the report). */
function cpuAndGc({ load, serverCpuMs, gc }: Served): string {
  const perRequest = (ms: number) => Math.round((ms * 1000) / Math.max(load.requests, 1));
  const share = (ms: number) => Math.round(ms / 10 / SECONDS);
  const pauses = Object.entries(gc)
    .map(([kind, t]) => `${kind} ${t.count} (${t.ms.toFixed(0)} ms, max ${t.max.toFixed(1)} ms)`)
    .join(", ");
  return `CPU du serveur ${perRequest(serverCpuMs)} µs par requête (${share(serverCpuMs)} % d'un cœur), du client de charge ${perRequest(load.clientCpuMs)} µs par requête (${share(load.clientCpuMs)} %) ; pauses du ramasse-miettes pendant la charge : ${pauses || "aucune"}`;
}

async function national(count: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "mille-jours-bench-national-"));
  try {
    const files = generateNationalFiles(dir, count);
    mkdirSync(join(dir, "var"), { recursive: true });
    say(
      `\n4. Échelle nationale : ${count} lieux générés (FINESS ${files.finessRows} lignes, RPPS ${files.rppsRows} lignes, positions au hasard autour des communes)`,
    );
    const nationalPaths = randomPaths(centres, 20_000, "/api/v1/places");
    // BENCH_ENGINES=pglite or postgresql: one engine only (a 1 000 000-place run takes minutes on a loaded machine).
    const engines = (process.env.BENCH_ENGINES ?? "pglite,postgresql").split(",");
    const targets: { label: string; config: { databaseUrl: string } | { pgliteDir: string }; env: Record<string, string>; dataDir: string }[] = [];
    if (engines.includes("pglite"))
      targets.push({ label: "PGlite", config: { pgliteDir: join(dir, "var", "pglite") }, env: { DATA_DIR: join(dir, "var") }, dataDir: join(dir, "var") });
    const pgCluster = engines.includes("postgresql") ? startPostgres({ port: 55497 }) : null;
    if (pgCluster) {
      const url = await pgCluster.createDatabase("bench_national");
      const dataDir = join(dir, "var-postgresql");
      targets.push({ label: "PostgreSQL", config: { databaseUrl: url }, env: { DATABASE_URL: url, DATA_DIR: dataDir }, dataDir });
    }
    const machineLoad = () => `charge ${loadavg()[0]!.toFixed(1)}`;
    try {
      for (const target of targets) {
        const before = machineLoad();
        const imported = await runImportChild({
          config: target.config,
          finess: files.finess,
          rpps: files.rpps,
          snapshotFile: join(target.dataDir, "places-index.bin"),
        });
        say(
          `   ${target.label.padEnd(10)} : import ${(imported.ms / 1000).toFixed(1)} s, CPU ${(imported.cpuMs / 1000).toFixed(1)} s (${imported.steps.map((s) => `${s.dataset} ${s.imported} ${s.status} en ${(s.ms / 1000).toFixed(1)} s${s.peak ? `, pic ${mb(s.peak)}` : ""}`).join(", ")}), pic mémoire ${mb(imported.maxRss)} (${before}, puis ${machineLoad()})`,
        );
        const served = await serveAndMeasure(target.env, nationalPaths);
        say(
          `                démarrage du serveur ${(served.startMs / 1000).toFixed(1)} s jusqu'à la première réponse (startupMs ${served.startupMs ?? "?"}, instantané de l'index), mémoire ${mb(served.idle.rss)} au repos (${machineLoad()})`,
        );
        rmSync(join(target.dataDir, "places-index.bin"));
        const rebuilt = await serveAndMeasure(target.env, nationalPaths, false);
        say(
          `                sans instantané (relu depuis la base, puis réécrit) : démarrage ${(rebuilt.startMs / 1000).toFixed(1)} s (startupMs ${rebuilt.startupMs ?? "?"}), mémoire ${mb(rebuilt.idle.rss)} au repos (${machineLoad()})`,
        );
        say(
          `                GET /api/v1/places (instantané) : ${served.load.rps} requêtes/s, p50 ${served.load.p50} ms, p99 ${served.load.p99} ms (${served.load.requests} requêtes, ${served.load.errors} erreurs) ; mémoire ${mb(served.after.rss)} après la charge, pic ${mb(served.after.peak)} (${machineLoad()})`,
        );
        say(`                ${cpuAndGc(served)}`);
      }
    } finally {
      pgCluster?.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
