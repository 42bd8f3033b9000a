import { foldName, isCommuneCode, isValidLatLon } from "../../../domain/geo/index.js";
import type { Database } from "../../db/database.js";
import type { CommuneRow } from "../store.js";
import { decimal } from "./fields.js";
import { delimitedRecords, readLines } from "./read-lines.js";
import { ReportBuilder, type ImportReport } from "./report.js";
import { applyImport, type ImportOptions } from "./run-import.js";

/**
 * Commune centres, names, postal codes and population, for the postal-code and town search and for
 * placing places that have no coordinates. Format of ../shared/data/communes/communes_centroids_2025.csv
 * (COG 2025 from @etalab/decoupage-administratif, centres from geo.api.gouv.fr; see docs/data.md):
 * `insee_code,name,dep_code,reg_code,zone,postal_codes,lat,lon,population`, postal codes joined by `|`.
 */
export const COMMUNES_DATASET = "communes";
const HEADER = ["insee_code", "name", "dep_code", "reg_code", "zone", "postal_codes", "lat", "lon", "population"];

export async function importCommunes(db: Database, file: string, options: ImportOptions = {}): Promise<ImportReport> {
  const builder = new ReportBuilder(COMMUNES_DATASET, file, "communes-csv");
  const rows = await parseCommunes(file, builder);
  return applyImport(db, builder, { kind: "commune", rows }, options);
}

export async function parseCommunes(file: string, builder: ReportBuilder): Promise<CommuneRow[]> {
  const report = builder.report;
  const source = readLines(file);
  const rows: CommuneRow[] = [];
  const seen = new Map<string, number>();
  const header = (text: string) =>
    text
      .split(",")
      .map((h) => h.trim())
      .join(",") === HEADER.join(",")
      ? { separator: ",", width: HEADER.length }
      : { error: `en-tête inattendu : attendu « ${HEADER.join(",")} »` };
  for await (const { number, fields: f } of delimitedRecords(source, builder, header)) {
    const [code, name, dep, , , postal, latRaw, lonRaw, populationRaw] = f.map((v) => v.trim()) as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    if (!isCommuneCode(code)) {
      builder.reject(number, `code commune invalide « ${code} »`);
      continue;
    }
    const previous = seen.get(code);
    if (previous !== undefined) {
      builder.reject(number, `commune ${code} en double (déjà ligne ${previous})`);
      continue;
    }
    seen.set(code, number);
    if (!name || !/^(\d{2,3}|2[AB])$/.test(dep)) {
      builder.reject(number, `nom ou département manquant pour ${code}`);
      continue;
    }
    const postcodes = postal ? postal.split("|").map((p) => p.trim()) : [];
    if (postcodes.some((p) => !/^\d{5}$/.test(p))) {
      builder.reject(number, `code postal invalide dans « ${postal} »`);
      continue;
    }
    const lat = decimal(latRaw);
    const lon = decimal(lonRaw);
    if (lat == null || lon == null || !isValidLatLon({ lat, lon })) {
      builder.reject(number, `centre invalide « ${latRaw}, ${lonRaw} »`);
      continue;
    }
    const population = populationRaw === "" ? null : Number(populationRaw);
    if (population !== null && !(Number.isInteger(population) && population >= 0)) {
      builder.reject(number, `population invalide « ${populationRaw} »`);
      continue;
    }
    rows.push({ code, name, folded_name: foldName(name), dep, postcodes, lat, lon, population });
  }
  report.sha256 = source.result.sha256;
  report.encoding = source.result.encoding;
  report.byType = { commune: rows.length };
  return rows;
}
