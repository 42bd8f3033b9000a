import { basename } from "node:path";
import type { Encoding } from "./read-lines.js";

/** What an import did, line by line: printed by the CLI and stored in `import_run.report`. */
export interface ImportReport {
  dataset: string;
  format: string;
  file: string;
  sha256: string;
  encoding: Encoding;
  status: "applied" | "unchanged" | "refused";
  /** Why the file was refused (French), when it was. */
  refusal?: string;
  linesRead: number;
  imported: number;
  rejectedCount: number;
  /** The first `MAX_LISTED` rejected lines, with the reason. */
  rejected: { line: number; reason: string }[];
  /** Well-formed lines left aside on purpose (out-of-scope category, no position…), by reason. */
  skipped: Record<string, number>;
  /** Values that could not be read and were left empty (the line itself was imported), by reason. */
  warnings: Record<string, number>;
  byType: Record<string, number>;
  /** Places put at their commune centre because the source gives no better position. */
  approximate: number;
  durationMs: number;
}

const MAX_LISTED = 200;

export class ReportBuilder {
  readonly report: ImportReport;
  private readonly startedAt = performance.now();
  readonly startedDate = new Date();

  constructor(dataset: string, file: string, format = "") {
    this.report = {
      dataset,
      format,
      file: basename(file),
      sha256: "",
      encoding: "utf-8",
      status: "refused",
      linesRead: 0,
      imported: 0,
      rejectedCount: 0,
      rejected: [],
      skipped: {},
      warnings: {},
      byType: {},
      approximate: 0,
      durationMs: 0,
    };
  }

  reject(line: number, reason: string): void {
    this.report.rejectedCount++;
    if (this.report.rejected.length < MAX_LISTED) this.report.rejected.push({ line, reason });
  }

  /** Why reading stopped before the end (a limit of read-lines.ts): the file is refused whatever the tolerance. */
  stopReason: string | null = null;

  stop(line: number, reason: string): void {
    this.reject(line, reason);
    this.stopReason = reason;
  }

  skip(reason: string): void {
    this.report.skipped[reason] = (this.report.skipped[reason] ?? 0) + 1;
  }

  warn(reason: string): void {
    this.report.warnings[reason] = (this.report.warnings[reason] ?? 0) + 1;
  }

  finish(): ImportReport {
    this.report.durationMs = Math.round(performance.now() - this.startedAt);
    return this.report;
  }
}

/** A one-paragraph French summary of a report, for the command line. */
export function describeReport(r: ImportReport): string {
  const lines = [
    `${r.dataset} (${r.format}, ${r.encoding}) — ${r.file}`,
    `  ${r.linesRead} lignes lues, ${r.imported} importées, ${r.rejectedCount} rejetées, ${r.approximate} placées au centre de la commune (${r.durationMs} ms)`,
  ];
  if (Object.keys(r.byType).length)
    lines.push(
      `  par type : ${Object.entries(r.byType)
        .map(([t, n]) => `${t} ${n}`)
        .join(", ")}`,
    );
  if (Object.keys(r.skipped).length)
    lines.push(
      `  écartées : ${Object.entries(r.skipped)
        .map(([t, n]) => `${t} (${n})`)
        .join(" ; ")}`,
    );
  if (Object.keys(r.warnings).length)
    lines.push(
      `  avertissements : ${Object.entries(r.warnings)
        .map(([t, n]) => `${t} (${n})`)
        .join(" ; ")}`,
    );
  for (const { line, reason } of r.rejected.slice(0, 20)) lines.push(`  ligne ${line} : ${reason}`);
  if (r.rejectedCount > 20) lines.push(`  … et ${r.rejectedCount - 20} autres lignes rejetées`);
  lines.push(
    r.status === "applied"
      ? "  → données remplacées."
      : r.status === "unchanged"
        ? "  → fichier déjà importé : rien n'a changé."
        : `  → fichier refusé : ${r.refusal ?? "voir les lignes rejetées"}. Les données précédentes sont conservées.`,
  );
  return lines.join("\n");
}
