import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { isPlaceTypeId, placeType, placeTypeIds, placeTypes, type PlaceTypeId } from "../../domain/geo/index.js";
import type { Database } from "../db/database.js";
import { problemSchema, sendProblem } from "../problem.js";
import type { Nearby, PlacesService } from "./place-index.js";
import type { PlaceRow } from "./store.js";

export const MAX_RADIUS_KM = 100;
export const DEFAULT_RADIUS_KM = 10;
export const MAX_LIMIT = 100;
export const DEFAULT_LIMIT = 20;


/** A decimal query parameter with French messages a person can act on (the error handler prefixes the field name). */
function decimalParam(label: string, min: number, max: number, example: string, options: { minExclusive?: boolean } = {}) {
  const range = options.minExclusive ? `doit être supérieur à ${min} et au plus ${max}` : `doit être entre ${min} et ${max}`;
  return z
    .string({ error: (issue) => (issue.input === undefined ? `${label} est obligatoire` : `${label} doit être un nombre`) })
    .trim()
    .regex(/^[-+]?\d+(\.\d+)?$/, { error: `${label} doit être un nombre décimal écrit avec un point (par exemple ${example})` })
    .transform(Number)
    .pipe(z.number().refine((n) => (options.minExclusive ? n > min : n >= min) && n <= max, { error: `${label} ${range}` }));
}

const typesParam = z
  .union([z.string(), z.array(z.string())], { error: "types doit être une liste d'identifiants séparés par des virgules" })
  .optional()
  .transform((value, ctx): PlaceTypeId[] => {
    const ids = (Array.isArray(value) ? value : [value ?? ""]).flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
    const unknown = ids.filter((id) => !isPlaceTypeId(id));
    if (unknown.length)
      ctx.issues.push({
        code: "custom",
        input: value,
        message: `type de lieu inconnu : ${unknown.map((u) => `« ${u.slice(0, 40)} »`).join(", ")} (types possibles : ${placeTypeIds.join(", ")})`,
      });
    return [...new Set(ids.filter(isPlaceTypeId))];
  });

/** Query parameters of `/places` (exported for the benchmark). */
export const placesQuery = z.strictObject(
  {
    lat: decimalParam("la latitude", -90, 90, "48.8566"),
    lon: decimalParam("la longitude", -180, 180, "2.3522"),
    types: typesParam,
    radius_km: decimalParam("le rayon en kilomètres", 0, MAX_RADIUS_KM, "10", { minExclusive: true }).optional(),
    limit: z
      .string()
      .regex(/^\d+$/, { error: `limit doit être un nombre entier entre 1 et ${MAX_LIMIT}` })
      .transform(Number)
      .pipe(z.number().int().min(1, { error: `limit doit être au moins 1` }).max(MAX_LIMIT, { error: `limit doit être au plus ${MAX_LIMIT}` }))
      .optional(),
  },
  { error: (issue) => (issue.code === "unrecognized_keys" ? `paramètre(s) inconnu(s) : ${issue.keys.join(", ")} (possibles : lat, lon, types, radius_km, limit)` : undefined) },
);

const placeProperties = z.object({
  id: z.string(),
  type: z.string(),
  type_label: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  postcode: z.string().nullable(),
  commune_code: z.string().nullable(),
  commune_name: z.string().nullable(),
  phone: z.string().nullable(),
  url: z.string().nullable(),
  approximate: z.boolean().describe("vrai quand le lieu est placé au centre de sa commune faute d'adresse géolocalisée"),
  source: z.string(),
  category: z.string().nullable(),
  category_label: z.string().nullable(),
  updated: z.string().nullable(),
});
const pointSchema = z.object({ type: z.literal("Point"), coordinates: z.tuple([z.number(), z.number()]) });
const featureSchema = z.object({ type: z.literal("Feature"), id: z.string(), geometry: pointSchema, properties: placeProperties });
const nearbyFeatureSchema = featureSchema.extend({ properties: placeProperties.extend({ distance_m: z.number().int() }) });
export const featureCollectionSchema = z.object({
  type: z.literal("FeatureCollection"),
  features: z.array(nearbyFeatureSchema),
  query: z.object({ lat: z.number(), lon: z.number(), radius_km: z.number(), limit: z.number(), types: z.array(z.string()) }),
});

