import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { containsNul } from "../../problem.js";
import { gunzipSync } from "node:zlib";
import { isCommuneCode, isInFrance, isPlaceTypeId, placeTypeIds } from "../../../domain/geo/index.js";
import type { Database } from "../../db/database.js";
import type { PlaceRow } from "../store.js";
import { CommuneLocator } from "./commune-locator.js";
import { decimal, formatPhone, isoDate } from "./fields.js";
import { FINESS_DATASET } from "./finess.js";
import { delimitedRecords, readLines } from "./read-lines.js";
import { ReportBuilder, type ImportReport } from "./report.js";
import { RPPS_DATASET } from "./rpps.js";
import { applyImport, type ImportOptions } from "./run-import.js";
import { COMMUNES_DATASET } from "./communes.js";

/**
 * Places that are in no national register (CAF, relais petite enfance, LAEP, SAPPH, unités parents-bébé,
 * maisons des 1000 jours, associations…), from a CSV or GeoJSON file whose schema is in docs/data.md.
 * Each file is one named dataset (`--dataset caf-2026`): importing it again replaces that dataset only.
 */
export const genericColumns = ["id", "type", "name", "address", "postcode", "commune_code", "commune_name", "phone", "url", "lat", "lon", "updated"] as const;
type GenericColumn = (typeof genericColumns)[number];
const requiredColumns: GenericColumn[] = ["id", "type", "name"];
const reserved = new Set([FINESS_DATASET, RPPS_DATASET, COMMUNES_DATASET]);
const MAX_GEOJSON_BYTES = 100 * 1024 * 1024;

export function checkDatasetName(name: string): string | null {
  if (!/^[a-z0-9][a-z0-9-]{1,39}$/.test(name)) return `nom de jeu de données invalide « ${name} » : 2 à 40 caractères, minuscules, chiffres et tirets`;
  if (reserved.has(name)) return `le nom « ${name} » est réservé à son importeur (npm run import:${name === COMMUNES_DATASET ? "communes" : name})`;
  return null;
}

export async function importGeneric(db: Database, file: string, dataset: string, options: ImportOptions = {}): Promise<ImportReport> {
  const invalid = checkDatasetName(dataset);
  if (invalid) throw new Error(invalid);
  const builder = new ReportBuilder(dataset, file);
  const locator = await CommuneLocator.load(db);
  const rows = /\.(geo)?json(\.gz)?$/i.test(file)
    ? await parseGeoJson(file, dataset, builder, locator)
    : await parseGenericCsv(file, dataset, builder, locator);
  return applyImport(db, builder, { kind: "place", rows }, options);
}

type GenericRecord = Partial<Record<GenericColumn, string>>;

/** Validates one record; pushes a row or a rejection. `where` names the line or the feature. */
function makeRow(
  dataset: string,
  line: number,
  where: string,
  r: GenericRecord,
  builder: ReportBuilder,
  locator: CommuneLocator,
  seen: Map<string, number>,
): PlaceRow | null {
  const reject = (reason: string): null => {
    builder.reject(line, `${where} : ${reason}`);
    return null;
  };
  const v = (c: GenericColumn) => (r[c] ?? "").trim();
  const id = v("id");
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(id)) return reject(`identifiant invalide « ${id} » (1 à 64 caractères : lettres, chiffres, . _ -)`);
  const previous = seen.get(id);
  if (previous !== undefined) return reject(`identifiant « ${id} » en double (déjà ${previous})`);
  seen.set(id, line);
  const type = v("type");
  if (!isPlaceTypeId(type)) return reject(`type inconnu « ${type} » (types possibles : ${placeTypeIds.join(", ")})`);
  const name = v("name").replace(/\s+/g, " ");
  if (!name || name.length > 200) return reject("nom vide ou de plus de 200 caractères");
  const postcode = v("postcode");
  if (postcode && !/^\d{5}$/.test(postcode)) return reject(`code postal invalide « ${postcode} »`);
  const communeCode = v("commune_code");
  if (communeCode && !isCommuneCode(communeCode)) return reject(`code commune invalide « ${communeCode} »`);
  const url = v("url");
  if (url && !/^https?:\/\/[^\s]+$/.test(url)) return reject(`adresse web invalide « ${url} » (attendu http:// ou https://)`);
  const updated = isoDate(v("updated"));
  if (updated === undefined) return reject(`date invalide « ${v("updated")} » (attendu AAAA-MM-JJ)`);
  const phone = formatPhone(v("phone"));
  if (phone === undefined) return reject(`téléphone invalide « ${v("phone")} »`);
  const lat = decimal(v("lat"));
  const lon = decimal(v("lon"));
  if (lat === undefined || lon === undefined || (lat === null) !== (lon === null))
    return reject(`coordonnées illisibles « ${v("lat")} ; ${v("lon")} » (degrés décimaux WGS84, les deux ou aucune)`);
  if (lat !== null && lon !== null && !isInFrance({ lat, lon })) return reject(`position hors de France (${lat}, ${lon}) : latitude et longitude inversées ?`);
  const commune = locator.find({ code: communeCode || null, postcode: postcode || null, name: v("commune_name") || null });
  if (lat === null && !commune) return reject("ni coordonnées ni commune connue (commune_code ou postcode) pour placer le lieu");
  const approximate = lat === null;
  if (approximate) builder.report.approximate++;
  builder.report.byType[type] = (builder.report.byType[type] ?? 0) + 1;
  return {
    id: `${dataset}:${id}`,
    source: dataset,
    source_id: id,
    type,
    category: null,
    category_label: null,
    name,
    address: v("address") || null,
    postcode: postcode || null,
    commune_code: commune?.code ?? (communeCode || null),
    commune_name: commune?.name ?? (v("commune_name") || null),
    phone,
    url: url || null,
    lat: lat ?? commune!.lat,
    lon: lon ?? commune!.lon,
    approximate,
    updated,
  };
}

