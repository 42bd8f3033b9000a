import KDBush from "kdbush";
import { distanceMeters, foldName, placeTypeIds, type PlaceTypeId } from "../../domain/geo/index.js";
import type { Database, Queryable } from "../db/database.js";
import { copyField, copyLine } from "../db/copy-text.js";
import { readSnapshot, snapshotKey, writeSnapshot } from "./index-snapshot.js";
import { nearestIds } from "./nearest.js";
import { dataVersion, readAllCommunes, type CommuneRow, type PlaceRow } from "./store.js";

export interface NearbyQuery {
  lat: number;
  lon: number;
  radiusKm: number;
  limit: number;
  /** Empty or absent: every type. */
  types?: readonly PlaceTypeId[];
}

export interface Nearby {
  place: PlaceRow;
  distanceM: number;
}

/**
 * A place as the `/places` answer writes it (routes.ts, featureCollectionJson): each text field as the JSON text of its
 * value (`"…"` or `null`), `approximate` as `true` or `false`; the type as its id, the position as numbers.
 */
export interface PlaceJson {
  id: string;
  source: string;
  type: string;
  category: string;
  category_label: string;
  name: string;
  address: string;
  postcode: string;
  commune_code: string;
  commune_name: string;
  phone: string;
  url: string;
  approximate: string;
  updated: string;
  lat: number;
  lon: number;
}

export interface NearbyJson {
  place: PlaceJson;
  distanceM: number;
}

export interface CommuneHit {
  code: string;
  name: string;
  dep: string;
  postcodes: string[];
  lat: number;
  lon: number;
  population: number | null;
}

/** A place's values in the order of a line `addLines` reads (readCompactPlaces' COPY columns): position, type, then the details. */
export function compactLineValues(p: PlaceRow): (string | number | boolean | null)[] {
  return [
    p.lat,
    p.lon,
    p.type,
    p.id,
    p.source,
    p.source_id,
    p.category,
    p.category_label,
    p.name,
    p.address,
    p.postcode,
    p.commune_code,
    p.commune_name,
    p.phone,
    p.url,
    p.approximate,
    p.updated,
  ];
}

/**
 * The places as the search needs them, in flat arrays: coordinates and type for the kd-tree and the filter, and
 * each place's details as its line of COPY text (`id TAB source TAB …`, PostgreSQL's own escaping) packed in large
 * byte chunks, decoded only for the places a request returns. No JavaScript object, string or JSON per place: a
 * million places take their bytes (about 200 each) plus 35 bytes of arrays, and load as fast as the database
 * writes COPY.
 */
export class CompactPlaces {
  lat: Float64Array;
  lon: Float64Array;
  typeOf: Uint8Array;
  private chunkOf: Uint16Array;
  private startOf: Uint32Array;
  private lengthOf: Uint32Array;
  private readonly chunks: Buffer[] = [];
  private used = 0;
  size = 0;
  readonly countByType: Record<string, number> = Object.fromEntries(placeTypeIds.map((t) => [t, 0]));
  /** hash(id) × 2^21 + index, sorted: `get(id)` without a Map of a million strings. */
  private idKeys: Float64Array = new Float64Array(0);
  private hashes = new Uint32Array(0);
  /** The type of a place whose type the place-type table does not know (none in practice): typeOf is 255. */
  private readonly unknownTypes = new Map<number, string>();

  constructor(capacity = 1024) {
    this.lat = new Float64Array(capacity);
    this.lon = new Float64Array(capacity);
    this.typeOf = new Uint8Array(capacity);
    this.chunkOf = new Uint16Array(capacity);
    this.startOf = new Uint32Array(capacity);
    this.lengthOf = new Uint32Array(capacity);
    this.hashes = new Uint32Array(capacity);
  }

  static of(places: readonly PlaceRow[]): CompactPlaces {
    const compact = new CompactPlaces(Math.max(places.length, 1));
    for (let from = 0; from < places.length; from += 10_000) {
      const lines = places.slice(from, from + 10_000).map((p) => copyLine(compactLineValues(p)));
      compact.addLines(Buffer.from(lines.join(""), "utf8"));
    }
    return compact.finish();
  }

