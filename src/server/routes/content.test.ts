import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { ContentBundle, TranslationBundle, TranslationLanguage } from "../../domain/content/schema.js";
import { buildApp } from "../app.js";
import { loadContent } from "../content/load-content.js";
import { syncContent } from "../content/content-store.js";
import { migrate } from "../db/migrate.js";
import { openPglite, type Database } from "../db/database.js";

const contentDir = fileURLToPath(new URL("../../../content", import.meta.url));
let db: Database;
let app: FastifyInstance;
let french: ContentBundle;

const english: TranslationBundle = {
  language: "en",
  version: "en-test-1",
  articles: [
    {
      id: "declaration-grossesse",
      language: "en",
      title: "Declaring your pregnancy: before the end of week 14",
      summary: "Declaring your pregnancy opens your rights with the health insurance fund and the CAF.",
      keyMessage: "Have your first prenatal check-up early.",
      html: "<p>Your doctor or midwife declares it.</p>",
      text: "Your doctor or midwife declares it.",
      translation: { status: "relu", reviewer: "Jane Doe", reviewedOn: "2026-12-01" },
    },
  ],
  orientationEpds: null,
  calendar: null,
};

beforeAll(async () => {
  db = await openPglite(null);
  french = await loadContent(contentDir);
  await migrate(db);
  await syncContent(db, french);
  app = await buildApp({ db, logger: false, translations: new Map<TranslationLanguage, TranslationBundle>([["en", english]]) });
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

interface Listed {
  id: string;
  title: string;
  language: string;
  essential: boolean;
  fallback: boolean;
  translation: unknown;
  sources: { url: string }[];
}

describe("GET /api/v1/articles?langue=", () => {
  it("lists French by default, with the essentials flagged and no translation status", async () => {
    const res = await app.inject({ url: "/api/v1/articles" });
    expect(res.statusCode).toBe(200);
    const list = res.json() as Listed[];
    expect(list).toHaveLength(french.articles.length);
    expect(list.every((a) => a.language === "fr" && !a.fallback && a.translation === null)).toBe(true);
    expect(list.filter((a) => a.essential).map((a) => a.id)).toEqual(french.articles.filter((a) => a.essential).map((a) => a.id));
    expect(list.find((a) => a.id === "declaration-grossesse")).toMatchObject({ essential: true });
    expect((await app.inject({ url: "/api/v1/articles?langue=fr" })).json()).toEqual(list);
  });

  it("gives the translation with its status, the French text marked as fallback otherwise, and the same sources", async () => {
    const res = await app.inject({ url: "/api/v1/articles?langue=en&stage=debut-grossesse" });
    expect(res.statusCode).toBe(200);
    const list = res.json() as Listed[];
    const translated = list.find((a) => a.id === "declaration-grossesse")!;
    expect(translated).toMatchObject({
      language: "en",
      title: "Declaring your pregnancy: before the end of week 14",
      fallback: false,
      essential: true,
      translation: { status: "relu", reviewer: "Jane Doe", reviewedOn: "2026-12-01" },
    });
    const original = french.articles.find((a) => a.id === "declaration-grossesse")!;
    expect(translated.sources).toEqual(original.sources);
    const others = list.filter((a) => a.id !== "declaration-grossesse");
    expect(others.length).toBeGreaterThan(0);
    for (const a of others) {
      expect(a).toMatchObject({ language: "fr", fallback: true, translation: null });
      expect(a.title).toBe(french.articles.find((f) => f.id === a.id)!.title);
    }
  });

  it("answers every French article in a language with nothing translated, as fallbacks", async () => {
    const list = (await app.inject({ url: "/api/v1/articles?langue=uk" })).json() as Listed[];
    expect(list).toHaveLength(french.articles.length);
    expect(list.every((a) => a.fallback && a.language === "fr")).toBe(true);
  });

  it("refuses an unknown language with a French problem+json", async () => {
    for (const url of ["/api/v1/articles?langue=xx", "/api/v1/articles?langue=EN", "/api/v1/traductions/fr", "/api/v1/traductions/klingon"]) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json()).toMatchObject({ status: 400, title: "Requête invalide" });
      expect(res.json().detail, url).toMatch(/langue/);
    }
  });
});

describe("GET /api/v1/traductions/:langue", () => {
  it("serves one language's bundle with an ETag, 304 when unchanged, and an empty bundle for a language not yet translated", async () => {
    const first = await app.inject({ url: "/api/v1/traductions/en" });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual(english);
    expect(first.headers.etag).toBe('"en-test-1"');
    const again = await app.inject({ url: "/api/v1/traductions/en", headers: { "if-none-match": '"en-test-1"' } });
    expect(again.statusCode).toBe(304);
    const empty = await app.inject({ url: "/api/v1/traductions/ar" });
    expect(empty.json()).toMatchObject({ language: "ar", articles: [] });
  });
});
