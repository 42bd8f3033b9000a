import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../app.js";
import type { Database } from "../db/database.js";
import { migrate } from "../db/migrate.js";
import { createTestAccount, steeringTestApp, TEST_SCRYPT, testDatabases } from "./test-support.js";

const PASSWORD = "mot de passe de test 2026";

/** Status codes of a batch of answers, counted: { 401: 5, 429: 45 }. */
const tally = (responses: { statusCode: number }[]) =>
  responses.reduce<Record<number, number>>((counts, r) => ({ ...counts, [r.statusCode]: (counts[r.statusCode] ?? 0) + 1 }), {});

/**
 * Login lock-out under concurrency and with forged proxy headers (issue 12, item 4). A 401 means the password
 * was hashed and compared; a 429 means it was refused before any hashing.
 */
describe.each(testDatabases)("login lock-out on %s", (_kind, open) => {
  let db: Database;
  let app: FastifyInstance;
  let now = new Date("2026-03-02T09:00:00Z");
  const advance = (minutes: number) => (now = new Date(now.getTime() + minutes * 60_000));
  const login = (target: FastifyInstance, email: string, password: string, remoteAddress: string, headers: Record<string, string> = {}) =>
    target.inject({ method: "POST", url: "/api/v1/pilotage/session", payload: { email, password }, remoteAddress, headers });

  beforeAll(async () => {
    db = await open();
    await migrate(db);
    app = await steeringTestApp(db, { now: () => now });
    await createTestAccount(db, { email: "cible@ars.sante.fr", displayName: "Cible", role: "regional", agency: "ars", region: "84" });
    await createTestAccount(db, { email: "agent@ars.sante.fr", displayName: "Agent", role: "regional", agency: "ars", region: "84" });
    await createTestAccount(db, { email: "national@sante.gouv.fr", displayName: "Nationale", role: "national" });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it("checks at most 5 of 50 simultaneous wrong passwords on one account; the others get 429 unhashed", async () => {
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => login(app, "cible@ars.sante.fr", `essai ${i}`, `198.51.100.${i}`)));
    expect(tally(answers)).toEqual({ 401: 5, 429: 45 });
    const refused = answers.find((r) => r.statusCode === 429)!;
    expect(refused.headers["content-type"]).toContain("application/problem+json");
    expect(refused.json().detail).toMatch(/réessayez dans 15 minutes/);
    // Locked, even for the right password, until the lock ends.
    expect((await login(app, "cible@ars.sante.fr", PASSWORD, "198.51.100.200")).statusCode).toBe(429);
    advance(14);
    expect((await login(app, "cible@ars.sante.fr", PASSWORD, "198.51.100.200")).statusCode).toBe(429);
    advance(2);
    expect((await login(app, "cible@ars.sante.fr", PASSWORD, "198.51.100.200")).statusCode).toBe(200);
  });

  it("checks at most 20 of 60 simultaneous attempts from one address, on any accounts", async () => {
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => login(app, `inconnu${i}@exemple.fr`, "faux", "203.0.113.70")));
    expect(tally(answers)).toEqual({ 401: 20, 429: 40 });
    expect((await login(app, "national@sante.gouv.fr", PASSWORD, "203.0.113.70")).statusCode).toBe(429);
    advance(16);
  });

  it("does not count successful logins against the address", async () => {
    const ip = "203.0.113.80";
    for (let i = 0; i < 19; i++) expect((await login(app, `autre${i}@exemple.fr`, "faux", ip)).statusCode).toBe(401);
    for (let i = 0; i < 10; i++) expect((await login(app, "national@sante.gouv.fr", PASSWORD, ip)).statusCode).toBe(200);
    expect((await login(app, "autre@exemple.fr", "faux", ip)).statusCode).toBe(401);
    expect((await login(app, "national@sante.gouv.fr", PASSWORD, ip)).statusCode).toBe(429);
    advance(16);
  });

  it("applies the account lock to the password change, and counts its failures, even in parallel", async () => {
    const res = await login(app, "agent@ars.sante.fr", PASSWORD, "192.0.2.10");
    const headers = { cookie: String(res.headers["set-cookie"]).split(";")[0]!, "x-csrf-token": res.json().csrfToken as string };
    const change = (current: string) =>
      app.inject({ method: "PUT", url: "/api/v1/pilotage/session/mot-de-passe", headers, payload: { current, next: "un tout nouveau mot de passe" } });
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => change(`devine ${i}`)));
    expect(tally(answers)).toEqual({ 422: 5, 429: 15 });
    // The right current password is refused too while locked, and so is the login.
    const locked = await change(PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().detail).toMatch(/^Trop de tentatives échouées sur ce compte : réessayez dans 15 minutes\.$/);
    expect((await login(app, "agent@ars.sante.fr", PASSWORD, "192.0.2.11")).statusCode).toBe(429);
    advance(16);
    expect((await change(PASSWORD)).statusCode).toBe(204);
  });
});

describe.each(testDatabases)("client address behind proxies on %s", (_kind, open) => {
  let db: Database;
  const apps: FastifyInstance[] = [];
  const login = (target: FastifyInstance, email: string, remoteAddress: string, forwardedFor: string) =>
    target.inject({
      method: "POST",
      url: "/api/v1/pilotage/session",
      payload: { email, password: "faux" },
      remoteAddress,
      headers: { "x-forwarded-for": forwardedFor },
    });

  beforeAll(async () => {
    db = await open();
    await migrate(db);
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await db?.close();
  });

  it("ignores X-Forwarded-For without TRUST_PROXY: 60 varied headers from one client are one address", async () => {
    const app = await buildApp({ db, logger: false, steering: { scrypt: TEST_SCRYPT } });
    apps.push(app);
    const answers = [];
    for (let i = 0; i < 60; i++) answers.push(await login(app, `x${i}@exemple.fr`, "192.0.2.60", `10.9.${i}.${i}, 172.16.0.${i}`));
    expect(tally(answers)).toEqual({ 401: 20, 429: 40 });
  });

  it("with TRUST_PROXY, believes the proxy about its clients, and nobody else", async () => {
    const app = await buildApp({ db, logger: false, trustProxy: ["10.0.0.0/24"], steering: { scrypt: TEST_SCRYPT } });
    apps.push(app);
    // Through the proxy: each client address has its own count.
    const first = [];
    for (let i = 0; i < 21; i++) first.push(await login(app, `y${i}@exemple.fr`, "10.0.0.2", "198.51.100.30"));
    expect(tally(first)).toEqual({ 401: 20, 429: 1 });
    expect((await login(app, "z@exemple.fr", "10.0.0.2", "198.51.100.31")).statusCode).toBe(401);
    // A client that is not the proxy cannot pick its address.
    const direct = [];
    for (let i = 0; i < 25; i++) direct.push(await login(app, `w${i}@exemple.fr`, "192.0.2.61", `198.51.100.${100 + i}`));
    expect(tally(direct)).toEqual({ 401: 20, 429: 5 });
    // Nor by prepending addresses: the proxy appends the real one, which is what counts.
    const chained = [];
    for (let i = 0; i < 21; i++) chained.push(await login(app, `v${i}@exemple.fr`, "10.0.0.2", `203.0.113.${i}, 198.51.100.40`));
    expect(tally(chained)).toEqual({ 401: 20, 429: 1 });
  });
});