const placeTypeSchema = z.object({
  id: z.string(),
  label: z.string(),
  description: z.string(),
  sources: z.array(z.string()),
  finess_categories: z.array(z.string()),
  rpps: z.array(z.string()),
  approximate: z.boolean(),
  note: z.string().nullable(),
  count: z.number().int(),
});

const communeSchema = z.object({
  code: z.string(),
  name: z.string(),
  dep: z.string(),
  postcodes: z.array(z.string()),
  lat: z.number(),
  lon: z.number(),
  population: z.number().nullable(),
});

function feature(p: PlaceRow) {
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
      const f = feature(place);
      return { ...f, properties: { ...f.properties, distance_m: distanceM } };
    }),
    query,
  };
}

/**
 * `/places`, `/places/{id}`, `/place-types`, `/communes`: answered from the in-memory index, never
 * from the database, so a request costs a tree walk. Nothing here logs a coordinate.
 */
export function placesRoutes(_db: Database, service: PlacesService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/places",
      {
        schema: {
          summary: "Lieux et professionnels des 1000 jours autour d'un point, du plus proche au plus loin (GeoJSON)",
          description: `Rayon par défaut ${DEFAULT_RADIUS_KM} km (au plus ${MAX_RADIUS_KM}), ${DEFAULT_LIMIT} résultats par défaut (au plus ${MAX_LIMIT}). types : identifiants de /place-types séparés par des virgules.`,
          tags: ["lieux"],
          querystring: placesQuery,
          response: { 200: featureCollectionSchema, 400: problemSchema },
        },
      },
      async (request, reply) => {
        const { lat, lon, types = [], radius_km = DEFAULT_RADIUS_KM, limit = DEFAULT_LIMIT } = request.query;
        const found = service.current.nearby({ lat, lon, radiusKm: radius_km, limit, types });
        // The response schema documents the answer and TypeScript checks it at build time; its runtime
        // check (zod encode) would cost as much as the nearest-place search itself, so it is skipped here.
        reply.serializer(JSON.stringify);
        return featureCollection(found, { lat, lon, radius_km, limit, types });
      },
    );

    app.get(
      "/places/:id",
      {
        schema: {
          summary: "Un lieu (GeoJSON Feature)",
          tags: ["lieux"],
          params: z.strictObject({ id: z.string().max(120, { error: "identifiant trop long" }) }),
          response: { 200: featureSchema, 404: problemSchema },
        },
      },
      async (request, reply) => {
        const place = service.current.get(request.params.id);
        if (!place) return sendProblem(reply, { status: 404, title: "Lieu introuvable", detail: `Aucun lieu ne porte l'identifiant « ${request.params.id} ».` });
        return feature(place);
      },
    );

    app.get(
      "/place-types",
      { schema: { summary: "Les types de lieux, leurs sources et le nombre de lieux de chaque type", tags: ["lieux"], response: { 200: z.array(placeTypeSchema) } } },
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
          querystring: z.strictObject({
            q: z
              .string({ error: "q manquant : un code postal ou le début d'un nom de commune" })
              .trim()
              .min(2, { error: "q doit compter au moins 2 caractères" })
              .max(80, { error: "q doit compter au plus 80 caractères" }),
            limit: z
              .string()
              .regex(/^\d+$/, { error: "limit doit être un nombre entier entre 1 et 50" })
              .transform(Number)
              .pipe(z.number().int().min(1, { error: "limit doit être au moins 1" }).max(50, { error: "limit doit être au plus 50" }))
              .optional(),
          }),
          response: { 200: z.array(communeSchema), 400: problemSchema },
        },
      },
      async (request) => service.current.searchCommunes(request.query.q, request.query.limit ?? 10),
    );
  };
}