  /**
   * Places as lines of COPY text in the column order of `placeLineSql` (`lat TAB lon TAB type TAB id TAB …`):
   * position and type go to the arrays, the rest of the line (from the id) is copied into the detail chunks.
   */
  addLines(page: Buffer): void {
    let at = 0;
    while (at < page.length) {
      const end = page.indexOf(0x0a, at);
      const lineEnd = end === -1 ? page.length : end;
      const t1 = page.indexOf(0x09, at);
      const t2 = page.indexOf(0x09, t1 + 1);
      const t3 = page.indexOf(0x09, t2 + 1);
      const t4 = page.indexOf(0x09, t3 + 1);
      if (t1 < 0 || t4 < 0 || t4 > lineEnd) throw new Error(`ligne de lieu illisible : ${page.toString("utf8", at, Math.min(lineEnd, at + 200))}`);
      if (this.size === this.lat.length) this.grow(this.size * 2);
      const i = this.size++;
      this.lat[i] = Number(page.toString("latin1", at, t1));
      this.lon[i] = Number(page.toString("latin1", t1 + 1, t2));
      const type = page.toString("latin1", t2 + 1, t3);
      this.typeOf[i] = typeNumber.get(type) ?? 255;
      if (this.typeOf[i] === 255) this.unknownTypes.set(i, type);
      this.countByType[type] = (this.countByType[type] ?? 0) + 1;
      this.hashes[i] = hashBytes(page, t3 + 1, t4);
      const length = lineEnd - (t3 + 1);
      let chunk = this.chunks.at(-1);
      if (!chunk || chunk.length - this.used < length) {
        chunk = Buffer.allocUnsafeSlow(Math.max(CHUNK_BYTES, length));
        this.chunks.push(chunk);
        this.used = 0;
      }
      page.copy(chunk, this.used, t3 + 1, lineEnd);
      this.chunkOf[i] = this.chunks.length - 1;
      this.startOf[i] = this.used;
      this.lengthOf[i] = length;
      this.used += length;
      at = lineEnd + 1;
    }
  }

  private grow(capacity: number): void {
    const copy = <A extends Float64Array | Uint8Array | Uint16Array | Uint32Array>(from: A, make: (n: number) => A): A => {
      const to = make(capacity);
      to.set(from.subarray(0, this.size));
      return to;
    };
    this.lat = copy(this.lat, (n) => new Float64Array(n));
    this.lon = copy(this.lon, (n) => new Float64Array(n));
    this.typeOf = copy(this.typeOf, (n) => new Uint8Array(n));
    this.chunkOf = copy(this.chunkOf, (n) => new Uint16Array(n));
    this.startOf = copy(this.startOf, (n) => new Uint32Array(n));
    this.lengthOf = copy(this.lengthOf, (n) => new Uint32Array(n));
    this.hashes = copy(this.hashes, (n) => new Uint32Array(n));
  }

  /** Trims the arrays and sorts the id hashes; no `addLines` after this. */
  finish(): this {
    if (this.lat.length !== this.size) this.grow(this.size);
    if (this.size >= ID_INDEX_SPAN) throw new Error(`trop de lieux pour l'index (${this.size}, au plus ${ID_INDEX_SPAN - 1})`);
    const keys = new Float64Array(this.size);
    for (let i = 0; i < this.size; i++) keys[i] = this.hashes[i]! * ID_INDEX_SPAN + i;
    this.idKeys = keys.sort();
    this.hashes = new Uint32Array(0);
    const last = this.chunks.at(-1);
    if (last && this.used < last.length) this.chunks[this.chunks.length - 1] = Buffer.from(last.subarray(0, this.used)); // unused tail freed
    return this;
  }

  row(i: number): PlaceRow {
    const chunk = this.chunks[this.chunkOf[i]!]!;
    const start = this.startOf[i]!;
    const f = chunk
      .toString("utf8", start, start + this.lengthOf[i]!)
      .split("\t")
      .map(copyValue);
    return {
      id: f[0]!,
      source: f[1]!,
      source_id: f[2]!,
      type: placeTypeIds[this.typeOf[i]!] ?? this.unknownTypes.get(i) ?? "",
      category: f[3]!,
      category_label: f[4]!,
      name: f[5]!,
      address: f[6]!,
      postcode: f[7]!,
      commune_code: f[8]!,
      commune_name: f[9]!,
      phone: f[10]!,
      url: f[11]!,
      lat: this.lat[i]!,
      lon: this.lon[i]!,
      approximate: f[12] === "t",
      updated: f[13]!,
    };
  }

