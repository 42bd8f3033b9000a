import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import type { ContentBundle } from "../domain/content/schema.js";
import { buildApp } from "./app.js";
import type { Database } from "./db/database.js";
import { migrate } from "./db/migrate.js";
import { testDatabases } from "./db/test-databases.js";
import { requestPages, type RequestPageData } from "./request-pages.js";

/**
 * A render module standing for the build's (`build/ssr/prerender.js`): it writes what it was asked to render, so that
 * the tests see the address, the template and the data the server passed; « boum » in an address makes it fail.
 */
const stubModule = `
export async function renderRequestPage(url, template, content, served) {
  globalThis.renderCalls = (globalThis.renderCalls ?? 0) + 1;
  if (url.includes("boum")) throw new Error("rendu cassé : " + url);
  return template.replace("<div id=\\"root\\"></div>", "<div id=\\"root\\">" + JSON.stringify({ url, version: content.version, served }) + "</div>");
}
`;

const templates = {
  "/autour-de-moi/lieu/:placeId": '<html lang="fr"><head></head><body><div id="root"></div><!-- lieu --></body></html>',
  "/recherche": `<html lang="fr"><head></head><body><div id="root"></div><!-- recherche ${"-".repeat(2000)} --></body></html>`,
};

function renderDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "mj-render-"));
  writeFileSync(join(dir, "prerender.js"), stubModule);
  writeFileSync(join(dir, "request-pages.json"), JSON.stringify({ templates }));
  return dir;
}

const place = { type: "Feature", id: "finess:750010035", properties: { name: "Maternité" } };
const renders = () => (globalThis as { renderCalls?: number }).renderCalls ?? 0;

describe("pages rendered at request time", () => {
  const dir = renderDir();
  let version = "v1";
  const logged: string[] = [];
  const data: RequestPageData = {
    content: async () => ({ version }) as ContentBundle,
    place: (id) => (id === "finess:750010035" ? place : null),
  };
  const pages = requestPages(dir, data, (message) => logged.push(message))!;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const rendered = async (url: string) => {
    const html = await pages.render(url);
    return html === null ? null : (JSON.parse(/<div id="root">(.*)<\/div>/.exec(html)![1]!) as { url: string; version: string; served: unknown });
  };

  it("renders a place's page with the place as the API answers it, under the URL the page would fetch, in every language", async () => {
    expect(await rendered("/autour-de-moi/lieu/finess%3A750010035")).toEqual({
      url: "/autour-de-moi/lieu/finess%3A750010035",
      version: "v1",
      served: { "/api/v1/places/finess%3A750010035": place },
    });
    expect((await rendered("/ar/autour-de-moi/lieu/finess%3A750010035"))?.url).toBe("/ar/autour-de-moi/lieu/finess%3A750010035");
    expect(await pages.render("/autour-de-moi/lieu/finess%3A750010035")).toContain("<!-- lieu -->");
  });

  it("leaves to the shell an unknown place, a broken address, another path, a page of no route", async () => {
    for (const url of [
      "/autour-de-moi/lieu/finess%3A000000000",
      "/autour-de-moi/lieu/%E0%A4%A",
      "/autour-de-moi/lieu/finess%3A750010035/",
      "/autour-de-moi/lieu/",
      "/autour-de-moi",
      "/calendrier/evenement/epp",
      "/xx/autour-de-moi/lieu/finess%3A750010035",
      "/",
    ])
      expect(await pages.render(url), url).toBeNull();
  });

  it("renders French search results; leaves to the shell an empty or too long query and other languages (their translations are fetched by the app)", async () => {
    expect(await rendered("/recherche?q=allaitement")).toEqual({ url: "/recherche?q=allaitement", version: "v1", served: null });
    for (const url of ["/recherche", "/recherche?q=", "/recherche?q=%20%20", `/recherche?q=${"a".repeat(201)}`, "/en/recherche?q=sleep", "/recherche?mot=x"])
      expect(await pages.render(url), url).toBeNull();
    expect(await pages.render(`/recherche?q=a&x=${"b".repeat(2000)}`)).toBeNull();
  });

  it("keeps a search's page for its content version, and renders it again once the content changed", async () => {
    const before = renders();
    await pages.render("/recherche?q=sommeil");
    await pages.render("/recherche?q=sommeil");
    expect(renders() - before).toBe(1);
    version = "v2";
    expect((await rendered("/recherche?q=sommeil"))?.version).toBe("v2");
    expect(renders() - before).toBe(2);
    // A place's page is never kept: the index changes with each import.
    await pages.render("/autour-de-moi/lieu/finess%3A750010035");
    await pages.render("/autour-de-moi/lieu/finess%3A750010035");
    expect(renders() - before).toBe(4);
  });

  it("a render that fails, or content not loaded yet, leaves the page to the shell and says so in the log", async () => {
    expect(await pages.render("/recherche?q=boum")).toBeNull();
    expect(logged.at(-1)).toMatch(/^\/recherche : rendu impossible, la page est servie par shell\.html \(Error: rendu cassé : \/recherche\)/);
    expect(logged.join("\n")).not.toContain("boum");
    const empty = requestPages(dir, { content: async () => null }, () => undefined)!;
    expect(await empty.render("/recherche?q=lait")).toBeNull();
  });

  it("without a build's render module, renders nothing", () => {
    expect(requestPages(join(dir, "absent"), data, () => undefined)).toBeNull();
  });
});

