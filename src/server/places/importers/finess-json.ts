import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { PassThrough, Transform, pipeline } from "node:stream";
import { createGunzip } from "node:zlib";
import { parser } from "stream-json";
import { pick } from "stream-json/filters/pick.js";
import { streamArray } from "stream-json/streamers/stream-array.js";
import { isCommuneCode, isInFrance, placeType, placeTypeOfFinessCategory, type LatLon, type PlaceTypeId } from "../../../domain/geo/index.js";
import type { Database } from "../../db/database.js";
import { containsNul } from "../../problem.js";
import type { PlaceRow } from "../store.js";
import { CommuneLocator } from "./commune-locator.js";
import { decimal, expandStreetType, formatPhone, isoDate, joinAddress, splitRoutingLine } from "./fields.js";
import { FINESS_DATASET } from "./finess.js";
import { isGzip, MAX_LINES, tooManyLinesMessage } from "./read-lines.js";
import { ReportBuilder, type ImportReport } from "./report.js";
import { applyImport, type ImportOptions } from "./run-import.js";

/**
 * The ANS « FINESS – Structures » flow (data.gouv.fr, JSON, successor of the `etalab-cs1100507` CSV frozen
 * in May 2026), read as a stream: one legal entity (`pmej[]` item) at a time, never the whole file, so a
 * national file (about 750 MB uncompressed) imports in bounded memory. It replaces the `finess` dataset,
 * like the CSV importer, in one transaction.
 *
 * Fields read, from the published schema (`flux/out/data.gouv/structure/schema-structures-v1.json` of the
 * `ansforge/finess` repository, read 2026-12) and, where that schema leaves an object undefined
 * (`informationsGeneralesEGE`) or its casing differs from the published files, from the files themselves
 * as described by their users:
 * - `pmej[].ege[]`: one geographic establishment (« entité géographique ») each;
 * - `ege.informationsGeneralesEGE.numFinessEge` (9 characters), `nomEgeLong` / `nomEgeCourt`;
 * - `ege.categorieEntiteGeographiqueExercice` (schema: a coding `{code, system}`, TRE-R397) or
 *   `categorieentiteGeographiqueExercice` (published files: the code as a string);
 * - `ege.etatObjet` (TRE-R386: `A` actif, others inactive — left aside), a string or a coding;
 * - `ege.adresse[]`: the main address (`usageAdresse` `03`, else the first): `numeroVoie`, `typeVoie`,
 *   `libelleVoie`, `complementVoie`, `lieuDit`, `complementPointGeographique`, `cogCommune` (INSEE code),
 *   `codePostal`, `ligneAcheminement`, and `coordonneesGeographique` (`coordonneeX` longitude,
 *   `coordonneeY` latitude, WGS84 decimal degrees; `directionLatitude` `S` / `directionLongitude` `O`|`W`
 *   make an unsigned value negative);
 * - `ege.contact[].telecom.telephone`;
 * - `ege.dateDerniereMaj` (a timestamp, or `{dateEvenement}` in the schema).
 *
 * In the report, « ligne » is the rank of the establishment in the file (1 = the first `ege`).
 */
export const FINESS_JSON_FORMAT = "finess-structures-json";

const ID = /^(\d\d|2[AB])\d{7}$/;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
/** A string value, or the `code` of a coding object; `null` when absent. */
function codeOf(v: unknown): string | null {
  if (typeof v === "string") return v.trim() || null;
  if (typeof v === "number") return String(v);
  if (isObject(v)) return codeOf(v.code);
  return null;
}
const text = (v: unknown): string => (typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "");

export async function importFinessJson(db: Database, file: string, options: ImportOptions = {}): Promise<ImportReport> {
  const builder = new ReportBuilder(FINESS_DATASET, file, FINESS_JSON_FORMAT);
  const locator = await CommuneLocator.load(db);
  const rows = await parseFinessJson(file, builder, locator);
  return applyImport(db, builder, { kind: "place", rows }, options);
}

