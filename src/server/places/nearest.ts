import type KDBush from "kdbush";

/**
 * The ids of the points of `index` nearest to (lng, lat) on the sphere, nearest first, within `maxDistanceKm`, at most
 * `maxResults`, those `keep` refuses left out: geokdbush's `around` (ISC, Vladimir Agafonkin) walked step for step —
 * the same distances computed the same way, the same priority queue (tinyqueue's binary heap, the same comparisons in
 * the same order), so the same ids in the same order, ties included — without an object per queue entry. geokdbush
 * allocates one for every kd-tree node it opens and every point of every leaf it reads (hundreds per search over a
 * million places); here the entries live in typed arrays kept from one search to the next (the search is synchronous,
 * so one set serves the process). place-index.test.ts compares the two on generated points.
 */
export function nearestIds(index: KDBush, lng: number, lat: number, maxResults: number, maxDistanceKm: number, keep?: (id: number) => boolean): number[] {
  const maxHaverSinDist = haverSin(maxDistanceKm / EARTH_RADIUS_KM);
  const result: number[] = [];
  const { ids, coords, nodeSize } = index;
  const cosLat = Math.cos(lat * RAD);
  entries = 0;
  heapLength = 0;
  // The whole Earth, not queued: the first node opened.
  let node = addNode(0, ids.length - 1, 0, -180, -90, 180, 90, 0);

  while (node !== -1) {
    const right = entryB[node]!;
    const left = entryA[node]!;

    if (right - left <= nodeSize) {
      // A leaf: every point of it goes to the queue.
      for (let i = left; i <= right; i++) {
        const id = ids[i]!;
        if (!keep || keep(id)) push(addPoint(id, haverSinDist(lng, lat, coords[2 * i]!, coords[2 * i + 1]!, cosLat)));
      }
    } else {
      // A node: its middle point, then its two halves, each with the lower bound of its points' distances.
      const m = (left + right) >> 1;
      const midLng = coords[2 * m]!;
      const midLat = coords[2 * m + 1]!;
      const id = ids[m]!;
      if (!keep || keep(id)) push(addPoint(id, haverSinDist(lng, lat, midLng, midLat, cosLat)));

      const axis = entryAxis[node]!;
      const nextAxis = (axis + 1) % 2;
      const minLng = boxMinLng[node]!;
      const minLat = boxMinLat[node]!;
      const maxLng = boxMaxLng[node]!;
      const maxLat = boxMaxLat[node]!;
      const leftMaxLng = axis === 0 ? midLng : maxLng;
      const leftMaxLat = axis === 1 ? midLat : maxLat;
      const rightMinLng = axis === 0 ? midLng : minLng;
      const rightMinLat = axis === 1 ? midLat : minLat;
      const leftNode = addNode(
        left,
        m - 1,
        nextAxis,
        minLng,
        minLat,
        leftMaxLng,
        leftMaxLat,
        boxDist(lng, lat, cosLat, minLng, minLat, leftMaxLng, leftMaxLat),
      );
      const rightNode = addNode(
        m + 1,
        right,
        nextAxis,
        rightMinLng,
        rightMinLat,
        maxLng,
        maxLat,
        boxDist(lng, lat, cosLat, rightMinLng, rightMinLat, maxLng, maxLat),
      );
      push(leftNode);
      push(rightNode);
    }

    // The closest points of the queue: closer than everything left in it, points and nodes (a node's distance is a
    // lower bound of its points').
    let candidate: number;
    while ((candidate = pop()) !== -1 && entryIsPoint[candidate] === 1) {
      if (entryDist[candidate]! > maxHaverSinDist) return result;
      result.push(entryA[candidate]!);
      if (result.length === maxResults) return result;
    }
    // The next closest node, or none left.
    node = candidate;
  }
  return result;
}

const EARTH_RADIUS_KM = 6371;
const RAD = Math.PI / 180;

// ---------------------------------------------------------------------------------------------
// Queue entries, numbered in the order a search creates them. A point: entryA its id. A node: entryA..entryB its range
// of the kd-tree's arrays, its axis and bounding box. The heap holds entry numbers, ordered by entryDist.

let capacity = 0;
let entries = 0;
let entryDist = new Float64Array(0);
let entryA = new Int32Array(0);
let entryB = new Int32Array(0);
let entryAxis = new Uint8Array(0);
let entryIsPoint = new Uint8Array(0);
let boxMinLng = new Float64Array(0);
let boxMinLat = new Float64Array(0);
let boxMaxLng = new Float64Array(0);
let boxMaxLat = new Float64Array(0);
let heap = new Int32Array(0);
let heapLength = 0;

