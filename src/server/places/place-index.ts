import KDBush from "kdbush";
import { around } from "geokdbush";
import { distanceMeters, foldName, isPlaceTypeId, placeTypeIds, type PlaceTypeId } from "../../domain/geo/index.js";
import type { Database } from "../db/database.js";
import { dataVersion, readAllCommunes, readAllPlaces, type CommuneRow, type PlaceRow } from "./store.js";

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
 * Every place and commune in memory: a kd-tree (kdbush) over the places for nearest-first queries on the
 * sphere (geokdbush), and sorted arrays of folded names and postal codes for the autocomplete.
 * Immutable once built; the service swaps in a new one after an import.
 */
export class PlaceIndex {
  private readonly tree: KDBush;
  private readonly typeOf: Uint8Array;
  private readonly byId: Map<string, PlaceRow>;
  private readonly communesByName: CommuneRow[];
  private readonly postcodes: { postcode: string; commune: CommuneRow }[];
  readonly countByType: Record<string, number>;

  constructor(
    readonly places: readonly PlaceRow[],
    communes: readonly CommuneRow[],
    readonly version = "0",
  ) {
    this.tree = new KDBush(Math.max(places.length, 1));
    this.typeOf = new Uint8Array(places.length);
    this.byId = new Map();
    this.countByType = Object.fromEntries(placeTypeIds.map((t) => [t, 0]));
    places.forEach((p, i) => {
      this.tree.add(p.lon, p.lat);
      this.typeOf[i] = isPlaceTypeId(p.type) ? placeTypeIds.indexOf(p.type) : 255;
      this.byId.set(p.id, p);
      this.countByType[p.type] = (this.countByType[p.type] ?? 0) + 1;
    });
    if (places.length === 0) this.tree.add(0, 0); // kdbush needs one point; filtered out below
    this.tree.finish();
    this.communesByName = [...communes].sort((a, b) => (a.folded_name < b.folded_name ? -1 : a.folded_name > b.folded_name ? 1 : (b.population ?? 0) - (a.population ?? 0)));
    this.postcodes = communes.flatMap((commune) => commune.postcodes.map((postcode) => ({ postcode, commune }))).sort((a, b) => (a.postcode < b.postcode ? -1 : a.postcode > b.postcode ? 1 : (b.commune.population ?? 0) - (a.commune.population ?? 0)));
  }

  get size(): number {
    return this.places.length;
  }

  get(id: string): PlaceRow | undefined {
    return this.byId.get(id);
  }

  /** Places within `radiusKm` of the point, nearest first, at most `limit`. */
  nearby({ lat, lon, radiusKm, limit, types }: NearbyQuery): Nearby[] {
    if (this.places.length === 0) return [];
    let predicate: ((i: number) => boolean) | undefined;
    if (types && types.length > 0 && types.length < placeTypeIds.length) {
      const wanted = new Uint8Array(256);
      for (const t of types) wanted[placeTypeIds.indexOf(t)] = 1;
      predicate = (i) => wanted[this.typeOf[i]!] === 1;
    }
    const origin = { lat, lon };
    return around(this.tree, lon, lat, limit, radiusKm, predicate).map((i) => {
      const place = this.places[i]!;
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

async function buildIndex(db: Database): Promise<PlaceIndex> {
  const version = await dataVersion(db);
  const [places, communes] = await Promise.all([readAllPlaces(db), readAllCommunes(db)]);
  return new PlaceIndex(places, communes, version);
}

/** Loads the places and communes from the database into memory. */
export function loadPlaceIndex(db: Database): Promise<PlacesService> {
  return PlacesService.load(db);
}