export async function parseFinessJson(file: string, builder: ReportBuilder, locator: CommuneLocator): Promise<PlaceRow[]> {
  const report = builder.report;
  report.encoding = "utf-8";
  const hash = createHash("sha256");
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const items = pipeline(
    createReadStream(file),
    tap,
    (await isGzip(file)) ? createGunzip() : new PassThrough(),
    parser.asStream(),
    pick.asStream({ filter: "pmej" }),
    streamArray.asStream(),
    () => {},
  );

  const rows: PlaceRow[] = [];
  const seen = new Map<string, number>();
  let rank = 0;
  let entities = 0;
  try {
    for await (const item of items as AsyncIterable<{ key: number; value: unknown }>) {
      entities++;
      const pmej = item.value;
      if (!isObject(pmej)) {
        report.linesRead++;
        builder.reject(++rank, `entité juridique n° ${item.key + 1} : un objet était attendu`);
        continue;
      }
      const eges = pmej.ege;
      if (!Array.isArray(eges)) {
        report.linesRead++;
        builder.reject(++rank, `entité juridique n° ${item.key + 1} : liste « ege » absente`);
        continue;
      }
      if (rank >= MAX_LINES) {
        builder.stop(rank + 1, tooManyLinesMessage(MAX_LINES).replace("lignes", "établissements"));
        break;
      }
      for (const ege of eges) {
        report.linesRead++;
        const row = readEstablishment(ege, ++rank, builder, locator, seen);
        if (row) rows.push(row);
      }
    }
  } catch (error) {
    builder.reject(
      rank + 1,
      `fichier JSON illisible après l'établissement n° ${rank} (${(error as Error).message.slice(0, 160)}) : fichier tronqué ou qui n'est pas du JSON ?`,
    );
  }
  report.sha256 = hash.digest("hex");
  if (entities === 0 && report.rejectedCount === 0)
    builder.reject(1, "aucune entité juridique : attendu un objet JSON avec une liste « pmej » (flux FINESS – Structures)");
  return rows;
}

