import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { buildApp, privacyLogger } from "./app.js";
import { databaseTarget, loadConfig, placesSnapshotFile } from "./config.js";
import { ContentValidationError, loadContent } from "./content/load-content.js";
import { syncContent } from "./content/content-store.js";
import { loadEpdsQuestionnaires } from "./content/load-epds.js";
import { loadTranslations } from "./content/load-translations.js";
import { openDatabase } from "./db/database.js";
import { exitIfLocked } from "./db/data-dir-lock.js";
import { migrate } from "./db/migrate.js";
import { loadPlaceIndex, seedShippedPlaces } from "./places/index.js";
import { installShutdown, Metrics, newLifecycle } from "./ops/index.js";
import { steeringOptionsFromConfig } from "./steering/context.js";
import { callbackOptionsFromConfig, smtpNotifier, startRetentionJob } from "./callback/index.js";

/** Starts Mille Jours: migrate, load content, serve `dist/` and the API. Configured by environment variables. */
const startedAt = performance.now();
// The environment is read here only, checked before any slow work, so that a typo fails at once (src/server/config.ts).
const config = loadConfig();
const { PORT: port, HOST: host, EPDS_FRAME_ANCESTORS: frameAncestors } = config;
const root = fileURLToPath(new URL("../../", import.meta.url));
const services = { mapTilesUrl: config.MAP_TILES_URL, mapTilesAttribution: config.MAP_TILES_ATTRIBUTION, geocoderUrl: config.GEOCODER_URL };

const contentDir = config.CONTENT_DIR ?? `${root}content`;
const [content, epds, translations] = await Promise.all([
  loadContent(contentDir).then(async (french) => [french, await loadTranslations(contentDir, french)] as const),
  loadEpdsQuestionnaires(contentDir),
])
  .then(([[french, translated], questionnaires]) => [french, questionnaires, translated] as const)
  .catch((error: unknown) => {
    if (!(error instanceof ContentValidationError)) throw error;
    console.error(`Le contenu est invalide, le serveur ne démarre pas :\n${error.message}`);
    process.exit(1);
  });
// With PGlite, the data folder is locked for this process: a second server or a CLI command is refused.
const db = await openDatabase(databaseTarget(config)).catch(exitIfLocked);
const applied = await migrate(db);
const changed = await syncContent(db, content);
// Places: the shipped open-data extracts fill empty tables on the first start, then an in-memory index.
const seeded = await seedShippedPlaces(db, `${root}data`);
// The index comes from its snapshot in DATA_DIR when that is the one of the data in place, otherwise from the database.
const places = await loadPlaceIndex(db, { snapshotFile: placesSnapshotFile(config), log: (message) => console.warn(message) });
const lifecycle = newLifecycle();
const metrics = config.METRICS_PORT === null ? undefined : new Metrics({ db, places });
// Call-back notices: by SMTP when configured; without it, requests still wait in the services' inbox.
const notifier = config.SMTP_URL ? smtpNotifier(config.SMTP_URL, config.SMTP_FROM, config.PUBLIC_URL) : null;
const app = await buildApp({
  db,
  lifecycle,
  ...(metrics ? { metrics } : {}),
  staticDir: `${root}dist`,
  renderDir: `${root}build/ssr`,
  epds,
  translations,
  frameAncestors,
  services,
  places,
  logger: privacyLogger(undefined, config.LOG_LEVEL),
  trustProxy: config.TRUST_PROXY,
  publicUrl: config.PUBLIC_URL,
  steering: steeringOptionsFromConfig(config),
  callback: callbackOptionsFromConfig(config, notifier),
});
if (!config.CALLBACK_KEYS) app.log.warn("CALLBACK_KEYS absent : les demandes de rappel sont désactivées (docs/rappel.md)");
else if (!notifier)
  app.log.warn(
    "SMTP_URL absent : les services ne seront pas avertis par courriel des nouvelles demandes de rappel (elles restent dans leur boîte de réception)",
  );
// Deletes call-back requests past their retention date, on every copy (the DELETE is idempotent).
const stopRetention = startRetentionJob(db, { intervalMs: config.CALLBACK_PURGE_INTERVAL_MINUTES * 60_000, log: app.log });

// Imports made elsewhere (another copy, the command line) are picked up by polling the import log.
const stopPlacesRefresh = places.startAutoRefresh(config.PLACES_REFRESH_SECONDS * 1000, (error) =>
  app.log.warn({ err: error instanceof Error ? error.message : String(error) }, "rechargement de l'index des lieux impossible"),
);

// Metrics on their own port (never the public one), opened before the public port so that a clash stops the start.
const metricsServer = metrics && config.METRICS_PORT !== null ? await metrics.listen(config.METRICS_PORT, config.METRICS_HOST, config.METRICS_TOKEN) : null;

const shutdown = installShutdown({
  app,
  lifecycle,
  delayMs: config.SHUTDOWN_DELAY_MS,
  timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  release: async () => {
    stopPlacesRefresh();
    await stopRetention();
    notifier?.close();
    await new Promise((resolve) => (metricsServer ? metricsServer.close(resolve) : resolve(undefined)));
    await db.close();
  },
  exit: (code) => process.exit(code),
});
process.on("SIGINT", () => shutdown("SIGINT"));
process.on("SIGTERM", () => shutdown("SIGTERM"));

await app.listen({ port, host });
// The ports actually opened: with PORT=0 (or METRICS_PORT=0) the system picks a free one, said here, so that a process
// starting the server (the tests) never has to pick a port that another process could take before the server opens it.
const listening = (app.server.address() as AddressInfo).port;
app.log.info(
  {
    port: listening,
    metricsPort: metricsServer ? (metricsServer.address() as AddressInfo).port : null,
    database: db.kind,
    migrations: applied,
    contentReloaded: changed,
    placesImported: seeded.map((r) => r.dataset),
    startupMs: Math.round(performance.now() - startedAt),
  },
  `Mille Jours prêt sur http://localhost:${listening}`,
);
