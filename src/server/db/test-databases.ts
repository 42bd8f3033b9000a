import pg from "pg";
import { inject } from "vitest";
import { openDatabase, openPglite, type Database } from "./database.js";

/** A fresh, empty database of each kind, for integration tests: embedded PGlite, and a new database on the test PostgreSQL server. */
export const testDatabases: [string, () => Promise<Database>][] = [
  ["PGlite", () => openPglite(null)],
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
