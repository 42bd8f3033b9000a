import { afterEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../app.js";
import type { Database } from "../db/database.js";
import { migrate } from "../db/migrate.js";
import { testDatabases } from "../db/test-databases.js";
import { loadPlaceIndex } from "../places/index.js";
import { newLifecycle } from "./lifecycle.js";

describe.each(testDatabases)("health on %s", (_kind, open) => {
  let db: Database | undefined;
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    await db?.close().catch(() => {});
  });

  it("is ready once migrated with the places index loaded; liveness does not read the database", async () => {
    db = await open();
    await migrate(db);
    const lifecycle = newLifecycle();
    app = await buildApp({ db, logger: false, places: await loadPlaceIndex(db), lifecycle });
    const ready = await app.inject({ url: "/api/v1/health/ready" });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({
      status: "ready",
      checks: { database: { ok: true }, migrations: { ok: true }, places: { ok: true, detail: expect.stringMatching(/^0 lieux en mémoire/) } },
    });

    lifecycle.draining = true;
    const draining = await app.inject({ url: "/api/v1/health/ready" });
    expect(draining.statusCode).toBe(503);
    expect(draining.headers["connection"]).toBe("close");
    expect(draining.json().detail).toBe("Cette copie du serveur ne peut pas servir : shutdown : arrêt en cours.");

    lifecycle.draining = false;
    await db.close();
    const down = await app.inject({ url: "/api/v1/health/ready" });
    expect(down.statusCode).toBe(503);
    expect(down.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(down.json()).toMatchObject({ title: "Service pas encore disponible", checks: { database: { ok: false } } });
    expect(down.json().detail).toContain("database : ");
    const live = await app.inject({ url: "/api/v1/health" });
    expect(live.statusCode).toBe(200);
    expect(live.json()).toMatchObject({ status: "ok", database: db.kind });
  }, 120_000);

  it("is not ready while a migration of this code is not applied, and names it", async () => {
    db = await open();
    app = await buildApp({ db, logger: false });
    const res = await app.inject({ url: "/api/v1/health/ready" });
    expect(res.statusCode).toBe(503);
    expect(res.json().detail).toMatch(/migrations : non appliquées : 0001_content\.sql, 0002_places\.sql/);
    await migrate(db);
    expect((await app.inject({ url: "/api/v1/health/ready" })).statusCode).toBe(200);
  }, 120_000);
});
