import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Database } from "../db/database.js";
import { COMMUNES_DATASET, importCommunes } from "./importers/communes.js";
import { FINESS_DATASET, importFiness } from "./importers/finess.js";
import type { ImportReport } from "./importers/report.js";
import { datasetIsEmpty } from "./store.js";

/** The extracts shipped in `data/` (see docs/data.md): commune centres first, FINESS needs them. */
export const shippedFiles = {
  communes: "communes-2025.csv.gz",
  finess: "finess-1000-jours-20210108.csv.gz",
} as const;

/**
 * At first start, fills empty place tables from the extracts shipped in `dataDir`, so that a fresh
 * install shows real places. Does nothing for a dataset that already has rows (an operator's newer
 * import is never overwritten); safe when several server copies start together (the import lock).
 */
export async function seedShippedPlaces(db: Database, dataDir: string): Promise<ImportReport[]> {
  const reports: ImportReport[] = [];
  const steps = [
    { dataset: COMMUNES_DATASET, file: shippedFiles.communes, run: importCommunes },
    { dataset: FINESS_DATASET, file: shippedFiles.finess, run: importFiness },
  ];
  for (const step of steps) {
    const path = join(dataDir, step.file);
    if (!existsSync(path) || !(await datasetIsEmpty(db, step.dataset))) continue;
    const report = await step.run(db, path, { onlyIfEmpty: true });
    if (report.status === "refused")
      throw new Error(
        `Extrait livré ${step.file} refusé : ${report.refusal ?? ""} ${report.rejected
          .slice(0, 3)
          .map((r) => `ligne ${r.line} : ${r.reason}`)
          .join(" ; ")}`,
      );
    reports.push(report);
  }
  return reports;
}
