import { readFileSync } from "node:fs";
import type { Allocation } from "../../../domain/funding/allocation.js";
import { parseBirthsCsv, type BirthsLevel, type BirthsTable } from "../../../domain/funding/births.js";
import type { Queryable } from "../../db/database.js";

/**
 * The births tables (the INSEE 2022 table shipped in `data/steering/`, the others loaded into
 * `steering_births_table`) and the computed allocations (`steering_allocation`).
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

const SHIPPED_FILE = new URL("../../../../data/steering/births-2022-by-departement.csv", import.meta.url);

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

/** Every births table: the loaded ones, and the shipped one unless a table of its year was loaded; by year. */
export async function birthsTables(db: Queryable): Promise<BirthsTableInfo[]> {
  const rows = await db.query<{
    year: number;
    source: string;
    level: BirthsLevel;
    byRegion: Record<string, number>;
    loadedAt: string | Date;
    loadedBy: string;
  }>(`SELECT year, source, level, by_region AS "byRegion", loaded_at AS "loadedAt", loaded_by AS "loadedBy" FROM steering_births_table ORDER BY year`);
  const loaded: BirthsTableInfo[] = rows.map((r) => ({ ...r, shipped: false, loadedAt: new Date(r.loadedAt).toISOString() }));
  const base = shippedBirths();
  const tables = loaded.some((t) => t.year === base.year)
    ? loaded
    : [
        ...loaded,
        { year: base.year, source: base.source, level: "departement" as const, shipped: true, loadedAt: null, loadedBy: null, byRegion: base.byRegion },
      ];
  return tables.sort((a, b) => a.year - b.year);
}

/** Stores a births table, replacing the one of the same year; returns the replaced table's summary, if any. */
export async function storeBirthsTable(tx: Queryable, table: BirthsTable, level: BirthsLevel, meta: { loadedBy: string; now: Date }): Promise<unknown> {
  const [before] = await tx.query('SELECT year, source, by_region AS "byRegion" FROM steering_births_table WHERE year = $1', [table.year]);
  await tx.query(
    `INSERT INTO steering_births_table (year, source, level, by_region, by_departement, loaded_at, loaded_by) VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7)
     ON CONFLICT (year) DO UPDATE SET source = EXCLUDED.source, level = EXCLUDED.level, by_region = EXCLUDED.by_region,
       by_departement = EXCLUDED.by_departement, loaded_at = EXCLUDED.loaded_at, loaded_by = EXCLUDED.loaded_by`,
    [
      table.year,
      table.source,
      level,
      JSON.stringify(table.byRegion),
      table.byDepartement ? JSON.stringify(table.byDepartement) : null,
      meta.now.toISOString(),
      meta.loadedBy,
    ],
  );
  return before ?? null;
}

export interface StoredAllocation extends Allocation {
  id: string;
  computedAt: string;
  computedBy: string;
}

export async function insertAllocation(tx: Queryable, allocation: Allocation, meta: { computedBy: string; now: Date }): Promise<StoredAllocation> {
  const [row] = await tx.query<{ id: string }>(
    "INSERT INTO steering_allocation (year, volet, result, computed_at, computed_by) VALUES ($1, $2, $3::jsonb, $4, $5) RETURNING id::text AS id",
    [allocation.year, allocation.volet, JSON.stringify(allocation), meta.now.toISOString(), meta.computedBy],
  );
  return { ...allocation, id: row!.id, computedAt: meta.now.toISOString(), computedBy: meta.computedBy };
}

async function readAllocations(db: Queryable, where: string, params: unknown[]): Promise<StoredAllocation[]> {
  const rows = await db.query<{ id: string; result: Allocation; computedAt: string | Date; computedBy: string }>(
    `SELECT id::text AS id, result, computed_at AS "computedAt", computed_by AS "computedBy" FROM steering_allocation ${where}`,
    params,
  );
  return rows.map((r) => ({ ...r.result, id: r.id, computedAt: new Date(r.computedAt).toISOString(), computedBy: r.computedBy }));
}

/** The latest computed allocations, most recent first. */
export const latestAllocations = (db: Queryable, limit: number) => readAllocations(db, "ORDER BY id DESC LIMIT $1", [limit]);

export async function getAllocation(db: Queryable, id: string): Promise<StoredAllocation | undefined> {
  return (await readAllocations(db, "WHERE id = $1", [id]))[0];
}
