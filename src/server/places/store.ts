import { copyLine, type CopyValue } from "../db/copy-text.js";
import type { CopyOptions, Queryable } from "../db/database.js";
import type { ImportReport } from "./importers/report.js";

/** One row of the `place` table, as the importers produce it. */
export interface PlaceRow {
  id: string;
  source: string;
  source_id: string;
  type: string;
  category: string | null;
  category_label: string | null;
  name: string;
  address: string | null;
  postcode: string | null;
  commune_code: string | null;
  commune_name: string | null;
  phone: string | null;
  url: string | null;
  lat: number;
  lon: number;
  approximate: boolean;
  updated: string | null;
}

export interface CommuneRow {
  code: string;
  name: string;
  folded_name: string;
  dep: string;
  postcodes: string[];
  lat: number;
  lon: number;
  population: number | null;
}

/** Arbitrary constant: one import at a time across every server copy and command. */
export const IMPORT_LOCK_KEY = 1_000_002;
/** Bytes per COPY, about 10 000 places: one chunk is in flight while the next one is built. */
const CHUNK_BYTES = 2 * 1024 * 1024;

const placeColumns = [
  "id",
  "source",
  "source_id",
  "type",
  "category",
  "category_label",
  "name",
  "address",
  "postcode",
  "commune_code",
  "commune_name",
  "phone",
  "url",
  "lat",
  "lon",
  "approximate",
  "updated",
] as const satisfies readonly (keyof PlaceRow)[];
const communeColumns = ["code", "name", "folded_name", "dep", "postcodes", "lat", "lon", "population"] as const satisfies readonly (keyof CommuneRow)[];

/** Rows to write: a list, a generator, or an async generator that reads and checks its file as the rows are written. */
export type Rows<R> = Iterable<R> | AsyncIterable<R>;

/**
 * Bulk-loads rows with COPY (`Queryable.copyFrom`), about CHUNK_BYTES at a time; rows may come from a generator, so only
 * one chunk is held at once, and the next chunk is built while the database loads the previous one. The chunks are
 * bytes written into two buffers used in turn, never a JavaScript string: a national import's text (hundreds of
 * megabytes) would otherwise go through the garbage-collected heap, which grows with it (issue 12).
 * Returns how many rows were inserted.
 */
async function copyRows<R>(tx: Queryable, table: string, columns: readonly (keyof R & string)[], rows: Rows<R>, options: CopyOptions = {}): Promise<number> {
  const buffers = [Buffer.allocUnsafeSlow(CHUNK_BYTES), Buffer.allocUnsafeSlow(CHUNK_BYTES)];
  let current = 0;
  let used = 0;
  let count = 0;
  let inFlight: Promise<void> | null = null;
  const values: CopyValue[] = new Array<CopyValue>(columns.length);
  const send = async () => {
    const chunk = buffers[current]!.subarray(0, used);
    // The other buffer, filled next, is free once the database has read it (the previous chunk).
    if (inFlight) await inFlight;
    inFlight = tx.copyFrom(table, columns, chunk, options);
    inFlight.catch(() => undefined); // awaited below; never an unhandled rejection meanwhile
    current = 1 - current;
    used = 0;
  };
  /** Writes a row's line into the current buffer; false (nothing written) when it is full: send it first. */
  const add = (line: string) => {
    const room = line.length * 3; // UTF-8 takes at most 3 bytes per UTF-16 unit
    if (used + room > buffers[current]!.length) {
      if (used > 0) return false;
      buffers[current] = Buffer.allocUnsafeSlow(room); // one line longer than a chunk
    }
    used += buffers[current]!.write(line, used);
    count++;
    return true;
  };
  const lineOf = (row: R) => {
    for (let c = 0; c < columns.length; c++) values[c] = row[columns[c]!] as CopyValue;
    return copyLine(values);
  };
  try {
    // A plain iterable is walked without an await per row (800 000 RPPS rows).
    if (Symbol.asyncIterator in rows) {
      for await (const row of rows) {
        const line = lineOf(row);
        if (!add(line)) {
          await send();
          add(line);
        }
      }
    } else
      for (const row of rows) {
        const line = lineOf(row);
        if (!add(line)) {
          await send();
          add(line);
        }
      }
    if (used > 0) await send();
  } finally {
    if (inFlight) await inFlight;
  }
  return count;
}

