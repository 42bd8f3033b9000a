import KDBush from "kdbush";
import { around } from "geokdbush";
import { distanceMeters, foldName, isPlaceTypeId, placeTypeIds, type PlaceTypeId } from "../../domain/geo/index.js";
import type { Database, Queryable } from "../db/database.js";
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

export interface CommuneHit {
  code: string;
  name: string;
  dep: string;
  postcodes: string[];
  lat: number;
  lon: number;
  population: number | null;
}

/**
 * The places as the search needs them, in flat arrays (about 60 bytes a place plus its details): coordinates
 * and type for the kd-tree and the filter, and each place's details as one compact JSON array in large byte
 * chunks, decoded only for the places a request returns. A million places fit in a few hundred megabytes,
 * where one JavaScript object per place took gigabytes.
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
  private readonly ids: string[] | null = null;

  constructor(capacity = 1024) {
    this.lat = new Float64Array(capacity);
    this.lon = new Float64Array(capacity);
    this.typeOf = new Uint8Array(capacity);
    this.chunkOf = new Uint16Array(capacity);
    this.startOf = new Uint32Array(capacity);
    this.lengthOf = new Uint32Array(capacity);
  }

  static of(places: readonly PlaceRow[]): CompactPlaces {
    const compact = new CompactPlaces(Math.max(places.length, 1));
    for (const p of places) compact.add(p.id, p.lat, p.lon, p.type, JSON.stringify(placeToArray(p)));
    return compact.finish();
  }

  /** One place: its id, position, type and the JSON array of `placeToArray`. */
  add(id: string, lat: number, lon: number, type: string, json: string): void {
    if (this.size === this.lat.length) this.grow(this.size * 2);
    const i = this.size++;
    this.lat[i] = lat;
    this.lon[i] = lon;
    this.typeOf[i] = isPlaceTypeId(type) ? placeTypeIds.indexOf(type) : 255;
    this.countByType[type] = (this.countByType[type] ?? 0) + 1;
    const maxBytes = json.length * 3;
    let chunk = this.chunks.at(-1);
    if (!chunk || chunk.length - this.used < maxBytes) {
      chunk = Buffer.allocUnsafeSlow(Math.max(CHUNK_BYTES, maxBytes));
      this.chunks.push(chunk);
      this.used = 0;
    }
    const written = chunk.write(json, this.used, "utf8");
    this.chunkOf[i] = this.chunks.length - 1;
    this.startOf[i] = this.used;
    this.lengthOf[i] = written;
    this.used += written;
    this.hashes.push(hashId(id));
  }

  private hashes: number[] = [];

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
  }

  /** Trims the arrays and sorts the id hashes; no `add` after this. */
  finish(): this {
    if (this.lat.length !== this.size) this.grow(this.size);
    if (this.size >= ID_INDEX_SPAN) throw new Error(`trop de lieux pour l'index (${this.size}, au plus ${ID_INDEX_SPAN - 1})`);
    this.idKeys = Float64Array.from(this.hashes, (h, i) => h * ID_INDEX_SPAN + i).sort();
    this.hashes = [];
    return this;
  }

  row(i: number): PlaceRow {
    const chunk = this.chunks[this.chunkOf[i]!]!;
    const start = this.startOf[i]!;
    return arrayToPlace(JSON.parse(chunk.toString("utf8", start, start + this.lengthOf[i]!)) as PlaceArray);
  }

  get(id: string): PlaceRow | undefined {
    const h = hashId(id);
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

  /** Bytes held (typed arrays and detail chunks), for the benchmark. */
  get bytes(): number {
    return this.chunks.reduce((n, c) => n + c.length, 0) + this.size * (8 + 8 + 1 + 2 + 4 + 4 + 8);
  }
}

const CHUNK_BYTES = 32 * 1024 * 1024;
/** Places are numbered below 2^21 (2 097 152) so that hash × 2^21 + index stays an exact double. */
const ID_INDEX_SPAN = 2 ** 21;

/** FNV-1a over the UTF-16 code units. */
function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A place's details in column order (as `placeArraySql` builds them in the database). */
type PlaceArray = [
  string,
  string,
  string,
  string,
  string | null,
  string | null,
  string,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  number,
  number,
  boolean,
  string | null,
];

export function placeToArray(p: PlaceRow): PlaceArray {
  return [
    p.id,
    p.source,
    p.source_id,
    p.type,
    p.category,
    p.category_label,
    p.name,
    p.address,
    p.postcode,
    p.commune_code,
    p.commune_name,
    p.phone,
    p.url,
    p.lat,
    p.lon,
    p.approximate,
    p.updated,
  ];
}

function arrayToPlace(a: PlaceArray): PlaceRow {
  return {
    id: a[0],
    source: a[1],
    source_id: a[2],
    type: a[3],
    category: a[4],
    category_label: a[5],
    name: a[6],
    address: a[7],
    postcode: a[8],
    commune_code: a[9],
    commune_name: a[10],
    phone: a[11],
    url: a[12],
    lat: a[13],
    lon: a[14],
    approximate: a[15],
    updated: a[16],
  };
}

