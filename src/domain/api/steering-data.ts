import { z } from "zod";
import { INDICATORS, MAX_YEAR, MIN_OBSERVATION_YEAR } from "../steering/barometer.js";
import type { Contract } from "./contract.js";

/**
 * The steering's figures (issue 11): the EPP/EPNP barometer (private and public), the births tables and the
 * regional credit allocations, as the API sends them. Output-only schemas: they list every field the routes
 * send (the server strips anything else and fails on a mismatch), with no transform. Server:
 * src/server/steering/barometer/routes.ts and src/server/steering/allocation/routes.ts; browser:
 * src/web/routes/pilotage/BarometerView.tsx and AllocationPage.tsx.
 */

/** A line of an imported file the server warns about (the file was still loaded). */
export const lineWarningSchema = z.object({ line: z.number().int().nullable(), column: z.string().optional(), message: z.string() });

const indicatorSchema = z.enum(INDICATORS);

export const nationalTargetSchema = z.object({ indicator: indicatorSchema, year: z.number().int(), percent: z.number(), source: z.string() });

export const nationalPointSchema = z.object({
  year: z.number().int(),
  numerator: z.number(),
  denominator: z.number(),
  percent: z.number(),
  departementsCount: z.number().int(),
  missingDepartements: z.array(z.string()),
  target: nationalTargetSchema.nullable(),
  gapPoints: z.number().nullable(),
  changePoints: z.number().nullable(),
});

export const departementGapSchema = z.object({
  departement: z.string(),
  nom: z.string(),
  region: z.string(),
  numerator: z.number(),
  denominator: z.number(),
  percent: z.number(),
  targetPercent: z.number().nullable(),
  targetSource: z.enum(["departemental", "national"]).nullable(),
  gapPoints: z.number().nullable(),
});

export const regionPointSchema = z.object({
  region: z.string(),
  nom: z.string(),
  numerator: z.number(),
  denominator: z.number(),
  percent: z.number(),
  departementsCount: z.number().int(),
});

/** The barometer dashboard; `loadedBy` (who loaded a file) only on the private one. */
export const dashboardSchema = z.object({
  indicator: indicatorSchema,
  indicatorLabel: z.string(),
  nationalTargets: z.array(nationalTargetSchema),
  sources: z.array(
    z.object({
      kind: z.string(),
      source: z.string(),
      fictitious: z.boolean(),
      rows: z.number().int(),
      loadedAt: z.string(),
      loadedBy: z.string().optional(),
    }),
  ),
  fictitious: z.boolean(),
  loaded: z.boolean(),
  message: z.string().nullable(),
  years: z.array(z.number().int()),
  year: z.number().int().nullable(),
  national: z.array(nationalPointSchema),
  departements: z.array(departementGapSchema),
  regions: z.array(regionPointSchema),
});
export type Dashboard = z.output<typeof dashboardSchema>;

export const barometerQuerySchema = z.strictObject({
  indicator: indicatorSchema.default("epp"),
  year: z.coerce.number().int().min(MIN_OBSERVATION_YEAR).max(MAX_YEAR).optional(),
});

export const barometerValuesBodySchema = z.strictObject({ csv: z.string().max(5_000_000), source: z.string().max(500).optional() });
export const barometerValuesReportSchema = z.object({ ok: z.literal(true), source: z.string(), rows: z.number().int(), warnings: z.array(lineWarningSchema) });
export const barometerTargetsBodySchema = z.strictObject({ csv: z.string().max(5_000_000) });
export const barometerTargetsReportSchema = z.object({ ok: z.literal(true), rows: z.number().int(), warnings: z.array(lineWarningSchema) });

const voletSchema = z.enum(["sante", "social"]);
const byRegionSchema = z.record(z.string(), z.number());

/** The births tables available (loaded, and the shipped INSEE one), the known rules and the year used by default. */
export const birthsOverviewSchema = z.object({
  rules: z.array(
    z.object({
      year: z.number().int(),
      fixedPerRegion: z.object({ sante: z.number(), social: z.number() }),
      birthsYear: z.number().int(),
      funder: z.object({ sante: z.string(), social: z.string() }),
      source: z.string(),
    }),
  ),
  tables: z.array(
    z.object({
      year: z.number().int(),
      source: z.string(),
      level: z.enum(["region", "departement"]),
      shipped: z.boolean(),
      loadedAt: z.string().nullable(),
      loadedBy: z.string().nullable(),
      byRegion: byRegionSchema,
    }),
  ),
  defaultYear: z.number().int(),
});
export type BirthsOverview = z.output<typeof birthsOverviewSchema>;

export const birthsBodySchema = z.strictObject({ csv: z.string().max(2_000_000), source: z.string().max(500).optional() });
export const birthsReportSchema = z.object({
  ok: z.literal(true),
  year: z.number().int(),
  source: z.string(),
  level: z.enum(["region", "departement"]),
  regions: z.number().int(),
  warnings: z.array(lineWarningSchema),
});

/** A computed allocation as stored (src/domain/funding/allocation.ts `Allocation`, with its id and author). */
export const storedAllocationSchema = z.object({
  id: z.string(),
  computedAt: z.string(),
  computedBy: z.string(),
  year: z.number().int(),
  volet: voletSchema,
  funder: z.string(),
  envelope: z.number(),
  fixedPerRegion: z.number(),
  fixedTotal: z.number(),
  proportionalTotal: z.number(),
  birthsYear: z.number().int(),
  ruleBirthsYear: z.number().int(),
  birthsSource: z.string(),
  birthsTotal: z.number(),
  roundingEuros: z.number(),
  regions: z.array(
    z.object({
      regionCode: z.string(),
      regionName: z.string(),
      births: z.number(),
      fixed: z.number(),
      proportional: z.number(),
      total: z.number(),
      roundingEuro: z.union([z.literal(0), z.literal(1)]),
    }),
  ),
  notices: z.array(z.string()),
  ruleSource: z.string(),
  roundingRule: z.string(),
});
export type StoredAllocation = z.output<typeof storedAllocationSchema>;

export const allocationBodySchema = z.strictObject({
  year: z.int(),
  volet: voletSchema,
  envelope: z.number(),
  regions: z.array(z.string().max(3)).max(30),
  birthsYear: z.int().optional(),
});
export const allocationParamsSchema = z.strictObject({ id: z.string().regex(/^\d{1,18}$/) });

export const steeringDataContract = {
  "GET /pilotage/barometre": { query: barometerQuerySchema, response: dashboardSchema },
  "GET /barometre": { query: barometerQuerySchema, response: dashboardSchema },
  "POST /pilotage/barometre/valeurs": { body: barometerValuesBodySchema, response: barometerValuesReportSchema, status: 201 },
  "POST /pilotage/barometre/objectifs": { body: barometerTargetsBodySchema, response: barometerTargetsReportSchema, status: 201 },
  "GET /pilotage/naissances": { response: birthsOverviewSchema },
  "POST /pilotage/naissances": { body: birthsBodySchema, response: birthsReportSchema, status: 201 },
  "POST /pilotage/repartitions": { body: allocationBodySchema, response: storedAllocationSchema, status: 201 },
  "GET /pilotage/repartitions": { response: z.array(storedAllocationSchema) },
  "GET /pilotage/repartitions/:id": { params: allocationParamsSchema, response: storedAllocationSchema },
} satisfies Contract;