describe.each(testDatabases)("the server answers pages rendered with their data on %s", (_kind, open) => {
  const front = mkdtempSync(join(tmpdir(), "mj-front-"));
  const render = renderDir();
  let db: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    mkdirSync(join(front, "assets"));
    writeFileSync(join(front, "index.html"), "<p>accueil</p>");
    writeFileSync(join(front, "shell.html"), "<p>coquille</p>");
    writeFileSync(join(front, "recherche.html"), "<p>recherche</p>");
    db = await open();
    await migrate(db);
    await db.exec("INSERT INTO content_release (id, version) VALUES (1, 'v-test') ON CONFLICT (id) DO UPDATE SET version = 'v-test'");
    app = await buildApp({ db, logger: false, staticDir: front, renderDir: render });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
    rmSync(front, { recursive: true, force: true });
    rmSync(render, { recursive: true, force: true });
  });

  it("a search is rendered, with the security headers; without a query, the pre-rendered page; elsewhere the shell", async () => {
    const search = await app.inject({ url: "/recherche?q=lait" });
    expect(search.statusCode).toBe(200);
    expect(search.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(search.headers["cache-control"]).toBe("no-cache");
    expect(search.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(search.body).toContain('"version":"v-test"');
    // Compressed like any page (a route of its own: @fastify/compress does not hook the not-found handler).
    expect((await app.inject({ url: "/recherche?q=lait", headers: { "accept-encoding": "gzip" } })).headers["content-encoding"]).toBe("gzip");
    expect((await app.inject({ url: "/recherche" })).body).toBe("<p>recherche</p>");
    // No places index in this app: a place's page is the shell's, in every language; POST is refused.
    expect((await app.inject({ url: "/autour-de-moi/lieu/finess%3A1" })).body).toBe("<p>coquille</p>");
    expect((await app.inject({ url: "/ar/autour-de-moi/lieu/finess%3A1" })).body).toBe("<p>coquille</p>");
    expect((await app.inject({ method: "POST", url: "/autour-de-moi/lieu/finess%3A1" })).statusCode).toBe(405);
  });

  it("no page address, however odd, gets a 5xx", async () => {
    const segment = fc.string({ unit: fc.constantFrom("a", "é", "%", "E0", "/", "?", "=", "&", "q", ":", " ", "#", "..", "\u0000", "lieu") });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("/recherche", "/autour-de-moi/lieu/", "/ar/recherche", "/"), segment, async (base, rest) => {
        const res = await app.inject({ url: base + encodeURI(rest).replace(/%25/g, "%") });
        expect(res.statusCode, base + rest).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
  });
});
