import regionsFile from "../../../data/steering/regions.json";
import departementsFile from "../../../data/steering/departements.json";

/**
 * Regions and départements of France (13 + 5 regions, 96 + 5 départements) from the INSEE Code officiel
 * géographique 2025 (`@etalab/decoupage-administratif` 5.3.0, Licence Ouverte). The data lives in
 * `data/steering/` with its source and derivation; this module only types and indexes it.
 */
export type Zone = "metro" | "drom";

export interface Region {
  code: string;
  nom: string;
  zone: Zone;
}

export interface Departement {
  code: string;
  nom: string;
  region: string;
  zone: Zone;
}

export const TERRITORIES_SOURCE = regionsFile.source;

export const REGIONS: readonly Region[] = regionsFile.regions.map((r) => ({ code: r.code, nom: r.nom, zone: r.zone as Zone }));
export const DEPARTEMENTS: readonly Departement[] = departementsFile.departements.map((d) => ({
  code: d.code,
  nom: d.nom,
  region: d.region,
  zone: d.zone as Zone,
}));

const regionByCode = new Map(REGIONS.map((r) => [r.code, r]));
const departementByCode = new Map(DEPARTEMENTS.map((d) => [d.code, d]));

export function findRegion(code: string): Region | undefined {
  return regionByCode.get(code);
}

export function findDepartement(code: string): Departement | undefined {
  return departementByCode.get(code);
}

export function isRegionCode(code: string): boolean {
  return regionByCode.has(code);
}

export function isDepartementCode(code: string): boolean {
  return departementByCode.has(code);
}

export function departementsOfRegion(regionCode: string): Departement[] {
  return DEPARTEMENTS.filter((d) => d.region === regionCode);
}

/**
 * Normalises a code typed by a person or mangled by a spreadsheet: trims, upper-cases (`2a` → `2A`) and
 * restores the leading zero a spreadsheet drops from a number (`1` → `01`). Returns the input trimmed when
 * nothing applies; whether the result exists is for the caller to check.
 */
export function normaliseTerritoryCode(raw: string): string {
  const code = raw.trim().toUpperCase();
  return /^\d$/.test(code) ? `0${code}` : code;
}
