/** The EPP/EPNP barometer: store (SQL), service (dashboard, imports, demo set), routes. */
export { barometerRoutes } from "./routes.js";
export { barometerDashboard, DEMO_SOURCE, loadDemoBarometer, NO_DATA_MESSAGE, RealDataPresentError, removeDemoBarometer } from "./service.js";
export { readAll } from "./store.js";
