import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.js";
import { loadPlaceIndex } from "../places/index.js";
import { openDatabase, type Database } from "./database.js";
import { migrate } from "./migrate.js";
import { testDatabases } from "./test-databases.js";

/** The databases the server really opens: PGlite in its worker thread (`npm start`), and PostgreSQL. */
const served: [string, () => Promise<Database>][] = [["PGlite (worker)", () => openDatabase({ pgliteDir: null })], testDatabases[1]!];

/** One statement that keeps the engine busy (seconds on PGlite): a back-office report, an import. */
const LONG_JOB = "SELECT count(*)::int AS n FROM generate_series(1, 6000000) a WHERE a % 7 = 3";

describe.each(served)("a parent's request never waits behind a back-office job, on %s", (_kind, open) => {
  let db: Database;
  let app: FastifyInstance;

  beforeAll(async () => {
    db = await open();
    await migrate(db);
    app = await buildApp({ db, logger: false, places: await loadPlaceIndex(db) });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it("answers /places and /calendar while one long query holds the database", async () => {
    const order: string[] = [];
    const job = db.query<{ n: number }>(LONG_JOB).then((rows) => (order.push("job"), rows[0]!.n));
    // Let the job reach the engine: if the engine ran on this thread, this would only resume after it.
    await new Promise((resolve) => setImmediate(resolve));
    const places = await app.inject({ url: "/api/v1/places?lat=45.76&lon=4.84" });
    order.push("places");
    const calendar = await app.inject({ url: "/api/v1/calendar?terme=2027-03-01&rang=1" });
    order.push("calendar");
    expect(await job).toBe(857143);
    expect(places.statusCode).toBe(200);
    expect(calendar.statusCode).toBe(200);
    expect(order).toEqual(["places", "calendar", "job"]);
  });

  it("keeps transactions whole: a transaction holds the engine, a failed one leaves nothing, errors keep their PostgreSQL code", async () => {
    await db.exec("CREATE TABLE worker_probe (n int PRIMARY KEY)");
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const tx = db.transaction(async (q) => {
      await q.query("INSERT INTO worker_probe VALUES (1)");
      await gate;
      await q.query("INSERT INTO worker_probe VALUES (2)");
      return "committed";
    });
    const outside = db.query<{ n: number }>("SELECT count(*)::int AS n FROM worker_probe");
    if (db.kind === "pglite") {
      // One connection: the read waits for the commit.
      release();
      expect(await tx).toBe("committed");
      expect((await outside)[0]!.n).toBe(2);
    } else {
      // Another connection reads while the transaction is still open, and sees nothing of it (isolation).
      expect((await outside)[0]!.n).toBe(0);
      release();
      expect(await tx).toBe("committed");
    }
    await expect(
      db.transaction(async (q) => {
        await q.query("INSERT INTO worker_probe VALUES (3)");
        await q.query("INSERT INTO worker_probe VALUES (1)");
      }),
    ).rejects.toMatchObject({ code: "23505" });
    expect(await db.query("SELECT n FROM worker_probe ORDER BY n")).toEqual([{ n: 1 }, { n: 2 }]);
  });
});