  /**
   * The place's fields as JSON text, straight from its line: a line without quote, control character or escape (all
   * but a few) gives each field's JSON by quoting it, without decoding its values nor serialising them again; the
   * others go through `copyValue` and `JSON.stringify`. The same text as `JSON.stringify` of `row(i)`'s values.
   */
  rowJson(i: number): PlaceJson {
    const chunk = this.chunks[this.chunkOf[i]!]!;
    const start = this.startOf[i]!;
    const line = chunk.toString("utf8", start, start + this.lengthOf[i]!);
    const f = line.split("\t");
    const approximate = f[12] === "t";
    const plain = !needsEscaping.test(line);
    for (let k = 0; k < f.length; k++) f[k] = plain ? (f[k] === "\\N" ? "null" : `"${f[k]}"`) : JSON.stringify(copyValue(f[k]!));
    return {
      id: f[0]!,
      source: f[1]!,
      type: placeTypeIds[this.typeOf[i]!] ?? this.unknownTypes.get(i) ?? "",
      category: f[3]!,
      category_label: f[4]!,
      name: f[5]!,
      address: f[6]!,
      postcode: f[7]!,
      commune_code: f[8]!,
      commune_name: f[9]!,
      phone: f[10]!,
      url: f[11]!,
      approximate: approximate ? "true" : "false",
      updated: f[13]!,
      lat: this.lat[i]!,
      lon: this.lon[i]!,
    };
  }

  get(id: string): PlaceRow | undefined {
    const field = Buffer.from(copyField(id), "utf8");
    const h = hashBytes(field, 0, field.length);
    let lo = 0;
    let hi = this.idKeys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (Math.floor(this.idKeys[mid]! / ID_INDEX_SPAN) < h) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < this.idKeys.length && Math.floor(this.idKeys[k]! / ID_INDEX_SPAN) === h; k++) {
      const row = this.row(this.idKeys[k]! % ID_INDEX_SPAN);
      if (row.id === id) return row;
    }
    return undefined;
  }

  /** What a snapshot file keeps (index-snapshot.ts): the finished arrays and detail chunks, no copy. */
  parts(): CompactParts {
    if (this.hashes.length > 0 || this.lat.length !== this.size) throw new Error("index des lieux non terminé (finish)");
    return {
      size: this.size,
      countByType: this.countByType,
      unknownTypes: [...this.unknownTypes],
      arrays: { lat: this.lat, lon: this.lon, typeOf: this.typeOf, chunkOf: this.chunkOf, startOf: this.startOf, lengthOf: this.lengthOf, idKeys: this.idKeys },
      chunks: this.chunks,
    };
  }

  /** The places of a snapshot, as `finish()` left them; the caller has checked the parts (sizes, checksum). */
  static fromParts(parts: CompactParts): CompactPlaces {
    const places = new CompactPlaces(0);
    const { lat, lon, typeOf, chunkOf, startOf, lengthOf, idKeys } = parts.arrays;
    Object.assign(places, { lat, lon, typeOf, chunkOf, startOf, lengthOf, idKeys, size: parts.size });
    places.chunks.push(...parts.chunks);
    Object.assign(places.countByType, parts.countByType);
    for (const [i, type] of parts.unknownTypes) places.unknownTypes.set(i, type);
    return places;
  }

  /** Bytes held (typed arrays and detail chunks), for the benchmark. */
  get bytes(): number {
    return this.chunks.reduce((n, c) => n + c.length, 0) + this.size * (8 + 8 + 1 + 2 + 4 + 4 + 8);
  }
}

/** The finished state of `CompactPlaces`, as index-snapshot.ts writes and reads it. */
export interface CompactParts {
  size: number;
  countByType: Record<string, number>;
  unknownTypes: [number, string][];
  arrays: {
    lat: Float64Array;
    lon: Float64Array;
    typeOf: Uint8Array;
    chunkOf: Uint16Array;
    startOf: Uint32Array;
    lengthOf: Uint32Array;
    idKeys: Float64Array;
  };
  chunks: Buffer[];
}

