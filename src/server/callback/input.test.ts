import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Database } from "../db/database.js";
import { migrate } from "../db/migrate.js";
import { open } from "./crypto.js";
import { callbackTestApp, testDatabases, testKeyring } from "./test-support.js";

/**
 * Odd input on each public endpoint, through the routes: what a parent may type (any script, « +33 (0)… »,
 * Corsica and overseas communes) is accepted and routed to the right département; the rest gets a French
 * problem+json naming the field, and nothing is stored.
 */
describe.each(testDatabases)("call-back public endpoints with odd input on %s", (_kind, openDb) => {
  let db: Database;
  let app: FastifyInstance;
  const keyring = testKeyring();
  let n = 0;
  const phone = () => `06 22 00 00 ${String(n++).padStart(2, "0")}`;
  const body = (extra: Record<string, unknown> = {}) => ({ name: "Léa", phone: phone(), moments: ["soir"], commune: "69123", consent: true, ...extra });
  const send = (payload: unknown) => app.inject({ method: "POST", url: "/api/v1/rappel/demandes", payload: payload as object });
  const stored = () => db.query<{ n: number }>("SELECT count(*)::int AS n FROM callback_request").then(([row]) => row!.n);
  const sealedOf = async (id: string) => {
    const [row] = await db.query<{ departement: string; keyId: string; payload: string }>(
      `SELECT departement, key_id AS "keyId", payload FROM callback_request WHERE id = $1`,
      [id],
    );
    return {
      departement: row!.departement,
      payload: JSON.parse(open(keyring, row!.keyId, row!.payload, `callback_request:${id}:${row!.departement}`)) as {
        name: string;
        phone: string;
        commune: string;
      },
    };
  };

  beforeAll(async () => {
    db = await openDb();
    await migrate(db);
    app = await callbackTestApp(db, {}, { keyring, ipMax: 1000, phoneMax: 1000 });
    for (const departement of ["69", "2A", "971", "976"])
      await db.query(
        "INSERT INTO callback_service (departement, name, email, opening_hours, response_delay_hours, enabled, updated_at, updated_by) VALUES ($1, 'PMI', 'pmi@example.fr', '9 h – 17 h', 48, true, now(), 'test')",
        [departement],
      );
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it.each([
    ["2A004", "2A"],
    ["2a004", "2A"],
    [" 97101 ", "971"],
    ["97611", "976"],
  ])("commune %j is routed to département %s", async (commune, departement) => {
    const res = await send(body({ commune }));
    expect(res.statusCode).toBe(201);
    const { departement: stored, payload } = await sealedOf(res.json().id);
    expect(stored).toBe(departement);
    expect(payload.commune).toBe(commune.trim().toUpperCase());
  });

  it.each(["20004", "00000", "98735"])("commune %s has no département with a service: French 409, nothing stored", async (commune) => {
    const before = await stored();
    const res = await send(body({ commune }));
    expect(res.statusCode).toBe(409);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json().detail).toContain("3114");
    expect(await stored()).toBe(before);
  });

  it.each(["فاطمة", "李小龙", "مهر\u200cناز", "Zoé 👶"])("the name %s is kept as written", async (name) => {
    const res = await send(body({ name }));
    expect(res.statusCode).toBe(201);
    expect((await sealedOf(res.json().id)).payload.name).toBe(name);
  });

  it("« +33 (0)6 … » and overseas prefixes are stored as 10 digits", async () => {
    for (const [raw, national] of [
      ["+33 (0)6 12 34 56 01", "0612345601"],
      ["+262 692 12 34 56", "0692123456"],
    ]) {
      const res = await send(body({ phone: raw, commune: "97101" }));
      expect(res.statusCode).toBe(201);
      expect((await sealedOf(res.json().id)).payload.phone).toBe(national);
    }
  });

  it.each([
    ["a phone of 31 characters", { phone: "0".repeat(31) }, "phone", "Numéro de téléphone trop long."],
    ["a phone as a number", { phone: 612345678 }, "phone", null],
    ["a special-rate 08 number", { phone: "08 99 12 34 56" }, "phone", null],
    ["a foreign number", { phone: "+44 20 7946 0958" }, "phone", null],
    ["an invisible name", { name: "\u200b\u200b" }, "name", "Indiquez un prénom ou un pseudonyme avec au moins une lettre ou un chiffre."],
    ["a name with a line break", { name: "Léa\nAppelez le 0899" }, "name", null],
    ["a commune code of 4 characters", { commune: "6912" }, "commune", null],
    ["a commune as a number", { commune: 69123 }, "commune", null],
    ["no consent", { consent: undefined }, "consent", "Votre accord est nécessaire pour envoyer la demande."],
    ["consent as text", { consent: "true" }, "consent", "Votre accord est nécessaire pour envoyer la demande."],
    ["moments as text", { moments: "soir" }, "moments", null],
    ["an impossible result date", { sharedResult: { band: "eleve", date: "2026-02-30" } }, "sharedResult.date", null],
  ])("%s: French 400 naming the field, nothing stored", async (_label, extra, field, message) => {
    const before = await stored();
    const res = await send(JSON.parse(JSON.stringify(body(extra))));
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    const errors = res.json().errors as { field: string; message: string }[];
    expect(errors.map((e) => e.field)).toContain(field);
    if (message) expect(errors.find((e) => e.field === field)!.message).toBe(message);
    expect(await stored()).toBe(before);
  });

  it("a phone far over the body limit: 413 before anything is parsed", async () => {
    const res = await send(body({ phone: "0".repeat(10_000) }));
    expect(res.statusCode).toBe(413);
    expect(res.headers["content-type"]).toContain("application/problem+json");
  });

  it.each([
    ["", 400],
    ["?departement=", 400],
    ["?departement=69&departement=13", 400],
    ["?departement=%F0%9F%91%B6", 400],
    ["?departement=99", 400],
    ["?departement=2a", 200],
    ["?departement=20", 200],
    ["?departement=975", 200],
  ])("coverage%s → %i", async (query, status) => {
    const res = await app.inject({ method: "GET", url: `/api/v1/rappel/couverture${query}` });
    expect(res.statusCode).toBe(status);
    if (status === 400) expect(res.headers["content-type"]).toContain("application/problem+json");
    else expect(res.json().covered).toBe(query.endsWith("2a"));
  });

  it("cancel: an id that is not a uuid is refused in French, an absurd token finds nothing", async () => {
    const notUuid = await app.inject({ method: "DELETE", url: "/api/v1/rappel/demandes/abc", headers: { "x-cancel-token": "x" } });
    expect(notUuid.statusCode).toBe(400);
    expect(notUuid.json().errors[0].message).toBe("Identifiant de demande invalide.");
    const { id } = (await send(body())).json();
    for (const headers of [{}, { "x-cancel-token": "x".repeat(10_000) }, { "x-cancel-token": "é".repeat(43) }]) {
      const res = await app.inject({ method: "DELETE", url: `/api/v1/rappel/demandes/${id}`, headers });
      expect(res.statusCode).toBe(404);
    }
    expect(await db.query("SELECT 1 FROM callback_request WHERE id = $1", [id])).toHaveLength(1);
  });
});
