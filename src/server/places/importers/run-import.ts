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

export type ParsedRows = { kind: "place"; rows: PlaceRow[] } | { kind: "commune"; rows: CommuneRow[] };

/**
 * The common end of every importer: refuse the file when it has too many bad lines or nothing to import,
 * otherwise replace the dataset in ONE transaction (delete its rows, insert the new ones) under an
 * advisory lock. A refused file, or any error half-way, leaves the previous rows as they were.
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
  report.imported = parsed.rows.length;
  if (report.rejectedCount > maxRejected)
    return refuse(
      maxRejected === 0
        ? `${report.rejectedCount} ligne(s) invalide(s)`
        : `${report.rejectedCount} ligne(s) invalide(s), au-delà des ${maxRejected} tolérée(s)`,
    );
  if (parsed.rows.length === 0) return refuse("aucune ligne importable");

  await db.transaction(async (tx) => {
    await lockImports(tx);
    if (options.onlyIfEmpty && !(await datasetIsEmpty(tx, report.dataset))) {
      report.status = "unchanged";
      return;
    }
    if (!options.force && (await currentFileHash(tx, report.dataset)) === report.sha256) {
      report.status = "unchanged";
    } else {
      if (parsed.kind === "place") await replacePlaces(tx, report.dataset, parsed.rows);
      else await replaceCommunes(tx, parsed.rows);
      report.status = "applied";
    }
    builder.finish();
    await recordRun(tx, report, builder.startedDate);
  });
  builder.finish();
  return report;
}
