import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildApp, privacyLogger } from "../app.js";
import { loadEpdsQuestionnaires } from "../content/load-epds.js";
import { openPglite, type Database } from "../db/database.js";

const contentDir = fileURLToPath(new URL("../../../content", import.meta.url));
let db: Database;
let app: FastifyInstance;
const logs: string[] = [];

beforeAll(async () => {
  db = await openPglite(null);
  const epds = await loadEpdsQuestionnaires(contentDir);
  const stream = new Writable({ write: (chunk, _e, done) => (logs.push(String(chunk)), done()) });
  app = await buildApp({ db, epds, frameAncestors: ["https://maternite.example.fr"], logger: privacyLogger(stream) });
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

/** Index of the option worth `points` for each item of the French questionnaire. */
async function answersWorth(points: number[]): Promise<number[]> {
  const fr = (await loadEpdsQuestionnaires(contentDir)).get("fr")!;
  return fr.items.map((item, i) => item.options.findIndex((o) => o.points === points[i]));
}

describe("POST /api/v1/epds/score", () => {
  it("scores by the points of the chosen options", async () => {
    const reponses = await answersWorth([1, 1, 2, 1, 1, 2, 1, 1, 1, 0]);
    const res = await app.inject({ method: "POST", url: "/api/v1/epds/score", payload: { reponses } });
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.json()).toMatchObject({ total: 11, questionDixPoints: 0, alerteSecurite: false, niveau: { id: "a-surveiller" } });
  });

  it("puts the crisis lines first when item 10 is above 0, even with a low total", async () => {
    const reponses = await answersWorth([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    const body = (await app.inject({ method: "POST", url: "/api/v1/epds/score", payload: { reponses, public: "second-parent" } })).json();
    expect(body).toMatchObject({ total: 1, alerteSecurite: true, niveau: { id: "faible" }, orientation: { urgent: true } });
    expect(body.orientation.steps[0].id).toBe("appeler-3114");
  });

  it.each([
    [{ reponses: [0, 0, 0] }, /Question 4 : aucune réponse/],
    [{ reponses: [0, 0, 0, 0, 0, 0, 0, 0, 0, 7] }, /Question 10 : réponse invalide \(7\)/],
    [{ reponses: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] }, /la réponse n° 11 est en trop/],
    [{ reponses: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], langue: "xx" }, /langue/],
    [{ reponses: "0000000000" }, /reponses/],
    [{ reponses: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], prenom: "Léa" }, /Clé non reconnue/],
  ])("refuses %j with a French problem+json", async (payload, message) => {
    const res = await app.inject({ method: "POST", url: "/api/v1/epds/score", payload });
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json().detail).toMatch(message);
  });

  it("describes its answer in the OpenAPI document", async () => {
    const spec = (await app.inject({ url: "/api/v1/openapi.json" })).json();
    const schema = spec.paths["/api/v1/epds/score"].post.responses["200"].content["application/json"].schema;
    expect(schema.properties.orientation.properties.steps.items.properties).toHaveProperty("tel");
    expect(schema.required).toEqual(expect.arrayContaining(["total", "alerteSecurite", "niveau", "orientation"]));
  });

  it("refuses a body that is not JSON", async () => {
    const res = await app.inject({ method: "POST", url: "/api/v1/epds/score", headers: { "content-type": "application/json" }, payload: "{oops" });
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
  });

  it("never writes the answers to the logs", async () => {
    await app.inject({ method: "POST", url: "/api/v1/epds/score", payload: { reponses: [3, 3, 3, 3, 3, 3, 3, 3, 3, 3] } });
    const log = logs.join("");
    expect(log).toContain('"path":"/api/v1/epds/score"');
    expect(log).not.toMatch(/reponses|3,3,3/);
  });
});

describe("embedding", () => {
  it("lets only the configured origins frame /integration/*", async () => {
    const embed = await app.inject({ url: "/integration/epds?source=maternite" });
    expect(embed.headers["content-security-policy"]).toContain("frame-ancestors 'self' https://maternite.example.fr");
    expect(embed.headers["x-frame-options"]).toBeUndefined();
    // In another language too (`/en/integration/epds`), and not a look-alike path.
    const english = await app.inject({ url: "/en/integration/epds" });
    expect(english.headers["content-security-policy"]).toContain("frame-ancestors 'self' https://maternite.example.fr");
    expect(english.headers["x-frame-options"]).toBeUndefined();
    const lookAlike = await app.inject({ url: "/parcours/integration/epds" });
    expect(lookAlike.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    const other = await app.inject({ url: "/api/v1/health" });
    expect(other.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(other.headers["x-frame-options"]).toBe("SAMEORIGIN");
  });
});
