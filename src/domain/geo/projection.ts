import proj4 from "proj4";
import type { LatLon } from "./distance.js";

/**
 * Coordinate systems of the FINESS `geolocalisation` lines, named by the last token of `sourcecoordet`
 * (e.g. `1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,LAMBERT_93`).
 *
 * Token → EPSG as used by the public scripts that read FINESS (docs/data.md « FINESS »);
 * proj4 definitions as published in the EPSG registry (epsg.io). All are GRS80-based French geodetic
 * systems (RGF93, RRAF91/RGAF09, RGSPM06, RGFG95, RGM04, RGR92), equal to WGS84 at the metre level
 * except RGFG95 (Guyane), which EPSG gives a 3 m shift.
 */
export const crsTokens = ["LAMBERT_93", "UTM_N20", "UTM_N21", "UTM_N22", "UTM_S38", "UTM_S40"] as const;
export type CrsToken = (typeof crsTokens)[number];

interface CrsDefinition {
  epsg: number;
  name: string;
  territory: string;
  proj4: string;
  /** Where a point of this system may fall once in WGS84 (a generous box around the territory). */
  bounds: { minLat: number; maxLat: number; minLon: number; maxLon: number };
}

export const crsDefinitions: Record<CrsToken, CrsDefinition> = {
  LAMBERT_93: {
    epsg: 2154,
    name: "RGF93 v1 / Lambert-93",
    territory: "France métropolitaine",
    proj4: "+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=700000 +y_0=6600000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs",
    bounds: { minLat: 41.0, maxLat: 51.6, minLon: -5.8, maxLon: 10.0 },
  },
  UTM_N20: {
    epsg: 4559,
    name: "RRAF 1991 / UTM zone 20N",
    territory: "Guadeloupe, Martinique, Saint-Barthélemy, Saint-Martin",
    proj4: "+proj=utm +zone=20 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs",
    bounds: { minLat: 14.2, maxLat: 18.3, minLon: -63.3, maxLon: -60.7 },
  },
  UTM_N21: {
    epsg: 4467,
    name: "RGSPM06 / UTM zone 21N",
    territory: "Saint-Pierre-et-Miquelon",
    proj4: "+proj=utm +zone=21 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs",
    bounds: { minLat: 46.6, maxLat: 47.2, minLon: -56.5, maxLon: -56.0 },
  },
  UTM_N22: {
    epsg: 2972,
    name: "RGFG95 / UTM zone 22N",
    territory: "Guyane",
    proj4: "+proj=utm +zone=22 +ellps=GRS80 +towgs84=2,2,-2,0,0,0,0 +units=m +no_defs",
    bounds: { minLat: 2.0, maxLat: 6.0, minLon: -54.8, maxLon: -51.5 },
  },
  UTM_S38: {
    epsg: 4471,
    name: "RGM04 / UTM zone 38S",
    territory: "Mayotte",
    proj4: "+proj=utm +zone=38 +south +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs",
    bounds: { minLat: -13.1, maxLat: -12.55, minLon: 44.9, maxLon: 45.4 },
  },
  UTM_S40: {
    epsg: 2975,
    name: "RGR92 / UTM zone 40S",
    territory: "La Réunion",
    proj4: "+proj=utm +zone=40 +south +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs",
    bounds: { minLat: -21.45, maxLat: -20.8, minLon: 55.15, maxLon: 55.9 },
  },
};

const WGS84 = "+proj=longlat +datum=WGS84 +no_defs";
const converters = new Map<CrsToken, proj4.Converter>();

export function isCrsToken(token: string): token is CrsToken {
  return (crsTokens as readonly string[]).includes(token);
}

/**
 * The coordinate system named in a FINESS `sourcecoordet` value: its last comma- or semicolon-separated
 * token (`1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,LAMBERT_93` → `LAMBERT_93`). `null` when it is none of ours.
 */
export function parseCrsToken(source: string): CrsToken | null {
  const last = source.trim().split(/[,;]/).pop()?.trim().toUpperCase() ?? "";
  return isCrsToken(last) ? last : null;
}

/** Projected metres (easting x, northing y) in `crs` to WGS84 degrees; NaN when they are not finite numbers. */
export function toWgs84(crs: CrsToken, x: number, y: number): LatLon {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return { lat: Number.NaN, lon: Number.NaN };
  let converter = converters.get(crs);
  if (!converter) {
    converter = proj4(crsDefinitions[crs].proj4, WGS84);
    converters.set(crs, converter);
  }
  const [lon, lat] = converter.forward([x, y]) as [number, number];
  return { lat, lon };
}

/** WGS84 degrees to projected metres in `crs` (used by tests and by tools that write FINESS-like files). */
export function fromWgs84(crs: CrsToken, point: LatLon): { x: number; y: number } {
  const [x, y] = proj4(WGS84, crsDefinitions[crs].proj4, [point.lon, point.lat]) as [number, number];
  return { x, y };
}

/** Whether a reprojected point falls on the territory its coordinate system is made for. */
export function isWithinCrsTerritory(crs: CrsToken, p: LatLon): boolean {
  const b = crsDefinitions[crs].bounds;
  return p.lat >= b.minLat && p.lat <= b.maxLat && p.lon >= b.minLon && p.lon <= b.maxLon;
}