function grow(): void {
  capacity = Math.max(1024, capacity * 2);
  const more = <A extends Float64Array | Int32Array | Uint8Array>(from: A, make: (n: number) => A): A => {
    const to = make(capacity);
    to.set(from);
    return to;
  };
  entryDist = more(entryDist, (n) => new Float64Array(n));
  entryA = more(entryA, (n) => new Int32Array(n));
  entryB = more(entryB, (n) => new Int32Array(n));
  entryAxis = more(entryAxis, (n) => new Uint8Array(n));
  entryIsPoint = more(entryIsPoint, (n) => new Uint8Array(n));
  boxMinLng = more(boxMinLng, (n) => new Float64Array(n));
  boxMinLat = more(boxMinLat, (n) => new Float64Array(n));
  boxMaxLng = more(boxMaxLng, (n) => new Float64Array(n));
  boxMaxLat = more(boxMaxLat, (n) => new Float64Array(n));
  heap = more(heap, (n) => new Int32Array(n));
}

function addPoint(id: number, dist: number): number {
  if (entries === capacity) grow();
  const e = entries++;
  entryIsPoint[e] = 1;
  entryA[e] = id;
  entryDist[e] = dist;
  return e;
}

function addNode(left: number, right: number, axis: number, minLng: number, minLat: number, maxLng: number, maxLat: number, dist: number): number {
  if (entries === capacity) grow();
  const e = entries++;
  entryIsPoint[e] = 0;
  entryA[e] = left;
  entryB[e] = right;
  entryAxis[e] = axis;
  boxMinLng[e] = minLng;
  boxMinLat[e] = minLat;
  boxMaxLng[e] = maxLng;
  boxMaxLat[e] = maxLat;
  entryDist[e] = dist;
  return e;
}

/** tinyqueue's push (`_up`), comparing `a.dist - b.dist` as geokdbush's compareDist does. */
function push(item: number): void {
  let pos = heapLength++;
  const d = entryDist[item]!;
  while (pos > 0) {
    const parent = (pos - 1) >> 1;
    const current = heap[parent]!;
    if (d - entryDist[current]! >= 0) break;
    heap[pos] = current;
    pos = parent;
  }
  heap[pos] = item;
}

/** tinyqueue's pop (`_down` from the top); -1 when empty. */
function pop(): number {
  if (heapLength === 0) return -1;
  const top = heap[0]!;
  const bottom = heap[--heapLength]!;
  if (heapLength > 0) {
    let pos = 0;
    const half = heapLength >> 1;
    const d = entryDist[bottom]!;
    while (pos < half) {
      let bestChild = (pos << 1) + 1;
      const right = bestChild + 1;
      if (right < heapLength && entryDist[heap[right]!]! - entryDist[heap[bestChild]!]! < 0) bestChild = right;
      if (entryDist[heap[bestChild]!]! - d >= 0) break;
      heap[pos] = heap[bestChild]!;
      pos = bestChild;
    }
    heap[pos] = bottom;
  }
  return top;
}

// ---------------------------------------------------------------------------------------------
// geokdbush's distances, written the same way (the same floating-point operations in the same order).

/** Lower bound of the distance from a location to the points inside a bounding box. */
function boxDist(lng: number, lat: number, cosLat: number, minLng: number, minLat: number, maxLng: number, maxLat: number): number {
  // The query point is between the minimum and maximum longitudes.
  if (lng >= minLng && lng <= maxLng) {
    if (lat < minLat) return haverSin((lat - minLat) * RAD);
    if (lat > maxLat) return haverSin((lat - maxLat) * RAD);
    return 0;
  }
  // West or east of the box: the extremum of the great circle distance from the point to the closest longitude.
  const haverSinDLng = Math.min(haverSin((lng - minLng) * RAD), haverSin((lng - maxLng) * RAD));
  const extremumLat = vertexLat(lat, haverSinDLng);
  // Inside the box: the distance to it; otherwise to the closest corner.
  if (extremumLat > minLat && extremumLat < maxLat) return haverSinDistPartial(haverSinDLng, cosLat, lat, extremumLat);
  return Math.min(haverSinDistPartial(haverSinDLng, cosLat, lat, minLat), haverSinDistPartial(haverSinDLng, cosLat, lat, maxLat));
}

function haverSin(theta: number): number {
  const s = Math.sin(theta / 2);
  return s * s;
}

function haverSinDistPartial(haverSinDLng: number, cosLat1: number, lat1: number, lat2: number): number {
  return cosLat1 * Math.cos(lat2 * RAD) * haverSinDLng + haverSin((lat1 - lat2) * RAD);
}

function haverSinDist(lng1: number, lat1: number, lng2: number, lat2: number, cosLat1: number): number {
  const haverSinDLng = haverSin((lng1 - lng2) * RAD);
  return haverSinDistPartial(haverSinDLng, cosLat1, lat1, lat2);
}

function vertexLat(lat: number, haverSinDLng: number): number {
  const cosDLng = 1 - 2 * haverSinDLng;
  if (cosDLng <= 0) return lat > 0 ? 90 : -90;
  return Math.atan(Math.tan(lat * RAD) / cosDLng) / RAD;
}
