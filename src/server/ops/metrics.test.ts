import { mkdtempSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.js";
import type { Database } from "../db/database.js";
import { testDatabases } from "../db/test-databases.js";
import { migrate } from "../db/migrate.js";
import { importGeneric, loadPlaceIndex, type PlacesService } from "../places/index.js";
import { TEST_SCRYPT } from "../steering/test-support.js";
import { Metrics } from "./metrics.js";

const TOKEN = "jeton-de-test-des-metriques-2026";

describe.each(testDatabases)("metrics on %s", (kind, open) => {
  let db: Database;
  let app: FastifyInstance;
  let places: PlacesService;
  let server: Server;
  let metricsUrl: string;

  beforeAll(async () => {
    db = await open();
    await migrate(db);
    const dir = mkdtempSync(join(tmpdir(), "mille-jours-metrics-"));
    writeFileSync(join(dir, "laep.csv"), "id,type,name,lat,lon\nlaep-1,laep,LAEP du 12 rue de la Paix,48.8566,2.3522\n");
    await importGeneric(db, join(dir, "laep.csv"), "laep-test");
    writeFileSync(join(dir, "bad.csv"), "id,type,name,lat,lon\nlaep-2,laep,Sans coordonnées,,\n");
    await importGeneric(db, join(dir, "bad.csv"), "laep-test");
    places = await loadPlaceIndex(db);
    const metrics = new Metrics({ db, places });
    app = await buildApp({ db, places, metrics, logger: false, steering: { scrypt: TEST_SCRYPT } });
    server = await metrics.listen(0, "127.0.0.1", TOKEN);
    metricsUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/metrics`;
  }, 120_000);
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await app?.close();
    await db?.close();
  });

  const scrape = async () => {
    const res = await fetch(metricsUrl, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    return res.text();
  };

  it("counts requests by route pattern and never keeps a query string, a date, an address or an e-mail", async () => {
    const requests = [
      "/api/v1/places?lat=48.8566&lon=2.3522&types=laep",
      "/api/v1/places/laep-test:laep-1",
      "/api/v1/places/laep-test:inconnu?adresse=12+rue+de+la+Paix",
      "/api/v1/calendar?terme=2026-05-14",
      "/api/v1/calendar.ics?naissance=2026-01-03",
      "/api/v1/communes?q=Paris",
      "/api/v1/nulle-part/marie.dupont@example.fr?date=2026-02-01",
    ];
    for (const url of requests) await app.inject({ url });
    for (let i = 0; i < 5; i++)
      await app.inject({ method: "POST", url: "/api/v1/pilotage/session", payload: { email: "cible.metriques@ars.example.fr", password: `essai ${i}` } });

    const text = await scrape();
    expect(text).toContain('millejours_http_requests_total{method="GET",route="/api/v1/places",status_code="200"} 1');
    expect(text).toContain('millejours_http_requests_total{method="GET",route="/api/v1/places/:id",status_code="200"} 1');
    expect(text).toContain('millejours_http_requests_total{method="GET",route="/api/v1/places/:id",status_code="404"} 1');
    expect(text).toMatch(/millejours_http_requests_total\{method="GET",route="\/api\/v1\/calendar",status_code="\d{3}"\} 1/);
    expect(text).toContain('millejours_http_requests_total{method="GET",route="not_found",status_code="404"} 1');
    expect(text).toContain('millejours_http_requests_total{method="POST",route="/api/v1/pilotage/session",status_code="401"} 5');
    expect(text).toMatch(/millejours_http_request_duration_seconds_bucket\{le="0\.1",method="GET",route="\/api\/v1\/places"\} \d/);
    expect(text).toMatch(/millejours_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/calendar"\} 1/);

    for (const secret of [
      "?",
      "2026-05-14",
      "2026-01-03",
      "2026-02-01",
      "@",
      "example.fr",
      "dupont",
      "cible",
      "rue de la Paix",
      "rue+de",
      "laep-1",
      "Paris",
      "48.85",
    ])
      expect(text, `the metrics must not contain « ${secret} »`).not.toContain(secret);
  });

  it("reports import runs and their outcome, the index size, lock-outs and the database pool", async () => {
    const text = await scrape();
    expect(text).toContain('millejours_import_runs{dataset="laep-test",status="applied"} 1');
    expect(text).toContain('millejours_import_runs{dataset="laep-test",status="refused"} 1');
    expect(text).toMatch(/millejours_import_last_finished_seconds\{dataset="laep-test",status="applied"\} \d{10}/);
    expect(text).toContain('millejours_places_index_places{type="laep"} 1');
    expect(text).toContain('millejours_steering_lockouts_active{kind="account"} 1');
    expect(text).toContain('millejours_steering_lockouts_active{kind="address"} 0');
    expect(text).toContain('millejours_steering_login_failures_window{kind="account"} 5');
    expect(text).toContain("millejours_metrics_database_up 1");
    expect(text).toContain("process_resident_memory_bytes");
    if (kind === "PostgreSQL") expect(text).toMatch(/millejours_db_pool_connections\{state="total"\} [1-9]/);
    else expect(text).not.toContain("millejours_db_pool_connections");
  });

  it("is served on its own port only, with the token", async () => {
    expect((await app.inject({ url: "/metrics" })).statusCode).toBe(404);
    expect((await app.inject({ url: "/api/v1/metrics" })).statusCode).toBe(404);
    expect((await fetch(metricsUrl)).status).toBe(401);
    expect((await fetch(metricsUrl, { headers: { authorization: "Bearer mauvais-jeton-de-test-00000" } })).status).toBe(401);
    expect((await fetch(metricsUrl.replace("/metrics", "/autre"))).status).toBe(404);
  });
});
