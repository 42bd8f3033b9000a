/**
 * "Autour de moi": places and professionals of the 1000 days near a point.
 *
 * Wiring (server start-up): `await seedShippedPlaces(db, dataDir)` fills empty tables from `data/`,
 * `const places = await loadPlaceIndex(db)` builds the in-memory index, and
 * `api.register(placesRoutes(db, places))` serves `/places`, `/places/{id}`, `/place-types`, `/communes`.
 */
export { placeFeature, placesRoutes } from "./routes.js";
export { PlaceIndex, PlacesService, loadPlaceIndex } from "./place-index.js";
export { seedShippedPlaces, shippedFiles } from "./seed.js";
export { importFiness, FINESS_DATASET } from "./importers/finess.js";
export { importFinessJson } from "./importers/finess-json.js";
export { importRpps, RPPS_DATASET } from "./importers/rpps.js";
export { importCommunes, COMMUNES_DATASET } from "./importers/communes.js";
export { importGeneric, genericColumns } from "./importers/generic.js";
export { describeReport, type ImportReport } from "./importers/report.js";
export type { ImportOptions } from "./importers/run-import.js";
