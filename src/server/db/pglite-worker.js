// The embedded PostgreSQL (PGlite) in its own thread, so that a long back-office query never holds the
// thread answering parents. Plain JavaScript on purpose: a worker is started by Node itself, without the
// TypeScript loader of tsx or vitest. The other side is `openPgliteWorker` in database.ts.
//
// Messages in: { id, op: "query" | "exec" | "copy" | "copyOut" | "begin" | "commit" | "rollback" | "close", sql?, params?, text?, tx? }.
// Messages out: { id, rows?, tx?, bytes? } or { id, error: { message, ...fields of a PostgreSQL error } }.
// A transaction ("begin" … "commit"/"rollback") holds the engine: PGlite queues every other query
// behind it (its transaction mutex), exactly as one PostgreSQL connection would.
import { parentPort, workerData } from "node:worker_threads";
import { Blob } from "node:buffer";
import { PGlite } from "@electric-sql/pglite";

const port = parentPort;
if (!port) throw new Error("pglite-worker.js runs in a worker thread");

/** @type {PGlite} */
let db;
/** @type {Map<number, { tx: import("@electric-sql/pglite").Transaction, end: (commit: boolean) => void, done: Promise<unknown> }>} */
const transactions = new Map();
let nextTx = 1;

const ERROR_FIELDS = ["code", "detail", "hint", "severity", "constraint", "table", "column", "schema", "where", "position"];

/** @param {unknown} error */
function serialise(error) {
  const out = { message: error instanceof Error ? error.message : String(error) };
  if (error && typeof error === "object") for (const f of ERROR_FIELDS) if (f in error && error[f] !== undefined) out[f] = error[f];
  return out;
}

/** @param {{ id: number, op: string, sql?: string, params?: unknown[], text?: string | Uint8Array, tx?: number }} m */
async function handle(m) {
  const target = m.tx === undefined ? db : transactions.get(m.tx)?.tx;
  if (!target) throw new Error(`transaction ${m.tx} inconnue ou terminée`);
  switch (m.op) {
    case "query":
      return { rows: (await target.query(m.sql, m.params ?? [])).rows };
    case "exec":
      await target.exec(m.sql);
      return {};
    case "copy":
      // COPY … FROM '/dev/blob': PGlite reads the device from the query's blob.
      await target.query(m.sql, [], { blob: new Blob([m.text ?? ""]) });
      return {};
    case "copyOut": {
      // COPY (…) TO '/dev/blob': the bytes go back as one transferred buffer, never copied.
      const result = await target.query(m.sql);
      return { bytes: result.blob ? await result.blob.arrayBuffer() : undefined };
    }
    case "begin": {
      const tx = nextTx++;
      let opened;
      const ready = new Promise((resolve) => (opened = resolve));
      const entry = { tx: null, end: null, done: null };
      const done = db.transaction(
        (handle) =>
          new Promise((resolve, reject) => {
            entry.tx = handle;
            entry.end = (commit) => (commit ? resolve(undefined) : reject(new RollBack()));
            transactions.set(tx, entry);
            opened();
          }),
      );
      entry.done = done;
      // `done` settles after COMMIT or ROLLBACK; a failed BEGIN rejects before `ready`.
      await Promise.race([ready, done]);
      return { tx };
    }
    case "commit":
    case "rollback": {
      const entry = transactions.get(m.tx);
      entry.end(m.op === "commit");
      try {
        await entry.done;
      } catch (error) {
        if (!(error instanceof RollBack)) throw error;
      } finally {
        transactions.delete(m.tx);
      }
      return {};
    }
    case "close":
      await db.close();
      return {};
    default:
      throw new Error(`opération inconnue ${m.op}`);
  }
}

class RollBack extends Error {}

port.on("message", (m) => {
  handle(m).then(
    (result) => port.postMessage({ id: m.id, ...result }, result.bytes ? [result.bytes] : []),
    (error) => port.postMessage({ id: m.id, error: serialise(error) }),
  );
});

try {
  db = workerData.dir ? await PGlite.create(workerData.dir) : await PGlite.create();
  port.postMessage({ id: 0 });
} catch (error) {
  port.postMessage({ id: 0, error: serialise(error) });
}