async function parseGenericCsv(file: string, dataset: string, builder: ReportBuilder, locator: CommuneLocator): Promise<PlaceRow[]> {
  const report = builder.report;
  report.format = "csv";
  const source = readLines(file);
  const rows: PlaceRow[] = [];
  const seen = new Map<string, number>();
  let header: GenericColumn[] = [];
  const readHeader = (text: string) => {
    const separator = text.includes(";") ? ";" : ",";
    const names = text.split(separator).map((h) => h.trim().toLowerCase().replace(/^"|"$/g, ""));
    const unknown = names.filter((n) => !(genericColumns as readonly string[]).includes(n));
    const missing = requiredColumns.filter((c) => !names.includes(c));
    if (unknown.length || missing.length || new Set(names).size !== names.length)
      return {
        error: `en-tête invalide${unknown.length ? ` : colonne(s) inconnue(s) ${unknown.map((u) => `« ${u} »`).join(", ")}` : ""}${missing.length ? ` : colonne(s) obligatoire(s) absente(s) ${missing.join(", ")}` : ""} (colonnes possibles : ${genericColumns.join(", ")})`,
      };
    header = names as GenericColumn[];
    return { separator, width: names.length };
  };
  for await (const { number, fields: f } of delimitedRecords(source, builder, readHeader)) {
    const record: GenericRecord = Object.fromEntries(header.map((h, i) => [h, f[i]]));
    const row = makeRow(dataset, number, `ligne ${number}`, record, builder, locator, seen);
    if (row) rows.push(row);
  }
  report.sha256 = source.result.sha256;
  report.encoding = source.result.encoding;
  return header ? rows : [];
}

async function parseGeoJson(file: string, dataset: string, builder: ReportBuilder, locator: CommuneLocator): Promise<PlaceRow[]> {
  const report = builder.report;
  report.format = "geojson";
  // Read whole (JSON.parse): bounded before reading, and a compressed file is not unpacked past the bound.
  const tooBig = `fichier GeoJSON de plus de ${MAX_GEOJSON_BYTES / 1024 / 1024} Mo : découpez-le ou passez par le CSV`;
  if ((await stat(file)).size > MAX_GEOJSON_BYTES) {
    builder.stop(0, tooBig);
    return [];
  }
  const stored = await readFile(file);
  report.sha256 = createHash("sha256").update(stored).digest("hex");
  let bytes: Buffer;
  try {
    bytes = stored[0] === 0x1f && stored[1] === 0x8b ? gunzipSync(stored, { maxOutputLength: MAX_GEOJSON_BYTES }) : stored;
  } catch (error) {
    builder.stop(
      0,
      (error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE"
        ? tooBig
        : `fichier compressé illisible (${(error as Error).message}) : fichier tronqué ?`,
    );
    return [];
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch (error) {
    builder.reject(
      0,
      error instanceof SyntaxError ? `JSON invalide (fichier tronqué ?) : ${error.message}` : "encodage invalide : un fichier GeoJSON est en UTF-8",
    );
    return [];
  }
  if (containsNul(json)) {
    builder.reject(0, "caractère nul (U+0000) dans le fichier : retirez-le puis recommencez");
    return [];
  }
  const collection = json as { type?: unknown; features?: unknown };
  if (collection?.type !== "FeatureCollection" || !Array.isArray(collection.features)) {
    builder.reject(0, "attendu un objet GeoJSON « FeatureCollection » avec un tableau « features »");
    return [];
  }
  const rows: PlaceRow[] = [];
  const seen = new Map<string, number>();
  collection.features.forEach((feature: unknown, i: number) => {
    const n = i + 1;
    report.linesRead++;
    const f = feature as { type?: unknown; geometry?: { type?: unknown; coordinates?: unknown } | null; properties?: Record<string, unknown> | null };
    if (f?.type !== "Feature" || typeof f.properties !== "object" || f.properties === null) {
      builder.reject(n, `objet ${n} : attendu un « Feature » avec des « properties »`);
      return;
    }
    const record: GenericRecord = {};
    for (const [k, value] of Object.entries(f.properties)) {
      if (!(genericColumns as readonly string[]).includes(k) || k === "lat" || k === "lon") continue;
      if (value !== null && value !== undefined) record[k as GenericColumn] = String(value);
    }
    if (f.geometry) {
      const c = f.geometry.coordinates;
      if (f.geometry.type !== "Point" || !Array.isArray(c) || c.length < 2 || typeof c[0] !== "number" || typeof c[1] !== "number") {
        builder.reject(n, `objet ${n} : géométrie attendue « Point » [longitude, latitude]`);
        return;
      }
      record.lon = String(c[0]);
      record.lat = String(c[1]);
    }
    const row = makeRow(dataset, n, `objet ${n}`, record, builder, locator, seen);
    if (row) rows.push(row);
  });
  report.encoding = "utf-8";
  return rows;
}
