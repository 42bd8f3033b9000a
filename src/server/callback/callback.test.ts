import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Database } from "../db/database.js";
import { migrate } from "../db/migrate.js";
import { callbackTestApp, createTestAccount, testDatabases, testKeyring } from "./test-support.js";
import { purgeExpired } from "./store.js";
import { open } from "./crypto.js";

const DAY = 86_400_000;
const service69 = {
  name: "PMI du Rhône",
  email: "pmi@rhone.example.fr",
  openingHours: "du lundi au vendredi, 9 h – 17 h",
  responseDelayHours: 48,
  enabled: true,
};
let phoneCounter = 0;
/** A new valid mobile number each time (the per-number limit is tested on its own). */
const nextPhone = () => `06 00 00 ${String(Math.floor(phoneCounter / 100) % 100).padStart(2, "0")} ${String(phoneCounter++ % 100).padStart(2, "0")}`;
const request = (extra: Record<string, unknown> = {}) => ({
  name: "Camille",
  phone: nextPhone(),
  moments: ["matin", "soir"],
  commune: "69123",
  consent: true,
  ...extra,
});

describe.each(testDatabases)("call-back requests on %s", (_kind, openDb) => {
  let db: Database;
  let app: FastifyInstance;
  let clock = new Date("2026-12-02T09:00:00Z");
  const keyring = testKeyring(["k1"]);
  const sessions = new Map<string, { cookie: string; csrf: string }>();

  const login = async (who: string, email: string) => {
    const res = await app.inject({ method: "POST", url: "/api/v1/pilotage/session", payload: { email, password: "mot de passe de test 2026" } });
    expect(res.statusCode).toBe(200);
    sessions.set(who, { cookie: String(res.headers["set-cookie"]).split(";")[0]!, csrf: res.json().csrfToken });
  };
  const as = (who: string, method: "GET" | "POST" | "PUT" | "DELETE", url: string, payload?: object) => {
    const s = sessions.get(who)!;
    return app.inject({ method, url, ...(payload ? { payload } : {}), headers: { cookie: s.cookie, "x-csrf-token": s.csrf } });
  };
  const send = (body: object, headers: Record<string, string> = {}) => app.inject({ method: "POST", url: "/api/v1/rappel/demandes", payload: body, headers });

  beforeAll(async () => {
    db = await openDb();
    await migrate(db);
    app = await callbackTestApp(db, { now: () => clock }, { keyring, ipMax: 1000, phoneMax: 1000 });
    await createTestAccount(db, { email: "national@sante.gouv.fr", displayName: "Nationale", role: "national" });
    await createTestAccount(db, { email: "agent@pmi69.example.fr", displayName: "Agent PMI 69", role: "departemental", departement: "69" });
    await login("national", "national@sante.gouv.fr");
    await login("pmi69", "agent@pmi69.example.fr");
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it("no service → not covered, and a request is refused with a French 409", async () => {
    const coverage = await app.inject({ method: "GET", url: "/api/v1/rappel/couverture?departement=69" });
    expect(coverage.json()).toEqual({ departement: "69", covered: false, service: null, retention: { afterClosedDays: 30, maxDays: 90 } });
    const res = await send(request());
    expect(res.statusCode).toBe(409);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json().detail).toContain("Aucun service ne rappelle encore les parents dans ce département (69)");
    expect(res.json().detail).toContain("3114");
  });

  it("the national administrator registers the service; a disabled service covers nothing", async () => {
    const put = await as("national", "PUT", "/api/v1/pilotage/services-rappel/69", { ...service69, enabled: false });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ departement: "69", enabled: false, updatedBy: "national@sante.gouv.fr" });
    expect((await app.inject({ method: "GET", url: "/api/v1/rappel/couverture?departement=69" })).json().covered).toBe(false);
    expect((await send(request())).statusCode).toBe(409);
    await as("national", "PUT", "/api/v1/pilotage/services-rappel/69", service69);
    expect((await app.inject({ method: "GET", url: "/api/v1/rappel/couverture?departement=69" })).json()).toEqual({
      departement: "69",
      covered: true,
      service: { name: service69.name, openingHours: service69.openingHours, responseDelayHours: 48 },
      retention: { afterClosedDays: 30, maxDays: 90 },
    });
    expect((await as("national", "GET", "/api/v1/pilotage/services-rappel")).json().items).toHaveLength(1);
    expect((await as("national", "GET", "/api/v1/pilotage/services-rappel/01")).statusCode).toBe(404);
    expect((await as("national", "PUT", "/api/v1/pilotage/services-rappel/69", { ...service69, email: "pas une adresse" })).statusCode).toBe(400);
    const audit = await db.query<{ action: string }>("SELECT action FROM steering_audit WHERE action = 'rappel.service'");
    expect(audit).toHaveLength(2);
  });

  it("a request is stored encrypted: the raw row holds no name, phone, commune or result", async () => {
    const res = await send(
      request({ name: "Zoé-Marguerite", phone: "+33 7 81 23 45 67", commune: "69266", sharedResult: { band: "eleve", date: "2026-12-01" } }),
    );
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.service).toEqual({ name: service69.name, openingHours: service69.openingHours, responseDelayHours: 48 });
    expect(body.expectedBy).toBe(new Date(clock.getTime() + 48 * 3_600_000).toISOString());
    expect(body.cancelToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const raw = await db.query<Record<string, unknown>>("SELECT * FROM callback_request WHERE id = $1", [body.id]);
    const dump =
      JSON.stringify(raw) + JSON.stringify(await db.query("SELECT * FROM callback_event")) + JSON.stringify(await db.query("SELECT * FROM steering_audit"));
    for (const secret of ["Zoé", "Marguerite", "0781234567", "781234567", "69266", "eleve", "2026-12-01", body.cancelToken]) expect(dump).not.toContain(secret);
    expect(raw[0]).toMatchObject({ departement: "69", status: "new", key_id: "k1" });
    // The key opens it, bound to its row: the same payload under another id does not open.
    const row = raw[0] as { payload: string; id: string };
    expect(JSON.parse(open(keyring, "k1", row.payload, `callback_request:${row.id}:69`))).toMatchObject({
      name: "Zoé-Marguerite",
      phone: "0781234567",
      commune: "69266",
    });
    expect(() => open(keyring, "k1", row.payload, `callback_request:${row.id}:01`)).toThrow();
    expect(() => open(testKeyring(["k1"]), "k1", row.payload, `callback_request:${row.id}:69`)).toThrow();
  });

  it("the service's agent sees it decrypted, marks it contacted then closed; history and audit say who and when", async () => {
    const created = (await send(request({ name: "Inès", phone: "06 11 22 33 44" }))).json();
    const inbox = await as("pmi69", "GET", "/api/v1/pilotage/rappels");
    expect(inbox.statusCode).toBe(200);
    expect(inbox.headers["cache-control"]).toBe("no-store");
    const item = inbox.json().items.find((i: { id: string }) => i.id === created.id);
    expect(item).toMatchObject({
      name: "Inès",
      phone: "0611223344",
      moments: ["matin", "soir"],
      commune: { code: "69123", name: null },
      status: "new",
      sharedResult: null,
    });
    expect(item.deleteBy).toBe(new Date(clock.getTime() + 90 * DAY).toISOString());
    expect(inbox.json().service).toMatchObject({ name: service69.name, enabled: true });

    clock = new Date(clock.getTime() + 3_600_000);
    const contacted = await as("pmi69", "POST", `/api/v1/pilotage/rappels/${created.id}/statut`, { status: "contacted", attempts: 1 });
    expect(contacted.statusCode).toBe(200);
    expect(contacted.json()).toMatchObject({ status: "contacted", attempts: 1 });
    clock = new Date(clock.getTime() + 3_600_000);
    const closed = await as("pmi69", "POST", `/api/v1/pilotage/rappels/${created.id}/statut`, {
      status: "closed",
      outcome: "oriented",
      orientedTo: "CMP de Villeurbanne",
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({
      status: "closed",
      outcome: "oriented",
      orientedTo: "CMP de Villeurbanne",
      deleteBy: new Date(clock.getTime() + 30 * DAY).toISOString(),
    });
    expect(closed.json().history.map((h: { actor: string; action: string }) => `${h.actor}:${h.action}`)).toEqual([
      "Parent:created",
      "Agent PMI 69:contacted",
      "Agent PMI 69:closed",
    ]);
    expect(closed.json().history[2].detail).toBe("Orientée vers un autre service : CMP de Villeurbanne");
    // The orientation is sealed too.
    expect(JSON.stringify(await db.query("SELECT * FROM callback_request WHERE id = $1", [created.id]))).not.toContain("Villeurbanne");
    const again = await as("pmi69", "POST", `/api/v1/pilotage/rappels/${created.id}/statut`, { status: "contacted" });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe("Cette demande est déjà clôturée.");
    const bad = await as("pmi69", "POST", `/api/v1/pilotage/rappels/${created.id}/statut`, { status: "closed", outcome: "unreachable" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain("nombre de tentatives");

    const detail = await as("pmi69", "GET", `/api/v1/pilotage/rappels/${created.id}`);
    expect(detail.json().history.at(-1)).toMatchObject({ actor: "Agent PMI 69", action: "read" });
    const audit = await db.query<{ action: string; actorEmail: string; after: { demande: string } }>(
      `SELECT action, actor_email AS "actorEmail", after FROM steering_audit WHERE after->>'demande' = $1 ORDER BY id`,
      [created.id],
    );
    expect(audit.map((a) => `${a.actorEmail}:${a.action}`)).toEqual([
      "parent (jeton d'annulation):rappel.creation",
      "agent@pmi69.example.fr:rappel.lecture",
      "agent@pmi69.example.fr:rappel.contact",
      "agent@pmi69.example.fr:rappel.cloture",
      "agent@pmi69.example.fr:rappel.lecture",
    ]);
  });

  it("retention: a closed request goes 30 days after closing, any request 90 days after sending, not a day before", async () => {
    const start = clock;
    const open1 = (await send(request())).json();
    const toClose = (await send(request())).json();
    await as("pmi69", "POST", `/api/v1/pilotage/rappels/${toClose.id}/statut`, { status: "closed", outcome: "reached" });
    const exists = async (id: string) => (await db.query("SELECT 1 FROM callback_request WHERE id = $1", [id])).length === 1;

    await purgeExpired(db, new Date(start.getTime() + 30 * DAY - 1000));
    expect(await exists(toClose.id)).toBe(true);
    await purgeExpired(db, new Date(start.getTime() + 30 * DAY));
    expect(await exists(toClose.id)).toBe(false);
    expect(await db.query("SELECT 1 FROM callback_event WHERE request_id = $1", [toClose.id])).toHaveLength(0);
    expect(await exists(open1.id)).toBe(true);
    await purgeExpired(db, new Date(start.getTime() + 90 * DAY - 1000));
    expect(await exists(open1.id)).toBe(true);
    await purgeExpired(db, new Date(start.getTime() + 90 * DAY));
    expect(await exists(open1.id)).toBe(false);
    // Gone for the service and for the parent's token alike.
    expect((await as("pmi69", "GET", `/api/v1/pilotage/rappels/${open1.id}`)).statusCode).toBe(404);
    expect(
      (await app.inject({ method: "DELETE", url: `/api/v1/rappel/demandes/${open1.id}`, headers: { "x-cancel-token": open1.cancelToken } })).statusCode,
    ).toBe(404);
  });

  it("cancel: a wrong token or an unknown id gives the same 404; the right token deletes the request", async () => {
    const created = (await send(request())).json();
    const del = (id: string, token?: string) =>
      app.inject({ method: "DELETE", url: `/api/v1/rappel/demandes/${id}`, headers: token === undefined ? {} : { "x-cancel-token": token } });
    const wrong = await del(created.id, "A".repeat(43));
    const unknown = await del("00000000-0000-4000-8000-000000000000", created.cancelToken);
    const none = await del(created.id);
    for (const res of [wrong, unknown, none]) {
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual(wrong.json());
    }
    expect((await del(created.id, created.cancelToken)).statusCode).toBe(204);
    expect(await db.query("SELECT 1 FROM callback_request WHERE id = $1", [created.id])).toHaveLength(0);
    expect((await del(created.id, created.cancelToken)).statusCode).toBe(404);
  });

  it("bad input gets a French problem+json: fields, honeypot, size, collectivity without a service", async () => {
    const invalid = await send({ name: "", phone: "12", moments: [], commune: "abc", consent: false });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.headers["content-type"]).toContain("application/problem+json");
    const fields = invalid.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["name", "phone", "moments", "commune", "consent"]));
    expect(invalid.json().detail).toContain("Numéro de téléphone invalide");

    const bot = await send(request({ siteWeb: "http://spam.example" }));
    expect(bot.statusCode).toBe(400);
    expect(bot.json().title).toBe("Demande refusée");

    const huge = await send({ ...request(), name: "x".repeat(5000) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().detail).toContain("dépasse la taille");

    const answers = await send(request({ sharedResult: { band: "eleve", date: "2026-12-01", answers: [3, 3, 3] } }));
    expect(answers.statusCode).toBe(400);

    // Saint-Pierre-et-Miquelon (975) is not one of the 101 départements: no service can be registered there.
    expect((await send(request({ commune: "97502" }))).statusCode).toBe(409);
    await login("national", "national@sante.gouv.fr"); // the clock moved past the idle timeout above
    expect((await as("national", "PUT", "/api/v1/pilotage/services-rappel/99", service69)).statusCode).toBe(400);
  });

  it("a known commune list refuses an unknown commune and names the known one", async () => {
    await db.query("INSERT INTO commune (code, name, folded_name, dep, postcodes, lat, lon) VALUES ('69123', 'Lyon', 'lyon', '69', '{69001}', 45.76, 4.83)");
    try {
      const unknown = await send(request({ commune: "69999" }));
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().detail).toContain("Commune « 69999 » inconnue");
      const known = (await send(request({ commune: "69123" }))).json();
      expect((await as("pmi69", "GET", `/api/v1/pilotage/rappels/${known.id}`)).json().commune).toEqual({ code: "69123", name: "Lyon" });
    } finally {
      await db.query("DELETE FROM commune");
    }
  });

  it("the département's barometer, read-only, with its target", async () => {
    await db.query("INSERT INTO steering_barometer_dataset (kind, source, rows, loaded_at, loaded_by) VALUES ('valeurs', 'Test', 2, now(), 'test')");
    await db.query(
      "INSERT INTO steering_barometer_value (indicator, departement, year, numerator, denominator, dataset_id) SELECT 'epp', d, 2023, n, 100, (SELECT max(id) FROM steering_barometer_dataset) FROM (VALUES ('69', 70), ('01', 90)) AS v(d, n)",
    );
    const res = await as("pmi69", "GET", "/api/v1/pilotage/rappels/barometre?indicator=epp");
    expect(res.statusCode).toBe(200);
    // 70 / 100 = 70 % against the national 2023 target of 73 % → −3 points; the 01 figures are not in it.
    expect(res.json()).toEqual({
      departement: "69",
      nom: "Rhône",
      indicator: "epp",
      points: [{ year: 2023, numerator: 70, denominator: 100, percent: 70, changePoints: null, targetPercent: 73, targetSource: "national", gapPoints: -3 }],
      fictitious: false,
    });
  });
});

