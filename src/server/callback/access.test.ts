import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Database } from "../db/database.js";
import { migrate } from "../db/migrate.js";
import { callbackTestApp, createTestAccount, testDatabases, testKeyring } from "./test-support.js";

/**
 * The access matrix of the call-back routes: every endpoint × every kind of account → the expected status.
 * A département's agent sees its own département only (another's request is « not found », never
 * « forbidden »: no existence leak); the national administrator manages the services table but reads no
 * request; regional roles see nothing; a call-back account reaches nothing else of the back office; the
 * parent's cancel token reads nothing.
 */
type Who = "anonyme" | "national" | "pmi69" | "pmi69bis" | "pmi01" | "ars84" | "observateur";
const WHO: Who[] = ["anonyme", "national", "pmi69", "pmi69bis", "pmi01", "ars84", "observateur"];

interface Call {
  name: string;
  method: "GET" | "POST" | "PUT" | "DELETE";
  url: () => string;
  body?: () => object;
  expect: Record<Who, number>;
}

const dep69 = (own: number, other: number): Record<Who, number> => ({
  anonyme: 401,
  national: 403,
  pmi69: own,
  pmi69bis: own,
  pmi01: other,
  ars84: 403,
  observateur: 403,
});
const departementals = (ok: number): Record<Who, number> => dep69(ok, ok);
const nationalOnly = (ok: number): Record<Who, number> => ({ anonyme: 401, national: ok, pmi69: 403, pmi69bis: 403, pmi01: 403, ars84: 403, observateur: 403 });
const steeringOnly = (ok: number): Record<Who, number> => ({ anonyme: 401, national: ok, pmi69: 403, pmi69bis: 403, pmi01: 403, ars84: ok, observateur: ok });

const service = (name: string) => ({ name, email: "pmi@example.fr", openingHours: "9 h – 17 h", responseDelayHours: 48, enabled: true });

