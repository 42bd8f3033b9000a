// Loaded into the benched server with `node --import` (bench/mixed.ts), never by the server itself: every
// MEMORY_PROBE_MS (5 000) it appends one JSON line to MEMORY_PROBE_FILE with `process.memoryUsage()` of the main
// thread and of each worker thread (PGlite's, the imports'), read through the inspector's NodeWorker domain. It
// splits the resident memory into JavaScript heap, external memory (Buffers, and in PGlite's worker the
// WebAssembly memory of the engine) per thread. Plain JavaScript: it runs before the TypeScript loader.
import { appendFileSync } from "node:fs";
import { Session } from "node:inspector";
import process from "node:process";
import { setInterval, setTimeout } from "node:timers";
import { isMainThread } from "node:worker_threads";

const file = process.env.MEMORY_PROBE_FILE;
// Worker threads inherit NODE_OPTIONS and so load this module too: only the main thread probes.
if (file && isMainThread) {
  const session = new Session();
  session.connect();
  const post = (method, params) => new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  /** @type {Map<string, { url: string, pending: Map<number, (message: unknown) => void> }>} */
  const workers = new Map();
  let nextId = 1;
  session.on("NodeWorker.attachedToWorker", ({ params }) => workers.set(params.sessionId, { url: params.workerInfo.url, pending: new Map() }));
  session.on("NodeWorker.detachedFromWorker", ({ params }) => workers.delete(params.sessionId));
  session.on("NodeWorker.receivedMessageFromWorker", ({ params }) => {
    const worker = workers.get(params.sessionId);
    const message = JSON.parse(params.message);
    worker?.pending.get(message.id)?.(message);
    worker?.pending.delete(message.id);
  });
  /** process.memoryUsage() inside a worker, or null if it does not answer within 3 s. */
  const usageIn = (sessionId) =>
    new Promise((resolve) => {
      const worker = workers.get(sessionId);
      const id = nextId++;
      worker.pending.set(id, (m) => resolve(m?.result?.result?.value ? JSON.parse(m.result.result.value) : null));
      const message = JSON.stringify({ id, method: "Runtime.evaluate", params: { expression: "JSON.stringify(process.memoryUsage())", returnByValue: true } });
      post("NodeWorker.sendMessageToWorker", { sessionId, message }).catch(() => resolve(null));
      setTimeout(() => resolve(null), 3000).unref();
    });
  await post("NodeWorker.enable", { waitForDebuggerOnStart: false });
  const t0 = Date.now();
  setInterval(
    async () => {
      const line = { at: Math.round((Date.now() - t0) / 1000), main: process.memoryUsage(), workers: {} };
      for (const [sessionId, worker] of workers) {
        const usage = await usageIn(sessionId);
        if (usage) line.workers[worker.url.split("/").pop() || sessionId] = usage;
      }
      appendFileSync(file, JSON.stringify(line) + "\n");
    },
    Number(process.env.MEMORY_PROBE_MS ?? 5000),
  ).unref();
}
