import { z } from "zod";
import { isPlaceTypeId, placeTypeIds, type PlaceTypeId } from "../geo/place-types.js";
import type { Contract } from "./contract.js";

/**
 * « Autour de moi » and the professionals' places list: the places API (`/places`, `/places/:id`,
 * `/place-types`, `/communes`, answered from the server's in-memory index) and the external services the
 * browser may use (`/config`). See docs/data.md.
 */

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
    const ids = (Array.isArray(value) ? value : [value ?? ""])
      .flatMap((v) => v.split(","))
      .map((v) => v.trim())
      .filter(Boolean);
    const unknown = ids.filter((id) => !isPlaceTypeId(id));
    if (unknown.length)
      ctx.issues.push({
        code: "custom",
        input: value,
        message: `type de lieu inconnu : ${unknown.map((u) => `« ${u.slice(0, 40)} »`).join(", ")} (types possibles : ${placeTypeIds.join(", ")})`,
      });
    return [...new Set(ids.filter(isPlaceTypeId))];
  });

/** Query parameters of `/places`. */
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
      .pipe(
        z
          .number()
          .int()
          .min(1, { error: `limit doit être au moins 1` })
          .max(MAX_LIMIT, { error: `limit doit être au plus ${MAX_LIMIT}` }),
      )
      .optional(),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys" ? `paramètre(s) inconnu(s) : ${issue.keys.join(", ")} (possibles : lat, lon, types, radius_km, limit)` : undefined,
  },
);

export const placeProperties = z.object({
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
export const featureSchema = z.object({ type: z.literal("Feature"), id: z.string(), geometry: pointSchema, properties: placeProperties });
export const nearbyFeatureSchema = featureSchema.extend({ properties: placeProperties.extend({ distance_m: z.number().int() }) });
export const featureCollectionSchema = z.object({
  type: z.literal("FeatureCollection"),
  features: z.array(nearbyFeatureSchema),
  query: z.object({ lat: z.number(), lon: z.number(), radius_km: z.number(), limit: z.number(), types: z.array(z.string()) }),
});
/** A place (`/places/:id`). */
export type PlaceFeature = z.output<typeof featureSchema>;
/** A place found around a point (`/places`), with its distance. */
export type NearbyFeature = z.output<typeof nearbyFeatureSchema>;

export const placeTypeSchema = z.object({
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
export type PlaceTypeInfo = z.output<typeof placeTypeSchema>;

export const communesQuery = z.strictObject({
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
});

export const communeSchema = z.object({
  code: z.string(),
  name: z.string(),
  dep: z.string(),
  postcodes: z.array(z.string()),
  lat: z.number(),
  lon: z.number(),
  population: z.number().nullable(),
});

/** External services the browser may use, each only when configured (never in tests). */
export const servicesConfigSchema = z.object({
  mapTilesUrl: z.string().nullable().describe("Modèle d'URL des tuiles avec {z}/{x}/{y} (MAP_TILES_URL), ou null : la carte montre alors les lieux sans fond"),
  mapTilesAttribution: z.string().nullable(),
  geocoderUrl: z.string().nullable().describe("URL de base d'un géocodeur d'adresses à l'API de la BAN (GEOCODER_URL), ou null"),
});
export type ServicesConfig = z.output<typeof servicesConfigSchema>;

export const placesContract = {
  "GET /places": { query: placesQuery, response: featureCollectionSchema },
  "GET /places/:id": { params: z.strictObject({ id: z.string().max(120, { error: "identifiant trop long" }) }), response: featureSchema },
  "GET /place-types": { response: z.array(placeTypeSchema) },
  "GET /communes": { query: communesQuery, response: z.array(communeSchema) },
  "GET /config": { response: servicesConfigSchema },
} satisfies Contract;
