import {
  departementOfFinessNumber,
  inseeCodeFromFiness,
  isCommuneCode,
  isInFrance,
  isWithinCrsTerritory,
  parseCrsToken,
  placeTypeOfFinessCategory,
  toWgs84,
  type LatLon,
  type PlaceTypeId,
} from "../../../domain/geo/index.js";
import type { Database } from "../../db/database.js";
import type { PlaceRow } from "../store.js";
import { CommuneLocator } from "./commune-locator.js";
import { decimal, expandAddressLine, expandStreetType, formatPhone, isoDate, joinAddress, splitRoutingLine } from "./fields.js";
import { fileSha256, readLines, splitLine } from "./read-lines.js";
import { ReportBuilder, type ImportReport } from "./report.js";
import { applyImport, type ImportOptions } from "./run-import.js";

/**
 * FINESS establishments, in the three layouts met in practice (docs/data.md « FINESS »):
 *
 * - `etalab`: the data.gouv.fr extract (`etalab-cs1100507-stock-*.csv` geolocated, `cs1100502` not):
 *   no header, first line `finess;etalab;<n>;<date>`, then `structureet;` lines (32 fields) and, in the
 *   geolocated file, `geolocalisation;nofinesset;coordxet;coordyet;sourcecoordet;datemaj` lines whose
 *   coordinates are Lambert-93 or an overseas UTM zone named at the end of `sourcecoordet`
 *   (older files split `sourcecoordet` on `;`, giving 12 fields).
 * - `t-finess`: one line per establishment with a header (`nofinesset;…;cog;codepostal;…;coordx;coordy;
 *   sourcegeocod;…`), geolocation merged in each line.
 * - `fhir-csv`: the flat CSV derived from the FHIR conversion of the 2021-01-08 extract, comma-separated
 *   with a header and WGS84 `lat`/`lon` (blank overseas).
 *
 * Only categories mapped in the place-type table are imported; a place without coordinates is put at its
 * commune centre and marked approximate.
 */
export const FINESS_DATASET = "finess";

const STRUCTURE_FIELDS = 32;
const ID = /^(\d\d|2[AB])\d{7}$/;

type Format = "etalab" | "t-finess" | "fhir-csv";

interface Establishment {
  line: number;
  id: string;
  type: PlaceTypeId;
  categetab: string;
  libcategetab: string;
  name: string;
  address: string | null;
  postcode: string | null;
  communeCode: string | null;
  routingName: string | null;
  phone: string | null;
  updated: string | null;
}

const tFinessColumns = [
  "nofinesset",
  "rs",
  "rslongue",
  "compldistrib",
  "numvoie",
  "typvoie",
  "voie",
  "compvoie",
  "lieuditbp",
  "cog",
  "codepostal",
  "ligneacheminement",
  "telephone",
  "categetab",
  "libcategetab",
  "coordx",
  "coordy",
  "sourcegeocod",
  "datemaj",
];
const fhirColumns = ["nofinesset", "rs", "adresse", "code_postal", "commune", "telephone", "categetab", "libcategetab", "datemaj", "lat", "lon"];

/**
 * The file is read and checked while its places are written (a place is written as soon as its line is read, none is
 * held): the bad line that refuses it stops the writing, and the refusal rolls back the rows written (applyImport).
 * Before that, the file's hash is read: a file already applied is not read again. Then, when the rows are wanted, in the
 * etalab layout, where each establishment is (`etalabPositions`: its geolocalisation lines come after every structureet
 * line).
 */
export async function importFiness(db: Database, file: string, options: ImportOptions = {}): Promise<ImportReport> {
  const builder = new ReportBuilder(FINESS_DATASET, file);
  const locator = await CommuneLocator.load(db);
  const sha256 = await fileSha256(file);
  async function* rows(): AsyncGenerator<PlaceRow> {
    yield* finessPlaces(file, builder, locator, await etalabPositions(file));
  }
  return applyImport(db, builder, { kind: "place", rows: rows(), streamed: { sha256 } }, options);
}

/**
 * The places of the file, each yielded as soon as its line is read and checked; the report counts every line, and is
 * complete when the generator ends. `positions`: the etalab layout's positions, read beforehand (`etalabPositions`).
 */
