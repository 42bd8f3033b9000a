/**
 * Builds `data/steering/france-departements-map.json`: SVG paths of the 101 départements for the barometer's
 * choropleth map, metropolitan France plus the 5 overseas départements as insets, pre-projected so that the
 * browser needs no map library.
 *
 *   npm run map:build [-- path/to/departements-avec-outre-mer.geojson]
 *
 * Source: `../shared/data/geo/france-geojson/departements-avec-outre-mer.geojson` (gregoiredavid/france-geojson,
 * IGN ADMIN EXPRESS COG 2018, Licence Ouverte). Projection: equirectangular with the longitude scaled by
 * cos(latitude of the area's centre) — close enough to a conformal projection at the scale of one country.
 * Each area (metropolitan France, each overseas département, and a zoom on Paris and its inner ring) is fitted
 * in its own box; lines are simplified
 * (Douglas–Peucker, 0.5 px) and islands smaller than 0.5 px² dropped (the largest polygon always kept).
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { area, departementsInput, polygonsOf, readDepartements, simplifyRing, type Feature } from "./departement-outlines.js";

const output = `${fileURLToPath(new URL("../", import.meta.url))}data/steering/france-departements-map.json`;

const WIDTH = 700;
const HEIGHT = 600;
const METRO_BOX = { x: 140, y: 8, w: 552, h: 584 };
const INSET = { x: 8, w: 112, h: 100, gap: 19 };
const OVERSEAS = ["971", "972", "973", "974", "976"];
const TOLERANCE = 0.5;
const MIN_AREA = 0.5;

const features = readDepartements();

function bounds(list: Feature[]) {
  let minLon = Infinity,
    maxLon = -Infinity,
    minLat = Infinity,
    maxLat = -Infinity;
  for (const f of list)
    for (const poly of polygonsOf(f))
      for (const [lon, lat] of poly[0]!) {
        minLon = Math.min(minLon, lon);
        maxLon = Math.max(maxLon, lon);
        minLat = Math.min(minLat, lat);
        maxLat = Math.max(maxLat, lat);
      }
  return { minLon, maxLon, minLat, maxLat };
}

/** A projection fitting `list` in `box`, centred. */
function fit(list: Feature[], box: { x: number; y: number; w: number; h: number }) {
  const b = bounds(list);
  const k = Math.cos((((b.minLat + b.maxLat) / 2) * Math.PI) / 180);
  const scale = Math.min(box.w / ((b.maxLon - b.minLon) * k), box.h / (b.maxLat - b.minLat));
  const dx = box.x + (box.w - (b.maxLon - b.minLon) * k * scale) / 2;
  const dy = box.y + (box.h - (b.maxLat - b.minLat) * scale) / 2;
  return ([lon, lat]: [number, number]): [number, number] => [dx + (lon - b.minLon) * k * scale, dy + (b.maxLat - lat) * scale];
}

const num = (n: number) => String(Math.round(n * 10) / 10);

function pathOf(feature: Feature, project: (p: [number, number]) => [number, number]): string {
  const polygons = polygonsOf(feature).map((poly) => poly.map((ring) => simplifyRing(ring.map(project), TOLERANCE)));
  const largest = Math.max(...polygons.map((p) => area(p[0]!)));
  return polygons
    .filter((p) => area(p[0]!) >= MIN_AREA || area(p[0]!) === largest)
    .flatMap((poly) => poly.filter((ring, i) => ring.length >= 3 && (i === 0 || area(ring) >= MIN_AREA)))
    .map((ring) => `M${ring.map(([x, y]) => `${num(x)} ${num(y)}`).join("L")}Z`)
    .join("");
}

const metro = features.filter((f) => !OVERSEAS.includes(f.properties.code));
const metroProjection = fit(metro, METRO_BOX);
const departements = metro.map((f) => ({ code: f.properties.code, nom: f.properties.nom, d: pathOf(f, metroProjection) }));
const insets = OVERSEAS.map((code, i) => {
  const feature = features.find((f) => f.properties.code === code);
  if (!feature) throw new Error(`Département ${code} absent de ${departementsInput}`);
  const box = { x: INSET.x, y: 8 + i * (INSET.h + INSET.gap), w: INSET.w, h: INSET.h };
  departements.push({ code, nom: feature.properties.nom, d: pathOf(feature, fit([feature], { x: box.x + 6, y: box.y + 6, w: box.w - 12, h: box.h - 20 })) });
  return { code, nom: feature.properties.nom, ...box };
});
// Paris and its inner ring are a few pixels wide at the scale of France: drawn again, larger, in a zoom box
// (in the Channel, where the map is empty).
const IDF = ["75", "92", "93", "94"];
const idfFeatures = IDF.map((code) => metro.find((f) => f.properties.code === code)!);
const zoomBox = { x: 150, y: 10, w: 110, h: 100 };
const idfProjection = fit(idfFeatures, { x: zoomBox.x + 6, y: zoomBox.y + 6, w: zoomBox.w - 12, h: zoomBox.h - 20 });
const zoom = {
  nom: "Paris et petite couronne",
  ...zoomBox,
  departements: idfFeatures.map((f) => ({ code: f.properties.code, nom: f.properties.nom, d: pathOf(f, idfProjection) })),
};
if (departements.length !== 101) throw new Error(`101 départements attendus, ${departements.length} trouvés`);
departements.sort((a, b) => (a.code < b.code ? -1 : 1));

const out = {
  source:
    "IGN ADMIN EXPRESS COG 2018 via gregoiredavid/france-geojson (departements-avec-outre-mer.geojson), Licence Ouverte ; projeté et simplifié par scripts/build-france-map.ts",
  viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
  insets,
  zoom,
  departements,
};
writeFileSync(output, `${JSON.stringify(out)}\n`);
console.log(`${output} : ${departements.length} départements, ${Math.round(JSON.stringify(out).length / 1024)} Kio`);
