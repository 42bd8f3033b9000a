import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Database } from "../db/database.js";
import { migrate } from "../db/migrate.js";
import { callbackTestApp, testDatabases, testKeyring } from "./test-support.js";
import { purgeExpired } from "./store.js";

/**
 * Anti-abuse on the public endpoint: per client address (X-Forwarded-For believed only from a trusted proxy,
 * as for the login lock-out) and per phone number, each counted under a keyed hash and forgotten after its
 * window; every refusal is French problem+json.
 */
describe.each(testDatabases)("call-back rate limits on %s", (_kind, open) => {
  let db: Database;
  let app: FastifyInstance;
  let clock = new Date("2026-12-02T09:00:00Z");
  let n = 0;
  const phone = () => `07 00 00 ${String(Math.floor(n / 100)).padStart(2, "0")} ${String(n++ % 100).padStart(2, "0")}`;
  const body = (extra: Record<string, unknown> = {}) => ({ name: "Sam", phone: phone(), moments: ["midi"], commune: "69123", consent: true, ...extra });
  /** Through the trusted proxy (inject's 127.0.0.1): the client is the X-Forwarded-For address. */
  const viaProxy = (client: string, payload: object) =>
    app.inject({ method: "POST", url: "/api/v1/rappel/demandes", payload, headers: { "x-forwarded-for": client } });
  /** Straight from an untrusted address: its X-Forwarded-For is ignored. */
  const direct = (remote: string, forged: string, payload: object) =>
    app.inject({ method: "POST", url: "/api/v1/rappel/demandes", payload, remoteAddress: remote, headers: { "x-forwarded-for": forged } });

  beforeAll(async () => {
    db = await open();
    await migrate(db);
    app = await callbackTestApp(db, { now: () => clock }, { keyring: testKeyring(), ipMax: 3, ipWindowMinutes: 60, phoneMax: 2, phoneWindowHours: 24 });
    await db.query(
      "INSERT INTO callback_service (departement, name, email, opening_hours, response_delay_hours, enabled, updated_at, updated_by) VALUES ('69', 'PMI du Rhône', 'pmi@example.fr', '9 h – 17 h', 48, true, now(), 'test')",
    );
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it("per address behind the trusted proxy: the 4th request in the hour is refused, another client is not", async () => {
    for (let i = 0; i < 3; i++) expect((await viaProxy("198.51.100.1", body())).statusCode).toBe(201);
    const refused = await viaProxy("198.51.100.1", body());
    expect(refused.statusCode).toBe(429);
    expect(refused.headers["content-type"]).toContain("application/problem+json");
    expect(refused.headers["retry-after"]).toBe("3600");
    expect(refused.json()).toMatchObject({ status: 429, title: "Trop de demandes" });
    expect(refused.json().detail).toContain("Trop de demandes envoyées depuis cette connexion");
    expect(refused.json().detail).toContain("3114");
    expect((await viaProxy("198.51.100.2", body())).statusCode).toBe(201);
  });

  it("an untrusted client cannot dodge the limit by forging X-Forwarded-For", async () => {
    for (let i = 0; i < 3; i++) expect((await direct("203.0.113.7", `192.0.2.${i}`, body())).statusCode).toBe(201);
    expect((await direct("203.0.113.7", "192.0.2.99", body())).statusCode).toBe(429);
  });

  it("per phone number, whatever its spelling and the address it comes from", async () => {
    expect((await viaProxy("198.51.100.10", body({ phone: "06 99 88 77 66" }))).statusCode).toBe(201);
    expect((await viaProxy("198.51.100.11", body({ phone: "+33699887766" }))).statusCode).toBe(201);
    const refused = await viaProxy("198.51.100.12", body({ phone: "06.99.88.77.66" }));
    expect(refused.statusCode).toBe(429);
    expect(refused.json().detail).toContain("Une demande a déjà été envoyée pour ce numéro");
    expect(Number(refused.headers["retry-after"])).toBe(24 * 3600);
  });

  it("counters hold hashes only and are deleted once their window is over", async () => {
    const dump = JSON.stringify(await db.query("SELECT * FROM callback_rate"));
    for (const clear of ["198.51.100.1", "203.0.113.7", "0699887766", "699887766"]) expect(dump).not.toContain(clear);
    clock = new Date(clock.getTime() + 61 * 60_000);
    expect((await viaProxy("198.51.100.1", body())).statusCode).toBe(201);
    await purgeExpired(db, clock);
    // Left: the counter just started for 198.51.100.1 and the per-number counters (24 h), nothing of the past hour's addresses.
    const left = await db.query<{ key: string }>("SELECT key FROM callback_rate WHERE key LIKE 'ip:%'");
    expect(left).toHaveLength(1);
    await purgeExpired(db, new Date(clock.getTime() + 25 * 3_600_000));
    expect(await db.query("SELECT 1 FROM callback_rate")).toHaveLength(0);
  });

  it("honeypot, oversized body and wrong content type: French problem+json, nothing stored", async () => {
    const before = (await db.query("SELECT 1 FROM callback_request")).length;
    const bot = await viaProxy("198.51.100.50", body({ siteWeb: "https://casino.example" }));
    expect(bot.statusCode).toBe(400);
    expect(bot.json().detail).toContain("La demande n'a pas pu être acceptée");
    const big = await viaProxy("198.51.100.51", { ...body(), padding: "x".repeat(10_000) });
    expect(big.statusCode).toBe(413);
    expect(big.headers["content-type"]).toContain("application/problem+json");
    const form = await app.inject({
      method: "POST",
      url: "/api/v1/rappel/demandes",
      payload: "name=a",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(form.statusCode).toBe(415);
    expect(form.json().detail).toContain("JSON");
    expect(await db.query("SELECT 1 FROM callback_request")).toHaveLength(before);
  });
});
