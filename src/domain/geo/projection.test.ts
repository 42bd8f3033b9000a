import { describe, expect, it } from "vitest";
import { distanceMeters } from "./distance.js";
import { crsDefinitions, crsTokens, fromWgs84, isWithinCrsTerritory, parseCrsToken, toWgs84 } from "./projection.js";

describe("Lambert-93 to WGS84", () => {
  // Real FINESS lines: coordinates of the T-Finess extract of 2020-12-31 (../shared/data/finess/
  // finess_tfiness_extract_20201231_skema.csv) and, for the same nofinesset, the WGS84 position of the
  // FHIR-derived national file of 2021-01-08 (6 decimals, ±0.1 m).
  const samples = [
    { nofinesset: "010000024", x: 870215.7, y: 6571590.5, lat: 46.222745, lon: 5.208596 }, // CH de Fleyriat, Viriat
    { nofinesset: "010002301", x: 882538.9, y: 6542885.8, lat: 45.961162, lon: 5.357285 }, // pharmacie, Ambérieu-en-Bugey
    { nofinesset: "010003572", x: 941215.5, y: 6588776.7, lat: 46.355776, lon: 6.137871 }, // pharmacie, pays de Gex
  ];
  it.each(samples)("places $nofinesset within 1 m of its published position", ({ x, y, lat, lon }) => {
    const p = toWgs84("LAMBERT_93", x, y);
    expect(distanceMeters(p, { lat, lon })).toBeLessThan(1);
    expect(isWithinCrsTerritory("LAMBERT_93", p)).toBe(true);
  });

  it("puts the projection origin at 46.5° N, 3° E", () => {
    const p = toWgs84("LAMBERT_93", 700000, 6600000);
    expect(p.lat).toBeCloseTo(46.5, 9);
    expect(p.lon).toBeCloseTo(3, 9);
  });
});

/**
 * Transverse Mercator forward on GRS80 by Krüger's series to n³ (Karney 2011, as given in the
 * "Universal Transverse Mercator" literature): an implementation independent of proj4, accurate
 * to a millimetre over a UTM zone.
 */
function utmForward(latDeg: number, lonDeg: number, zone: number, south: boolean): { x: number; y: number } {
  const a = 6378137;
  const f = 1 / 298.257222101;
  const k0 = 0.9996;
  const n = f / (2 - f);
  const A = (a / (1 + n)) * (1 + n ** 2 / 4 + n ** 4 / 64);
  const alpha = [n / 2 - (2 / 3) * n ** 2 + (5 / 16) * n ** 3, (13 / 48) * n ** 2 - (3 / 5) * n ** 3, (61 / 240) * n ** 3];
  const phi = (latDeg * Math.PI) / 180;
  const lambda = ((lonDeg - (zone * 6 - 183)) * Math.PI) / 180;
  const e = (2 * Math.sqrt(n)) / (1 + n);
  const t = Math.sinh(Math.atanh(Math.sin(phi)) - e * Math.atanh(e * Math.sin(phi)));
  const xi1 = Math.atan(t / Math.cos(lambda));
  const eta1 = Math.atanh(Math.sin(lambda) / Math.sqrt(1 + t * t));
  let xi = xi1;
  let eta = eta1;
  alpha.forEach((aj, i) => {
    const j = 2 * (i + 1);
    xi += aj * Math.sin(j * xi1) * Math.cosh(j * eta1);
    eta += aj * Math.cos(j * xi1) * Math.sinh(j * eta1);
  });
  return { x: 500000 + k0 * A * eta, y: (south ? 10_000_000 : 0) + k0 * A * xi };
}

describe("overseas UTM to WGS84", () => {
  // No real FINESS geolocalisation line in UTM was found in the shared data (the overseas lines there
  // come from the non-geolocated cs1100502 file), so the reference is computed independently.
  it("brings a La Réunion point (UTM 40 S, RGR92) back within 1 m", () => {
    const chuFelixGuyon = { lat: -20.8897, lon: 55.4436 }; // Saint-Denis (97411)
    const { x, y } = utmForward(chuFelixGuyon.lat, chuFelixGuyon.lon, 40, true);
    expect(x).toBeGreaterThan(330000);
    expect(x).toBeLessThan(350000);
    expect(y).toBeGreaterThan(7680000);
    expect(y).toBeLessThan(7700000);
    const p = toWgs84("UTM_S40", x, y);
    expect(distanceMeters(p, chuFelixGuyon)).toBeLessThan(1);
    expect(isWithinCrsTerritory("UTM_S40", p)).toBe(true);
  });

  it.each([
    ["UTM_N20", 20, false, { lat: 16.2411, lon: -61.5331 }], // Pointe-à-Pitre
    ["UTM_N21", 21, false, { lat: 46.788, lon: -56.1805 }], // Saint-Pierre
    ["UTM_S38", 38, true, { lat: -12.7875, lon: 45.1964 }], // Mamoudzou
  ] as const)("agrees with an independent %s forward projection within 1 m", (crs, zone, south, point) => {
    const { x, y } = utmForward(point.lat, point.lon, zone, south);
    expect(distanceMeters(toWgs84(crs, x, y), point)).toBeLessThan(1);
  });

  it("shifts Guyane (RGFG95) by the few metres EPSG gives, no more", () => {
    const cayenne = { lat: 4.9372, lon: -52.326 };
    const { x, y } = utmForward(cayenne.lat, cayenne.lon, 22, false);
    const d = distanceMeters(toWgs84("UTM_N22", x, y), cayenne);
    expect(d).toBeGreaterThan(1);
    expect(d).toBeLessThan(5);
  });

  it("round-trips every coordinate system", () => {
    for (const crs of crsTokens) {
      const b = crsDefinitions[crs].bounds;
      const p = { lat: (b.minLat + b.maxLat) / 2, lon: (b.minLon + b.maxLon) / 2 };
      const { x, y } = fromWgs84(crs, p);
      expect(distanceMeters(toWgs84(crs, x, y), p), crs).toBeLessThan(0.01);
    }
  });

  it("gives NaN, outside every territory, for coordinates that are not finite numbers", () => {
    const p = toWgs84("LAMBERT_93", Number.POSITIVE_INFINITY, 6571590.5);
    expect(Number.isNaN(p.lat)).toBe(true);
    expect(isWithinCrsTerritory("LAMBERT_93", p)).toBe(false);
  });

  it("notices a point projected with the wrong system", () => {
    // A Guadeloupe UTM position read as Lambert-93 lands in the Gulf of Guinea (the 2021 FHIR conversion did that).
    const { x, y } = utmForward(16.2411, -61.5331, 20, false);
    expect(isWithinCrsTerritory("LAMBERT_93", toWgs84("LAMBERT_93", x, y))).toBe(false);
  });
});

describe("coordinate system tokens", () => {
  it("reads the last token of sourcecoordet", () => {
    expect(parseCrsToken("1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,LAMBERT_93")).toBe("LAMBERT_93");
    expect(parseCrsToken("3,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,UTM_S40")).toBe("UTM_S40");
    expect(parseCrsToken("1;ATLASANTE;100;IGN;BD_ADRESSE;V2.1;utm_n20 ")).toBe("UTM_N20");
    for (const t of ["UTM_N21", "UTM_N22", "UTM_S38"]) expect(parseCrsToken(`x,${t}`)).toBe(t);
  });
  it("refuses anything else", () => {
    for (const s of ["", "LAMBERT_II", "1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,WGS84", "UTM_N23", "LAMBERT_93,extra"]) expect(parseCrsToken(s)).toBeNull();
  });
});
