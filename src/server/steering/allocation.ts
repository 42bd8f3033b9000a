import { readFileSync } from "node:fs";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ALLOCATION_RULES, allocateRegionalCredits, type Allocation } from "../../domain/funding/allocation.js";
import { parseBirthsCsv, type BirthsLevel, type BirthsTable } from "../../domain/funding/births.js";
import type { Queryable } from "../db/database.js";
import { writeAudit } from "./audit.js";
import { guard, sessionOf } from "./auth.js";
import { notFound, sendFieldErrors, sendFileReport, type SteeringContext } from "./context.js";

/**
 * Regional credit allocation (instruction SGMCAS/2023/110 §3.1, `src/domain/funding/allocation.ts`) and the
 * births tables it uses. The INSEE 2022 table ships in `data/steering/`; a national administrator loads
 * another year (the 2021 table the rule names) from CSV. Unless the request names a year, the calculator
 * uses the table of the year the rule names when it is loaded, otherwise the shipped 2022 table, and its
 * result always says which year it used.
 */
export interface BirthsTableInfo {
  year: number;
  source: string;
  level: BirthsLevel;
  shipped: boolean;
  loadedAt: string | null;
  loadedBy: string | null;
  byRegion: Record<string, number>;
}

const SHIPPED_FILE = new URL("../../../data/steering/births-2022-by-departement.csv", import.meta.url);

let shipped: BirthsTable | undefined;
/** The INSEE 2022 table shipped with the app (by département, summed by region). */
export function shippedBirths(): BirthsTable {
  if (!shipped) {
    const parsed = parseBirthsCsv(readFileSync(SHIPPED_FILE, "utf8"));
    if (!parsed.ok) throw new Error(`data/steering/births-2022-by-departement.csv invalide : ${parsed.errors.map((e) => e.message).join(" ; ")}`);
    shipped = parsed.table;
  }
  return shipped;
}

export async function birthsTables(db: Queryable): Promise<BirthsTableInfo[]> {
  const rows = await db.query<{ year: number; source: string; level: BirthsLevel; byRegion: Record<string, number>; loadedAt: string | Date; loadedBy: string }>(
    `SELECT year, source, level, by_region AS "byRegion", loaded_at AS "loadedAt", loaded_by AS "loadedBy" FROM steering_births_table ORDER BY year`,
  );
  const loaded: BirthsTableInfo[] = rows.map((r) => ({ ...r, shipped: false, loadedAt: new Date(r.loadedAt).toISOString() }));
  const base = shippedBirths();
  const tables = loaded.some((t) => t.year === base.year)
    ? loaded
    : [...loaded, { year: base.year, source: base.source, level: "departement" as const, shipped: true, loadedAt: null, loadedBy: null, byRegion: base.byRegion }];
  return tables.sort((a, b) => a.year - b.year);
}

/** The year used when none is asked: the rule's births year if loaded, else the shipped table's. */
export function defaultBirthsYear(tables: readonly BirthsTableInfo[], ruleBirthsYear: number): number {
  return tables.find((t) => t.year === ruleBirthsYear)?.year ?? shippedBirths().year;
}

const rulesSummary = () =>
  Object.values(ALLOCATION_RULES).map((r) => ({ year: r.year, fixedPerRegion: r.fixedPerRegion, birthsYear: r.birthsYear, funder: r.funder, source: r.source }));

interface StoredAllocation extends Allocation {
  id: string;
  computedAt: string;
  computedBy: string;
}

