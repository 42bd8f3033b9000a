import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance, InjectOptions } from "fastify";
import { precompress } from "../../scripts/precompress.js";
import { buildApp } from "./app.js";
import type { Database } from "./db/database.js";
import { migrate } from "./db/migrate.js";
import { testDatabases } from "./db/test-databases.js";
import { createTestAccount, TEST_SCRYPT } from "./steering/test-support.js";

const PASSWORD = "mot de passe de test 2026";

/** Sends bytes on a raw socket (what inject() cannot send) and returns the status, headers and body. */
function rawRequest(port: number, data: Buffer | string): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("error", (error) => (chunks.length ? undefined : reject(error)));
    socket.on("close", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const [head = "", ...rest] = text.split("\r\n\r\n");
      resolve({ status: Number(head.split(" ")[1]), headers: head, body: rest.join("\r\n\r\n") });
    });
    socket.end(data);
  });
}

function expectFrenchProblem(res: { status: number; headers: string; body: string }, status: number) {
  expect(res.status, res.headers).toBe(status);
  expect(res.headers).toMatch(/content-type: application\/problem\+json; charset=utf-8/i);
  const problem = JSON.parse(res.body);
  expect(problem).toMatchObject({ type: "about:blank", status });
  expect(problem.detail).toMatch(/[éèàêç]|requête|adresse/i);
  return problem as { title: string; detail: string };
}

