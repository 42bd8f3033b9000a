/**
 * Shared by the two map builds that read `departements-avec-outre-mer.geojson` (gregoiredavid/france-geojson):
 * `build-france-map.ts` (the barometer's SVG map) and `build-map-background.ts` (the « Autour de moi » map
 * background). The geometry types, the reading of the file and the line simplification.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export type Ring = [number, number][];
export type Polygon = Ring[];
export interface Feature {
  properties: { code: string; nom: string };
  geometry: { type: "Polygon"; coordinates: Polygon } | { type: "MultiPolygon"; coordinates: Polygon[] };
}

const root = fileURLToPath(new URL("../", import.meta.url));
/** The source file: the script's first argument, else the shared data folder's copy. */
export const departementsInput = process.argv[2] ?? `${root}../shared/data/geo/france-geojson/departements-avec-outre-mer.geojson`;

export function readDepartements(path = departementsInput): Feature[] {
  return (JSON.parse(readFileSync(path, "utf8")) as { features: Feature[] }).features;
}

export const polygonsOf = (f: Feature): Polygon[] => (f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates);

/** Area of a ring (shoelace), in the square of its unit. */
export const area = (ring: Ring) =>
  Math.abs(
    ring.reduce((s, [x, y], i) => {
      const [nx, ny] = ring[(i + 1) % ring.length]!;
      return s + x * ny - nx * y;
    }, 0),
  ) / 2;

/** Douglas–Peucker on an open line: points farther than `tolerance` from the simplified line are kept. */
export function simplify(points: Ring, tolerance: number): Ring {
  if (points.length < 4) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop()!;
    const [ax, ay] = points[a]!;
    const [bx, by] = points[b]!;
    const len = Math.hypot(bx - ax, by - ay) || 1;
    let worst = -1;
    let index = -1;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = points[i]!;
      const d = Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / len;
      if (d > worst) {
        worst = d;
        index = i;
      }
    }
    if (worst > tolerance) {
      keep[index] = 1;
      stack.push([a, index], [index, b]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

/**
 * A closed ring (its first and last points are the same, which a single pass cannot measure from), simplified in
 * two halves split at `split`: by default the point farthest from the first, so that both halves have distinct ends.
 */
export function simplifyRing(ring: Ring, tolerance: number, split = farthestFromFirst(ring)): Ring {
  if (split === 0) return [];
  return [...simplify(ring.slice(0, split + 1), tolerance).slice(0, -1), ...simplify(ring.slice(split), tolerance)];
}

function farthestFromFirst(ring: Ring): number {
  const [x0, y0] = ring[0]!;
  let far = 0;
  ring.forEach(([x, y], i) => {
    if (Math.hypot(x - x0, y - y0) > Math.hypot(ring[far]![0] - x0, ring[far]![1] - y0)) far = i;
  });
  return far;
}
