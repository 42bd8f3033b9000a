import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { ContentBundle } from "../domain/content/schema.js";
import { buildApp, privacyLogger } from "./app.js";
import { loadContent } from "./content/load-content.js";
import { readContentBundle, syncContent } from "./content/content-store.js";
import type { Database } from "./db/database.js";
import { testDatabases } from "./db/test-databases.js";
import { migrate } from "./db/migrate.js";

const contentDir = fileURLToPath(new URL("../../content", import.meta.url));

describe.each(testDatabases)("server on %s", (_kind, open) => {
  let db: Database;
  let app: FastifyInstance;
  let bundle: ContentBundle;
  const logLines: string[] = [];

  beforeAll(async () => {
    db = await open();
    bundle = await loadContent(contentDir);
    await migrate(db);
    await syncContent(db, bundle);
    const stream = new Writable({ write: (chunk, _enc, done) => (logLines.push(String(chunk)), done()) });
    app = await buildApp({ db, logger: privacyLogger(stream) });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it("migrates once: a second run applies nothing", async () => {
    expect(await migrate(db)).toEqual([]);
  });

  it("loads the content once and reads it back unchanged", async () => {
    expect(await syncContent(db, bundle)).toBe(false);
    expect(await readContentBundle(db)).toEqual(bundle);
  });

  it("keeps the previous content when a new version fails half-way", async () => {
    const broken: ContentBundle = { ...bundle, version: "broken", articles: [...bundle.articles, bundle.articles[0]!] };
    await expect(syncContent(db, broken)).rejects.toThrow();
    expect((await readContentBundle(db))?.version).toBe(bundle.version);
    expect((await readContentBundle(db))?.articles).toHaveLength(bundle.articles.length);
  });

  it("serves the content bundle with an ETag, and 304 when unchanged; a new version at once, with its own ETag", async () => {
    const first = await app.inject({ url: "/api/v1/content" });
    expect(first.statusCode).toBe(200);
    expect(first.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(first.headers.etag).toBe(`"${bundle.version}"`);
    expect(first.json()).toEqual(bundle);
    const again = await app.inject({ url: "/api/v1/content", headers: { "if-none-match": first.headers.etag as string } });
    expect(again.statusCode).toBe(304);
    // The answer is written once per version (kept between calls): a new release is served, not the kept one.
    const next: ContentBundle = {
      ...bundle,
      version: `${bundle.version}-suivante`,
      stages: bundle.stages.map((s, i) => (i === 0 ? { ...s, title: "Titre modifié" } : s)),
    };
    try {
      expect(await syncContent(db, next)).toBe(true);
      const changed = await app.inject({ url: "/api/v1/content", headers: { "if-none-match": first.headers.etag as string } });
      expect(changed.statusCode).toBe(200);
      expect(changed.headers.etag).toBe(`"${next.version}"`);
      expect(changed.json().stages[0].title).toBe("Titre modifié");
      expect((await app.inject({ url: "/api/v1/stages" })).json()[0].title).toBe("Titre modifié");
    } finally {
      await syncContent(db, bundle);
    }
    expect((await app.inject({ url: "/api/v1/content" })).json()).toEqual(bundle);
  });

  it("filters articles by stage and situation", async () => {
    const res = await app.inject({ url: "/api/v1/articles?stage=trois-premiers-mois&situation=prematurite" });
    expect(res.statusCode).toBe(200);
    const ids = res.json().map((a: { id: string }) => a.id);
    const expected = bundle.articles
      .filter((a) => a.stages.includes("trois-premiers-mois") && (a.situations.length === 0 || a.situations.includes("prematurite")))
      .map((a) => a.id);
    expect(ids).toEqual(expected);
    expect(ids).toContain("prematurite-premiers-mois");
    expect(ids).not.toContain("parent-seul-soutien");
  });

  it("answers bad input with a French problem+json", async () => {
    for (const url of ["/api/v1/articles?stage=lune", "/api/v1/articles?couleur=bleu", "/api/v1/articles?stage=projet&stage=conception"]) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json()).toMatchObject({ status: 400, title: "Requête invalide" });
      expect(res.json().detail).toMatch(/invalide|non reconnue|attendu/i);
    }
    const missing = await app.inject({ url: "/api/v1/articles/n-existe-pas" });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().detail).toBe("Aucun article ne porte l'identifiant « n-existe-pas ».");
  });

  it("describes its API in OpenAPI", async () => {
    const spec = (await app.inject({ url: "/api/v1/openapi.json" })).json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(["/api/v1/content", "/api/v1/articles", "/api/v1/articles/{id}"]));
  });

  it("sends a strict Content-Security-Policy and no third-party origin", async () => {
    const res = await app.inject({ url: "/api/v1/health" });
    expect(res.json()).toMatchObject({ status: "ok", database: db.kind });
    const csp = String(res.headers["content-security-policy"]);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["referrer-policy"]).toBe("no-referrer");
  });

  it("logs paths without query strings", async () => {
    await app.inject({ url: "/api/v1/articles?stage=projet&situation=parent-seul" });
    const log = logLines.join("");
    expect(log).toContain('"path":"/api/v1/articles"');
    expect(log).not.toContain("parent-seul");
  });
});
