import { callApi, fetchJson, type ApiResult } from "../../api/client.js";
import { buildCommuneIndex, type CommuneIndex, type CompactCommune } from "../../../domain/geo/commune-search.js";

import type { PlaceTypeInfo } from "../../../domain/api/places.js";
export type { NearbyFeature, PlaceFeature, PlaceTypeInfo, ServicesConfig } from "../../../domain/api/places.js";

/**
 * A failed call: the server's French detail (for logs and developers) and the HTTP status (0 offline), from which the
 * pages say what happened in the reader's language.
 */
export class PlacesApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function data<T>(answer: Promise<ApiResult<T>>): Promise<T> {
  const result = await answer;
  if (!result.ok) throw new PlacesApiError(result.problem.detail, result.status);
  return result.data;
}

let placeTypesPromise: Promise<PlaceTypeInfo[]> | null = null;
/** The place types with their counts in the index (asked once per page load; asked again after a failure). */
export function fetchPlaceTypes(): Promise<PlaceTypeInfo[]> {
  placeTypesPromise ??= data(callApi("GET /place-types")).catch((error: unknown) => {
    placeTypesPromise = null;
    throw error;
  });
  return placeTypesPromise;
}
export const fetchConfig = () => data(callApi("GET /config"));
export const fetchPlace = (id: string) => data(callApi("GET /places/:id", { params: { id } }));

export function fetchNearby(lat: number, lon: number, types: string[], radiusKm: number) {
  const query = { lat: lat.toFixed(5), lon: lon.toFixed(5), radius_km: String(radiusKm), limit: "50", ...(types.length ? { types: types.join(",") } : {}) };
  return data(callApi("GET /places", { query }));
}

let communes: Promise<CompactCommune[]> | null = null;
/** The commune list for offline search (kept by the service worker after the first use). */
export function loadCommunes(): Promise<CompactCommune[]> {
  communes ??= data(fetchJson<CompactCommune[]>("/donnees/communes.json")).catch((error: unknown) => {
    communes = null;
    throw error;
  });
  return communes;
}

let communeIndex: Promise<CommuneIndex> | null = null;
/** The commune list ready to search, built once for the pages that search it (retried after a failed load). */
export function loadCommuneIndex(): Promise<CommuneIndex> {
  communeIndex ??= loadCommunes().then(buildCommuneIndex, (error: unknown) => {
    communeIndex = null;
    throw error;
  });
  return communeIndex;
}

/** Address search through the configured BAN-compatible geocoder (online only, on request). */
export async function geocodeAddress(baseUrl: string, text: string): Promise<{ label: string; lat: number; lon: number }[]> {
  const url = `${baseUrl.replace(/\/$/, "")}/search/?q=${encodeURIComponent(text)}&limit=5`;
  const answer = await data(
    fetchJson<{ features: { properties: { label: string }; geometry: { coordinates: [number, number] } }[] }>(url, { credentials: "omit" }),
  );
  return answer.features.map((f) => ({ label: f.properties.label, lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1] }));
}