export async function* finessPlaces(
  file: string,
  builder: ReportBuilder,
  locator: CommuneLocator,
  positions: EtalabPositions | null,
): AsyncGenerator<PlaceRow> {
  const report = builder.report;
  const source = readLines(file);
  /** Every nofinesset met, in scope or not, with its line: duplicates and orphan geolocations are errors. */
  const seen = new Map<string, number>();
  /** Establishments whose geolocalisation line was accepted: a second one is an error. */
  const positioned = new Set<string>();
  let format: Format | null = null;
  let columns: Map<string, number> = new Map();
  let separator = ";";

  const accept = (line: number, fields: Omit<Establishment, "line" | "type">): Establishment | null => {
    const previous = seen.get(fields.id);
    if (previous !== undefined) {
      builder.reject(line, `établissement ${fields.id} en double (déjà ligne ${previous})`);
      return null;
    }
    seen.set(fields.id, line);
    if (!/^\d{3}$/.test(fields.categetab)) {
      builder.reject(line, `catégorie d'établissement invalide « ${fields.categetab} »`);
      return null;
    }
    if (!fields.name) {
      builder.reject(line, "raison sociale vide");
      return null;
    }
    const type = placeTypeOfFinessCategory(fields.categetab);
    if (!type) {
      builder.skip("catégorie hors du périmètre des 1000 jours");
      return null;
    }
    return { ...fields, line, type };
  };

  const readPhone = (raw: string) => {
    const phone = formatPhone(raw);
    if (phone === undefined) builder.warn("téléphone illisible, laissé vide");
    return phone ?? null;
  };
  const readUpdated = (line: number, raw: string): string | null | false => {
    const date = isoDate(raw);
    if (date === undefined) {
      builder.reject(line, `date de mise à jour invalide « ${raw} » (attendu AAAA-MM-JJ)`);
      return false;
    }
    return date;
  };

  const project = (line: number, x: string, y: string, crsSource: string) => projectFiness(builder, line, x, y, crsSource);

  for await (const line of source.lines) {
    report.linesRead++;
    if (line.error !== undefined) {
      if (line.fatal) builder.stop(line.number, line.error);
      else builder.reject(line.number, line.error);
      continue;
    }
    const text = line.text;
    if (line.number === 1) {
      const detected = detectFormat(text);
      if (!detected) {
        report.format = "inconnu";
        builder.reject(
          1,
          "première ligne non reconnue : attendu « finess;etalab;… » (extrait data.gouv.fr) ou un en-tête nommant nofinesset, categetab et les coordonnées",
        );
        break;
      }
      format = detected.format;
      separator = detected.separator;
      columns = new Map(detected.header.map((name, i) => [name, i]));
      report.format = format;
      continue;
    }
    if (text.trim() === "") {
      builder.skip("ligne vide");
      continue;
    }
    const split = splitLine(text, separator);
    if (!Array.isArray(split)) {
      builder.reject(line.number, split.error);
      continue;
    }
    const f = split;

    if (format === "etalab") {
      const kind = f[0];
      if (kind === "structureet") {
        if (f.length !== STRUCTURE_FIELDS) {
          builder.reject(line.number, `ligne structureet de ${f.length} champs au lieu de ${STRUCTURE_FIELDS} (ligne tronquée ou séparateur en trop ?)`);
          continue;
        }
        const id = f[1]!.trim();
        if (!ID.test(id)) {
          builder.reject(line.number, `numéro FINESS invalide « ${id} »`);
          continue;
        }
        const communeCode = inseeCodeFromFiness(f[13]!, f[12]!);
        if (!communeCode) {
          builder.reject(line.number, `commune invalide « ${f[13]} ${f[12]} » (département sur 2 caractères, commune sur 3 chiffres)`);
          continue;
        }
        const updated = readUpdated(line.number, f[30]!);
        if (updated === false) continue;
        const routing = splitRoutingLine(f[15]!);
        const street = [`${f[7]!.trim()}${f[10]!.trim() ? ` ${f[10]!.trim()}` : ""}`, expandStreetType(f[8]!), f[9]].join(" ");
        const established = accept(line.number, {
          id,
          categetab: f[18]!.trim(),
          libcategetab: f[19]!.trim(),
          name: (f[4]!.trim() || f[3]!.trim()).replace(/\s+/g, " "),
          address: joinAddress(f[6], street, f[11]),
          postcode: routing.postcode,
          communeCode,
          routingName: routing.name,
          phone: readPhone(f[16]!),
          updated,
        });
        // Its position: its first geolocalisation line after this one that is accepted, as read beforehand.
        const place = established && placeOf(established, positions?.after(id, line.number) ?? null, builder, locator);
        if (place) yield place;
      } else if (kind === "geolocalisation") {
        if (f.length !== 6 && f.length !== 12) {
          builder.reject(line.number, `ligne geolocalisation de ${f.length} champs au lieu de 6`);
          continue;
        }
        const id = f[1]!.trim();
        if (!seen.has(id)) {
          builder.reject(line.number, `géolocalisation de l'établissement ${id}, absent des lignes structureet`);
          continue;
        }
        if (positioned.has(id)) {
          builder.reject(line.number, `deuxième géolocalisation de l'établissement ${id}`);
          continue;
        }
        if (project(line.number, f[2]!, f[3]!, geolocationCrs(f)) === false) continue;
        positioned.add(id);
      } else {
        builder.reject(line.number, `type de ligne inconnu « ${(kind ?? "").slice(0, 30)} » (attendu structureet ou geolocalisation)`);
      }
      continue;
    }

    // One line per establishment, with a header.
    if (f.length !== columns.size) {
      builder.reject(line.number, `${f.length} champs au lieu de ${columns.size} (ligne tronquée ou séparateur en trop ?)`);
      continue;
    }
    const get = (name: string) => (f[columns.get(name)!] ?? "").trim();
    const id = get("nofinesset");
    if (!ID.test(id)) {
      builder.reject(line.number, `numéro FINESS invalide « ${id} »`);
      continue;
    }
    const updated = readUpdated(line.number, get("datemaj"));
    if (updated === false) continue;

    if (format === "t-finess") {
      const cog = get("cog");
      if (cog && !isCommuneCode(cog)) {
        builder.reject(line.number, `code commune invalide « ${cog} »`);
        continue;
      }
      const street = [`${get("numvoie")}${get("compvoie") ? ` ${get("compvoie")}` : ""}`, expandStreetType(get("typvoie")), get("voie")].join(" ");
      const routing = splitRoutingLine(get("ligneacheminement"));
      const established = accept(line.number, {
        id,
        categetab: get("categetab"),
        libcategetab: get("libcategetab"),
        name: (get("rslongue") || get("rs")).replace(/\s+/g, " "),
        address: joinAddress(get("compldistrib"), street, get("lieuditbp")),
        postcode: get("codepostal") || routing.postcode,
        communeCode: cog || null,
        routingName: routing.name,
        phone: readPhone(get("telephone")),
        updated,
      });
      if (!established) continue;
      const p = project(line.number, get("coordx"), get("coordy"), get("sourcegeocod"));
      if (p === false) continue;
      const place = placeOf(established, p, builder, locator);
      if (place) yield place;
    } else {
      const lat = decimal(get("lat"));
      const lon = decimal(get("lon"));
      if (lat === undefined || lon === undefined || (lat === null) !== (lon === null)) {
        builder.reject(line.number, `coordonnées illisibles « ${get("lat")} ; ${get("lon")} »`);
        continue;
      }
      if (lat !== null && lon !== null && !isInFrance({ lat, lon })) {
        builder.reject(line.number, `position hors de France (${lat}, ${lon})`);
        continue;
      }
      const established = accept(line.number, {
        id,
        categetab: get("categetab"),
        libcategetab: get("libcategetab"),
        name: unquoteAgain(get("rs")).replace(/\s+/g, " "),
        address: expandAddressLine(unquoteAgain(get("adresse"))) || null,
        postcode: get("code_postal") || null,
        communeCode: null,
        routingName: get("commune") || null,
        phone: readPhone(get("telephone")),
        updated,
      });
      const place = established && placeOf(established, lat !== null && lon !== null ? { lat, lon } : null, builder, locator);
      if (place) yield place;
    }
  }
  report.sha256 = source.result.sha256;
  report.encoding = source.result.encoding;
}

