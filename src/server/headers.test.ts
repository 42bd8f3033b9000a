import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Fastify, { type FastifyInstance } from "fastify";
import helmet from "@fastify/helmet";
import { buildApp } from "./app.js";
import type { Database } from "./db/database.js";
import { migrate } from "./db/migrate.js";
import { testDatabases } from "./db/test-databases.js";
import { createTestAccount, TEST_SCRYPT } from "./steering/test-support.js";
import { helmetOptions } from "./security-headers.js";

const PASSWORD = "mot de passe de test 2026";
const HSTS = "strict-transport-security";

/** Security headers that depend on how the request came in (issue 12, item 7); PGlite is enough here. */
describe("transport headers", () => {
  let db: Database;
  let direct: FastifyInstance;
  let proxied: FastifyInstance;

  beforeAll(async () => {
    db = await testDatabases[0]![1]();
    await migrate(db);
    await createTestAccount(db, { email: "national@sante.gouv.fr", displayName: "Nationale", role: "national" });
    direct = await buildApp({ db, logger: false, steering: { scrypt: TEST_SCRYPT } });
    proxied = await buildApp({
      db,
      logger: false,
      trustProxy: ["10.0.0.0/8"],
      publicUrl: new URL("https://1000jours.example.fr"),
      steering: { scrypt: TEST_SCRYPT },
    });
  });
  afterAll(async () => {
    await direct?.close();
    await proxied?.close();
    await db?.close();
  });

  it("sends exactly the headers @fastify/helmet sends, computed once instead of for every request", async () => {
    const services = { mapTilesUrl: "https://tuiles.example.fr/{z}/{x}/{y}.png", mapTilesAttribution: "IGN", geocoderUrl: "https://adresse.example.fr/" };
    // What @fastify/helmet itself sends with the same options, on a server with nothing else.
    const reference = Fastify({ logger: false });
    await reference.register(helmet, helmetOptions(services));
    reference.get("/api/v1/health", async () => ({ status: "ok" }));
    const expected = (await reference.inject({ url: "/api/v1/health" })).headers;
    await reference.close();
    const ours = await buildApp({ db, logger: false, services });
    try {
      for (const url of ["/api/v1/health", "/api/v1/places?lat=nord", "/n-existe-pas"]) {
        const res = await ours.inject({ url });
        const helmetNames = Object.keys(expected).filter((name) => !["content-type", "content-length", "date", "connection", "keep-alive"].includes(name));
        expect(helmetNames.length, url).toBeGreaterThan(8);
        for (const name of helmetNames) expect(res.headers[name], `${url} ${name}`).toBe(expected[name]);
      }
      const csp = String((await ours.inject({ url: "/api/v1/health" })).headers["content-security-policy"]);
      expect(csp).toContain("img-src 'self' data: https://tuiles.example.fr");
      expect(csp).toContain("connect-src 'self' https://adresse.example.fr");
    } finally {
      await ours.close();
    }
  });

  it("never sends HSTS over plain HTTP, whatever NODE_ENV says", async () => {
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = "production";
    try {
      const app = await buildApp({ db, logger: false });
      expect((await app.inject({ url: "/api/v1/health" })).headers[HSTS]).toBeUndefined();
      await app.close();
    } finally {
      process.env.NODE_ENV = previous;
    }
    expect((await direct.inject({ url: "/api/v1/health" })).headers[HSTS]).toBeUndefined();
  });

  it("sends HSTS behind a trusted proxy that says HTTPS, and only then", async () => {
    const viaProxy = await proxied.inject({ url: "/api/v1/health", remoteAddress: "10.1.2.3", headers: { "x-forwarded-proto": "https" } });
    expect(viaProxy.headers[HSTS]).toBe("max-age=31536000; includeSubDomains");
    const proxyPlainHttp = await proxied.inject({ url: "/api/v1/health", remoteAddress: "10.1.2.3", headers: { "x-forwarded-proto": "http" } });
    expect(proxyPlainHttp.headers[HSTS]).toBeUndefined();
    // A client that is not the proxy cannot claim HTTPS, nor can anyone when no proxy is configured.
    const spoofed = await proxied.inject({ url: "/api/v1/health", remoteAddress: "192.0.2.7", headers: { "x-forwarded-proto": "https" } });
    expect(spoofed.headers[HSTS]).toBeUndefined();
    const noProxy = await direct.inject({ url: "/api/v1/health", headers: { "x-forwarded-proto": "https" } });
    expect(noProxy.headers[HSTS]).toBeUndefined();
  });

  it("sends HSTS on a direct TLS connection", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mj-tls-"));
    try {
      execFileSync(
        "openssl",
        ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-days", "1", "-keyout", `${dir}/key.pem`, "-out", `${dir}/cert.pem`],
        { stdio: "ignore" },
      );
      const tls = await buildApp({ db, logger: false, https: { key: readFileSync(`${dir}/key.pem`), cert: readFileSync(`${dir}/cert.pem`) } });
      await tls.listen({ port: 0, host: "127.0.0.1" });
      const { port } = tls.server.address() as AddressInfo;
      const headers = await new Promise<Record<string, unknown>>((resolve, reject) =>
        request({ host: "127.0.0.1", port, path: "/api/v1/health", rejectUnauthorized: false }, (res) => (res.resume(), resolve(res.headers)))
          .on("error", reject)
          .end(),
      );
      await tls.close();
      expect(headers[HSTS]).toBe("max-age=31536000; includeSubDomains");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("marks every back-office answer no-store", async () => {
    const login = await direct.inject({ method: "POST", url: "/api/v1/pilotage/session", payload: { email: "national@sante.gouv.fr", password: PASSWORD } });
    expect(login.statusCode).toBe(200);
    const cookie = String(login.headers["set-cookie"]).split(";")[0]!;
    for (const url of [
      "/api/v1/pilotage/comptes",
      "/api/v1/pilotage/journal",
      "/api/v1/pilotage/naissances",
      "/api/v1/pilotage/repartitions",
      "/api/v1/pilotage/projets",
      "/api/v1/pilotage/session",
    ]) {
      const res = await direct.inject({ url, headers: { cookie } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["cache-control"], url).toBe("no-store");
    }
    // Refusals too (they tell whether an account exists or a session is alive).
    const anonymous = await direct.inject({ url: "/api/v1/pilotage/comptes" });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers["cache-control"]).toBe("no-store");
    // The public barometer stays cacheable.
    expect((await direct.inject({ url: "/api/v1/barometre" })).headers["cache-control"]).toBe("public, max-age=300");
  });

  it("signs .ics UIDs with the configured public host, never the request's Host or X-Forwarded-Host", async () => {
    const headers = { host: "attaquant.example", "x-forwarded-host": "evil.example\r\nX: y" };
    const uids = (body: string) => [
      ...new Set(
        body
          .replace(/\r\n[ \t]/g, "")
          .match(/^UID:[^@]+@(.+)\r$/gm)
          ?.map((line) => line.split("@")[1]!.trim()),
      ),
    ];
    const configured = await proxied.inject({ url: "/api/v1/calendar.ics?terme=2027-03-01", headers, remoteAddress: "10.1.2.3" });
    expect(configured.statusCode).toBe(200);
    expect(uids(configured.body)).toEqual(["1000jours.example.fr"]);
    const unset = await direct.inject({ url: "/api/v1/calendar.ics?terme=2027-03-01", headers });
    expect(uids(unset.body)).toEqual(["mille-jours.local"]);
  });
});
