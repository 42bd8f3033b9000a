import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { DEFAULT_LIMIT, DEFAULT_RADIUS_KM, featureCollectionSchema, MAX_LIMIT, MAX_RADIUS_KM, placesContract, placesQuery } from "../../domain/api/places.js";
import { isPlaceTypeId, placeType, placeTypes } from "../../domain/geo/index.js";
import type { Database } from "../db/database.js";
import { NotFoundError } from "../../domain/errors.js";
import { problemSchema } from "../problem.js";
import type { Nearby, NearbyJson, PlacesService } from "./place-index.js";
import type { PlaceRow } from "./store.js";
import { AnswerCache } from "./answer-cache.js";
import { sendJsonText } from "../json-text.js";

export { DEFAULT_LIMIT, DEFAULT_RADIUS_KM, featureCollectionSchema, MAX_LIMIT, MAX_RADIUS_KM, placesQuery };

/** A place as `GET /places/{id}` answers it (the server renders its page with the same, src/server/request-pages.ts). */
export function placeFeature(p: PlaceRow) {
  return {
    type: "Feature" as const,
    id: p.id,
    geometry: { type: "Point" as const, coordinates: [p.lon, p.lat] as [number, number] },
    properties: {
      id: p.id,
      type: p.type,
      type_label: isPlaceTypeId(p.type) ? placeType(p.type).label : p.type,
      name: p.name,
      address: p.address,
      postcode: p.postcode,
      commune_code: p.commune_code,
      commune_name: p.commune_name,
      phone: p.phone,
      url: p.url,
      approximate: p.approximate,
      source: p.source,
      category: p.category,
      category_label: p.category_label,
      updated: p.updated,
    },
  };
}

/** The `/places` answer for places already found and sorted (also used by the PostGIS benchmark). */
export function featureCollection(found: readonly Nearby[], query: { lat: number; lon: number; radius_km: number; limit: number; types: string[] }) {
  return {
    type: "FeatureCollection" as const,
    features: found.map(({ place, distanceM }) => {
      const f = placeFeature(place);
      return { ...f, properties: { ...f.properties, distance_m: distanceM } };
    }),
    query,
  };
}

/** JSON text of a number, as JSON.stringify writes it. */
const num = (value: number) => (Number.isFinite(value) ? String(value) : "null");
/** `"type":…,"type_label":…` of each known place type, as JSON.stringify writes them. */
const typeJson = new Map<string, string>(placeTypes.map((t) => [t.id, `"type":${JSON.stringify(t.id)},"type_label":${JSON.stringify(t.label)}`]));

/**
 * `JSON.stringify(featureCollection(index.nearby(q), query))`, written directly from `index.nearbyJson(q)`, whose
 * fields are already JSON text: no object per place, no copy of each feature to add its distance, no value decoded
 * then serialised again. The same text, key for key (routes.test.ts compares them on generated places).
 */
export function featureCollectionJson(
  found: readonly NearbyJson[],
  query: { lat: number; lon: number; radius_km: number; limit: number; types: string[] },
): string {
  let json = '{"type":"FeatureCollection","features":[';
  for (let k = 0; k < found.length; k++) {
    const { place: p, distanceM } = found[k]!;
    if (k > 0) json += ",";
    json +=
      `{"type":"Feature","id":${p.id},"geometry":{"type":"Point","coordinates":[${num(p.lon)},${num(p.lat)}]},` +
      `"properties":{"id":${p.id},${typeJson.get(p.type) ?? `"type":${JSON.stringify(p.type)},"type_label":${JSON.stringify(p.type)}`},` +
      `"name":${p.name},"address":${p.address},"postcode":${p.postcode},"commune_code":${p.commune_code},` +
      `"commune_name":${p.commune_name},"phone":${p.phone},"url":${p.url},"approximate":${p.approximate},` +
      `"source":${p.source},"category":${p.category},"category_label":${p.category_label},"updated":${p.updated},` +
      `"distance_m":${num(distanceM)}}}`;
  }
  return `${json}],"query":${JSON.stringify(query)}}`;
}