describe("errors raised before routing, over a real socket", () => {
  let db: Database;
  let app: FastifyInstance;
  let port: number;
  const get = (path: string, extra = "") => rawRequest(port, `GET ${path} HTTP/1.1\r\nHost: localhost\r\n${extra}Connection: close\r\n\r\n`);
  const post = (path: string, type: string, body: string | Buffer, length = Buffer.byteLength(body)) =>
    rawRequest(
      port,
      Buffer.concat([
        Buffer.from(`POST ${path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: ${type}\r\nContent-Length: ${length}\r\nConnection: close\r\n\r\n`),
        Buffer.from(body),
      ]),
    );

  beforeAll(async () => {
    db = await testDatabases[0]![1]();
    await migrate(db);
    app = await buildApp({ db, logger: false });
    await app.listen({ port: 0, host: "127.0.0.1" });
    port = (app.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it("431: a URL over 16 KB", async () => {
    expect(expectFrenchProblem(await get(`/api/v1/articles?x=${"a".repeat(17_000)}`), 431).detail).toMatch(/16 Ko/);
  });

  it("414: an over-long path parameter", async () => {
    expect(expectFrenchProblem(await get(`/api/v1/articles/${"a".repeat(200)}`), 414).title).toBe("Adresse trop longue");
  });

  it("400: a bad %-encoding in the path", async () => {
    expect(expectFrenchProblem(await get("/api/v1/places/%zz"), 400).title).toBe("Adresse invalide");
    expectFrenchProblem(await get("/api/v1/articles/%E9%"), 400);
  });

  it("400: raw non-ASCII bytes and control characters in the request line, and garbage", async () => {
    const line = Buffer.concat([
      Buffer.from("GET /api/v1/articles/"),
      Buffer.from([0xc3, 0xa9, 0xff, 0x00]),
      Buffer.from(" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
    ]);
    expect(expectFrenchProblem(await rawRequest(port, line), 400).title).toBe("Requête mal formée");
    expectFrenchProblem(await rawRequest(port, "BONJOUR\r\n\r\n"), 400);
    expectFrenchProblem(await get("/api/v1/health", "X-Test: a\u0000b\r\n"), 400);
  });

  it("400/413/415: invalid JSON, empty JSON, a body too large, an unsupported media type", async () => {
    expect(expectFrenchProblem(await post("/api/v1/pilotage/session", "application/json", "{abc}"), 400).title).toBe("JSON invalide");
    expectFrenchProblem(await post("/api/v1/pilotage/session", "application/json", '{"__proto__":{"x":1}}'), 400);
    expectFrenchProblem(await post("/api/v1/pilotage/session", "application/json", ""), 400);
    expect(expectFrenchProblem(await post("/api/v1/pilotage/session", "text/xml", "<a/>"), 415).detail).toMatch(/application\/json/);
    expectFrenchProblem(await post("/api/v1/pilotage/session", "application/json", `{"email":"${"x".repeat(1_100_000)}"}`), 413);
  });

  it("404 for an unknown path; 405 with Allow for a known path asked with another method", async () => {
    const raw = (method: string, path: string) => rawRequest(port, `${method} ${path} HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
    expectFrenchProblem(await get("/api/v1/rien"), 404);
    expectFrenchProblem(await raw("POST", "/api/v1/rien"), 404);
    expectFrenchProblem(await get("/api/v1/pilotage/projets/abc/def/ghi"), 404);
    const health = await raw("DELETE", "/api/v1/health");
    expect(expectFrenchProblem(health, 405).detail).toBe("/api/v1/health ne répond pas à la méthode DELETE : méthodes acceptées GET, HEAD.");
    expect(health.headers).toMatch(/^allow: GET, HEAD$/im);
    // A path parameter: any value of the segment is the same route.
    const project = await raw("POST", "/api/v1/pilotage/projets/7f1d7a4e-0000-4000-8000-000000000000");
    expectFrenchProblem(project, 405);
    expect(project.headers).toMatch(/^allow: GET, HEAD, PUT$/im);
    expect((await raw("PATCH", "/api/v1/pilotage/session")).headers).toMatch(/^allow: DELETE, GET, HEAD, POST$/im);
  });
});

describe("405 and 404 beside the front end", () => {
  const shell = `<p>coquille</p>${"<script>/* l'application */</script>".repeat(40)}`;
  const dir = mkdtempSync(join(tmpdir(), "mj-front-"));
  let db: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    mkdirSync(join(dir, "assets"));
    for (const [file, text] of [
      ["index.html", "<p>accueil</p>"],
      ["shell.html", shell],
      ["calendrier.html", "<p>calendrier</p>"],
      ["parcours.html", `<main>${"<p>Une étape du parcours, son message clé et ses articles.</p>".repeat(100)}</main>`],
      ["assets/app-1234.js", "1"],
      ["assets/main-5678.js", `export const messages = [${'"Une étape du parcours", '.repeat(200)}];`],
    ] as const)
      writeFileSync(join(dir, file), text);
    expect(await precompress(dir)).toMatchObject({ files: 2 }); // main-5678.js and shell.html; app-1234.js is too small to be worth it
    db = await testDatabases[0]![1]();
    await migrate(db);
    app = await buildApp({ db, logger: false, staticDir: dir });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("pages and files answer GET; another method gets 405 on an API route or a file, 404 elsewhere", async () => {
    expect((await app.inject({ url: "/calendrier" })).body).toBe("<p>calendrier</p>");
    expect((await app.inject({ url: "/une/page/du/parcours" })).body).toBe(shell);
    const api = await app.inject({ method: "DELETE", url: "/api/v1/health" });
    expect(api.statusCode).toBe(405);
    expect(api.headers.allow).toBe("GET, HEAD");
    expect(api.headers["content-type"]).toContain("application/problem+json");
    const file = await app.inject({ method: "POST", url: "/assets/app-1234.js" });
    expect(file.statusCode).toBe(405);
    expect(file.headers.allow).toBe("GET, HEAD");
    expect((await app.inject({ method: "POST", url: "/une/page/du/parcours" })).statusCode).toBe(404);
    expect((await app.inject({ method: "POST", url: "/api/v1/rien" })).statusCode).toBe(404);
  });

  it("sends pre-rendered pages compressed, with and without a final slash (they once went out whole)", async () => {
    for (const url of ["/parcours", "/parcours/", "/parcours?theme=sommeil"]) {
      const page = await app.inject({ url, headers: { "accept-encoding": "gzip" } });
      expect(page.statusCode).toBe(200);
      expect(page.headers["content-encoding"]).toBe("gzip");
      expect(page.headers["cache-control"]).toBe("no-cache");
      expect(gunzipSync(page.rawPayload).toString()).toContain("Une étape du parcours");
    }
    const page = await app.inject({ method: "POST", url: "/parcours" });
    expect(page.statusCode).toBe(405);
    expect(page.headers.allow).toBe("GET, HEAD");
  });
  it("sends the build's Brotli file to a browser that accepts it, and compresses on the fly for the others", async () => {
    const original = `export const messages = [${'"Une étape du parcours", '.repeat(200)}];`;
    const br = await app.inject({ url: "/assets/main-5678.js", headers: { "accept-encoding": "gzip, deflate, br" } });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers.vary).toContain("accept-encoding");
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(br.headers["content-type"]).toContain("javascript");
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(original);
    const gzip = await app.inject({ url: "/assets/main-5678.js", headers: { "accept-encoding": "gzip" } });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(original);
    const plain = await app.inject({ url: "/assets/main-5678.js" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe(original);
    // A file without a Brotli copy of its own is still served, compressed on the fly.
    const small = await app.inject({ url: "/assets/app-1234.js", headers: { "accept-encoding": "br" } });
    expect(small.statusCode).toBe(200);
    expect(brotliDecompressSync(small.rawPayload).toString()).toBe("1");
  });
  it("sends the shell compressed to a path without a page of its own (the not-found handler sent it whole)", async () => {
    const br = await app.inject({ url: "/une/page/du/parcours", headers: { "accept-encoding": "gzip, br" } });
    expect(br.statusCode).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["cache-control"]).toBe("no-cache");
    expect(br.headers["content-type"]).toContain("text/html");
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(shell);
  });
});

describe.each(testDatabases)("NUL bytes never reach %s", (_kind, open) => {
  let db: Database;
  let app: FastifyInstance;
  let headers: Record<string, string>;

  beforeAll(async () => {
    db = await open();
    await migrate(db);
    await createTestAccount(db, { email: "national@sante.gouv.fr", displayName: "Nationale", role: "national" });
    app = await buildApp({ db, logger: false, steering: { scrypt: TEST_SCRYPT } });
    const login = await app.inject({ method: "POST", url: "/api/v1/pilotage/session", payload: { email: "national@sante.gouv.fr", password: PASSWORD } });
    headers = { cookie: String(login.headers["set-cookie"]).split(";")[0]!, "x-csrf-token": login.json().csrfToken };
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const cases: [string, InjectOptions & { auth?: boolean }][] = [
    ["an article id", { url: "/api/v1/articles/%00" }],
    ["a query string", { url: "/api/v1/articles?stage=%00" }],
    ["the login e-mail", { method: "POST", url: "/api/v1/pilotage/session", payload: { email: "a\u0000@b.fr", password: "x" } }],
    [
      "an account name",
      {
        method: "POST",
        url: "/api/v1/pilotage/comptes",
        auth: true,
        payload: { email: "n@ars.sante.fr", displayName: "Nom\u0000", role: "observer", password: "un long mot de passe 2026" },
      },
    ],
    ["a CSV cell", { method: "POST", url: "/api/v1/pilotage/projets/import", auth: true, payload: { csv: "titre;x\nA\u0000;b", dryRun: true } }],
    [
      "a births source",
      { method: "POST", url: "/api/v1/pilotage/naissances", auth: true, payload: { csv: "annee;region;naissances\n2024;84;1000", source: "INSEE\u0000" } },
    ],
    ["a JSON key", { method: "POST", url: "/api/v1/pilotage/projets", auth: true, payload: { project: { "ti\u0000tle": "x" } } }],
  ];
  it.each(cases)("refuses a NUL in %s with a French 400", async (_what, { auth, ...req }) => {
    const res = await app.inject({ ...req, ...(auth ? { headers } : {}) });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json().detail).toMatch(/caractère nul/);
  });

  it("still works after these requests", async () => {
    expect((await app.inject({ url: "/api/v1/pilotage/comptes", headers })).statusCode).toBe(200);
  });
});
