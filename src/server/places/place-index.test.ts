import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { placeTypeIds } from "../../domain/geo/index.js";
import type { Database } from "../db/database.js";
import { migrate } from "../db/migrate.js";
import { testDatabases } from "../db/test-databases.js";
import { PlaceIndex, readCompactPlaces } from "./place-index.js";
import { readAllCommunes, readAllPlaces, replacePlaces, type CommuneRow, type PlaceRow } from "./store.js";

const place = (id: string, type: string, lat: number, lon: number): PlaceRow => ({
  id,
  source: "test",
  source_id: id,
  type,
  category: null,
  category_label: null,
  name: id,
  address: null,
  postcode: null,
  commune_code: null,
  commune_name: null,
  phone: null,
  url: null,
  lat,
  lon,
  approximate: false,
  updated: null,
});
const commune = (code: string, name: string, folded: string, postcodes: string[], population: number): CommuneRow => ({
  code,
  name,
  folded_name: folded,
  dep: code.slice(0, 2),
  postcodes,
  lat: 45,
  lon: 4,
  population,
});

describe("PlaceIndex", () => {
  const index = new PlaceIndex(
    [place("a", "pmi", 48.8566, 2.3522), place("b", "pharmacie", 48.8576, 2.3522), place("c", "pmi", 48.9, 2.3522), place("d", "pmi", 45.764, 4.8357)],
    [
      commune("42218", "Saint-Étienne", "saint etienne", ["42000", "42100"], 170000),
      commune("76575", "Saint-Étienne-du-Rouvray", "saint etienne du rouvray", ["76800"], 28000),
      commune("42100", "Autre", "autre", ["42100"], 10),
    ],
  );

  it("sorts by distance, within the radius, at most limit", () => {
    expect(index.nearby({ lat: 48.8566, lon: 2.3522, radiusKm: 10, limit: 10 }).map((n) => [n.place.id, n.distanceM])).toEqual([
      ["a", 0],
      ["b", 111],
      ["c", 4826],
    ]);
    expect(index.nearby({ lat: 48.8566, lon: 2.3522, radiusKm: 10, limit: 1 }).map((n) => n.place.id)).toEqual(["a"]);
    expect(index.nearby({ lat: 48.8566, lon: 2.3522, radiusKm: 1, limit: 10 }).map((n) => n.place.id)).toEqual(["a", "b"]);
  });

  it("filters by type", () => {
    expect(index.nearby({ lat: 48.8566, lon: 2.3522, radiusKm: 1000, limit: 10, types: ["pmi"] }).map((n) => n.place.id)).toEqual(["a", "c", "d"]);
    expect(index.nearby({ lat: 48.8566, lon: 2.3522, radiusKm: 1000, limit: 10, types: ["camsp"] })).toEqual([]);
    expect(index.countByType).toMatchObject({ pmi: 3, pharmacie: 1, camsp: 0 });
  });

  it("answers an empty index", () => {
    const empty = new PlaceIndex([], []);
    expect(empty.nearby({ lat: 48.8566, lon: 2.3522, radiusKm: 10, limit: 10 })).toEqual([]);
    expect(empty.searchCommunes("paris", 5)).toEqual([]);
  });

  it("completes communes by name prefix (exact name, then population) and by postal code", () => {
    expect(index.searchCommunes("St-Etienne", 5).map((c) => c.code)).toEqual(["42218", "76575"]);
    expect(index.searchCommunes("saint etienne du", 5).map((c) => c.code)).toEqual(["76575"]);
    expect(index.searchCommunes("42100", 5).map((c) => c.code)).toEqual(["42218", "42100"]);
    expect(index.searchCommunes("42", 5).map((c) => c.code)).toEqual(["42218", "42100"]);
  });
});

describe.each(testDatabases)("the paged index load on %s", (_kind, open) => {
  let db: Database;
  const N = 3000;
  let seed = 7;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  // Odd ids and values on purpose: quotes, backslashes, tabs, new lines, accents, emoji, nulls.
  const odd = ['guillemet "x"', "barre \\ oblique", "tab\there", "ligne\nsuivante", "Évry-Courcouronnes", "crèche 🍼"];
  const rows: PlaceRow[] = Array.from({ length: N }, (_, i) => {
    const id = `test:${i % 97 === 0 ? odd[i % odd.length] : ""}${i}`;
    return {
      ...place(id, placeTypeIds[i % placeTypeIds.length]!, 41.5 + random() * 9.5, -4.8 + random() * 13),
      source: "test",
      name: `${odd[i % odd.length]} ${i}`,
      address: i % 3 ? `${i} rue de l'Église` : null,
      postcode: i % 4 ? "69003" : null,
      phone: i % 5 ? "04 72 00 00 00" : null,
      category: i % 2 ? "355" : null,
      category_label: i % 2 ? "Centre Hospitalier (C.H.)" : null,
      approximate: i % 7 === 0,
      updated: i % 6 ? "2025-06-30" : null,
    };
  });

  beforeAll(async () => {
    db = await open();
    await migrate(db);
    await db.transaction((tx) => replacePlaces(tx, "test", rows));
  });
  afterAll(async () => {
    await db?.close();
  });

  it("gives the same answers as the index built from the whole table at once", async () => {
    const communes = await readAllCommunes(db);
    const whole = new PlaceIndex(await readAllPlaces(db), communes);
    const paged = new PlaceIndex(await readCompactPlaces(db, 8), communes); // about 12 block ranges
    expect(paged.size).toBe(N);
    expect(paged.countByType).toEqual(whole.countByType);
    let found = 0;
    for (let q = 0; q < 60; q++) {
      const query = {
        lat: 42 + random() * 8,
        lon: -4 + random() * 11,
        radiusKm: [5, 30, 100][q % 3]!,
        limit: [1, 20, 100][q % 3]!,
        types: q % 4 ? [] : [placeTypeIds[q % placeTypeIds.length]!],
      };
      const answer = paged.nearby(query);
      expect(answer).toEqual(whole.nearby(query));
      found += answer.length;
    }
    expect(found).toBeGreaterThan(500);
    for (const row of rows.filter((_, i) => i % 37 === 0 || i % 97 === 0)) expect(paged.get(row.id)).toEqual(whole.get(row.id));
    expect(paged.get(rows[5]!.id)).toEqual({ ...rows[5], lat: rows[5]!.lat, lon: rows[5]!.lon });
    expect(paged.get("test:absent")).toBeUndefined();
  });
});