/**
 * Every place and commune in memory: a kd-tree (kdbush) over the places for nearest-first queries on the
 * sphere (geokdbush), and sorted arrays of folded names and postal codes for the autocomplete.
 * Immutable once built; the service swaps in a new one after an import.
 */
export class PlaceIndex {
  private readonly tree: KDBush;
  private readonly places: CompactPlaces;
  private readonly communesByName: CommuneRow[];
  private readonly postcodes: { postcode: string; commune: CommuneRow }[];
  readonly countByType: Record<string, number>;

  constructor(
    places: readonly PlaceRow[] | CompactPlaces,
    communes: readonly CommuneRow[],
    readonly version = "0",
  ) {
    this.places = places instanceof CompactPlaces ? places : CompactPlaces.of(places);
    const n = this.places.size;
    this.tree = new KDBush(Math.max(n, 1));
    for (let i = 0; i < n; i++) this.tree.add(this.places.lon[i]!, this.places.lat[i]!);
    if (n === 0) this.tree.add(0, 0); // kdbush needs one point; filtered out below
    this.tree.finish();
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

  /** Bytes held by the places (not the communes), for the benchmark. */
  get placeBytes(): number {
    return this.places.bytes;
  }

  get(id: string): PlaceRow | undefined {
    return this.places.get(id);
  }

  /** Places within `radiusKm` of the point, nearest first, at most `limit`. */
  nearby({ lat, lon, radiusKm, limit, types }: NearbyQuery): Nearby[] {
    if (this.places.size === 0) return [];
    let predicate: ((i: number) => boolean) | undefined;
    if (types && types.length > 0 && types.length < placeTypeIds.length) {
      const wanted = new Uint8Array(256);
      for (const t of types) wanted[placeTypeIds.indexOf(t)] = 1;
      const typeOf = this.places.typeOf;
      predicate = (i) => wanted[typeOf[i]!] === 1;
    }
    const origin = { lat, lon };
    return around(this.tree, lon, lat, limit, radiusKm, predicate).map((i) => {
      const place = this.places.row(i);
      return { place, distanceM: Math.round(distanceMeters(origin, place)) };
    });
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
  ) {}

  static async load(db: Database): Promise<PlacesService> {
    return new PlacesService(db, await buildIndex(db));
  }

  get current(): PlaceIndex {
    return this.index;
  }

  async reload(): Promise<PlaceIndex> {
    this.index = await buildIndex(this.db);
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
 * Reads the places page by page (keyset on the primary key, PAGE rows a query, each page one text value:
 * `lat TAB lon TAB type TAB [details…]` lines), so that neither the database nor this process ever holds
 * the whole table as one value. When an import lands during the read, the read starts again.
 */
async function buildIndex(db: Database): Promise<PlaceIndex> {
  for (let attempt = 1; ; attempt++) {
    const version = await dataVersion(db);
    const [places, communes] = await Promise.all([readCompactPlaces(db), readAllCommunes(db)]);
    if ((await dataVersion(db)) === version || attempt === 3) return new PlaceIndex(places, communes, version);
  }
}

const PAGE = 20_000;

export async function readCompactPlaces(db: Queryable, pageSize = PAGE): Promise<CompactPlaces> {
  const [{ n } = { n: 0 }] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM place");
  const places = new CompactPlaces(Math.max(n, 1));
  let after: string | null = null;
  for (;;) {
    const rows: { lines: string | null; last: string | null }[] = await db.query<{ lines: string | null; last: string | null }>(
      `SELECT string_agg(concat_ws(E'\t', lat, lon, type, ${placeArraySql}), E'\n' ORDER BY id) AS lines, max(id) AS last
         FROM (SELECT * FROM place ${after === null ? "" : "WHERE id > $2"} ORDER BY id LIMIT $1) p`,
      after === null ? [pageSize] : [pageSize, after],
    );
    const page = rows[0];
    if (!page?.lines || page.last === null) break;
    for (const line of page.lines.split("\n")) {
      const a = line.indexOf("\t");
      const b = line.indexOf("\t", a + 1);
      const c = line.indexOf("\t", b + 1);
      const json = line.slice(c + 1);
      places.add(idOfArray(json), Number(line.slice(0, a)), Number(line.slice(a + 1, b)), line.slice(b + 1, c), json);
    }
    after = page.last;
  }
  return places.finish();
}

/** The details of a place as a JSON array, in the order of `placeToArray`. */
const placeArraySql =
  "json_build_array(id, source, source_id, type, category, category_label, name, address, postcode, commune_code, commune_name, phone, url, lat, lon, approximate, to_char(updated, 'YYYY-MM-DD'))::text";

/** The id, first element of the array: read without parsing the line unless it holds an escape. */
function idOfArray(json: string): string {
  const end = json.indexOf('"', 2);
  const id = json.slice(2, end);
  return id.includes("\\") ? (JSON.parse(json) as PlaceArray)[0] : id;
}

/** Loads the places and communes from the database into memory. */
export function loadPlaceIndex(db: Database): Promise<PlacesService> {
  return PlacesService.load(db);
}
