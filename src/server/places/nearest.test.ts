import fc from "fast-check";
import { around } from "geokdbush";
import KDBush from "kdbush";
import { describe, expect, it } from "vitest";
import { nearestIds } from "./nearest.js";

/** A kd-tree over the points, as PlaceIndex builds it (longitude, latitude). */
function tree(points: readonly { lon: number; lat: number }[], nodeSize = 64): KDBush {
  const index = new KDBush(Math.max(points.length, 1), nodeSize);
  for (const p of points) index.add(p.lon, p.lat);
  if (points.length === 0) index.add(0, 0);
  return index.finish();
}

describe("nearestIds", () => {
  // Few distinct positions (many places at the same point or the same distance: ties), some anywhere on Earth.
  const grid = fc.record({ lon: fc.integer({ min: -4, max: 8 }).map((x) => x / 2), lat: fc.integer({ min: 86, max: 102 }).map((y) => y / 2) });
  const anywhere = fc.record({ lon: fc.double({ min: -180, max: 180, noNaN: true }), lat: fc.double({ min: -90, max: 90, noNaN: true }) });
  const point = fc.oneof({ arbitrary: grid, weight: 4 }, { arbitrary: anywhere, weight: 1 });
  const query = fc.record({
    lon: fc.oneof(
      fc.double({ min: -180, max: 180, noNaN: true }),
      fc.integer({ min: -4, max: 8 }).map((x) => x / 2),
    ),
    lat: fc.oneof(
      fc.double({ min: -90, max: 90, noNaN: true }),
      fc.integer({ min: 86, max: 102 }).map((y) => y / 2),
    ),
    limit: fc.integer({ min: 1, max: 120 }),
    radiusKm: fc.oneof(fc.double({ min: 0.001, max: 100, noNaN: true }), fc.constantFrom(10, 100, 20_000)),
    every: fc.integer({ min: 0, max: 4 }),
  });

  it("finds what geokdbush's around finds, the same ids in the same order, ties included", () => {
    fc.assert(
      fc.property(
        fc.array(point, { maxLength: 400 }),
        fc.integer({ min: 2, max: 64 }),
        fc.array(query, { minLength: 1, maxLength: 5 }),
        (points, nodeSize, queries) => {
          const index = tree(points, nodeSize);
          for (const q of queries) {
            const keep = q.every === 0 ? undefined : (id: number) => id % q.every === 0;
            expect(nearestIds(index, q.lon, q.lat, q.limit, q.radiusKm, keep)).toEqual(around(index, q.lon, q.lat, q.limit, q.radiusKm, keep));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("agrees with geokdbush on a national-like index (clusters of places at the same address)", () => {
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const centres = Array.from({ length: 500 }, () => ({ lon: -4.5 + random() * 12.5, lat: 42.5 + random() * 8.5 }));
    const points = Array.from({ length: 60_000 }, (_, i) => {
      const c = centres[i % centres.length]!;
      // One place in four at its commune's centre exactly, as approximate places are.
      return i % 4 === 0 ? c : { lon: c.lon + (random() - 0.5) * 0.05, lat: c.lat + (random() - 0.5) * 0.05 };
    });
    const index = tree(points);
    for (let k = 0; k < 1_000; k++) {
      const c = centres[Math.floor(random() * centres.length)]!;
      const lon = c.lon + (random() - 0.5) * 0.1;
      const lat = c.lat + (random() - 0.5) * 0.1;
      const limit = k % 3 === 0 ? 100 : 20;
      const radiusKm = k % 5 === 0 ? 100 : 10;
      const keep = k % 7 === 0 ? (id: number) => id % 13 === 0 : undefined;
      expect(nearestIds(index, lon, lat, limit, radiusKm, keep)).toEqual(around(index, lon, lat, limit, radiusKm, keep));
    }
  });
});
