/**
 * Builds `data/map/departements.json`: the outlines of the 101 départements in WGS84, simplified, with a
 * label point each — the map background of « Autour de moi » that needs no external service (the commune
 * names come from the shipped commune list, `public/donnees/communes.json`).
 *
 *   npm run map:background [-- path/to/departements-avec-outre-mer.geojson]
 *
 * Source: `../shared/data/geo/france-geojson/departements-avec-outre-mer.geojson` (gregoiredavid/france-geojson,
 * IGN ADMIN EXPRESS COG 2018, Licence Ouverte), the file the barometer map is built from. Lines are simplified
 * (Douglas–Peucker, 0.01°, about 800 m), islands under 0.0004 square degrees dropped (the largest polygon of
 * each département always kept), coordinates rounded to 0.001° (about 100 m). The label point is the centre of
 * the bounding box of the largest polygon, moved to the nearest vertex-free interior point by a scanline.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { area, polygonsOf, readDepartements, simplifyRing, type Polygon } from "./departement-outlines.js";

const output = `${fileURLToPath(new URL("../", import.meta.url))}data/map/departements.json`;
const TOLERANCE = 0.01;
const MIN_AREA = 0.0004;

const round = (v: number) => Math.round(v * 1e3) / 1e3;

/** A point inside the polygon: the middle of the widest inside span of the horizontal line through its centre. */
function labelPoint(poly: Polygon): [number, number] {
  const ring = poly[0]!;
  const ys = ring.map((p) => p[1]);
  const y = (Math.min(...ys) + Math.max(...ys)) / 2;
  const xs: number[] = [];
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[(i + 1) % ring.length]!;
    if ((y1 <= y && y2 > y) || (y2 <= y && y1 > y)) xs.push(x1 + ((y - y1) * (x2 - x1)) / (y2 - y1));
  }
  xs.sort((a, b) => a - b);
  let best: [number, number] = [ring[0]![0], ring[0]![1]];
  let width = -1;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    if (xs[i + 1]! - xs[i]! <= width) continue;
    width = xs[i + 1]! - xs[i]!;
    best = [(xs[i]! + xs[i + 1]!) / 2, y];
  }
  return [round(best[0]), round(best[1])];
}

const out = readDepartements()
  .map((f) => {
    const polygons = polygonsOf(f);
    const largest = polygons.reduce((a, b) => (area(b[0]!) > area(a[0]!) ? b : a));
    const kept = polygons
      .filter((p) => p === largest || area(p[0]!) >= MIN_AREA)
      .map((p) => [simplifyRing(p[0]!, TOLERANCE, Math.floor(p[0]!.length / 2)).map(([x, y]) => [round(x), round(y)] as [number, number])])
      .filter((p) => p[0]!.length >= 4);
    return {
      type: "Feature" as const,
      properties: { code: f.properties.code, nom: f.properties.nom, label: labelPoint(largest) },
      geometry: { type: "MultiPolygon" as const, coordinates: kept },
    };
  })
  .sort((a, b) => a.properties.code.localeCompare(b.properties.code));

writeFileSync(
  output,
  `${JSON.stringify({
    type: "FeatureCollection",
    source:
      "IGN ADMIN EXPRESS COG 2018 via gregoiredavid/france-geojson (departements-avec-outre-mer.geojson), Licence Ouverte ; simplifié par scripts/build-map-background.ts",
    features: out,
  })}\n`,
);
console.log(`${out.length} départements écrits dans data/map/departements.json`);
