import type { LatLon } from "./distance.js";
import { crsDefinitions, crsTokens } from "./projection.js";

/**
 * Boxes around the French territories (generous by a few kilometres): a place imported with WGS84
 * coordinates must fall in one of them. The ones of the FINESS coordinate systems, plus the
 * collectivities whose places only come through the generic import.
 */
const otherTerritories = [
  { name: "Wallis-et-Futuna", minLat: -14.45, maxLat: -13.1, minLon: -178.3, maxLon: -176.0 },
  { name: "Polynésie française", minLat: -28.0, maxLat: -7.8, minLon: -155.0, maxLon: -134.0 },
  { name: "Nouvelle-Calédonie", minLat: -23.0, maxLat: -19.0, minLon: 163.0, maxLon: 169.0 },
];

export const franceBoxes = [...crsTokens.map((t) => ({ name: crsDefinitions[t].territory, ...crsDefinitions[t].bounds })), ...otherTerritories];

export function isInFrance(p: LatLon): boolean {
  return franceBoxes.some((b) => p.lat >= b.minLat && p.lat <= b.maxLat && p.lon >= b.minLon && p.lon <= b.maxLon);
}