describe.each(testDatabases)("configured retention on %s", (_kind, openDb) => {
  it("the coverage answer gives the configured deletion delays, that the consent text shows the parent", async () => {
    const db = await openDb();
    await migrate(db);
    const app = await callbackTestApp(db, {}, { keyring: testKeyring(), closedRetentionDays: 7, maxRetentionDays: 45 });
    try {
      const coverage = await app.inject({ method: "GET", url: "/api/v1/rappel/couverture?departement=2a" });
      expect(coverage.json()).toEqual({ departement: "2A", covered: false, service: null, retention: { afterClosedDays: 7, maxDays: 45 } });
    } finally {
      await app.close();
      await db.close();
    }
  });
});

describe.each(testDatabases)("call-backs switched off on %s", (_kind, openDb) => {
  it("without keys: not covered, a request gets 409 with the helplines, and the département's inbox 503", async () => {
    const db = await openDb();
    await migrate(db);
    const app = await callbackTestApp(db, {}, { keyring: null });
    try {
      await db.query(
        "INSERT INTO callback_service (departement, name, email, opening_hours, response_delay_hours, enabled, updated_at, updated_by) VALUES ('69', 'PMI', 'a@b.fr', 'h', 24, true, now(), 'x')",
      );
      expect((await app.inject({ method: "GET", url: "/api/v1/rappel/couverture?departement=69" })).json().covered).toBe(false);
      const res = await app.inject({ method: "POST", url: "/api/v1/rappel/demandes", payload: request() });
      expect(res.statusCode).toBe(409);
      expect(res.json().detail).toBe(
        "Les demandes de rappel ne sont pas ouvertes sur ce serveur. En cas d'urgence, appelez le 3114 (prévention du suicide, 24 h/24), le 15 ou le 112.",
      );
      // A département's service is told it is the server's set-up (503), on every page that reads requests.
      await createTestAccount(db, { email: "agent@pmi69.example.fr", displayName: "Agent PMI 69", role: "departemental", departement: "69" });
      const login = await app.inject({
        method: "POST",
        url: "/api/v1/pilotage/session",
        payload: { email: "agent@pmi69.example.fr", password: "mot de passe de test 2026" },
      });
      const headers = { cookie: String(login.headers["set-cookie"]).split(";")[0]!, "x-csrf-token": login.json().csrfToken };
      const id = "00000000-0000-4000-8000-000000000000";
      for (const [method, url, payload] of [
        ["GET", "/api/v1/pilotage/rappels", undefined],
        ["GET", `/api/v1/pilotage/rappels/${id}`, undefined],
        ["POST", `/api/v1/pilotage/rappels/${id}/statut`, { status: "contacted" }],
      ] as const) {
        const refused = await app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
        expect(refused.statusCode, url).toBe(503);
        expect(refused.json()).toMatchObject({ title: "Service indisponible" });
        expect(refused.json().detail).toContain("clés de chiffrement absentes");
      }
    } finally {
      await app.close();
      await db.close();
    }
  });
});
