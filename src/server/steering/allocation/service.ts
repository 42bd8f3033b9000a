import { NotFoundError } from "../../../domain/errors.js";
import { ALLOCATION_RULES, allocateRegionalCredits, type Volet } from "../../../domain/funding/allocation.js";
import { MAX_BIRTHS_ROWS } from "../../../domain/funding/births.js";
import type { Queryable } from "../../db/database.js";
import type { Account } from "../../../domain/api/steering.js";
import { writeAudit } from "../audit.js";
import { fileRefused, invalidFields, type SteeringContext } from "../context.js";
import { checkLineBound, type ImportThread } from "../import-thread.js";
import { birthsTables, getAllocation, insertAllocation, shippedBirths, storeBirthsTable, type BirthsTableInfo, type StoredAllocation } from "./store.js";

/**
 * Regional credit allocation (instruction SGMCAS/2023/110 §3.1, `src/domain/funding/allocation.ts`) and the
 * births tables it uses. The INSEE 2022 table ships in `data/steering/`; a national administrator loads
 * another year (the 2021 table the rule names) from CSV. Unless the request names a year, the calculator
 * uses the table of the year the rule names when it is loaded, otherwise the shipped 2022 table, and its
 * result always says which year it used.
 */

type Ctx = Pick<SteeringContext, "db" | "now">;

/** The year used when none is asked: the rule's births year if loaded, else the shipped table's. */
export function defaultBirthsYear(tables: readonly BirthsTableInfo[], ruleBirthsYear: number): number {
  return tables.find((t) => t.year === ruleBirthsYear)?.year ?? shippedBirths().year;
}

const rulesSummary = () =>
  Object.values(ALLOCATION_RULES).map((r) => ({
    year: r.year,
    fixedPerRegion: r.fixedPerRegion,
    birthsYear: r.birthsYear,
    funder: r.funder,
    source: r.source,
  }));

/** The births tables available, the known rules and the table used by default. */
export async function birthsOverview(db: Queryable) {
  const tables = await birthsTables(db);
  const rules = rulesSummary();
  return { rules, tables, defaultYear: defaultBirthsYear(tables, rules.at(-1)!.birthsYear) };
}

/**
 * Loads a births table from CSV (by region or by département), replacing the table of the same year. The file is
 * read and checked in the import thread (import-thread.ts), never on the thread that answers parents.
 */
export async function loadBirthsTable(ctx: Ctx & { imports: ImportThread }, account: Account, input: { csv: string; source?: string | undefined }) {
  checkLineBound(input.csv, MAX_BIRTHS_ROWS, "lignes", "une table des naissances compte une ligne par région ou par département.");
  const parsed = await ctx.imports.run("births", { csv: input.csv, ...(input.source ? { source: input.source } : {}) });
  if (!parsed.ok) throw fileRefused(parsed.errors, "La table n'est pas chargée");
  const { table, level, warnings } = parsed;
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const before = await storeBirthsTable(tx, table, level, { loadedBy: account.email, now });
    await writeAudit(tx, {
      at: now,
      actor: account,
      action: "naissances.chargement",
      before,
      after: { year: table.year, source: table.source, byRegion: table.byRegion },
    });
  });
  return { ok: true as const, year: table.year, source: table.source, level, regions: Object.keys(table.byRegion).length, warnings };
}

/** Computes a regional allocation and stores it (visible to every account), with its audit entry. */
export async function computeAllocation(
  ctx: Ctx,
  account: Account,
  input: { year: number; volet: Volet; envelope: number; regions: string[]; birthsYear?: number | undefined },
): Promise<StoredAllocation> {
  const { year, volet, envelope, regions, birthsYear } = input;
  const tables = await birthsTables(ctx.db);
  const rule = ALLOCATION_RULES[year];
  const wanted = birthsYear ?? defaultBirthsYear(tables, rule?.birthsYear ?? 0);
  const info = tables.find((t) => t.year === wanted);
  if (!info)
    throw invalidFields(
      [{ field: "birthsYear", message: `Aucune table des naissances ${wanted} n'est chargée (tables disponibles : ${tables.map((t) => t.year).join(", ")}).` }],
      "Calcul impossible",
    );
  const result = allocateRegionalCredits({
    year,
    volet,
    envelope,
    participatingRegions: regions,
    births: { year: info.year, source: info.source, byRegion: info.byRegion },
  });
  if (!result.ok)
    throw invalidFields(
      result.errors.map((e) => ({ field: e.regionCode ? `regions.${e.regionCode}` : e.code, message: e.message })),
      "Calcul impossible",
    );
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const stored = await insertAllocation(tx, result.allocation, { computedBy: account.email, now });
    await writeAudit(tx, {
      at: now,
      actor: account,
      action: "repartition.calcul",
      after: { id: stored.id, year, volet, envelope, regions, birthsYear: info.year },
    });
    return stored;
  });
}

export async function readAllocation(db: Queryable, id: string): Promise<StoredAllocation> {
  const found = await getAllocation(db, id);
  if (!found) throw new NotFoundError("Aucune répartition ne porte cet identifiant.");
  return found;
}
