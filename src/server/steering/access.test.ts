import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { Database } from "../db/database.js";
import { migrate } from "../db/migrate.js";
import { sampleProject } from "../../domain/steering/test-support.js";
import { gridToCsv, projectsToGridRows } from "../../domain/steering/grid.js";
import type { Project } from "../../domain/steering/project.js";
import { createTestAccount, steeringTestApp, testDatabases } from "./test-support.js";

/**
 * The access matrix: every endpoint × every role × own/other region → the expected status; then the same
 * private endpoints with no session, a stolen-looking session, and without or with a wrong CSRF token.
 */
type Who = "anonyme" | "national" | "ars84" | "dreets84" | "ars11" | "observateur" | "observateur84";
const WHO: Who[] = ["anonyme", "national", "ars84", "dreets84", "ars11", "observateur", "observateur84"];

interface Call {
  name: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Run on a project of region 84 made for this one request (its id is passed to url and body). */
  fresh?: boolean;
  url: (id?: string) => string;
  body?: (who: Who, id?: string) => Promise<unknown> | unknown;
  expect: Record<Who, number>;
}

const p84 = () => sampleProject({ title: "Projet de la région 84" });
const p11 = () => sampleProject({ title: "Projet de la région 11", region: "11", departements: ["75", "93"] });

/** Statuses by kind of rule, to keep the table readable. */
const all = (ok: number): Record<Who, number> => ({ anonyme: 401, national: ok, ars84: ok, dreets84: ok, ars11: ok, observateur: ok, observateur84: ok });
const nationalOnly = (ok: number): Record<Who, number> => ({
  anonyme: 401,
  national: ok,
  ars84: 403,
  dreets84: 403,
  ars11: 403,
  observateur: 403,
  observateur84: 403,
});
/** Read something of region 84: national and all-country observer yes; agents and observers of 84 yes; 11 no. */
const read84 = (ok: number): Record<Who, number> => ({ anonyme: 401, national: ok, ars84: ok, dreets84: ok, ars11: 403, observateur: ok, observateur84: ok });
/** Write something of region 84: national and the agents of 84; observers never. */
const write84 = (ok: number): Record<Who, number> => ({
  anonyme: 401,
  national: ok,
  ars84: ok,
  dreets84: ok,
  ars11: 403,
  observateur: 403,
  observateur84: 403,
});

