import { PGlite } from "@electric-sql/pglite";
import pg from "pg";

/** What the rest of the server needs from a database: parameterised queries, scripts, transactions. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a multi-statement SQL script (migrations); no parameters. */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: "pglite" | "postgresql";
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type DatabaseConfig = { databaseUrl: string } | { pgliteDir: string | null };

/** PostgreSQL when a URL is given, otherwise embedded PGlite (in a folder, or in memory for tests). */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  return "databaseUrl" in config ? openPostgres(config.databaseUrl) : openPglite(config.pgliteDir);
}

export async function openPglite(dir: string | null): Promise<Database> {
  return wrapPglite(dir ? await PGlite.create(dir) : await PGlite.create());
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
    transaction<T>(work: (tx: Queryable) => Promise<T>) {
      return db.transaction((tx) =>
        work({
          query: async <R>(sql: string, params: unknown[] = []) => (await tx.query<R>(sql, params)).rows,
          exec: async (sql: string) => void (await tx.exec(sql)),
        }),
      );
    },
    close: () => db.close(),
  };
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  await pool.query("SELECT 1");
  const queryable = (client: pg.Pool | pg.PoolClient): Queryable => ({
    query: async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[],
    exec: async (sql: string) => void (await client.query(sql)),
  });
  return {
    kind: "postgresql",
    ...queryable(pool),
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
