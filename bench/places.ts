import { execFileSync, fork, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
// A throwaway PostgreSQL cluster (as tests/setup/postgres.ts), with PostGIS when it can be had.

function postgresBinDir(): string | null {
  const base = "/usr/lib/postgresql";
  const versions = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  return versions.map((v) => join(base, v, "bin")).find((d) => existsSync(join(d, "initdb"))) ?? null;
}

function postgisAvailable(bin: string): string {
  const version = bin.split("/").at(-2)!;
  const control = `/usr/share/postgresql/${version}/extension/postgis.control`;
  if (existsSync(control)) return "installé";
  if (process.getuid?.() !== 0) return "";
  const install = () => spawnSync("apt-get", ["install", "-y", "--no-install-recommends", `postgresql-${version}-postgis-3`], { stdio: "ignore", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" }, timeout: 300_000 });
  if (install().status !== 0) {
    spawnSync("apt-get", ["update"], { stdio: "ignore", timeout: 300_000 });
    install();
  }
  return existsSync(control) ? `installé pour ce banc (apt-get install postgresql-${version}-postgis-3)` : "";
}

interface Cluster {
  url: string;
  stop(): void;
}

function startCluster(bin: string): Cluster {
  const root = mkdtempSync(join(tmpdir(), "mille-jours-bench-pg-"));
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => (asRoot ? execFileSync("runuser", ["-u", "postgres", "--", cmd, ...args], { stdio: "pipe" }) : execFileSync(cmd, args, { stdio: "pipe" }));
  if (asRoot) {
    chownSync(root, Number(execFileSync("id", ["-u", "postgres"]).toString()), Number(execFileSync("id", ["-g", "postgres"]).toString()));
    chmodSync(root, 0o700);
  }
  run(join(bin, "initdb"), ["-D", join(root, "db"), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
  run(join(bin, "pg_ctl"), ["-D", join(root, "db"), "-o", `-k ${root} -p ${PORT} -c listen_addresses='' -c fsync=off -c shared_buffers=256MB`, "-w", "-l", join(root, "log"), "start"]);
  return {
    url: `postgresql://postgres@localhost:${PORT}/postgres?host=${encodeURIComponent(root)}`,
    stop() {
      const stop = [join(bin, "pg_ctl"), "-D", join(root, "db"), "-m", "immediate", "-w", "stop"];
      if (asRoot) spawnSync("runuser", ["-u", "postgres", "--", ...stop]);
      else spawnSync(stop[0]!, stop.slice(1));
      rmSync(root, { recursive: true, force: true });
    },
  };
}

async function createDatabase(clusterUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: clusterUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

// ---------------------------------------------------------------------------------------------
// Load: random points around commune centres, the same sequence for every target.

function randomPaths(centres: { lat: number; lon: number }[], count: number, prefix: string): string[] {
  let seed = 42;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
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
    const child = fork(fileURLToPath(import.meta.url), [], { env: { ...process.env, BENCH_LOAD_CHILD: JSON.stringify({ baseUrl, file, seconds }) }, stdio: ["ignore", "inherit", "inherit", "ipc"] });
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
  const result = await autocannon({
    url: baseUrl,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }) }],
  });
  process.send!({ rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, errors: result.non2xx + result.errors, requests: result.requests.total } satisfies LoadResult);
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

if (process.env.BENCH_LOAD_CHILD) {
  await loadChild(JSON.parse(process.env.BENCH_LOAD_CHILD) as { baseUrl: string; file: string; seconds: number });
  process.exit(0);
}

const lines: string[] = [];
const say = (line: string) => (console.log(line), lines.push(line));

say(`Banc « Autour de moi » — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${SECONDS} s par charge, ${CONNECTIONS} connexions, boucle locale`);

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
say(`                 mémoire résidente : ${mb(rssStart)} au départ, ${mb(rssOpen)} PGlite ouvert, pic ${mb(Math.max(seeded.peakRss, indexed.peakRss))} pendant l'import et l'index (tas JS ${mb(process.memoryUsage().heapUsed)} après)`);
const centres = await db.query<{ lat: number; lon: number }>("SELECT lat, lon FROM commune");
const paths = randomPaths(centres, 20_000, "/api/v1/places");

const bin = postgresBinDir();
let cluster: Cluster | null = null;
let gisPool: pg.Pool | null = null;
let postgisNote = "";
if (bin) {
  postgisNote = postgisAvailable(bin);
  cluster = startCluster(bin);
  const pgDb = await openDatabase({ databaseUrl: await createDatabase(cluster.url, "bench_places") });
  await migrate(pgDb);
  const pgSeed = await withPeakRss(() => seedShippedPlaces(pgDb, dataDir));
  say(`   PostgreSQL  : import ${(pgSeed.ms / 1000).toFixed(1)} s (serveur local, même code)`);
  if (postgisNote) {
    await pgDb.exec(`CREATE EXTENSION postgis;
      CREATE TABLE place_gis AS SELECT id, ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography AS geog FROM place;
      ALTER TABLE place_gis ADD PRIMARY KEY (id);
      CREATE INDEX place_gis_geog_idx ON place_gis USING gist (geog);
      ANALYZE place_gis;`);
    gisPool = new pg.Pool({ connectionString: await createDatabaseUrl(cluster.url, "bench_places"), max: 10 });
  }
  await pgDb.close();
} else say("   PostgreSQL  : non installé (apt-get install postgresql), import non mesuré");

async function createDatabaseUrl(clusterUrl: string, name: string): Promise<string> {
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

// 2. and 3. Load on the API.
const app = await buildApp({ db, logger: false });
await app.register(placesRoutes(db, service), { prefix: "/api/v1" });
if (gisPool) await app.register(postgisRoutes(gisPool, service), { prefix: "/bench" });
const address = await app.listen({ host: "127.0.0.1", port: 0 });

await load(address, paths, 2); // warm-up
const memory = await load(address, paths, SECONDS);
say(`\n2. GET /api/v1/places (index kdbush + geokdbush, rayon ${DEFAULT_RADIUS_KM} km, ${DEFAULT_LIMIT} résultats, points au hasard autour des centres des ${centres.length} communes)`);
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
  say(`   rapport index en mémoire / PostGIS : ×${(memory.rps / Math.max(gis.rps, 1)).toFixed(1)} en débit ; même lieu le plus proche pour ${agree}/200 points`);
} else say("   PostGIS non disponible (paquet Debian postgresql-15-postgis-3 absent et non installable) : comparaison non faite.");

await app.close();
await gisPool?.end();
cluster?.stop();
await db.close();
