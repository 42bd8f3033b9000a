import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { resolve } from "node:path";
import { buildApp } from "./app.js";
import { ContentValidationError, loadContent } from "./content/load-content.js";
import { syncContent } from "./content/content-store.js";
import { loadEpdsQuestionnaires } from "./content/load-epds.js";
import { openDatabase } from "./db/database.js";
import { migrate } from "./db/migrate.js";
import { loadPlaceIndex, seedShippedPlaces } from "./places/index.js";

/** Starts Mille Jours: migrate, load content, serve `dist/` and the API. Configured by environment variables. */
const startedAt = performance.now();
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
const dataDir = resolve(process.env.DATA_DIR ?? "var");
const databaseUrl = process.env.DATABASE_URL;
const root = fileURLToPath(new URL("../../", import.meta.url));

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT invalide : « ${process.env.PORT} » (attendu : un nombre entre 0 et 65535).`);
  process.exit(1);
}

// Configuration is checked before any slow work, so that a typo fails at once.
const services = {
  mapTilesUrl: httpsUrlFromEnv("MAP_TILES_URL"),
  mapTilesAttribution: process.env.MAP_TILES_ATTRIBUTION ?? null,
  geocoderUrl: httpsUrlFromEnv("GEOCODER_URL"),
};
const frameAncestors = (process.env.EPDS_FRAME_ANCESTORS ?? "").split(/[\s,]+/).filter(Boolean);
const badOrigin = frameAncestors.find((origin) => !/^https?:\/\/[a-z0-9.-]+(:\d+)?$/i.test(origin));
if (badOrigin) {
  console.error(`EPDS_FRAME_ANCESTORS invalide : « ${badOrigin} » (attendu : des origines comme https://maternite.example.fr, séparées par des espaces).`);
  process.exit(1);
}
if (!databaseUrl) await mkdir(dataDir, { recursive: true });
const contentDir = process.env.CONTENT_DIR ?? `${root}content`;
const [content, epds] = await Promise.all([loadContent(contentDir), loadEpdsQuestionnaires(contentDir)]).catch((error: unknown) => {
  if (!(error instanceof ContentValidationError)) throw error;
  console.error(`Le contenu est invalide, le serveur ne démarre pas :\n${error.message}`);
  process.exit(1);
});
const db = await openDatabase(databaseUrl ? { databaseUrl } : { pgliteDir: `${dataDir}/pglite` });
const applied = await migrate(db);
const changed = await syncContent(db, content);
// Places: the shipped open-data extracts fill empty tables on the first start, then an in-memory index.
const seeded = await seedShippedPlaces(db, `${root}data`);
const places = await loadPlaceIndex(db);
const stopPlacesRefresh = places.startAutoRefresh();
const app = await buildApp({ db, staticDir: `${root}dist`, epds, frameAncestors, services, places });

/** An optional https URL from the environment; a malformed one stops the start with a clear message. */
function httpsUrlFromEnv(name: string): string | null {
  const value = process.env[name];
  if (!value) return null;
  try {
    if (new URL(value.replace(/\{[a-z]\}/g, "0")).protocol === "https:") return value;
  } catch {
    /* reported below */
  }
  console.error(`${name} invalide : « ${value} » (attendu : une adresse https://…).`);
  process.exit(1);
}

let closing = false;
async function shutdown(signal: string): Promise<void> {
  if (closing) return;
  closing = true;
  app.log.info(`${signal} reçu, arrêt`);
  stopPlacesRefresh();
  await app.close();
  await db.close();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));

await app.listen({ port, host });
app.log.info(
  { database: db.kind, migrations: applied, contentReloaded: changed, placesImported: seeded.map((r) => r.dataset), startupMs: Math.round(performance.now() - startedAt) },
  `Mille Jours prêt sur http://localhost:${port}`,
);