function readEstablishment(ege: unknown, rank: number, builder: ReportBuilder, locator: CommuneLocator, seen: Map<string, number>): PlaceRow | null {
  const report = builder.report;
  const reject = (reason: string) => {
    builder.reject(rank, reason);
    return null;
  };
  if (!isObject(ege)) return reject("établissement : un objet était attendu");
  // JSON can escape U+0000, which PostgreSQL cannot store: the whole write would fail otherwise.
  if (containsNul(ege)) return reject("caractère nul (U+0000) dans l'établissement : retirez-le puis recommencez");
  const info = isObject(ege.informationsGeneralesEGE) ? ege.informationsGeneralesEGE : null;
  if (!info) return reject("« informationsGeneralesEGE » absent");
  const id = text(info.numFinessEge);
  if (!ID.test(id)) return reject(`numéro FINESS invalide « ${id.slice(0, 20)} »`);
  const where = `établissement ${id}`;
  const previous = seen.get(id);
  if (previous !== undefined) return reject(`${where} en double (déjà l'établissement n° ${previous})`);
  seen.set(id, rank);

  const category = codeOf(ege.categorieEntiteGeographiqueExercice ?? ege.categorieentiteGeographiqueExercice);
  if (!category || !/^\d{3}$/.test(category)) return reject(`${where} : catégorie invalide « ${category ?? ""} »`);
  const name = (text(info.nomEgeLong) || text(info.nomEgeCourt)).replace(/\s+/g, " ");
  if (!name) return reject(`${where} : nom vide`);
  const state = codeOf(ege.etatObjet);
  if (!state) return reject(`${where} : état (etatObjet) absent`);

  const updatedRaw = isObject(ege.dateDerniereMaj) ? text(ege.dateDerniereMaj.dateEvenement) : text(ege.dateDerniereMaj);
  const updated = updatedRaw ? isoDate(updatedRaw.slice(0, 10)) : null;
  if (updated === undefined) return reject(`${where} : date de mise à jour invalide « ${updatedRaw.slice(0, 30)} »`);

  const addresses = Array.isArray(ege.adresse) ? ege.adresse.filter(isObject) : [];
  const address = addresses.find((a) => text(a.usageAdresse) === "03") ?? addresses[0];
  if (!address) return reject(`${where} : adresse absente`);
  const cog = text(address.cogCommune);
  if (!isCommuneCode(cog)) return reject(`${where} : code commune invalide « ${cog.slice(0, 20)} »`);
  const postcode = text(address.codePostal);
  if (postcode && !/^\d{5}$/.test(postcode)) return reject(`${where} : code postal invalide « ${postcode.slice(0, 20)} »`);

  let exact: LatLon | null = null;
  const coordinates = address.coordonneesGeographique;
  if (isObject(coordinates)) {
    const x = decimal(text(coordinates.coordonneeX));
    const y = decimal(text(coordinates.coordonneeY));
    if (x === undefined || y === undefined || (x === null) !== (y === null))
      return reject(`${where} : coordonnées illisibles « ${text(coordinates.coordonneeX)} ; ${text(coordinates.coordonneeY)} »`);
    if (x !== null && y !== null) {
      const south = /^S/i.test(text(coordinates.directionLatitude));
      const west = /^[OW]/i.test(text(coordinates.directionLongitude));
      const p = { lat: south && y > 0 ? -y : y, lon: west && x > 0 ? -x : x };
      if (!isInFrance(p)) return reject(`${where} : coordonnées hors de France ou pas en degrés WGS84 (x ${x}, y ${y})`);
      exact = p;
    }
  } else if (coordinates !== undefined && coordinates !== null) return reject(`${where} : « coordonneesGeographique » n'est pas un objet`);

  // Well-formed from here: what is left aside is counted, not rejected.
  if (state !== "A") {
    builder.skip("établissement inactif ou fermé (etatObjet autre que A)");
    return null;
  }
  const type: PlaceTypeId | null = placeTypeOfFinessCategory(category);
  if (!type) {
    builder.skip("catégorie hors du périmètre des 1000 jours");
    return null;
  }
  const routing = splitRoutingLine(text(address.ligneAcheminement));
  const commune = locator.find({ code: cog, postcode: postcode || routing.postcode, name: routing.name });
  const position = exact ?? (commune ? { lat: commune.lat, lon: commune.lon } : null);
  if (!position) {
    builder.skip("ni coordonnées ni commune connue");
    return null;
  }
  let phone: string | null = null;
  for (const contact of Array.isArray(ege.contact) ? ege.contact : []) {
    const raw = isObject(contact) && isObject(contact.telecom) ? text(contact.telecom.telephone) : "";
    if (!raw) continue;
    const formatted = formatPhone(raw);
    if (formatted === undefined) builder.warn("téléphone illisible, laissé vide");
    phone = formatted ?? null;
    break;
  }
  const street = [
    `${text(address.numeroVoie)}${text(address.complementVoie) ? ` ${text(address.complementVoie)}` : ""}`,
    expandStreetType(text(address.typeVoie)),
    text(address.libelleVoie),
  ].join(" ");
  if (!exact) report.approximate++;
  report.byType[type] = (report.byType[type] ?? 0) + 1;
  return {
    id: `${FINESS_DATASET}:${id}`,
    source: FINESS_DATASET,
    source_id: id,
    type,
    category,
    // The flow carries codes only: the label is the TRE_R66 one of the place-type table.
    category_label: placeType(type).finess.find((c) => c.code === category)?.label ?? null,
    name,
    address: joinAddress(text(address.complementPointGeographique), street, text(address.lieuDit)),
    postcode: postcode || routing.postcode,
    commune_code: commune?.code ?? cog,
    commune_name: commune?.name ?? routing.name,
    phone,
    url: null,
    lat: position.lat,
    lon: position.lon,
    approximate: !exact,
    updated,
  };
}