describe.each(testDatabases)("steering access on %s", (_kind, open) => {
  let db: Database;
  let app: FastifyInstance;
  const sessions = new Map<Who, { cookie: string; csrf: string }>();
  let project84: string;
  let project11: string;
  let counter = 0;

  const version = async (id: string) => (await db.query<{ version: number }>("SELECT version FROM steering_project WHERE id = $1", [id]))[0]!.version;
  const projectOf = async (id: string): Promise<Project> =>
    (await db.query<{ data: Project }>("SELECT data FROM steering_project WHERE id = $1", [id]))[0]!.data;

  const call = (who: Who, method: Call["method"], url: string, body?: unknown, headers: Record<string, string> = {}) => {
    const session = sessions.get(who);
    return app.inject({
      method,
      url,
      ...(body === undefined ? {} : { payload: body as object }),
      headers: { ...(session ? { cookie: session.cookie, "x-csrf-token": session.csrf } : {}), ...headers },
    });
  };

  beforeAll(async () => {
    db = await open();
    await migrate(db);
    app = await steeringTestApp(db, {});
    const accounts: [Who, Parameters<typeof createTestAccount>[1]][] = [
      ["national", { email: "national@sante.gouv.fr", displayName: "Nationale", role: "national" }],
      ["ars84", { email: "agent@ars.sante.fr", displayName: "ARS 84", role: "regional", agency: "ars", region: "84" }],
      ["dreets84", { email: "agent@dreets.gouv.fr", displayName: "DREETS 84", role: "regional", agency: "dreets", region: "84" }],
      ["ars11", { email: "agent11@ars.sante.fr", displayName: "ARS 11", role: "regional", agency: "ars", region: "11" }],
      ["observateur", { email: "observateur@sante.gouv.fr", displayName: "Observateur", role: "observer" }],
      ["observateur84", { email: "observateur84@sante.gouv.fr", displayName: "Observateur 84", role: "observer", region: "84" }],
    ];
    for (const [who, account] of accounts) {
      await createTestAccount(db, account);
      const res = await app.inject({
        method: "POST",
        url: "/api/v1/pilotage/session",
        payload: { email: account.email, password: "mot de passe de test 2026" },
      });
      expect(res.statusCode, who).toBe(200);
      const cookie = String(res.headers["set-cookie"]).split(";")[0]!;
      sessions.set(who, { cookie, csrf: res.json().csrfToken });
    }
    project84 = (await call("national", "POST", "/api/v1/pilotage/projets", { project: p84() })).json().id;
    project11 = (await call("national", "POST", "/api/v1/pilotage/projets", { project: p11() })).json().id;
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const grid = (project: Project) => gridToCsv(projectsToGridRows([project], 2023));
  const calls: Call[] = [
    { name: "session", method: "GET", url: () => "/api/v1/pilotage/session", expect: all(200) },
    { name: "liste des projets", method: "GET", url: () => "/api/v1/pilotage/projets", expect: all(200) },
    { name: "liste filtrée 84", method: "GET", url: () => "/api/v1/pilotage/projets?region=84&year=2023", expect: read84(200) },
    {
      name: "liste filtrée 11",
      method: "GET",
      url: () => "/api/v1/pilotage/projets?region=11",
      expect: { ...read84(200), ars84: 403, dreets84: 403, ars11: 200, observateur84: 403 },
    },
    { name: "projet 84", method: "GET", url: () => `/api/v1/pilotage/projets/${project84}`, expect: read84(200) },
    {
      name: "projet 11",
      method: "GET",
      url: () => `/api/v1/pilotage/projets/${project11}`,
      expect: { ...read84(200), ars84: 403, dreets84: 403, ars11: 200, observateur84: 403 },
    },
    { name: "historique d'un projet", method: "GET", url: () => `/api/v1/pilotage/projets/${project84}/journal`, expect: nationalOnly(200) },
    { name: "création 84", method: "POST", url: () => "/api/v1/pilotage/projets", body: () => ({ project: p84() }), expect: write84(201) },
    {
      name: "création 11",
      method: "POST",
      url: () => "/api/v1/pilotage/projets",
      body: () => ({ project: p11() }),
      expect: { ...write84(201), ars84: 403, dreets84: 403, ars11: 201 },
    },
    {
      name: "modification 84",
      method: "PUT",
      url: () => `/api/v1/pilotage/projets/${project84}`,
      body: async (who) => ({
        version: await version(project84),
        project: { ...(await projectOf(project84)), publicSummary: `Modifié par ${who} (${++counter})` },
      }),
      expect: write84(200),
    },
    {
      name: "modification 11",
      method: "PUT",
      url: () => `/api/v1/pilotage/projets/${project11}`,
      body: async (who) => ({
        version: await version(project11),
        project: { ...(await projectOf(project11)), publicSummary: `Modifié par ${who} (${++counter})` },
      }),
      expect: { ...write84(200), ars84: 403, dreets84: 403, ars11: 200 },
    },
    {
      name: "déplacer un projet 84 vers 11",
      method: "PUT",
      fresh: true,
      url: (id) => `/api/v1/pilotage/projets/${id}`,
      body: async (_who, id) => ({ version: 1, project: { ...(await projectOf(id!)), region: "11", departements: ["75"] } }),
      expect: { ...write84(403), national: 200 },
    },
    { name: "export CSV national", method: "GET", url: () => "/api/v1/pilotage/liste-projets-soutenus.csv?year=2023", expect: all(200) },
    { name: "export CSV région 84", method: "GET", url: () => "/api/v1/pilotage/liste-projets-soutenus.csv?year=2023&region=84", expect: read84(200) },
    {
      name: "export XLSX région 11",
      method: "GET",
      url: () => "/api/v1/pilotage/liste-projets-soutenus.xlsx?year=2023&region=11",
      expect: { ...read84(200), ars84: 403, dreets84: 403, ars11: 200, observateur84: 403 },
    },
    {
      name: "import 84 (essai)",
      method: "POST",
      url: () => "/api/v1/pilotage/projets/import",
      body: () => ({ csv: grid(p84() as Project), dryRun: true }),
      expect: { ...write84(200), ars11: 422 },
    },
    // A regional agent importing another region's lines gets the line-by-line report (422), never a write.
    {
      name: "import 11 (essai)",
      method: "POST",
      url: () => "/api/v1/pilotage/projets/import",
      body: () => ({ csv: grid(p11() as Project), dryRun: true }),
      expect: { ...write84(422), national: 200, ars11: 200 },
    },
    { name: "journal", method: "GET", url: () => "/api/v1/pilotage/journal", expect: nationalOnly(200) },
    { name: "comptes", method: "GET", url: () => "/api/v1/pilotage/comptes", expect: nationalOnly(200) },
    {
      name: "création de compte",
      method: "POST",
      url: () => "/api/v1/pilotage/comptes",
      body: () => ({
        email: `nouveau${++counter}@ars.sante.fr`,
        displayName: "Nouvel agent",
        role: "regional",
        agency: "ars",
        region: "84",
        password: "un mot de passe long 1",
      }),
      expect: nationalOnly(201),
    },
    {
      name: "désactivation de compte",
      method: "PATCH",
      url: () => "/api/v1/pilotage/comptes/999999",
      body: () => ({ active: false }),
      expect: nationalOnly(404),
    },
    { name: "tables des naissances", method: "GET", url: () => "/api/v1/pilotage/naissances", expect: all(200) },
    {
      name: "chargement des naissances",
      method: "POST",
      url: () => "/api/v1/pilotage/naissances",
      body: () => ({ csv: "annee;code_region;naissances\n2020;84;80000\n", source: "Table de test" }),
      expect: nationalOnly(201),
    },
    {
      name: "calcul d'une répartition",
      method: "POST",
      url: () => "/api/v1/pilotage/repartitions",
      body: () => ({ year: 2023, volet: "sante", envelope: 2_000_000, regions: ["84", "11"] }),
      expect: nationalOnly(201),
    },
    { name: "répartitions", method: "GET", url: () => "/api/v1/pilotage/repartitions", expect: all(200) },
    { name: "baromètre (privé)", method: "GET", url: () => "/api/v1/pilotage/barometre", expect: all(200) },
    { name: "baromètre public", method: "GET", url: () => "/api/v1/barometre?indicator=epnp", expect: { ...all(200), anonyme: 200 } },
    {
      name: "import baromètre",
      method: "POST",
      url: () => "/api/v1/pilotage/barometre/valeurs",
      body: () => ({ csv: "indicateur;code_departement;annee;numerateur;denominateur\nEPP;69;2023;100;200\n", source: "Source de test" }),
      expect: nationalOnly(201),
    },
    {
      name: "import objectifs",
      method: "POST",
      url: () => "/api/v1/pilotage/barometre/objectifs",
      body: () => ({ csv: "indicateur;code_departement;annee;objectif_pourcent\nEPP;69;2023;75\n" }),
      expect: nationalOnly(201),
    },
  ];

  it("answers every endpoint × role × region with the expected status", async () => {
    const seen: string[] = [];
    const wrong: string[] = [];
    for (const c of calls) {
      for (const who of WHO) {
        const id = c.fresh ? (await call("national", "POST", "/api/v1/pilotage/projets", { project: p84() })).json().id : undefined;
        const res: LightMyRequestResponse = await call(who, c.method, c.url(id), c.body ? await c.body(who, id) : undefined);
        seen.push(`${c.name} × ${who}`);
        if (res.statusCode !== c.expect[who]) wrong.push(`${c.name} × ${who}: ${res.statusCode} (attendu ${c.expect[who]}) ${res.body.slice(0, 200)}`);
        if (res.statusCode >= 400) expect(res.headers["content-type"], `${c.name} × ${who}`).toContain("application/problem+json");
      }
    }
    expect(wrong).toEqual([]);
    expect(seen.length).toBe(calls.length * WHO.length);
  }, 120_000); // about 200 requests, among them imports that start the grid import's thread: slow on a loaded machine

  it("lists and totals only the projects a regional account may see", async () => {
    const ars = (await call("ars84", "GET", "/api/v1/pilotage/projets")).json();
    expect(ars.region).toBe("84");
    expect(ars.projects.every((p: Project) => p.region === "84")).toBe(true);
    expect(Object.keys(ars.totals.byRegion)).toEqual(["84"]);
    const national = (await call("national", "GET", "/api/v1/pilotage/projets")).json();
    expect(new Set(national.projects.map((p: Project) => p.region))).toEqual(new Set(["84", "11"]));
    const csv = (await call("ars84", "GET", "/api/v1/pilotage/liste-projets-soutenus.csv?year=2023")).body;
    expect(csv).toContain("Projet de la région 84");
    expect(csv).not.toContain("Projet de la région 11");
  });

  const writes = calls.filter((c) => c.method !== "GET" && !c.fresh);
  const privateCalls = calls.filter((c) => !c.fresh && !c.url().startsWith("/api/v1/barometre"));

  it("refuses a stolen-looking session (random token) on every private endpoint", async () => {
    const forged = `mj_pilotage=${Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64url")}`;
    for (const c of privateCalls) {
      const res = await app.inject({
        method: c.method,
        url: c.url(),
        headers: { cookie: forged, "x-csrf-token": sessions.get("national")!.csrf },
        ...(c.body ? { payload: (await c.body("national")) as object } : {}),
      });
      expect(res.statusCode, c.name).toBe(401);
    }
    // Someone who copied the hash from the database cannot use it as a token either.
    const [stored] = await db.query<{ token_hash: string }>("SELECT token_hash FROM steering_session LIMIT 1");
    expect((await app.inject({ url: "/api/v1/pilotage/projets", headers: { cookie: `mj_pilotage=${stored!.token_hash}` } })).statusCode).toBe(401);
  });

  it("refuses every state-changing request without the CSRF token, with a wrong one, or from another site", async () => {
    expect(writes.length).toBeGreaterThan(10);
    const { cookie, csrf } = sessions.get("national")!;
    const wrongToken = csrf.slice(0, -2) + (csrf.endsWith("AA") ? "BB" : "AA");
    for (const c of writes) {
      const payload = c.body ? ((await c.body("national")) as object) : undefined;
      for (const headers of [
        { cookie },
        { cookie, "x-csrf-token": wrongToken },
        { cookie, "x-csrf-token": "" },
        { cookie, "x-csrf-token": csrf, origin: "https://pirate.example" },
      ]) {
        const res = await app.inject({ method: c.method, url: c.url(), headers, ...(payload ? { payload } : {}) });
        expect(res.statusCode, `${c.name} ${JSON.stringify(Object.keys(headers))}`).toBe(403);
      }
    }
    // The token of another session does not do either.
    const other = sessions.get("ars84")!.csrf;
    expect(
      (await app.inject({ method: "POST", url: "/api/v1/pilotage/projets", headers: { cookie, "x-csrf-token": other }, payload: { project: p84() } }))
        .statusCode,
    ).toBe(403);
    // Login from another site is refused too.
    const login = await app.inject({
      method: "POST",
      url: "/api/v1/pilotage/session",
      headers: { origin: "https://pirate.example" },
      payload: { email: "national@sante.gouv.fr", password: "mot de passe de test 2026" },
    });
    expect(login.statusCode).toBe(403);
    expect(login.headers["set-cookie"]).toBeUndefined();
  });
});
