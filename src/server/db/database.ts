import { Worker } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { from as copyFromStdin, to as copyToStdout } from "pg-copy-streams";
import { finished } from "node:stream/promises";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { acquireDataDirLock } from "./data-dir-lock.js";

/** What the rest of the server needs from a database: parameterised queries, scripts, transactions. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a multi-statement SQL script (migrations); no parameters. */
  exec(sql: string): Promise<void>;
  /**
   * Bulk load: `COPY table (columns) FROM` the rows in COPY's text format (`copy-text.ts`), as a string or its UTF-8
   * bytes, sent as one stream (PostgreSQL `FROM STDIN`, PGlite `FROM '/dev/blob'`). Much cheaper than INSERT for
   * thousands of rows.
   */
  copyFrom(table: string, columns: readonly string[], text: string | Uint8Array<ArrayBuffer>, options?: CopyOptions): Promise<void>;
  /**
   * Bulk read: the rows of `select` in COPY's text format, as one buffer (`COPY (select) TO STDOUT`, PGlite
   * `TO '/dev/blob'`): no JavaScript value per row or per field, the bytes are kept as they come.
   */
  copyOut(select: string): Promise<Buffer>;
}

export interface CopyOptions {
  /**
   * `COPY … WITH (FREEZE)`: rows written already frozen (no hint bits to set on the first read, nothing for a later
   * vacuum to freeze). PostgreSQL allows it only into a table created or emptied in the same transaction.
   */
  freeze?: boolean;
}

export interface Database extends Queryable {
  readonly kind: "pglite" | "postgresql";
  /** Connection pool state (PostgreSQL only; PGlite has one connection), for the metrics. */
  poolState?(): { total: number; idle: number; waiting: number };
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type DatabaseConfig = { databaseUrl: string } | { pgliteDir: string | null };

/**
 * PostgreSQL when a URL is given, otherwise embedded PGlite (in a folder, or in memory for tests), run in
 * a worker thread so that its queries never hold the thread that answers requests.
 */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if ("databaseUrl" in config) return openPostgres(config.databaseUrl);
  return withDataDirLock(config.pgliteDir, () => openPgliteWorker(config.pgliteDir));
}

/** PGlite in the calling thread: for tests and tools that own the thread anyway. */
export async function openPglite(dir: string | null): Promise<Database> {
  return withDataDirLock(dir, async () => wrapPglite(dir ? await PGlite.create(dir) : await PGlite.create()));
}

/** A PGlite folder is opened by one process at a time (data-dir-lock.ts); the lock ends with the database. */
async function withDataDirLock(dir: string | null, open: () => Promise<Database>): Promise<Database> {
  if (!dir) return open();
  mkdirSync(dirname(dir), { recursive: true });
  const release = acquireDataDirLock(dir);
  let db: Database;
  try {
    db = await open();
  } catch (error) {
    release();
    throw error;
  }
  const close = db.close.bind(db);
  return Object.assign(db, {
    async close() {
      try {
        await close();
      } finally {
        release();
      }
    },
  });
}

/** Wraps an existing instance, e.g. a `clone()` made for one test suite. */
export function wrapPglite(db: PGlite): Database {
  return {
    kind: "pglite",
    async query<T>(sql: string, params: unknown[] = []) {
      return (await db.query<T>(sql, params)).rows;
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
    copyFrom: (table, columns, text, options) => pgliteCopyFrom(db, table, columns, text, options),
    copyOut: (select) => pgliteCopyOut(db, select),
    transaction<T>(work: (tx: Queryable) => Promise<T>) {
      return db.transaction((tx) =>
        work({
          query: async <R>(sql: string, params: unknown[] = []) => (await tx.query<R>(sql, params)).rows,
          exec: async (sql: string) => void (await tx.exec(sql)),
          copyFrom: (table, columns, text, options) => pgliteCopyFrom(tx, table, columns, text, options),
          copyOut: (select) => pgliteCopyOut(tx, select),
        }),
      );
    },
    close: () => db.close(),
  };
}

/** The COPY statement of `copyFrom`, from a table and column names checked to be plain identifiers. */
export function copySql(table: string, columns: readonly string[], source: "STDIN" | "'/dev/blob'", options: CopyOptions = {}): string {
  for (const name of [table, ...columns]) if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`identifiant SQL invalide pour COPY : ${name}`);
  return `COPY ${table} (${columns.join(", ")}) FROM ${source}${options.freeze ? " WITH (FREEZE)" : ""}`;
}

/** PGlite reads COPY's input from the virtual device /dev/blob, filled from the query's `blob` option. */
async function pgliteCopyFrom(
  target: Pick<PGlite, "query">,
  table: string,
  columns: readonly string[],
  text: string | Uint8Array<ArrayBuffer>,
  options?: CopyOptions,
): Promise<void> {
  await target.query(copySql(table, columns, "'/dev/blob'", options), [], { blob: new Blob([text]) });
}

