import { describe, expect, it } from "vitest";
import { PlaceIndex } from "./place-index.js";
import type { CommuneRow, PlaceRow } from "./store.js";

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
const commune = (code: string, name: string, folded: string, postcodes: string[], population: number): CommuneRow => ({ code, name, folded_name: folded, dep: code.slice(0, 2), postcodes, lat: 45, lon: 4, population });

describe("PlaceIndex", () => {
  const index = new PlaceIndex(
    [place("a", "pmi", 48.8566, 2.3522), place("b", "pharmacie", 48.8576, 2.3522), place("c", "pmi", 48.9, 2.3522), place("d", "pmi", 45.764, 4.8357)],
    [commune("42218", "Saint-Étienne", "saint etienne", ["42000", "42100"], 170000), commune("76575", "Saint-Étienne-du-Rouvray", "saint etienne du rouvray", ["76800"], 28000), commune("42100", "Autre", "autre", ["42100"], 10)],
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
