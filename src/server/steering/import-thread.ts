import { MessageChannel, Worker, type MessagePort } from "node:worker_threads";
import { TooLargeError } from "../../domain/errors.js";
import type { LineError } from "../../domain/steering/csv.js";
import type { OneShotJobs } from "./import-jobs.js";
import type { GridParseOptions, PlannedGrid, PlanRequest } from "./projects/grid-import-job.js";

/**
 * The server's side of the back office's import thread (import-worker.js, jobs in import-jobs.ts): one thread,
 * started at the first import and stopped after `idleMs` without one, never holding the process open. Each import
 * is a job on its own message port, so that the thread that answers parents only passes text and results along:
 * - the grid of projects (`parseGrid`): the file is read and checked there, then, once the server has locked the
 *   projects the file names, merged and turned into write batches and the report (`plan`);
 * - the barometer's values and targets and the births tables (`run`): the file is read and checked there, and
 *   what is to be written comes back (or the line-by-line errors).
 * Jobs run one after the other in the thread (reading a file is one synchronous piece of work), which is enough for
 * a back office; a thread that dies fails its jobs (500) and the next import starts a new one.
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

export type OneShotKind = keyof OneShotJobs;

export class ImportThread {
  #worker: Worker | null = null;
  /** The running jobs, failed when the thread dies. */
  readonly #jobs = new Set<JobPort>();
  #idleTimer: NodeJS.Timeout | null = null;

  constructor(private readonly idleMs = 30_000) {}

  /** Reads and checks a grid of projects in the thread; if it is valid, the job then plans the import. */
  async parseGrid(csv: string, options: GridParseOptions): Promise<GridJob> {
    const { job, release } = this.#open("grid", { csv, options });
    try {
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
          job.send(request);
          return answer;
        },
        release,
      };
    } catch (error) {
      release();
      throw error;
    }
  }

  /** Runs a one-answer job (a file read and checked) in the thread: what the job's function returns there. */
  async run<K extends OneShotKind>(kind: K, input: Parameters<OneShotJobs[K]>[0]): Promise<ReturnType<OneShotJobs[K]>> {
    const { job, release } = this.#open(kind, input);
    try {
      return await job.next<ReturnType<OneShotJobs[K]>>();
    } finally {
      release();
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

  #open(kind: string, input: unknown): { job: JobPort; release: () => void } {
    const worker = this.#start();
    const { port1, port2 } = new MessageChannel();
    const job = new JobPort(port1, kind);
    this.#jobs.add(job);
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    const release = () => {
      if (!this.#jobs.delete(job)) return;
      port1.close();
      if (this.#jobs.size === 0 && this.#worker) this.#idleTimer = setTimeout(() => void this.close(), this.idleMs).unref();
    };
    try {
      worker.postMessage({ port: port2, kind, input }, [port2]);
    } catch (error) {
      release();
      throw error;
    }
    return { job, release };
  }

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(new URL("./import-worker.js", import.meta.url));
    worker.unref();
    const died = (error: Error) => {
      if (this.#worker === worker) this.#worker = null;
      for (const job of this.#jobs) job.fail(error);
    };
    worker.on("error", (error) => died(new Error(`Le fil des imports s'est arrêté : ${error.message}`, { cause: error })));
    worker.on("exit", (code) => died(new Error(`Le fil des imports s'est arrêté (code ${code}).`)));
    this.#worker = worker;
    return worker;
  }
}

/** This side of a job's port: its answers one at a time, or the error that ended it (failure, port closed, thread dead). */
class JobPort {
  #ended: Error | null = null;
  #waiting: { resolve: (value: unknown) => void; reject: (error: Error) => void } | null = null;

  constructor(
    private readonly port: MessagePort,
    kind: string,
  ) {
    port.on("message", (message: unknown) => {
      if (message && typeof message === "object" && "failed" in message) this.fail(new Error(`Import (${kind}) : ${String(message.failed)}`));
      else {
        const waiting = this.#waiting;
        this.#waiting = null;
        waiting?.resolve(message);
      }
    });
    port.on("close", () => this.fail(new Error(`Import (${kind}) : le fil a fermé la tâche sans répondre.`)));
  }

  send(message: unknown): void {
    this.port.postMessage(message);
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

/**
 * The bound of an import, checked on a cheap line count before the file is sent to the thread: 413 « Fichier trop
 * volumineux », e.g. « Le fichier compte 5001 lignes de projets, au-delà des 5000 acceptées en un import : … ».
 */
export function checkLineBound(csv: string, max: number, what: string, advice: string): void {
  const lines = countDataLines(csv);
  if (lines > max)
    throw new TooLargeError(`Le fichier compte ${lines} ${what}, au-delà des ${max} acceptées en un import : ${advice}`, { title: "Fichier trop volumineux" });
}

/** Lines of data in a CSV text (after the header), counted without parsing it: the bound checked before a job. */
export function countDataLines(text: string): number {
  let n = text.length > 0 ? 1 : 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) n++;
  if (text.endsWith("\n")) n--;
  return Math.max(0, n - 1);
}