const CHUNK_BYTES = 32 * 1024 * 1024;
/** Places are numbered below 2^21 (2 097 152) so that hash × 2^21 + index stays an exact double. */
const ID_INDEX_SPAN = 2 ** 21;
/** Type id → its rank in `placeTypeIds` (what `typeOf` holds; 255 for a type the table does not know). */
const typeNumber = new Map<string, number>(placeTypeIds.map((t, i) => [t, i]));

/** FNV-1a over bytes (the id's field as COPY writes it). */
function hashBytes(bytes: Buffer, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= bytes[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const copyEscapes: Record<string, string> = { b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v" };

/**
 * A line of COPY text whose fields are not all their JSON once quoted: a quote, a control character other than the
 * tab between fields, or a backslash other than a NULL field's `\N` (COPY writes a backslash of a value as `\\`).
 */
// eslint-disable-next-line no-control-regex -- control characters are what JSON must escape
const needsEscaping = /["\x00-\x08\x0a-\x1f]|\\(?!N(?:\t|$))/;

/** One field of COPY's text output back to its value: `\N` is NULL, backslash escapes undone. */
function copyValue(field: string): string | null {
  if (field === "\\N") return null;
  return field.includes("\\") ? field.replace(/\\(.)/g, (_, c: string) => copyEscapes[c] ?? c) : field;
}

/**
 * Every place and commune in memory: a kd-tree (kdbush) over the places for nearest-first queries on the
 * sphere (nearest.ts: geokdbush's walk, without an object per step), and sorted arrays of folded names and postal
 * codes for the autocomplete.
 * Immutable once built; the service swaps in a new one after an import.
 */
export class PlaceIndex {
  private readonly tree: KDBush;
  private readonly places: CompactPlaces;
  private readonly communesByName: CommuneRow[];
  private readonly postcodes: { postcode: string; commune: CommuneRow }[];
  readonly countByType: Record<string, number>;

  /** `treeData`: the kd-tree of these places as `treeData` gave it (from a snapshot), instead of building it again. */
  constructor(
    places: readonly PlaceRow[] | CompactPlaces,
    communes: readonly CommuneRow[],
    readonly version = "0",
    treeData?: ArrayBuffer,
  ) {
    this.places = places instanceof CompactPlaces ? places : CompactPlaces.of(places);
    const n = this.places.size;
    if (treeData) {
      this.tree = KDBush.from(treeData);
      if (this.tree.numItems !== Math.max(n, 1)) throw new Error(`arbre k-d de ${this.tree.numItems} points pour ${n} lieux`);
    } else {
      this.tree = new KDBush(Math.max(n, 1));
      for (let i = 0; i < n; i++) this.tree.add(this.places.lon[i]!, this.places.lat[i]!);
      if (n === 0) this.tree.add(0, 0); // kdbush needs one point; filtered out below
      this.tree.finish();
    }
    this.countByType = this.places.countByType;
    this.communesByName = [...communes].sort((a, b) =>
      a.folded_name < b.folded_name ? -1 : a.folded_name > b.folded_name ? 1 : (b.population ?? 0) - (a.population ?? 0),
    );
    this.postcodes = communes
      .flatMap((commune) => commune.postcodes.map((postcode) => ({ postcode, commune })))
      .sort((a, b) => (a.postcode < b.postcode ? -1 : a.postcode > b.postcode ? 1 : (b.commune.population ?? 0) - (a.commune.population ?? 0)));
  }

  get size(): number {
    return this.places.size;
  }

  /** The places and the kd-tree's bytes, for a snapshot file (index-snapshot.ts). */
  snapshotParts(): { places: CompactParts; tree: ArrayBuffer } {
    return { places: this.places.parts(), tree: this.tree.data as ArrayBuffer };
  }

  /** Bytes held by the places (not the communes), for the benchmark. */
  get placeBytes(): number {
    return this.places.bytes;
  }

  get(id: string): PlaceRow | undefined {
    return this.places.get(id);
  }

  /** Places within `radiusKm` of the point, nearest first, at most `limit`. */
  nearby(query: NearbyQuery): Nearby[] {
    return this.nearest(query).map((i) => ({ place: this.places.row(i), distanceM: this.distanceM(query, i) }));
  }

  /** The same places as `nearby`, their fields as JSON text (for the `/places` answer). */
  nearbyJson(query: NearbyQuery): NearbyJson[] {
    return this.nearest(query).map((i) => ({ place: this.places.rowJson(i), distanceM: this.distanceM(query, i) }));
  }

  /** The numbers of the places within `radiusKm` of the point, nearest first, at most `limit`. */
  private nearest({ lat, lon, radiusKm, limit, types }: NearbyQuery): number[] {
    if (this.places.size === 0) return [];
    let predicate: ((i: number) => boolean) | undefined;
    if (types && types.length > 0 && types.length < placeTypeIds.length) {
      const wanted = new Uint8Array(256);
      for (const t of types) wanted[placeTypeIds.indexOf(t)] = 1;
      const typeOf = this.places.typeOf;
      predicate = (i) => wanted[typeOf[i]!] === 1;
    }
    return nearestIds(this.tree, lon, lat, limit, radiusKm, predicate);
  }

  /** Metres from the query's point to place `i`, rounded. */
  private distanceM({ lat, lon }: NearbyQuery, i: number): number {
    return Math.round(distanceMeters({ lat, lon }, { lat: this.places.lat[i]!, lon: this.places.lon[i]! }));
  }

  /**
   * Communes for the autocomplete: by postal code (or its first digits) when the query is digits,
   * otherwise by the start of the name, accents and case ignored ("st etienne", "Saint-Étienne").
   * Name matches come biggest first.
   */
  searchCommunes(query: string, limit: number): CommuneHit[] {
    const q = query.trim();
    const digits = q.replace(/\s+/g, "");
    const hits: CommuneRow[] = [];
    const seen = new Set<string>();
    const push = (c: CommuneRow) => {
      if (!seen.has(c.code)) {
        seen.add(c.code);
        hits.push(c);
      }
    };
    if (/^\d{2,5}$/.test(digits)) {
      let i = lowerBound(this.postcodes, digits, (e) => e.postcode);
      for (; i < this.postcodes.length && this.postcodes[i]!.postcode.startsWith(digits) && hits.length < limit; i++) push(this.postcodes[i]!.commune);
      return hits.map(toHit);
    }
    const folded = foldName(q);
    if (!folded) return [];
    const candidates: CommuneRow[] = [];
    for (let i = lowerBound(this.communesByName, folded, (c) => c.folded_name); i < this.communesByName.length; i++) {
      const c = this.communesByName[i]!;
      if (!c.folded_name.startsWith(folded)) break;
      candidates.push(c);
    }
    candidates.sort((a, b) => Number(b.folded_name === folded) - Number(a.folded_name === folded) || (b.population ?? 0) - (a.population ?? 0));
    for (const c of candidates.slice(0, limit)) push(c);
    return hits.map(toHit);
  }
}

function toHit(c: CommuneRow): CommuneHit {
  return { code: c.code, name: c.name, dep: c.dep, postcodes: c.postcodes, lat: c.lat, lon: c.lon, population: c.population };
}

function lowerBound<T>(items: readonly T[], key: string, of: (item: T) => string): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (of(items[mid]!) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Holds the current index and rebuilds it from the database: right after an import in this process
 * (`reload()`), or when another process applied one (`refreshIfChanged()`, polled by `startAutoRefresh`).
 */
export class PlacesService {
  private constructor(
    private readonly db: Database,
    private index: PlaceIndex,
    private readonly options: IndexOptions,
  ) {}

  static async load(db: Database, options: IndexOptions = {}): Promise<PlacesService> {
    return new PlacesService(db, await buildIndex(db, options), options);
  }

  get current(): PlaceIndex {
    return this.index;
  }

  async reload(): Promise<PlaceIndex> {
    this.index = await buildIndex(this.db, this.options);
    return this.index;
  }

  async refreshIfChanged(): Promise<boolean> {
    if ((await dataVersion(this.db)) === this.index.version) return false;
    await this.reload();
    return true;
  }

  /** Polls the import log; returns the function that stops polling. The timer never keeps the process alive. */
  startAutoRefresh(intervalMs = 60_000, onError: (error: unknown) => void = () => {}): () => void {
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      this.refreshIfChanged()
        .catch(onError)
        .finally(() => (running = false));
    }, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }
}

/**
 * Reads the places block range by block range (a TID range scan of BLOCKS table pages per COPY, in the order they
 * are stored: no sort, no index), each range one buffer of COPY text, so that neither the database nor this
 * process ever holds the whole table as one value. When an import lands during the read, the read starts again.
 */
async function buildIndex(db: Queryable, { snapshotFile, log = () => {} }: IndexOptions = {}): Promise<PlaceIndex> {
  for (let attempt = 1; ; attempt++) {
    const [version, key] = await Promise.all([dataVersion(db), snapshotFile ? snapshotKey(db) : null]);
    if (snapshotFile && key) {
      const read = await readSnapshot(snapshotFile, key);
      if (read.snapshot) return new PlaceIndex(read.snapshot.places, await readAllCommunes(db), version, read.snapshot.tree);
      if (read.why !== "absent") log(`instantané de l'index des lieux ${read.why}${read.detail ? ` (${read.detail})` : ""} : index relu depuis la base`);
    }
    const [places, communes] = await Promise.all([readCompactPlaces(db), readAllCommunes(db)]);
    const [versionAfter, keyAfter] = await Promise.all([dataVersion(db), snapshotFile ? snapshotKey(db) : null]);
    const stable = versionAfter === version && keyAfter === key;
    if (stable || attempt === 3) {
      const index = new PlaceIndex(places, communes, version);
      if (snapshotFile && key && stable) {
        try {
          const { places: parts, tree } = index.snapshotParts();
          await writeSnapshot(snapshotFile, key, parts, tree);
        } catch (error) {
          log(`instantané de l'index des lieux non écrit (${(error as Error).message}) : le prochain démarrage relira la base`);
        }
      }
      return index;
    }
  }
}

export interface IndexOptions {
  /**
   * The snapshot file of the index (`DATA_DIR/places-index.bin`, index-snapshot.ts): read instead of the database when
   * it is the one of the data in place, written after every read from the database. None: always the database.
   */
  snapshotFile?: string;
  /** Why a snapshot was not used or not written (French, for the server's log). */
  log?: (message: string) => void;
}

/**
 * Makes the snapshot file the one of the data in place (read from the database and written when it is missing or
 * stale): `npm run import:*` after an applied import, so that the next start reads one file. Returns how many places
 * the index holds.
 */
export async function refreshPlaceSnapshot(db: Queryable, snapshotFile: string, log?: (message: string) => void): Promise<number> {
  return (await buildIndex(db, { snapshotFile, ...(log ? { log } : {}) })).size;
}

/** 4096 pages of 8 KiB: about 100 000 places, 20 MB of text, per COPY. */
const BLOCKS = 4096;

/** What the index keeps of a place, in the order `CompactPlaces.addLines` reads. */
const placeLineSql =
  "lat, lon, type, id, source, source_id, category, category_label, name, address, postcode, commune_code, commune_name, phone, url, approximate, to_char(updated, 'YYYY-MM-DD')";

export async function readCompactPlaces(db: Queryable, blocksPerRead = BLOCKS): Promise<CompactPlaces> {
  const [{ n, blocks } = { n: 0, blocks: 0 }] = await db.query<{ n: number; blocks: number }>(
    "SELECT count(*)::int AS n, (pg_relation_size('place') / current_setting('block_size')::int)::int AS blocks FROM place",
  );
  const places = new CompactPlaces(Math.max(n, 1));
  for (let from = 0; from === 0 || from < blocks; from += blocksPerRead) {
    // The last range is left open: rows written after the size was read are not missed.
    const range = `ctid >= '(${from},0)'::tid` + (from + blocksPerRead < blocks ? ` AND ctid < '(${from + blocksPerRead},0)'::tid` : "");
    places.addLines(await db.copyOut(`SELECT ${placeLineSql} FROM place WHERE ${range}`));
  }
  return places.finish();
}

/** Loads the places and communes from the database into memory. */
export function loadPlaceIndex(db: Database, options: IndexOptions = {}): Promise<PlacesService> {
  return PlacesService.load(db, options);
}
