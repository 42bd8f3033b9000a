import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import ICAL from "ical.js";
import { buildApp } from "../app.js";
import { openPglite, type Database } from "../db/database.js";
import { addDays, isoDateInTimeZone } from "../../domain/dates.js";
import { fileURLToPath } from "node:url";
import { loadContent } from "../content/load-content.js";
import { loadTranslations } from "../content/load-translations.js";

let db: Database;
let app: FastifyInstance;
const today = isoDateInTimeZone(new Date(), "Europe/Paris");

beforeAll(async () => {
  db = await openPglite(null);
  app = await buildApp({ db, logger: false });
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

describe("GET /api/v1/calendar", () => {
  it("computes the pregnancy events from a terme", async () => {
    const terme = addDays(today, 150);
    const res = await app.inject({ url: `/api/v1/calendar?terme=${terme}&rang=3` });
    expect(res.statusCode).toBe(200);
    const events: { id: string; start: string; end: string }[] = res.json().evenements;
    const byId = new Map(events.map((e) => [e.id, e]));
    for (const id of ["grossesse:echographie-2", "grossesse:entretien-prenatal-precoce", "grossesse:examen-prenatal-7"]) expect(byId.has(id), id).toBe(true);
    // A 3rd child: 8 weeks of prenatal leave before the terme (C. trav. L1225-19).
    expect(byId.get("enfant-a-naitre-1:conge-maternite")?.start).toBe(addDays(terme, -8 * 7));
    // The birth declaration is forecast from the terme until the real birth date is known.
    expect(byId.get("enfant-a-naitre-1:declaration-naissance")?.start).toBe(terme);
  });

  it("computes twins' events from a birth date", async () => {
    const res = await app.inject({ url: `/api/v1/calendar?naissance=${addDays(today, -30)}&multiple=2` });
    expect(res.statusCode).toBe(200);
    const subjects = new Set(res.json().evenements.map((e: { subject: string }) => e.subject));
    expect(subjects).toEqual(new Set(["enfant-1", "enfant-2"]));
  });

  it.each([
    ["terme=2027-02-30", /terme : Cette date n'existe pas/],
    [`terme=${addDays(today, 5 * 365)}`, /plus de 42 semaines/],
    [`naissance=${addDays(today, 3)}`, /futur/],
    ["", /Indiquez une seule date/],
    [`terme=${addDays(today, 100)}&naissance=${today}`, /Indiquez une seule date/],
    [`terme=${addDays(today, 100)}&couleur=bleu`, /Clé non reconnue/],
    [`terme=${addDays(today, 100)}&rang=0`, /rang/],
    ["terme=demain", /AAAA-MM-JJ/],
  ])("refuses %s with a French problem+json", async (query, message) => {
    const res = await app.inject({ url: `/api/v1/calendar?${query}` });
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json().detail).toMatch(message);
  });
});

describe("GET /api/v1/calendar.ics", () => {
  it("serves text/calendar that ical.js reads, the same events as the JSON", async () => {
    const query = `ddr=${addDays(today, -60)}&rappels=semaine-avant`;
    const json = (await app.inject({ url: `/api/v1/calendar?${query}` })).json().evenements as { id: string; title: string }[];
    const res = await app.inject({ url: `/api/v1/calendar.ics?${query}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    const vevents = new ICAL.Component(ICAL.parse(res.body)).getAllSubcomponents("vevent");
    expect(vevents.map((v) => new ICAL.Event(v).summary)).toEqual(json.map((e) => e.title));
    expect(vevents.every((v) => v.getFirstSubcomponent("valarm") !== null)).toBe(true);
    // The same request gives the same file: a subscribed calendar updates instead of duplicating.
    expect((await app.inject({ url: `/api/v1/calendar.ics?${query}` })).body).toBe(res.body);
  });

  it("is described in the OpenAPI document", async () => {
    const spec = (await app.inject({ url: "/api/v1/openapi.json" })).json();
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(["/api/v1/calendar", "/api/v1/calendar.ics"]));
    // Each success answer is described (issue 11): the events in JSON, the file by its content type.
    const events = spec.paths["/api/v1/calendar"].get.responses["200"].content["application/json"].schema.properties.evenements;
    expect(events.items.properties.source.properties).toHaveProperty("url");
    expect(spec.paths["/api/v1/calendar.ics"].get.responses["200"].content).toHaveProperty("text/calendar");
    expect(spec.paths["/api/v1/calendar.ics"].get.responses["200"].content).not.toHaveProperty("application/json");
    // …and so are the service's health answers.
    expect(spec.paths["/api/v1/health"].get.responses["200"].content["application/json"].schema.properties).toHaveProperty("uptimeSeconds");
    expect(spec.paths["/api/v1/health/ready"].get.responses["200"].content["application/json"].schema.properties).toHaveProperty("checks");
    expect(spec.paths["/api/v1/health/ready"].get.responses).toHaveProperty("503");
  });
});

describe("the calendar in the parent's language (langue=)", () => {
  let translated: FastifyInstance;
  beforeAll(async () => {
    const contentDir = fileURLToPath(new URL("../../../content", import.meta.url));
    translated = await buildApp({ db, logger: false, translations: await loadTranslations(contentDir, await loadContent(contentDir)) });
  });
  afterAll(() => translated?.close());

  it("writes the .ics events and the calendar's name in Arabic, the same events as in French", async () => {
    const query = `terme=${addDays(today, 150)}`;
    const french = (await translated.inject({ url: `/api/v1/calendar.ics?${query}` })).body;
    const res = await translated.inject({ url: `/api/v1/calendar.ics?${query}&langue=ar` });
    expect(res.statusCode).toBe(200);
    const calendar = new ICAL.Component(ICAL.parse(res.body));
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Mille Jours – مواعيدي");
    const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    const uids = (body: string) => new ICAL.Component(ICAL.parse(body)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v).uid);
    expect(events.map((e) => e.uid)).toEqual(uids(french));
    expect(events.find((e) => e.uid.startsWith("grossesse:examen-prenatal-3@"))?.summary).toMatch(/^الفحص قبل الولادة رقم (3|٣) \(الشهر (5|٥)\)$/);
    // No French title left: every summary has Arabic letters.
    for (const event of events) expect(event.summary, event.uid).toMatch(/[\u0600-\u06FF]/);
  });

  it("writes the JSON in English; French without langue, or when the server has no translation", async () => {
    const query = `terme=${addDays(today, 150)}`;
    const english = (await translated.inject({ url: `/api/v1/calendar?${query}&langue=en` })).json().evenements as { id: string; title: string }[];
    expect(english.find((e) => e.id === "grossesse:echographie-2")?.title).toBe("2nd ultrasound (22 to 24 weeks of amenorrhoea)");
    const french = (await app.inject({ url: `/api/v1/calendar?${query}&langue=en` })).json().evenements as { id: string; title: string }[];
    expect(french.find((e) => e.id === "grossesse:echographie-2")?.title).toBe("2e échographie (22 à 24 SA)");
  });

  it("refuses an unknown language in French", async () => {
    const res = await translated.inject({ url: `/api/v1/calendar.ics?terme=${addDays(today, 150)}&langue=xx` });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toMatch(/langue/);
  });
});
