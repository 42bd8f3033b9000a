import type { Database } from "../../db/database.js";
import { currentFileHash, datasetIsEmpty, lockImports, recordRun, replaceCommunes, replacePlaces, type CommuneRow, type PlaceRow } from "../store.js";
import type { ImportReport, ReportBuilder } from "./report.js";

export interface ImportOptions {
  /** How many rejected lines are tolerated before the whole file is refused (default 0: any bad line refuses it). */
  maxRejected?: number;
  /** Write only when the dataset is empty (first start). */
  onlyIfEmpty?: boolean;
  /** Rewrite even when the same file was the last one applied. */
  force?: boolean;
}

/** The rows of a file: an array, or a generator that builds them as they are written (bounded memory). */
export type ParsedRows = { kind: "place"; rows: Iterable<PlaceRow> } | { kind: "commune"; rows: Iterable<CommuneRow> };

class NothingToImport extends Error {}

/**
 * The common end of every importer: refuse the file when it has too many bad lines or nothing to import,
 * otherwise replace the dataset in ONE transaction (delete its rows, insert the new ones) under an
 * advisory lock. A refused file, or any error half-way, leaves the previous rows as they were.
 * Rows are written in chunks as they come (`insertJson`), so a generator is never held whole in memory.
 * Importing the file that produced the current rows again changes nothing.
 */
export async function applyImport(db: Database, builder: ReportBuilder, parsed: ParsedRows, options: ImportOptions = {}): Promise<ImportReport> {
  const report = builder.report;
  const maxRejected = options.maxRejected ?? 0;
  const refuse = async (why: string) => {
    report.status = "refused";
    report.refusal = why;
    report.imported = 0;
    builder.finish();
    await recordRun(db, report, builder.startedDate);
    return report;
  };
  if (Array.isArray(parsed.rows)) report.imported = parsed.rows.length;
  if (report.rejectedCount > maxRejected)
    return refuse(
      maxRejected === 0
        ? `${report.rejectedCount} ligne(s) invalide(s)`
        : `${report.rejectedCount} ligne(s) invalide(s), au-delà des ${maxRejected} tolérée(s)`,
    );
  if (Array.isArray(parsed.rows) && parsed.rows.length === 0) return refuse("aucune ligne importable");
  const count = (rows: Iterable<unknown>) => {
    let n = 0;
    for (const _ of rows) n++;
    return n;
  };

  try {
    await writeImport();
  } catch (error) {
    if (error instanceof NothingToImport) return refuse("aucune ligne importable");
    throw error;
  }
  builder.finish();
  return report;

  function writeImport() {
    return db.transaction(async (tx) => {
      await lockImports(tx);
      if (options.onlyIfEmpty && !(await datasetIsEmpty(tx, report.dataset))) {
        report.imported = count(parsed.rows);
        report.status = "unchanged";
        return;
      }
      if (!options.force && (await currentFileHash(tx, report.dataset)) === report.sha256) {
        report.imported = count(parsed.rows);
        report.status = "unchanged";
      } else {
        report.imported = parsed.kind === "place" ? await replacePlaces(tx, report.dataset, parsed.rows) : await replaceCommunes(tx, parsed.rows);
        if (report.imported === 0) throw new NothingToImport(); // rolls the deletion back
        report.status = "applied";
      }
      builder.finish();
      await recordRun(tx, report, builder.startedDate);
    });
  }
}