export async function lockImports(tx: Queryable): Promise<void> {
  await tx.query("SELECT pg_advisory_xact_lock($1)", [IMPORT_LOCK_KEY]);
}

/**
 * Replaces the rows of a dataset, inside the caller's transaction; returns how many were inserted.
 *
 * The rows are first loaded into a table made for this import (`place_load`: the columns, defaults and checks of
 * `place`, no index, rows written frozen by `COPY … FREEZE`, which a table created in the same transaction allows).
 * Then, when they are many compared with the other datasets' rows (a national file: FINESS, RPPS), that table becomes
 * `place`: the other datasets' rows are copied in, the keys and indexes of `place` are built on it in one pass each
 * (read from the catalogue, so a migration adding an index is followed), and it takes the place of the old table. Keeping
 * a million-row table's three B-trees up to date row by row, and deleting the old rows one by one, cost most of a
 * national import (issue 12). A small dataset next to large ones (a generic import of a few thousand places) is
 * moved into `place` instead (delete, then insert from the load table). Either way nothing is visible to other
 * connections before the commit, and a rollback (a refused file, an error, a killed process) leaves `place` as it was.
 *
 * The swap recreates the table: privileges granted on `place` by hand (another role for the server) are not carried
 * over, and no table may reference `place` (none does: the import would fail, leaving the data as it was).
 */
export async function replacePlaces(tx: Queryable, dataset: string, rows: Rows<PlaceRow>): Promise<number> {
  await tx.exec(`DROP TABLE IF EXISTS ${LOAD_TABLE}; CREATE TABLE ${LOAD_TABLE} (LIKE place INCLUDING ALL EXCLUDING INDEXES)`);
  const count = await copyRows(tx, LOAD_TABLE, placeColumns, rows, { freeze: true });
  const [{ others } = { others: 0 }] = await tx.query<{ others: number }>("SELECT count(*)::int AS others FROM place WHERE source <> $1", [dataset]);
  if (count * SWAP_RATIO < others) {
    await tx.query("DELETE FROM place WHERE source = $1", [dataset]);
    await tx.exec(`INSERT INTO place SELECT * FROM ${LOAD_TABLE}; DROP TABLE ${LOAD_TABLE}`);
    return count;
  }
  // Keys (primary, unique) and other indexes of the current table, to be built again on the new one under the same names.
  const keys = await tx.query<{ name: string; definition: string }>(
    `SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint
      WHERE conrelid = 'place'::regclass AND contype IN ('p', 'u', 'x') ORDER BY contype, conname`,
  );
  const indexes = await tx.query<{ definition: string }>(
    `SELECT pg_get_indexdef(x.indexrelid) AS definition FROM pg_index x
      WHERE x.indrelid = 'place'::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid AND c.conrelid = 'place'::regclass)
      ORDER BY x.indexrelid`,
  );
  await tx.query(`INSERT INTO ${LOAD_TABLE} SELECT * FROM place WHERE source <> $1`, [dataset]);
  await tx.exec(
    [
      "DROP TABLE place",
      `ALTER TABLE ${LOAD_TABLE} RENAME TO place`,
      ...keys.map((k) => `ALTER TABLE place ADD CONSTRAINT ${quoteIdentifier(k.name)} ${k.definition}`),
      ...indexes.map((i) => i.definition),
      "ANALYZE place",
    ].join(";\n"),
  );
  return count;
}

/** The table an import of places loads into (`replacePlaces`); it exists only inside the import's transaction. */
const LOAD_TABLE = "place_load";
/**
 * The load table becomes `place` when the new rows are at least a quarter of the other datasets' rows: copying those
 * and building the indexes once is then cheaper than inserting into a large indexed table.
 */