/** Answers of `/places` kept by URL for the current index: 2 000 at most, 40 MB at most (a full answer of 100 places is about 60 kB). */
const PLACES_CACHE_ENTRIES = 2000;
const PLACES_CACHE_BYTES = 40_000_000;

/**
 * `/places`, `/places/{id}`, `/place-types`, `/communes`: answered from the in-memory index, never
 * from the database, so a request costs a tree walk. Nothing here logs a coordinate.
 */
export function placesRoutes(_db: Database, service: PlacesService): FastifyPluginAsyncZod {
  return async (app) => {
    // The same search asked again (a commune's centre, the page reloaded, the map moved back) is answered from the
    // answers of the current index without parsing, searching or serialising again; a new index empties it.
    const answers = new AnswerCache<object>(PLACES_CACHE_ENTRIES, PLACES_CACHE_BYTES);
    app.get(
      "/places",
      {
        onRequest: async (request, reply) => {
          const answer = answers.get(service.current, request.url);
          if (answer !== undefined) return sendJsonText(reply, answer);
        },
        schema: {
          summary: "Lieux et professionnels des 1000 jours autour d'un point, du plus proche au plus loin (GeoJSON)",
          description: `Rayon par défaut ${DEFAULT_RADIUS_KM} km (au plus ${MAX_RADIUS_KM}), ${DEFAULT_LIMIT} résultats par défaut (au plus ${MAX_LIMIT}). types : identifiants de /place-types séparés par des virgules.`,
          tags: ["lieux"],
          querystring: placesContract["GET /places"].query,
          response: { 200: placesContract["GET /places"].response, 400: problemSchema },
        },
      },
      async (request, reply) => {
        const { lat, lon, types = [], radius_km = DEFAULT_RADIUS_KM, limit = DEFAULT_LIMIT } = request.query;
        const index = service.current;
        const found = index.nearbyJson({ lat, lon, radiusKm: radius_km, limit, types });
        // The response schema documents the answer; its runtime check (zod encode) would cost as much as the
        // nearest-place search itself, so the answer is written as JSON text here (featureCollectionJson).
        const answer = featureCollectionJson(found, { lat, lon, radius_km, limit, types });
        answers.set(index, request.url, answer);
        return sendJsonText(reply, answer);
      },
    );

    app.get(
      "/places/:id",
      {
        schema: {
          summary: "Un lieu (GeoJSON Feature)",
          tags: ["lieux"],
          params: placesContract["GET /places/:id"].params,
          response: { 200: placesContract["GET /places/:id"].response, 404: problemSchema },
        },
      },
      async (request) => {
        const place = service.current.get(request.params.id);
        if (!place) throw new NotFoundError(`Aucun lieu ne porte l'identifiant « ${request.params.id} ».`, { title: "Lieu introuvable" });
        return placeFeature(place);
      },
    );

    app.get(
      "/place-types",
      {
        schema: {
          summary: "Les types de lieux, leurs sources et le nombre de lieux de chaque type",
          tags: ["lieux"],
          response: { 200: placesContract["GET /place-types"].response },
        },
      },
      async () =>
        placeTypes.map((t) => ({
          id: t.id,
          label: t.label,
          description: t.description,
          sources: t.sources,
          finess_categories: t.finess.map((c) => c.code),
          rpps: t.rpps.map((r) => (r.savoirFaire ? `${r.profession}/${r.savoirFaire}` : r.profession)),
          approximate: t.approximateByNature ?? false,
          note: t.note ?? null,
          count: service.current.countByType[t.id] ?? 0,
        })),
    );

    app.get(
      "/communes",
      {
        schema: {
          summary: "Communes par code postal ou début de nom (accents et majuscules ignorés), pour l'autocomplétion",
          tags: ["lieux"],
          querystring: placesContract["GET /communes"].query,
          response: { 200: placesContract["GET /communes"].response, 400: problemSchema },
        },
      },
      async (request) => service.current.searchCommunes(request.query.q, request.query.limit ?? 10),
    );
  };
}