/** Lambert-93 / UTM → WGS84, checked against the territory of the coordinate system; false (and the line rejected) when unusable. */
function projectFiness(builder: ReportBuilder, line: number, x: string, y: string, crsSource: string): LatLon | null | false {
  const ex = decimal(x);
  const ny = decimal(y);
  if (ex === null && ny === null) return null;
  if (ex == null || ny == null) {
    builder.reject(line, `coordonnées illisibles « ${x} ; ${y} »`);
    return false;
  }
  const crs = parseCrsToken(crsSource);
  if (!crs) {
    builder.reject(
      line,
      `système de coordonnées inconnu « ${crsSource.split(/[,;]/).pop() ?? crsSource} » (attendu LAMBERT_93, UTM_N20, UTM_N21, UTM_N22, UTM_S38 ou UTM_S40)`,
    );
    return false;
  }
  const p = toWgs84(crs, ex, ny);
  if (!isWithinCrsTerritory(crs, p)) {
    builder.reject(line, `coordonnées hors du territoire de ${crs} (${p.lat.toFixed(4)}, ${p.lon.toFixed(4)})`);
    return false;
  }
  return p;
}

/** The coordinate system of a geolocalisation line (older files split `sourcecoordet` on `;`, giving 12 fields). */
const geolocationCrs = (f: string[]) => (f.length === 6 ? f[4]! : f.slice(4, 11).join(","));

/**
 * The accepted positions of the etalab layout's geolocalisation lines, by establishment, in line order: a place
 * takes the first one after its structureet line (as the lines are checked in `finessPlaces`: one before it is an
 * orphan, and after the first accepted one the others are errors). Null position: the line gives no coordinates.
 */
