import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { inject } from "vitest";
import { openDatabase, wrapPglite, type Database } from "./database.js";

/**
 * A fresh, empty database of each kind, for integration tests: embedded PGlite, and a new database on the test
 * PostgreSQL server. The PGlite one is what `openPglite(null)` opens, loaded from the snapshot of a new database
 * (tests/setup/postgres.ts) instead of running `initdb` again.
 */
export const testDatabases: [string, () => Promise<Database>][] = [
  ["PGlite", async () => wrapPglite(await PGlite.create({ loadDataDir: new Blob([readFileSync(inject("pgliteTemplate"))]) }))],
  [
    "PostgreSQL",
    async () => {
      const url = new URL(inject("postgresUrl"));
      const name = `test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
      const admin = new pg.Client({ connectionString: url.toString() });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      url.pathname = `/${name}`;
      return openDatabase({ databaseUrl: url.toString() });
    },
  ],
];
