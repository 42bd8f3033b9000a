export * from "./distance.js";
export * from "./projection.js";
export * from "./insee.js";
export * from "./fold.js";
export * from "./place-types.js";
export * from "./territory.js";
export * from "./departement-names.js";
export * from "./place-fallbacks.js";
