import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { placeTypeIds } from "../../domain/geo/index.js";
import { buildApp, privacyLogger } from "../app.js";
import type { Database } from "../db/database.js";
import { migrate } from "../db/migrate.js";
import { importGeneric, loadPlaceIndex, placesRoutes, seedShippedPlaces, type PlacesService } from "./index.js";
import { testDatabases } from "../db/test-databases.js";
import { featureCollection, featureCollectionJson } from "./routes.js";
import { CompactPlaces, PlaceIndex, compactLineValues } from "./place-index.js";
import type { PlaceRow } from "./store.js";

const dataDir = fileURLToPath(new URL("../../../data/", import.meta.url));

interface Feature {
  type: "Feature";
  id: string;
  geometry: { type: "Point"; coordinates: [number, number] };
  properties: {
    id: string;
    type: string;
    type_label: string;
    name: string;
    approximate: boolean;
    distance_m: number;
    commune_code: string | null;
    phone: string | null;
  };
}

describe("featureCollectionJson", () => {
  // Lines of COPY text are written as they are when they hold no quote, control character or escape: places made of
  // plain characters, then of plain ones and one kind of special character, then of anything.
  const plain = ["a", "N", "é", "<", " ", "/", "😀", "\u2028", "\ud800"];
  const specials = ['"', "\\", "\\N", "\n", "\t", "\r", "\b", "\f", "\v", "\u0001", "\u001f", "\u007f"];
  const coordinate = fc.oneof(fc.double({ min: -90, max: 90, noNaN: true }), fc.constantFrom(0, -0, 48.8566, 1e-7, 5.208596));
  const placeOf = (value: fc.Arbitrary<string>): fc.Arbitrary<PlaceRow> => {
    const nullable = fc.option(value, { nil: null });
    return fc.record({
      id: value,
      source: value,
      source_id: value,
      type: fc.oneof(fc.constantFrom(...placeTypeIds), value),
      category: nullable,
      category_label: nullable,
      name: value,
      address: nullable,
      postcode: nullable,
      commune_code: nullable,
      commune_name: nullable,
      phone: nullable,
      url: nullable,
      lat: coordinate,
      lon: coordinate,
      approximate: fc.boolean(),
      updated: nullable,
    });
  };
  const value = fc.string({ unit: fc.constantFrom(...plain, ...specials) });
  const place = fc.oneof(
    placeOf(fc.string({ unit: fc.constantFrom(...plain), maxLength: 4 })),
    fc.constantFrom(...specials).chain((special) => placeOf(fc.string({ unit: fc.constantFrom(...plain, special), maxLength: 3 }))),
    placeOf(value),
  );
  /** A field as PostgreSQL's COPY TO writes it (CopyAttributeOutText): these six escapes and the backslash, other control characters as they are. */
  const postgresField = (v: string | number | boolean | null) =>
    v === null
      ? "\\N"
      : typeof v === "boolean"
        ? v
          ? "t"
          : "f"
        : String(v).replace(/[\\\b\f\n\r\t\v]/g, (c) => `\\${{ "\\": "\\", "\b": "b", "\f": "f", "\n": "n", "\r": "r", "\t": "t", "\v": "v" }[c]}`);
  /** The index of the places as the database's COPY output gives them (place-index.ts, readCompactPlaces). */
  const fromPostgres = (places: PlaceRow[]) => {
    const compact = new CompactPlaces();
    const line = (p: PlaceRow) => compactLineValues(p).map(postgresField).join("\t");
    if (places.length) compact.addLines(Buffer.from(places.map(line).join("\n") + "\n", "utf8"));
    return new PlaceIndex(compact.finish(), []);
  };

  it("writes exactly the text JSON.stringify gives for featureCollection of the same places, from either COPY escaping", () => {
    fc.assert(
      fc.property(
        fc.array(place, { maxLength: 8 }),
        fc.boolean(),
        fc.record({
          radius_km: fc.double({ min: 0.1, max: 100, noNaN: true }),
          limit: fc.integer({ min: 1, max: 100 }),
          types: fc.array(value, { maxLength: 3 }),
        }),
        (places, postgres, query) => {
          const index = postgres ? fromPostgres(places) : new PlaceIndex(places, []);
          const q = { lat: 45, lon: 4, radiusKm: 20_000, limit: 100 };
          const full = { lat: 45, lon: 4, ...query };
          expect(index.nearbyJson(q)).toHaveLength(places.length);
          expect(featureCollectionJson(index.nearbyJson(q), full)).toBe(JSON.stringify(featureCollection(index.nearby(q), full)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("tells a NULL field from the text \\N", () => {
    const places: PlaceRow[] = [
      {
        id: "x",
        source: "\\N",
        source_id: "x",
        type: "pmi",
        category: null,
        category_label: "\\N",
        name: "N",
        address: null,
        postcode: null,
        commune_code: null,
        commune_name: null,
        phone: null,
        url: null,
        lat: 45,
        lon: 4,
        approximate: true,
        updated: null,
      },
    ];
    for (const index of [new PlaceIndex(places, []), fromPostgres(places)]) {
      const [found] = index.nearbyJson({ lat: 45, lon: 4, radiusKm: 1, limit: 1 });
      expect(found?.place).toMatchObject({ source: '"\\\\N"', category: "null", category_label: '"\\\\N"', name: '"N"', approximate: "true" });
    }
  });
});

describe.each(testDatabases)("places API on %s", (_kind, open) => {
  let db: Database;
  let app: FastifyInstance;
  let service: PlacesService;
  const logLines: string[] = [];

  beforeAll(async () => {
    db = await open();
    await migrate(db);
    const reports = await seedShippedPlaces(db, dataDir);
    expect(reports.map((r) => [r.dataset, r.status, r.rejectedCount])).toEqual([
      ["communes", "applied", 0],
      ["finess", "applied", 0],
    ]);
    service = await loadPlaceIndex(db);
    const stream = new Writable({ write: (chunk, _enc, done) => (logLines.push(String(chunk)), done()) });
    app = await buildApp({ db, logger: privacyLogger(stream) });
    await app.register(placesRoutes(db, service), { prefix: "/api/v1" });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const get = (url: string) => app.inject({ url: `/api/v1${url}` });

  it("seeds the shipped extracts once: a second start imports nothing", async () => {
    expect(await seedShippedPlaces(db, dataDir)).toEqual([]);
    expect(service.current.size).toBeGreaterThan(37000);
  });

  it("returns the nearest places as GeoJSON, sorted by distance", async () => {
    const res = await get("/places?lat=48.8566&lon=2.3522");
    expect(res.statusCode).toBe(200);
    const body = res.json() as { type: string; features: Feature[]; query: { radius_km: number; limit: number } };
    expect(body.type).toBe("FeatureCollection");
    expect(body.query).toMatchObject({ radius_km: 10, limit: 20 });
    expect(body.features).toHaveLength(20);
    const distances = body.features.map((f) => f.properties.distance_m);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(distances.at(-1)!).toBeLessThan(10_000);
    const [first] = body.features;
    expect(first).toMatchObject({ type: "Feature", geometry: { type: "Point" } });
    expect(first!.id).toBe(first!.properties.id);
  });

  it("answers the same search again from its answers, identical to a fresh search", async () => {
    const url = "/places?lat=47.2184&lon=-1.5536&radius_km=20&limit=50";
    const first = await get(url);
    // Kept from its second answer, given from the third on.
    const again = await get(url);
    const kept = await get(url);
    // The same parameters in another order: another URL, so searched and written again.
    const reordered = await get("/places?limit=50&radius_km=20&lon=-1.5536&lat=47.2184");
    for (const res of [first, again, kept, reordered]) {
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
      expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
    }
    expect(again.body).toBe(first.body);
    expect(kept.body).toBe(first.body);
    expect(reordered.body).toBe(first.body);
    expect(first.json().features).toHaveLength(50);
    // A bad request is never answered from the answers of a good one.
    expect((await get(`${url}&lat=91`)).statusCode).toBe(400);
  });

  it("filters by type and widens the radius", async () => {
    const res = await get("/places?lat=45.7640&lon=4.8357&types=pmi,camsp&radius_km=30&limit=100");
    const features = (res.json() as { features: Feature[] }).features;
    expect(features.length).toBeGreaterThan(10);
    expect(new Set(features.map((f) => f.properties.type))).toEqual(new Set(["pmi", "camsp"]));
    expect(features.every((f) => f.properties.distance_m <= 30_000)).toBe(true);
    const narrow = (await get("/places?lat=45.7640&lon=4.8357&types=maison-naissance&radius_km=1")).json() as { features: Feature[] };
    expect(narrow.features).toEqual([]);
  });

  it("finds overseas places, marked approximate (commune centre)", async () => {
    const res = await get("/places?lat=-20.8897&lon=55.4436&types=hopital&radius_km=10");
    const features = (res.json() as { features: Feature[] }).features;
    expect(features.length).toBeGreaterThan(0);
    expect(features.every((f) => f.properties.approximate && f.properties.commune_code === "97411")).toBe(true);
  });

  it("returns one place by id, and 404 for an unknown one", async () => {
    const res = await get("/places/finess:010000024");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      type: "Feature",
      id: "finess:010000024",
      geometry: { coordinates: [5.208596, 46.222745] },
      properties: { type: "hopital", name: "CH DE FLEYRIAT", phone: "04 74 45 46 47", approximate: false },
    });
    const missing = await get("/places/finess:000000000");
    expect(missing.statusCode).toBe(404);
    expect(missing.headers["content-type"]).toContain("application/problem+json");
    expect(missing.json().detail).toBe("Aucun lieu ne porte l'identifiant « finess:000000000 ».");
  });

  it("lists the place types with their sources and counts", async () => {
    const types = (await get("/place-types")).json() as { id: string; label: string; count: number; finess_categories: string[]; note: string | null }[];
    expect(types.map((t) => t.id)).toEqual([...placeTypeIds]);
    const byId = new Map(types.map((t) => [t.id, t]));
    expect(byId.get("pmi")).toMatchObject({ label: "PMI (protection maternelle et infantile)", finess_categories: ["223", "224", "230"] });
    expect(byId.get("pmi")!.count).toBeGreaterThan(2000);
    expect(byId.get("maternite")).toMatchObject({ count: 0 });
    expect(byId.get("maternite")!.note).toMatch(/pas une catégorie FINESS/);
  });

  it("completes communes by postal code or by name, accents ignored", async () => {
    const byCode = (await get("/communes?q=75011")).json() as { code: string; name: string }[];
    expect(byCode).toEqual([expect.objectContaining({ code: "75056", name: "Paris" })]);
    const byName = (await get("/communes?q=st%20etienne")).json() as { name: string }[];
    expect(byName[0]!.name).toBe("Saint-Étienne");
    expect((await get("/communes?q=SAINT-%C3%89TIENNE")).json()[0].name).toBe("Saint-Étienne");
    expect(((await get("/communes?q=974&limit=50")).json() as { code: string }[]).every((c) => c.code.startsWith("974"))).toBe(true);
    expect((await get("/communes?q=zzzz")).json()).toEqual([]);
  });

  it.each([
    ["/places?lat=abc&lon=2.35", /latitude doit être un nombre décimal/],
    ["/places?lat=200&lon=2.35", /^lat : la latitude doit être entre -90 et 90$/],
    ["/places?lon=2.35", /la latitude est obligatoire/],
    ["/places?lat=48.85&lon=2,35", /longitude doit être un nombre décimal écrit avec un point/],
    ["/places?lat=48.85&lon=2.35&radius_km=-1", /^radius_km : le rayon en kilomètres doit être supérieur à 0 et au plus 100$/],
    ["/places?lat=48.85&lon=2.35&radius_km=0", /radius_km/],
    ["/places?lat=48.85&lon=2.35&limit=100000", /limit doit être au plus 100/],
    ["/places?lat=48.85&lon=2.35&limit=0", /limit doit être au moins 1/],
    ["/places?lat=48.85&lon=2.35&types=pmi,licorne", /type de lieu inconnu : « licorne »/],
    ["/places?lat=48.85&lon=2.35&rayon=3", /paramètre\(s\) inconnu\(s\) : rayon/],
    ["/communes?q=a", /au moins 2 caractères/],
    ["/communes", /q manquant/],
  ])("answers %s with a French 400 problem", async (url, detail) => {
    const res = await get(url);
    expect(res.statusCode, url).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json()).toMatchObject({ status: 400, title: "Requête invalide" });
    expect(res.json().detail).toMatch(detail);
  });

  it("rebuilds the index after an import, here or in another process", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mille-jours-routes-"));
    const csv = join(dir, "laep.csv");
    writeFileSync(csv, "id,type,name,lat,lon\nlaep-test,laep,LAEP de test,48.8566,2.3522\n");
    expect(await service.refreshIfChanged()).toBe(false);
    const report = await importGeneric(db, csv, "laep-test");
    expect(report.status).toBe("applied");
    // Asked twice, the answer is kept for the index in place; the new index must not be answered with it.
    for (let i = 0; i < 2; i++) expect((await get("/places?lat=48.8566&lon=2.3522&types=laep")).json().features).toEqual([]);
    expect(await service.refreshIfChanged()).toBe(true);
    const features = (await get("/places?lat=48.8566&lon=2.3522&types=laep")).json().features as Feature[];
    expect(features.map((f) => [f.id, f.properties.distance_m, f.properties.type_label])).toEqual([
      ["laep-test:laep-test", 0, "LAEP (lieu d'accueil enfants-parents)"],
    ]);
  });

  it("documents the places API in OpenAPI", async () => {
    const spec = (await get("/openapi.json")).json();
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(["/api/v1/places", "/api/v1/places/{id}", "/api/v1/place-types", "/api/v1/communes"]));
    const params = spec.paths["/api/v1/places"].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(["lat", "lon", "types", "radius_km", "limit"]));
  });

  it("logs no coordinates", async () => {
    await get("/places?lat=43.296482&lon=5.36978&types=pmi");
    const log = logLines.join("");
    expect(log).toContain('"path":"/api/v1/places"');
    expect(log).not.toContain("43.296482");
    expect(log).not.toContain("5.36978");
  });
});