/** COPY … FROM STDIN on one connection of the pool (or the transaction's own), the text written as one chunk. */
async function postgresCopyFrom(
  client: pg.Pool | pg.PoolClient,
  table: string,
  columns: readonly string[],
  text: string | Uint8Array<ArrayBuffer>,
  options?: CopyOptions,
): Promise<void> {
  const connection = client instanceof pg.Pool ? await client.connect() : client;
  try {
    const stream = connection.query(copyFromStdin(copySql(table, columns, "STDIN", options)));
    if (typeof text === "string") stream.end(text, "utf8");
    else stream.end(text);
    await finished(stream);
  } finally {
    if (connection !== client) (connection as pg.PoolClient).release();
  }
}

async function pgliteCopyOut(target: Pick<PGlite, "query">, select: string): Promise<Buffer> {
  const result = await target.query(`COPY (${select}) TO '/dev/blob'`);
  return result.blob ? Buffer.from(await result.blob.arrayBuffer()) : Buffer.alloc(0);
}

/** COPY (select) TO STDOUT on one connection, the streamed chunks joined. */
async function postgresCopyOut(client: pg.Pool | pg.PoolClient, select: string): Promise<Buffer> {
  const connection = client instanceof pg.Pool ? await client.connect() : client;
  try {
    const chunks: Buffer[] = [];
    const stream = connection.query(copyToStdout(`COPY (${select}) TO STDOUT`));
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  } finally {
    if (connection !== client) (connection as pg.PoolClient).release();
  }
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  await pool.query("SELECT 1");
  const queryable = (client: pg.Pool | pg.PoolClient): Queryable => ({
    query: async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[],
    exec: async (sql: string) => void (await client.query(sql)),
    copyFrom: (table, columns, text, options) => postgresCopyFrom(client, table, columns, text, options),
    copyOut: (select) => postgresCopyOut(client, select),
  });
  return {
    kind: "postgresql",
    ...queryable(pool),
    poolState: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    async transaction<T>(work: (tx: Queryable) => Promise<T>) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work(queryable(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** An error from the worker, with the fields of a PostgreSQL error (code, detail, constraint…). */
export class DatabaseError extends Error {
  code?: string;
  detail?: string;
  constraint?: string;
}

type Reply = { id: number; rows?: unknown[]; tx?: number; bytes?: ArrayBuffer; error?: { message: string } & Record<string, unknown> };

/**
 * PGlite in a worker thread (`pglite-worker.js`), behind the same interface: every call is a message;
 * a transaction is opened in the worker and holds the engine (PGlite queues other queries behind it) until
 * its work settles here. The thread answering HTTP requests only waits for messages, never for the engine.
 */
export async function openPgliteWorker(dir: string | null): Promise<Database> {
  const worker = new Worker(new URL("./pglite-worker.js", import.meta.url), { workerData: { dir } });
  const pending = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let failure: Error | null = null;
  const opened = new Promise<void>((resolve, reject) => pending.set(0, { resolve: (r) => (r.error ? reject(toError(r.error)) : resolve()), reject }));
  worker.on("message", (reply: Reply) => {
    const waiter = pending.get(reply.id);
    pending.delete(reply.id);
    waiter?.resolve(reply);
  });
  const fail = (error: Error) => {
    failure = error;
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  };
  worker.on("error", (error) => fail(new Error(`La base embarquée (PGlite) s'est arrêtée : ${error.message}`, { cause: error })));
  worker.on("exit", (code) => fail(new Error(`La base embarquée (PGlite) s'est arrêtée (code ${code}).`)));

  const call = async (message: { op: string; sql?: string; params?: unknown[]; text?: string | Uint8Array<ArrayBuffer>; tx?: number }): Promise<Reply> => {
    if (failure) throw failure;
    const id = nextId++;
    const reply = await new Promise<Reply>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, ...message });
    });
    if (reply.error) throw toError(reply.error);
    return reply;
  };
  const queryable = (tx?: number): Queryable => ({
    query: async <T>(sql: string, params: unknown[] = []) => (await call({ op: "query", sql, params, tx })).rows as T[],
    exec: async (sql: string) => void (await call({ op: "exec", sql, tx })),
    copyFrom: async (table, columns, text, options) => void (await call({ op: "copy", sql: copySql(table, columns, "'/dev/blob'", options), text, tx })),
    copyOut: async (select) => {
      const { bytes } = await call({ op: "copyOut", sql: `COPY (${select}) TO '/dev/blob'`, tx });
      return bytes ? Buffer.from(bytes) : Buffer.alloc(0);
    },
  });

  try {
    await opened;
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  return {
    kind: "pglite",
    ...queryable(),
    async transaction<T>(work: (tx: Queryable) => Promise<T>) {
      const { tx } = await call({ op: "begin" });
      let result: T;
      try {
        result = await work(queryable(tx));
      } catch (error) {
        await call({ op: "rollback", tx });
        throw error;
      }
      await call({ op: "commit", tx });
      return result;
    },
    async close() {
      if (failure) return;
      await call({ op: "close" });
      worker.removeAllListeners("exit");
      await worker.terminate();
    },
  };
}

function toError(fields: { message: string } & Record<string, unknown>): DatabaseError {
  return Object.assign(new DatabaseError(fields.message), fields);
}