const SWAP_RATIO = 4;

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export async function replaceCommunes(tx: Queryable, rows: Iterable<CommuneRow>): Promise<number> {
  await tx.query("DELETE FROM commune");
  return copyRows(tx, "commune", communeColumns, rows);
}

/** Rows in place before an import replaces them: the places of one dataset, or all communes. */
export async function currentRowCount(q: Queryable, kind: "place" | "commune", dataset: string): Promise<number> {
  const rows =
    kind === "place"
      ? await q.query<{ n: number }>("SELECT count(*)::int AS n FROM place WHERE source = $1", [dataset])
      : await q.query<{ n: number }>("SELECT count(*)::int AS n FROM commune");
  return rows[0]?.n ?? 0;
}

/** The name of a commune by its INSEE code (null when unknown), and whether any commune is loaded at all. */
export async function communeName(q: Queryable, code: string): Promise<{ name: string | null; known: boolean }> {
  const [row] = await q.query<{ name: string | null; known: boolean }>(
    "SELECT (SELECT name FROM commune WHERE code = $1) AS name, EXISTS (SELECT 1 FROM commune) AS known",
    [code],
  );
  return row ?? { name: null, known: false };
}

export async function datasetIsEmpty(q: Queryable, dataset: string): Promise<boolean> {
  const rows =
    dataset === "communes" ? await q.query("SELECT 1 FROM commune LIMIT 1") : await q.query("SELECT 1 FROM place WHERE source = $1 LIMIT 1", [dataset]);
  return rows.length === 0;
}

/** The import that produced the dataset as it is now, if any: its file's hash and its report. */
export async function lastAppliedRun(q: Queryable, dataset: string): Promise<{ sha256: string; report: ImportReport } | null> {
  const rows = await q.query<{ sha256: string; report: ImportReport }>(
    "SELECT file_sha256 AS sha256, report FROM import_run WHERE dataset = $1 AND status = 'applied' ORDER BY id DESC LIMIT 1",
    [dataset],
  );
  return rows[0] ?? null;
}

export async function recordRun(q: Queryable, report: ImportReport, startedAt: Date): Promise<void> {
  await q.query(
    `INSERT INTO import_run (dataset, file_name, file_sha256, status, lines_read, imported, rejected, report, started_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9)`,
    [
      report.dataset,
      report.file,
      report.sha256,
      report.status,
      report.linesRead,
      report.imported,
      report.rejectedCount,
      JSON.stringify(report),
      startedAt.toISOString(),
    ],
  );
}

/** Identifies the state of the place data: changes whenever an import is applied (for index refresh). */
export async function dataVersion(q: Queryable): Promise<string> {
  const rows = await q.query<{ v: string | null }>("SELECT max(id)::text AS v FROM import_run WHERE status = 'applied'");
  return rows[0]?.v ?? "0";
}

/**
 * Whole tables in one JSON value: much faster than row-by-row decoding on PGlite (37,000 places in
 * 0.3 s instead of 0.8 s), and the same on both drivers. For the communes (35,000 rows); the places
 * index reads its table by block ranges of COPY text (`readCompactPlaces`), `readAllPlaces` is kept as the reference
 * the paged read is tested against.
 */
async function readAllAsJson<T>(q: Queryable, select: string): Promise<T[]> {
  const rows = await q.query<{ j: string | null }>(`SELECT json_agg(r)::text AS j FROM (${select}) r`);
  return rows[0]?.j ? (JSON.parse(rows[0].j) as T[]) : [];
}

export function readAllPlaces(q: Queryable): Promise<PlaceRow[]> {
  return readAllAsJson<PlaceRow>(
    q,
    `SELECT id, source, source_id, type, category, category_label, name, address, postcode, commune_code, commune_name, phone, url,
            lat, lon, approximate, to_char(updated, 'YYYY-MM-DD') AS updated
       FROM place ORDER BY id`,
  );
}

export function readAllCommunes(q: Queryable): Promise<CommuneRow[]> {
  return readAllAsJson<CommuneRow>(q, "SELECT code, name, folded_name, dep, postcodes, lat, lon, population FROM commune ORDER BY code");
}
