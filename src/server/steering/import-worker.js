// The back office's import thread: reads and checks the imported files (import-jobs.ts) away from the thread
// that answers requests. Plain JavaScript on purpose, like db/pglite-worker.js: a worker is started by Node
// itself, without the TypeScript loader of tsx or vitest, so the jobs' module is loaded through tsx's API (tsx is
// a production dependency: the server runs with it). The other side is import-thread.ts.
//
// Message in: { port, kind, input } (port: this job's MessagePort, transferred). The job talks on its port.
import { parentPort } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

if (!parentPort) throw new Error("import-worker.js runs in a worker thread");
const port = parentPort;

/** @type {{ runImportJob: (port: import("node:worker_threads").MessagePort, kind: string, input: unknown) => void }} */
const jobs = await tsImport("./import-jobs.ts", import.meta.url);

port.on("message", (/** @type {{ port: import("node:worker_threads").MessagePort, kind: string, input: unknown }} */ m) =>
  jobs.runImportJob(m.port, m.kind, m.input),
);