describe.each(testDatabases)("call-back access on %s", (_kind, open) => {
  let db: Database;
  let app: FastifyInstance;
  const sessions = new Map<Who, { cookie: string; csrf: string }>();
  let request69: { id: string; cancelToken: string };

  const call = (who: Who, method: Call["method"], url: string, body?: object, headers: Record<string, string> = {}) => {
    const session = sessions.get(who);
    return app.inject({
      method,
      url,
      ...(body === undefined ? {} : { payload: body }),
      headers: { ...(session ? { cookie: session.cookie, "x-csrf-token": session.csrf } : {}), ...headers },
    });
  };

  beforeAll(async () => {
    db = await open();
    await migrate(db);
    app = await callbackTestApp(db, {}, { keyring: testKeyring(), ipMax: 1000, phoneMax: 1000 });
    const accounts: [Who, Parameters<typeof createTestAccount>[1]][] = [
      ["national", { email: "national@sante.gouv.fr", displayName: "Nationale", role: "national" }],
      ["pmi69", { email: "agent@pmi69.fr", displayName: "PMI 69", role: "departemental", departement: "69" }],
      ["pmi69bis", { email: "psy@reseau69.fr", displayName: "Réseau 69", role: "departemental", departement: "69" }],
      ["pmi01", { email: "agent@pmi01.fr", displayName: "PMI 01", role: "departemental", departement: "01" }],
      ["ars84", { email: "agent@ars.sante.fr", displayName: "ARS 84", role: "regional", agency: "ars", region: "84" }],
      ["observateur", { email: "observateur@sante.gouv.fr", displayName: "Observateur", role: "observer" }],
    ];
    for (const [who, account] of accounts) {
      await createTestAccount(db, account);
      const res = await app.inject({
        method: "POST",
        url: "/api/v1/pilotage/session",
        payload: { email: account.email, password: "mot de passe de test 2026" },
      });
      expect(res.statusCode, who).toBe(200);
      sessions.set(who, { cookie: String(res.headers["set-cookie"]).split(";")[0]!, csrf: res.json().csrfToken });
    }
    expect((await call("national", "PUT", "/api/v1/pilotage/services-rappel/69", service("PMI du Rhône"))).statusCode).toBe(200);
    expect((await call("national", "PUT", "/api/v1/pilotage/services-rappel/01", service("PMI de l'Ain"))).statusCode).toBe(200);
    const created = await app.inject({
      method: "POST",
      url: "/api/v1/rappel/demandes",
      payload: { name: "Camille", phone: "0612345678", moments: ["soir"], commune: "69123", consent: true },
    });
    expect(created.statusCode).toBe(201);
    request69 = created.json();
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const calls: Call[] = [
    { name: "boîte de réception", method: "GET", url: () => "/api/v1/pilotage/rappels", expect: departementals(200) },
    { name: "une demande du 69", method: "GET", url: () => `/api/v1/pilotage/rappels/${request69.id}`, expect: dep69(200, 404) },
    {
      name: "statut d'une demande du 69",
      method: "POST",
      url: () => `/api/v1/pilotage/rappels/${request69.id}/statut`,
      body: () => ({ status: "contacted" }),
      expect: dep69(200, 404),
    },
    { name: "baromètre du département", method: "GET", url: () => "/api/v1/pilotage/rappels/barometre", expect: departementals(200) },
    { name: "services de rappel", method: "GET", url: () => "/api/v1/pilotage/services-rappel", expect: nationalOnly(200) },
    { name: "service du 69", method: "GET", url: () => "/api/v1/pilotage/services-rappel/69", expect: nationalOnly(200) },
    {
      name: "modifier le service du 69",
      method: "PUT",
      url: () => "/api/v1/pilotage/services-rappel/69",
      body: () => service("PMI du Rhône"),
      expect: nationalOnly(200),
    },
    // The rest of the back office stays closed to the call-back accounts.
    { name: "projets", method: "GET", url: () => "/api/v1/pilotage/projets", expect: steeringOnly(200) },
    { name: "baromètre national", method: "GET", url: () => "/api/v1/pilotage/barometre", expect: steeringOnly(200) },
    { name: "répartitions", method: "GET", url: () => "/api/v1/pilotage/repartitions", expect: steeringOnly(200) },
    { name: "comptes", method: "GET", url: () => "/api/v1/pilotage/comptes", expect: nationalOnly(200) },
    { name: "journal", method: "GET", url: () => "/api/v1/pilotage/journal", expect: nationalOnly(200) },
    {
      name: "sa session",
      method: "GET",
      url: () => "/api/v1/pilotage/session",
      expect: { ...departementals(200), national: 200, ars84: 200, observateur: 200 },
    },
  ];

  it.each(calls.flatMap((c) => WHO.map((who) => [c.name, who, c] as const)))("%s — %s", async (_name, who, c) => {
    const res = await call(who, c.method, c.url(), c.body?.());
    expect(res.statusCode, res.body).toBe(c.expect[who]);
    expect(res.headers["content-type"]).toMatch(res.statusCode >= 400 ? /application\/problem\+json/ : /json/);
  });

  it("another département's agent gets the same 404 as for an id that does not exist", async () => {
    const other = await call("pmi01", "GET", `/api/v1/pilotage/rappels/${request69.id}`);
    const none = await call("pmi01", "GET", "/api/v1/pilotage/rappels/00000000-0000-4000-8000-000000000000");
    expect(other.json()).toEqual(none.json());
    const inbox01 = await call("pmi01", "GET", "/api/v1/pilotage/rappels");
    expect(inbox01.json()).toMatchObject({ departement: "01", items: [] });
    expect(JSON.stringify(inbox01.json())).not.toContain("Camille");
  });

  it("changes need the CSRF token, and a call-back account gets a French explanation elsewhere", async () => {
    const s = sessions.get("pmi69")!;
    const noCsrf = await app.inject({
      method: "POST",
      url: `/api/v1/pilotage/rappels/${request69.id}/statut`,
      payload: { status: "contacted" },
      headers: { cookie: s.cookie },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().detail).toContain("CSRF");
    const projects = await call("pmi69", "GET", "/api/v1/pilotage/projets");
    expect(projects.json().detail).toBe("Votre compte sert aux demandes de rappel de votre département : il n'a pas accès au reste du pilotage.");
  });

  it("the national administrator creates a call-back account for one département, and nothing looser", async () => {
    const create = (body: object) =>
      call("national", "POST", "/api/v1/pilotage/comptes", { password: "mot de passe de test 2026", displayName: "Service", ...body });
    const ok = await create({ email: "accueil@pmi2a.fr", role: "departemental", departement: "2a" });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ role: "departemental", departement: "2A", region: null, agency: null });
    const refusals: [object, string][] = [
      [{ email: "a1@pmi.fr", role: "departemental" }, "Un service départemental est rattaché à un département"],
      [{ email: "a2@pmi.fr", role: "departemental", departement: "69", region: "84" }, "n'est rattaché à aucune région"],
      [{ email: "a3@pmi.fr", role: "departemental", departement: "99" }, "Département « 99 » inconnu"],
      [{ email: "a4@pmi.fr", role: "observer", departement: "69" }, "Seul un service départemental est rattaché à un département"],
    ];
    for (const [body, message] of refusals) {
      const res = await create(body);
      expect(res.statusCode).toBe(422);
      expect(res.json().detail).toContain(message);
    }
  });

  it("the parent's cancel token reads nothing: not as a header, not as a session cookie", async () => {
    const headers = { "x-cancel-token": request69.cancelToken };
    for (const url of [`/api/v1/pilotage/rappels/${request69.id}`, "/api/v1/pilotage/rappels"]) {
      expect((await app.inject({ method: "GET", url, headers })).statusCode).toBe(401);
      expect((await app.inject({ method: "GET", url, headers: { cookie: `mj_pilotage=${request69.cancelToken}` } })).statusCode).toBe(401);
    }
    expect((await app.inject({ method: "GET", url: `/api/v1/rappel/demandes/${request69.id}`, headers })).statusCode).toBe(404);
    expect(
      (await app.inject({ method: "POST", url: `/api/v1/pilotage/rappels/${request69.id}/statut`, headers, payload: { status: "closed", outcome: "reached" } }))
        .statusCode,
    ).toBe(401);
  });
});
