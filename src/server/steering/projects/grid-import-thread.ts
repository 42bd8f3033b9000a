import { MessageChannel, Worker, type MessagePort } from "node:worker_threads";
import type { LineError } from "../../../domain/steering/csv.js";
import type { GridParseOptions, PlannedGrid, PlanRequest } from "./grid-import-job.js";

/**
 * The server's side of the grid import's worker thread (grid-import-worker.js): one thread, started at the first
 * import and stopped after `idleMs` without one, never holding the process open. Each import is a job on its own
 * message port: the file is read and checked there (`parse`), then, once the server has locked the projects the
 * file names, merged and turned into write batches and the report (`plan`). The thread that answers requests
 * only passes text and the report along. Jobs run one after the other in the thread (reading a file is one
 * synchronous piece of work), which is enough for a back office; a thread that dies fails its jobs (500) and the
 * next import starts a new one.
 */
export type GridJob =
  | { ok: false; errors: LineError[] }
  | {
      ok: true;
      /** The existing projects the file names (lower-case ids), to lock before planning. */
      ids: string[];
      plan(request: PlanRequest): Promise<PlannedGrid>;
      /** Ends the job (its rows are dropped in the thread); call it in every case once `parse` answered ok. */
      release(): void;
    };

export class GridImportThread {
  #worker: Worker | null = null;
  /** The running jobs, failed when the thread dies. */
  readonly #jobs = new Set<JobPort>();
  #idleTimer: NodeJS.Timeout | null = null;

  constructor(private readonly idleMs = 30_000) {}

  async parse(csv: string, options: GridParseOptions): Promise<GridJob> {
    const worker = this.#start();
    const { port1, port2 } = new MessageChannel();
    const job = new JobPort(port1);
    this.#jobs.add(job);
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    const release = () => {
      if (!this.#jobs.delete(job)) return;
      port1.close();
      if (this.#jobs.size === 0 && this.#worker) this.#idleTimer = setTimeout(() => void this.close(), this.idleMs).unref();
    };
    try {
      worker.postMessage({ port: port2, csv, options }, [port2]);
      const parsed = await job.next<{ ok: false; errors: LineError[] } | { ok: true; ids: string[] }>();
      if (!parsed.ok) {
        release();
        return parsed;
      }
      return {
        ok: true,
        ids: parsed.ids,
        plan: (request) => {
          const answer = job.next<PlannedGrid>();
          port1.postMessage(request);
          return answer;
        },
        release,
      };
    } catch (error) {
      release();
      throw error;
    }
  }

  /** Stops the thread (a job still running fails). */
  async close(): Promise<void> {
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    this.#idleTimer = null;
    const worker = this.#worker;
    this.#worker = null;
    if (worker) await worker.terminate();
  }

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(new URL("./grid-import-worker.js", import.meta.url));
    worker.unref();
    const died = (error: Error) => {
      if (this.#worker === worker) this.#worker = null;
      for (const job of this.#jobs) job.fail(error);
    };
    worker.on("error", (error) => died(new Error(`Le fil d'import de la grille s'est arrêté : ${error.message}`, { cause: error })));
    worker.on("exit", (code) => died(new Error(`Le fil d'import de la grille s'est arrêté (code ${code}).`)));
    this.#worker = worker;
    return worker;
  }
}

/** This side of a job's port: its answers one at a time, or the error that ended it (failure, port closed, thread dead). */
class JobPort {
  #ended: Error | null = null;
  #waiting: { resolve: (value: unknown) => void; reject: (error: Error) => void } | null = null;

  constructor(port: MessagePort) {
    port.on("message", (message: unknown) => {
      if (message && typeof message === "object" && "failed" in message) this.fail(new Error(`Import de la grille : ${String(message.failed)}`));
      else {
        const waiting = this.#waiting;
        this.#waiting = null;
        waiting?.resolve(message);
      }
    });
    port.on("close", () => this.fail(new Error("Import de la grille : le fil a fermé la tâche sans répondre.")));
  }

  next<T>(): Promise<T> {
    if (this.#ended) return Promise.reject(this.#ended);
    return new Promise<T>((resolve, reject) => (this.#waiting = { resolve: resolve as (value: unknown) => void, reject }));
  }

  fail(error: Error): void {
    this.#ended ??= error;
    const waiting = this.#waiting;
    this.#waiting = null;
    waiting?.reject(error);
  }
}
