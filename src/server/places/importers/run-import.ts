import type { Database } from "../../db/database.js";
import {
  currentRowCount,
  datasetIsEmpty,
  lastAppliedRun,
  lockImports,
  recordRun,
  replaceCommunes,
  replacePlaces,
  type CommuneRow,
  type PlaceRow,
  type Rows,
} from "../store.js";
import type { ImportReport, ReportBuilder } from "./report.js";

export interface ImportOptions {
  /** How many rejected lines are tolerated before the whole file is refused (default 0: any bad line refuses it). */
  maxRejected?: number;
  /** Write only when the dataset is empty (first start). */
  onlyIfEmpty?: boolean;
  /**
   * Confirms an import that would remove more than MAX_SHRINK of the current rows (refused otherwise), and
   * rewrites even when the same file was the last one applied. `--force` on the command line.
   */
  force?: boolean;
}

/**
 * Share of the current rows an import may remove without confirmation: 20 %. A new national extract adds
 * and closes a few percent of establishments a year; losing more than a fifth looks like a truncated file
 * (`head -n 1000` of FINESS replaced 37 372 places by 999, issue 12), so it waits for `--force`.
 */
export const MAX_SHRINK = 0.2;

const frenchNumber = (n: number) => n.toLocaleString("fr-FR").replace(/\u202f/g, " ");

class ShrinkRefused extends Error {
  constructor(
    readonly current: number,
    readonly next: number,
  ) {
    super(
      `le fichier remplacerait ${frenchNumber(current)} lignes en place par ${frenchNumber(next)} (−${Math.round((1 - next / current) * 100)} %) : ` +
        `une baisse de plus de ${MAX_SHRINK * 100} % ressemble à un fichier tronqué ; si elle est voulue, relancez avec --force`,
    );
  }
}

/**
 * The rows of a file: an array, or a generator that builds them as they are written (bounded memory), from a file
 * already read and checked; or (`streamed`) an async generator that reads and checks the file while its rows are
 * written, whose report is complete only at its end: its bad lines then refuse the file inside the transaction (the
 * rows written are rolled back), and the file's hash, needed before (an unchanged file is not written again), is
 * given with it.
 */
export type ParsedRows =
  | { kind: "place"; rows: Iterable<PlaceRow> }
  | { kind: "commune"; rows: Iterable<CommuneRow> }
  | { kind: "place"; rows: AsyncIterable<PlaceRow>; streamed: { sha256: string } };

class NothingToImport extends Error {}

/** The file is refused for its lines, known once they are all read (a streamed import): its rows are rolled back. */
class LinesRefused extends Error {}

/**
 * The common end of every importer: refuse the file when it has too many bad lines or nothing to import,
 * otherwise replace the dataset in ONE transaction (delete its rows, insert the new ones) under an
 * advisory lock. A refused file, or any error half-way, leaves the previous rows as they were.
 * Rows are written in chunks as they come (COPY, `replacePlaces`), so a generator is never held whole in memory; a
 * streamed file's bad lines are counted as its rows are written, and refuse it at the end, rolling them back.
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
  /** Why the lines read refuse the file (a limit of reading, too many bad lines), if they do. */
  const linesRefusal = () => {
    if (builder.stopReason) return builder.stopReason;
    if (report.rejectedCount > maxRejected)
      return maxRejected === 0
        ? `${report.rejectedCount} ligne(s) invalide(s)`
        : `${report.rejectedCount} ligne(s) invalide(s), au-delà des ${maxRejected} tolérée(s)`;
    return null;
  };
  /** After the rows of a streamed file are read: its bad lines refuse it (and roll back the rows written). */
  const checkLinesRead = () => {
    const why = "streamed" in parsed ? linesRefusal() : null;
    if (why) throw new LinesRefused(why);
  };
  /**
   * A streamed file's rows up to the bad line that refuses it: after it nothing more is written, the rest of the file is
   * only read (so that the report lists every bad line, as for a file read before writing), then the refusal rolls the
   * rows written back before the import does anything else with them.
   */
  async function* untilRefused(rows: AsyncIterable<PlaceRow>): AsyncGenerator<PlaceRow> {
    let refused = false;
    for await (const row of rows) if (!(refused ||= linesRefusal() !== null)) yield row;
    checkLinesRead();
  }
  if ("streamed" in parsed) report.sha256 = parsed.streamed.sha256;
  else {
    if (Array.isArray(parsed.rows)) report.imported = parsed.rows.length;
    const why = linesRefusal();
    if (why) return refuse(why);
    if (Array.isArray(parsed.rows) && parsed.rows.length === 0) return refuse("aucune ligne importable");
  }
  const count = async (rows: Rows<unknown>) => {
    let n = 0;
    for await (const _ of rows) n++;
    return n;
  };

  try {
    await writeImport();
  } catch (error) {
    if (error instanceof LinesRefused) return refuse(error.message);
    if (error instanceof NothingToImport) return refuse("aucune ligne importable");
    if (error instanceof ShrinkRefused) return refuse(error.message);
    // Anything else (the database refusing a value…): the previous rows stay, and the run is still recorded.
    await refuse(`erreur pendant l'écriture, rien n'a été changé : ${(error as Error).message}`).catch(() => undefined);
    throw error;
  }
  builder.finish();
  return report;

  function writeImport() {
    return db.transaction(async (tx) => {
      await lockImports(tx);
      if (options.onlyIfEmpty && !(await datasetIsEmpty(tx, report.dataset))) {
        report.imported = await count(parsed.rows);
        checkLinesRead();
        report.status = "unchanged";
        return;
      }
      const applied = options.force ? null : await lastAppliedRun(tx, report.dataset);
      if (applied && applied.sha256 === report.sha256) {
        // The file of the data in place: a streamed file is not read again, its applied run says what it holds.
        if ("streamed" in parsed) {
          const { format, encoding, linesRead, imported, rejectedCount, rejected, skipped, warnings, byType, approximate } = applied.report;
          Object.assign(report, { format, encoding, linesRead, imported, rejectedCount, rejected, skipped, warnings, byType, approximate });
        } else report.imported = await count(parsed.rows);
        checkLinesRead();
        report.status = "unchanged";
      } else {
        const current = await currentRowCount(tx, parsed.kind, report.dataset);
        report.imported =
          parsed.kind === "commune"
            ? await replaceCommunes(tx, parsed.rows)
            : await replacePlaces(tx, report.dataset, "streamed" in parsed ? untilRefused(parsed.rows) : parsed.rows);
        checkLinesRead(); // rolls the rows written back
        if (report.imported === 0) throw new NothingToImport(); // rolls the deletion back
        if (!options.force && current > 0 && report.imported < current * (1 - MAX_SHRINK)) throw new ShrinkRefused(current, report.imported);
        report.status = "applied";
      }
      builder.finish();
      await recordRun(tx, report, builder.startedDate);
    });
  }
}
