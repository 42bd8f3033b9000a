import type { MessagePort } from "node:worker_threads";
import { parseBirthsCsv } from "../../domain/funding/births.js";
import { parseBarometerCsv, parseDepartmentTargetsCsv } from "../../domain/steering/barometer.js";
import { runGridJob, type GridParseOptions } from "./projects/grid-import-job.js";

/**
 * The jobs of the back office's import thread (import-worker.js loads this module there; import-thread.ts is the
 * server's side). The grid of projects talks on its port in two steps (projects/grid-import-job.ts); the other
 * imports read and check their file with the domain's parser, the same rules and messages as on the server's
 * thread, and answer once: the values to write, or the line-by-line errors.
 */
export const oneShotJobs = {
  "barometer-values": (input: { csv: string; source?: string; currentYear: number }) =>
    parseBarometerCsv(input.csv, { currentYear: input.currentYear, ...(input.source ? { source: input.source } : {}) }),
  "barometer-targets": (input: { csv: string }) => parseDepartmentTargetsCsv(input.csv),
  births: (input: { csv: string; source?: string }) => parseBirthsCsv(input.csv, input.source ? { source: input.source } : {}),
};

export type OneShotJobs = typeof oneShotJobs;

/** Runs the job `kind` on its port: `{ failed }` on an unexpected error; the port is closed once answered. */
export function runImportJob(port: MessagePort, kind: string, input: unknown): void {
  if (kind === "grid") {
    const { csv, options } = input as { csv: string; options: GridParseOptions };
    return runGridJob(port, csv, options);
  }
  try {
    const job = oneShotJobs[kind as keyof OneShotJobs] as ((input: unknown) => unknown) | undefined;
    if (!job) throw new Error(`tâche d'import inconnue : ${kind}`);
    port.postMessage(job(input));
  } catch (error) {
    port.postMessage({ failed: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
  port.close();
}
