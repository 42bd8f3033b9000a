// The grid import's worker thread: reads, checks and plans a grid file (grid-import-job.ts) away from the
// thread that answers requests. Plain JavaScript on purpose, like db/pglite-worker.js: a worker is started by
// Node itself, without the TypeScript loader of tsx or vitest, so the job module is loaded through tsx's API
// (tsx is a production dependency: the server runs with it). The other side is grid-import-thread.ts.
//
// Message in: { port, csv, options } (port: this job's MessagePort, transferred). The job talks on its port.
import { parentPort } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

if (!parentPort) throw new Error("grid-import-worker.js runs in a worker thread");
const port = parentPort;

/** @type {{ runGridJob: (port: import("node:worker_threads").MessagePort, csv: string, options: { year?: number, region?: string }) => void }} */
const job = await tsImport("./grid-import-job.ts", import.meta.url);

port.on("message", (/** @type {{ port: import("node:worker_threads").MessagePort, csv: string, options: { year?: number, region?: string } }} */ m) =>
  job.runGridJob(m.port, m.csv, m.options),
);