export function allocationRoutes(ctx: SteeringContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ["pilotage : répartition des crédits"];
    const national = guard(ctx, ["national"]);

    app.get(
      "/pilotage/naissances",
      { schema: { summary: "Tables des naissances disponibles, règles de répartition connues et table utilisée par défaut", tags }, onRequest: guard(ctx) },
      async () => {
        const tables = await birthsTables(ctx.db);
        const rules = rulesSummary();
        return { rules, tables, defaultYear: defaultBirthsYear(tables, rules.at(-1)!.birthsYear) };
      },
    );

    app.post(
      "/pilotage/naissances",
      {
        schema: {
          summary: "Charger une table des naissances (CSV par région ou par département) ; remplace la table de la même année",
          tags,
          body: z.strictObject({ csv: z.string().max(2_000_000), source: z.string().max(500).optional() }),
        },
        bodyLimit: 3 * 1024 * 1024,
        onRequest: national,
      },
      async (request, reply) => {
        const { account } = sessionOf(request);
        const parsed = parseBirthsCsv(request.body.csv, request.body.source ? { source: request.body.source } : {});
        if (!parsed.ok) return sendFileReport(reply, parsed.errors, "La table n'est pas chargée");
        const { table, level, warnings } = parsed;
        const now = ctx.now();
        await ctx.db.transaction(async (tx) => {
          const [before] = await tx.query("SELECT year, source, by_region AS \"byRegion\" FROM steering_births_table WHERE year = $1", [table.year]);
          await tx.query(
            `INSERT INTO steering_births_table (year, source, level, by_region, by_departement, loaded_at, loaded_by) VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7)
             ON CONFLICT (year) DO UPDATE SET source = EXCLUDED.source, level = EXCLUDED.level, by_region = EXCLUDED.by_region,
               by_departement = EXCLUDED.by_departement, loaded_at = EXCLUDED.loaded_at, loaded_by = EXCLUDED.loaded_by`,
            [table.year, table.source, level, JSON.stringify(table.byRegion), table.byDepartement ? JSON.stringify(table.byDepartement) : null, now.toISOString(), account.email],
          );
          await writeAudit(tx, { at: now, actor: account, action: "naissances.chargement", before: before ?? null, after: { year: table.year, source: table.source, byRegion: table.byRegion } });
        });
        return reply.status(201).send({ ok: true, year: table.year, source: table.source, level, regions: Object.keys(table.byRegion).length, warnings });
      },
    );

    app.post(
      "/pilotage/repartitions",
      {
        schema: {
          summary: "Calculer la répartition des crédits régionaux (administration nationale) ; le résultat est enregistré et visible de tous les comptes",
          tags,
          body: z.strictObject({
            year: z.int(),
            volet: z.enum(["sante", "social"]),
            envelope: z.number(),
            regions: z.array(z.string().max(3)).max(30),
            birthsYear: z.int().optional(),
          }),
        },
        onRequest: national,
      },
      async (request, reply) => {
        const { account } = sessionOf(request);
        const { year, volet, envelope, regions, birthsYear } = request.body;
        const tables = await birthsTables(ctx.db);
        const rule = ALLOCATION_RULES[year];
        const wanted = birthsYear ?? defaultBirthsYear(tables, rule?.birthsYear ?? 0);
        const info = tables.find((t) => t.year === wanted);
        if (!info) return sendFieldErrors(reply, [{ field: "birthsYear", message: `Aucune table des naissances ${wanted} n'est chargée (tables disponibles : ${tables.map((t) => t.year).join(", ")}).` }], "Calcul impossible");
        const result = allocateRegionalCredits({ year, volet, envelope, participatingRegions: regions, births: { year: info.year, source: info.source, byRegion: info.byRegion } });
        if (!result.ok) return sendFieldErrors(reply, result.errors.map((e) => ({ field: e.regionCode ? `regions.${e.regionCode}` : e.code, message: e.message })), "Calcul impossible");
        const now = ctx.now();
        const stored = await ctx.db.transaction(async (tx) => {
          const [row] = await tx.query<{ id: string }>(
            "INSERT INTO steering_allocation (year, volet, result, computed_at, computed_by) VALUES ($1, $2, $3::jsonb, $4, $5) RETURNING id::text AS id",
            [year, volet, JSON.stringify(result.allocation), now.toISOString(), account.email],
          );
          await writeAudit(tx, { at: now, actor: account, action: "repartition.calcul", after: { id: row!.id, year, volet, envelope, regions, birthsYear: info.year } });
          return { ...result.allocation, id: row!.id, computedAt: now.toISOString(), computedBy: account.email } satisfies StoredAllocation;
        });
        return reply.status(201).send(stored);
      },
    );

    const readAllocations = async (where: string, params: unknown[]) =>
      (
        await ctx.db.query<{ id: string; result: Allocation; computedAt: string | Date; computedBy: string }>(
          `SELECT id::text AS id, result, computed_at AS "computedAt", computed_by AS "computedBy" FROM steering_allocation ${where}`,
          params,
        )
      ).map((r): StoredAllocation => ({ ...r.result, id: r.id, computedAt: new Date(r.computedAt).toISOString(), computedBy: r.computedBy }));

    app.get(
      "/pilotage/repartitions",
      { schema: { summary: "Répartitions calculées, la plus récente d'abord (tous les comptes)", tags }, onRequest: guard(ctx) },
      async () => readAllocations("ORDER BY id DESC LIMIT 50", []),
    );

    app.get(
      "/pilotage/repartitions/:id",
      { schema: { summary: "Une répartition calculée", tags, params: z.strictObject({ id: z.string().regex(/^\d{1,18}$/) }) }, onRequest: guard(ctx) },
      async (request, reply) => {
        const [found] = await readAllocations("WHERE id = $1", [request.params.id]);
        return found ?? notFound(reply, "Aucune répartition ne porte cet identifiant.");
      },
    );
  };
}