export class EtalabPositions {
  private readonly first = new Map<string, number>();
  private line = new Int32Array(1024);
  private next = new Int32Array(1024);
  private lat = new Float64Array(1024);
  private lon = new Float64Array(1024);
  private size = 0;

  add(id: string, line: number, p: LatLon | null): void {
    if (this.size === this.line.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T): T => {
        const bigger = new (a.constructor as new (n: number) => T)(a.length * 2);
        bigger.set(a);
        return bigger;
      };
      [this.line, this.next, this.lat, this.lon] = [grow(this.line), grow(this.next), grow(this.lat), grow(this.lon)];
    }
    const i = this.size++;
    this.line[i] = line;
    this.next[i] = -1;
    this.lat[i] = p ? p.lat : NaN;
    this.lon[i] = p ? p.lon : NaN;
    let at = this.first.get(id);
    if (at === undefined) this.first.set(id, i);
    else {
      while (this.next[at]! !== -1) at = this.next[at]!;
      this.next[at] = i;
    }
  }

  /** The position of the first accepted geolocalisation line of `id` after line `line`, or null. */
  after(id: string, line: number): LatLon | null {
    for (let i = this.first.get(id) ?? -1; i !== -1; i = this.next[i]!)
      if (this.line[i]! > line) return Number.isNaN(this.lat[i]!) ? null : { lat: this.lat[i]!, lon: this.lon[i]! };
    return null;
  }
}

/**
 * Reads the geolocalisation lines of an etalab extract (null for another layout: its first line says so): what
 * `finessPlaces` needs to write each establishment when it reads its structureet line. Nothing is reported here; the
 * lines are checked and counted when they are read again there.
 */
export async function etalabPositions(file: string): Promise<EtalabPositions | null> {
  const source = readLines(file);
  const positions = new EtalabPositions();
  const unreported = new ReportBuilder(FINESS_DATASET, file);
  for await (const line of source.lines) {
    if (line.error !== undefined) {
      if (line.fatal || line.number === 1) break;
      continue;
    }
    if (line.number === 1) {
      if (detectFormat(line.text)?.format !== "etalab") return null;
      continue;
    }
    if (!line.text.startsWith("geolocalisation")) continue;
    const f = splitLine(line.text, ";");
    if (!Array.isArray(f) || f[0] !== "geolocalisation" || (f.length !== 6 && f.length !== 12)) continue;
    const p = projectFiness(unreported, line.number, f[2]!, f[3]!, geolocationCrs(f));
    if (p !== false) positions.add(f[1]!.trim(), line.number, p);
  }
  return positions;
}

/** The place of an accepted establishment, at `exact` or else at its commune's centre (approximate); null when neither is known. */
function placeOf(e: Establishment, exact: LatLon | null, builder: ReportBuilder, locator: CommuneLocator): PlaceRow | null {
  const report = builder.report;
  const commune = locator.find({ code: e.communeCode, postcode: e.postcode, name: e.routingName, dep: departementOfFinessNumber(e.id) });
  const position = exact ?? (commune ? { lat: commune.lat, lon: commune.lon } : null);
  if (!position) {
    builder.skip("ni coordonnées ni commune connue");
    return null;
  }
  if (!exact) report.approximate++;
  report.byType[e.type] = (report.byType[e.type] ?? 0) + 1;
  return {
    id: `${FINESS_DATASET}:${e.id}`,
    source: FINESS_DATASET,
    source_id: e.id,
    type: e.type,
    category: e.categetab,
    category_label: e.libcategetab || null,
    name: e.name,
    address: e.address,
    postcode: e.postcode,
    commune_code: commune?.code ?? e.communeCode,
    commune_name: commune?.name ?? e.routingName,
    phone: e.phone,
    url: null,
    lat: position.lat,
    lon: position.lon,
    approximate: !exact,
    updated: e.updated,
  };
}

/**
 * The FHIR conversion kept some values still in their CSV quoting (`"CENTRE HOSPITALIER ""FRANCK-JOLY"""`):
 * undo that second level.
 */
function unquoteAgain(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1).replace(/""/g, '"') : value;
}

function detectFormat(first: string): { format: Format; separator: string; header: string[] } | null {
  if (/^finess;etalab;/i.test(first)) return { format: "etalab", separator: ";", header: [] };
  const separator = (first.match(/;/g)?.length ?? 0) >= (first.match(/,/g)?.length ?? 0) ? ";" : ",";
  const header = first.split(separator).map((h) => h.trim().toLowerCase().replace(/^"|"$/g, ""));
  if (tFinessColumns.every((c) => header.includes(c))) return { format: "t-finess", separator, header };
  if (fhirColumns.every((c) => header.includes(c))) return { format: "fhir-csv", separator, header };
  return null;
}
