import { buildCommuneIndex, type CommuneIndex, type CompactCommune } from "../../../domain/geo/commune-search.js";

/** What the places API returns (see /api/v1/openapi.json). */
export interface PlaceFeature {
  id: string;
  geometry: { coordinates: [number, number] };
  properties: {
    id: string;
    type: string;
    type_label: string;
    name: string;
    address: string | null;
    postcode: string | null;
    commune_name: string | null;
    phone: string | null;
    url: string | null;
    approximate: boolean;
    source: string;
    category_label: string | null;
    updated: string | null;
    distance_m?: number;
  };
}

export interface PlaceTypeInfo {
  id: string;
  label: string;
  description: string;
  count: number;
  note: string | null;
}

export interface ServicesConfig {
  mapTilesUrl: string | null;
  mapTilesAttribution: string | null;
  geocoderUrl: string | null;
}

async function json<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as { detail?: string } | null;
    throw new Error(problem?.detail ?? `Erreur ${response.status}`);
  }
  return (await response.json()) as T;
}

let placeTypesPromise: Promise<PlaceTypeInfo[]> | null = null;
/** The place types with their counts in the index (asked once per page load; asked again after a failure). */
export function fetchPlaceTypes(): Promise<PlaceTypeInfo[]> {
  placeTypesPromise ??= json<PlaceTypeInfo[]>("/api/v1/place-types").catch((error: unknown) => {
    placeTypesPromise = null;
    throw error;
  });
  return placeTypesPromise;
}
export const fetchConfig = () => json<ServicesConfig>("/api/v1/config");
export const fetchPlace = (id: string) => json<PlaceFeature>(`/api/v1/places/${encodeURIComponent(id)}`);

export function fetchNearby(lat: number, lon: number, types: string[], radiusKm: number): Promise<{ features: PlaceFeature[] }> {
  const query = new URLSearchParams({ lat: lat.toFixed(5), lon: lon.toFixed(5), radius_km: String(radiusKm), limit: "50" });
  if (types.length) query.set("types", types.join(","));
  return json(`/api/v1/places?${query}`);
}

let communes: Promise<CompactCommune[]> | null = null;
/** The commune list for offline search (kept by the service worker after the first use). */
export function loadCommunes(): Promise<CompactCommune[]> {
  communes ??= json<CompactCommune[]>("/donnees/communes.json").catch((error: unknown) => {
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
  const data = await json<{ features: { properties: { label: string }; geometry: { coordinates: [number, number] } }[] }>(url);
  return data.features.map((f) => ({ label: f.properties.label, lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1] }));
}
