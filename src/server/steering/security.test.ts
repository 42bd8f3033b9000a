import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { strFromU8, unzipSync } from "fflate";
import type { Database } from "../db/database.js";
import { migrate } from "../db/migrate.js";
import { sampleProject } from "../../domain/steering/test-support.js";
import { parseProjectGrid } from "../../domain/steering/grid.js";
import { createTestAccount, steeringTestApp, testDatabases } from "./test-support.js";

const PASSWORD = "mot de passe de test 2026";

describe.each(testDatabases)("steering security on %s", (_kind, open) => {
  let db: Database;
  let app: FastifyInstance;
  let now = new Date("2026-03-02T09:00:00Z");
  const advance = (minutes: number) => (now = new Date(now.getTime() + minutes * 60_000));

  const login = (email: string, password = PASSWORD, ip = "192.0.2.1") =>
    app.inject({ method: "POST", url: "/api/v1/pilotage/session", payload: { email, password }, remoteAddress: ip });
  const sessionFrom = (res: Awaited<ReturnType<typeof login>>) => ({
    cookie: String(res.headers["set-cookie"]).split(";")[0]!,
    csrf: res.json().csrfToken as string,
  });
  const me = (s: { cookie: string }) => app.inject({ url: "/api/v1/pilotage/session", headers: { cookie: s.cookie } });

  beforeAll(async () => {
    db = await open();
    await migrate(db);
    app = await steeringTestApp(db, { now: () => now });
    await createTestAccount(db, { email: "national@sante.gouv.fr", displayName: "Nationale", role: "national" });
    await createTestAccount(db, { email: "agent@ars.sante.fr", displayName: "ARS 84", role: "regional", agency: "ars", region: "84" });
    await createTestAccount(db, { email: "cible@ars.sante.fr", displayName: "Cible", role: "regional", agency: "ars", region: "84" });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it("logs in with an HttpOnly SameSite=Strict cookie, stores only the token's hash, and refuses bad passwords alike", async () => {
    const res = await login("Agent@ARS.sante.fr ");
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers["set-cookie"]);
    expect(cookie).toMatch(/^mj_pilotage=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200$/);
    expect(res.json().account).toMatchObject({ email: "agent@ars.sante.fr", role: "regional", agency: "ars", region: "84" });
    expect(res.json().account.passwordHash).toBeUndefined();
    const token = cookie.split(";")[0]!.split("=")[1]!;
    const stored = await db.query<{ token_hash: string }>("SELECT token_hash FROM steering_session");
    expect(stored.map((s) => s.token_hash)).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(token);

    // Behind an HTTPS proxy: the __Host- cookie with Secure.
    const https = await app.inject({
      method: "POST",
      url: "/api/v1/pilotage/session",
      headers: { "x-forwarded-proto": "https" },
      payload: { email: "agent@ars.sante.fr", password: PASSWORD },
    });
    expect(String(https.headers["set-cookie"])).toMatch(/^__Host-mj_pilotage=[^;]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+; Secure$/);

    const wrong = await login("agent@ars.sante.fr", "mauvais mot de passe");
    const unknown = await login("personne@ars.sante.fr", "mauvais mot de passe");
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
    expect(wrong.headers["set-cookie"]).toBeUndefined();
  });

  it("locks an account after 5 failures, even for the right password, and unlocks after 15 minutes", async () => {
    for (let i = 0; i < 5; i++) expect((await login("cible@ars.sante.fr", `essai ${i}`, `198.51.100.${i}`)).statusCode).toBe(401);
    const locked = await login("cible@ars.sante.fr", PASSWORD, "198.51.100.99");
    expect(locked.statusCode).toBe(429);
    expect(locked.json().detail).toMatch(/réessayez dans 15 minutes/);
    expect(Number(locked.headers["retry-after"])).toBe(900);
    // Another account is not affected.
    expect((await login("national@sante.gouv.fr", PASSWORD, "198.51.100.98")).statusCode).toBe(200);
    advance(16);
    expect((await login("cible@ars.sante.fr", PASSWORD, "198.51.100.99")).statusCode).toBe(200);
  });

  it("locks a client address after 20 failures on any accounts, across accounts", async () => {
    const ip = "203.0.113.7";
    for (let i = 0; i < 20; i++) expect((await login(`inconnu${i}@exemple.fr`, "faux", ip)).statusCode).toBe(401);
    expect((await login("national@sante.gouv.fr", PASSWORD, ip)).statusCode).toBe(429);
    expect((await login("national@sante.gouv.fr", PASSWORD, "203.0.113.8")).statusCode).toBe(200);
    // The address itself is not stored, only a hash.
    const keys = (await db.query<{ key: string }>("SELECT key FROM steering_login_throttle")).map((r) => r.key).join(" ");
    expect(keys).not.toContain(ip);
    advance(16);
    expect((await login("national@sante.gouv.fr", PASSWORD, ip)).statusCode).toBe(200);
  });

  it("ends a session after 2 hours idle, and after 12 hours whatever the activity", async () => {
    const idle = sessionFrom(await login("national@sante.gouv.fr"));
    advance(119);
    expect((await me(idle)).statusCode).toBe(200);
    advance(119);
    expect((await me(idle)).statusCode).toBe(200);
    advance(121);
    const expired = await me(idle);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().detail).toMatch(/expiré/);
    expect(String(expired.headers["set-cookie"])).toMatch(/Max-Age=0/);

    const busy = sessionFrom(await login("national@sante.gouv.fr"));
    for (let h = 0; h < 11; h++) {
      advance(60);
      expect((await app.inject({ url: "/api/v1/pilotage/projets", headers: { cookie: busy.cookie } })).statusCode).toBe(200);
    }
    advance(61);
    expect((await me(busy)).statusCode).toBe(401);
  });

  it("logs out one session, and everywhere", async () => {
    const a = sessionFrom(await login("agent@ars.sante.fr"));
    const b = sessionFrom(await login("agent@ars.sante.fr"));
    const c = sessionFrom(await login("agent@ars.sante.fr"));
    const out = await app.inject({ method: "DELETE", url: "/api/v1/pilotage/session", headers: { cookie: a.cookie, "x-csrf-token": a.csrf } });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers["set-cookie"])).toMatch(/^mj_pilotage=; .*Max-Age=0/);
    expect((await me(a)).statusCode).toBe(401);
    expect((await me(b)).statusCode).toBe(200);
    const everywhere = await app.inject({ method: "DELETE", url: "/api/v1/pilotage/sessions", headers: { cookie: b.cookie, "x-csrf-token": b.csrf } });
    expect(everywhere.statusCode).toBe(204);
    expect((await me(b)).statusCode).toBe(401);
    expect((await me(c)).statusCode).toBe(401);
  });

  it("changes a password: the old one stops working, other sessions end", async () => {
    const a = sessionFrom(await login("agent@ars.sante.fr"));
    const b = sessionFrom(await login("agent@ars.sante.fr"));
    const change = (current: string, next: string) =>
      app.inject({
        method: "PUT",
        url: "/api/v1/pilotage/session/mot-de-passe",
        headers: { cookie: a.cookie, "x-csrf-token": a.csrf },
        payload: { current, next },
      });
    expect((await change("faux", "un nouveau mot de passe")).statusCode).toBe(422);
    expect((await change(PASSWORD, "court")).json().errors[0].message).toMatch(/au moins 12/);
    expect((await change(PASSWORD, "un nouveau mot de passe")).statusCode).toBe(204);
    expect((await me(a)).statusCode).toBe(200);
    expect((await me(b)).statusCode).toBe(401);
    expect((await login("agent@ars.sante.fr", PASSWORD, "192.0.2.50")).statusCode).toBe(401);
    expect((await login("agent@ars.sante.fr", "un nouveau mot de passe", "192.0.2.50")).statusCode).toBe(200);
  });

  it("deactivating an account ends its sessions and refuses its login", async () => {
    const admin = sessionFrom(await login("national@sante.gouv.fr"));
    const created = await app.inject({
      method: "POST",
      url: "/api/v1/pilotage/comptes",
      headers: { cookie: admin.cookie, "x-csrf-token": admin.csrf },
      payload: {
        email: "temporaire@dreets.gouv.fr",
        displayName: "Temporaire",
        role: "regional",
        agency: "dreets",
        region: "11",
        password: "un mot de passe long 1",
      },
    });
    expect(created.statusCode).toBe(201);
    const duplicate = await app.inject({
      method: "POST",
      url: "/api/v1/pilotage/comptes",
      headers: { cookie: admin.cookie, "x-csrf-token": admin.csrf },
      payload: { email: "TEMPORAIRE@dreets.gouv.fr", displayName: "Double", role: "observer", password: "un mot de passe long 1" },
    });
    expect(duplicate.statusCode).toBe(409);
    const agent = sessionFrom(await login("temporaire@dreets.gouv.fr", "un mot de passe long 1"));
    const off = await app.inject({
      method: "PATCH",
      url: `/api/v1/pilotage/comptes/${created.json().id}`,
      headers: { cookie: admin.cookie, "x-csrf-token": admin.csrf },
      payload: { active: false },
    });
    expect(off.json().active).toBe(false);
    expect((await me(agent)).statusCode).toBe(401);
    expect((await login("temporaire@dreets.gouv.fr", "un mot de passe long 1", "192.0.2.60")).statusCode).toBe(401);
    const bad = await app.inject({
      method: "POST",
      url: "/api/v1/pilotage/comptes",
      headers: { cookie: admin.cookie, "x-csrf-token": admin.csrf },
      payload: { email: "x@y.fr", displayName: "Xavier", role: "regional", region: "99", password: "aaaa" },
    });
    expect(bad.statusCode).toBe(422);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(["agency", "password", "region"]);
  });

  it("stores SQL-injection and script payloads in every text field as-is and returns them unchanged", async () => {
    const admin = sessionFrom(await login("national@sante.gouv.fr"));
    const h = { cookie: admin.cookie, "x-csrf-token": admin.csrf };
    const sql = "Robert'); DROP TABLE steering_project;--";
    const script = "<script>alert('xss')</script>";
    const img = '"><img src=x onerror=alert(1)>';
    const project = sampleProject({
      title: sql,
      holder: { structure: script, siret: null },
      publicSummary: `${img}\n' OR '1'='1`,
      status: "evalue",
      evaluation: { outcome: "reservee", comment: `${script} ${sql}` },
    });
    const created = await app.inject({ method: "POST", url: "/api/v1/pilotage/projets", headers: h, payload: { project } });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const read = (await app.inject({ url: `/api/v1/pilotage/projets/${id}`, headers: h })).json();
    expect(read.title).toBe(sql);
    expect(read.holder.structure).toBe(script);
    expect(read.publicSummary).toBe(`${img}\n' OR '1'='1`);
    expect(read.evaluation.comment).toBe(`${script} ${sql}`);
    // The JSON answer is JSON, never HTML.
    expect(String(created.headers["content-type"])).toMatch(/^application\/json/);

    // Filters and parameters with payloads: refused by validation or treated as plain values.
    for (const url of [
      `/api/v1/pilotage/projets?theme=${encodeURIComponent("x' OR 1=1 --")}`,
      `/api/v1/pilotage/projets?region=${encodeURIComponent("84' OR '1'='1")}`,
      `/api/v1/pilotage/projets/${encodeURIComponent("1' OR '1'='1")}`,
      `/api/v1/pilotage/journal?before=${encodeURIComponent("1; DELETE FROM steering_audit")}`,
    ])
      expect((await app.inject({ url, headers: h })).statusCode, url).toBe(400);
    expect((await login(`' OR 1=1 --@x.fr`, "' OR '1'='1")).statusCode).toBe(401);
    expect((await db.query<{ n: number }>("SELECT count(*)::int AS n FROM steering_project"))[0]!.n).toBeGreaterThan(0);

    // The grid exports keep the text; the CSV reads back to the same project, the XLSX escapes it in XML.
    const csv = (await app.inject({ url: "/api/v1/pilotage/liste-projets-soutenus.csv?year=2023", headers: h })).body;
    const parsed = parseProjectGrid(csv);
    expect(parsed.ok && parsed.rows.find((r) => r.id === id)?.project.holder.structure).toBe(script);
    const xlsx = await app.inject({ url: "/api/v1/pilotage/liste-projets-soutenus.xlsx?year=2023", headers: h });
    const sheet = strFromU8(unzipSync(new Uint8Array(xlsx.rawPayload))["xl/worksheets/sheet1.xml"]!);
    expect(sheet).toContain("&lt;script&gt;alert('xss')&lt;/script&gt;");
    expect(sheet).not.toContain("<script>");

    // Audit keeps the payloads as data too.
    const journal = (await app.inject({ url: `/api/v1/pilotage/projets/${id}/journal`, headers: h })).json();
    expect(journal[0].after.holder.structure).toBe(script);
  });

  it("keeps payloads as data in the other text fields too: account name, births and barometer sources", async () => {
    const admin = sessionFrom(await login("national@sante.gouv.fr"));
    const h = { cookie: admin.cookie, "x-csrf-token": admin.csrf };
    const payload = "<script>alert(1)</script>'; DROP TABLE steering_account;--";
    const account = await app.inject({
      method: "POST",
      url: "/api/v1/pilotage/comptes",
      headers: h,
      payload: { email: "charge@ars.sante.fr", displayName: payload, role: "observer", password: "un mot de passe long 1" },
    });
    expect(account.statusCode).toBe(201);
    expect(account.json().displayName).toBe(payload);
    const births = await app.inject({
      method: "POST",
      url: "/api/v1/pilotage/naissances",
      headers: h,
      payload: { csv: "annee;code_region;naissances\n2019;84;80000\n", source: payload },
    });
    expect(births.statusCode).toBe(201);
    expect((await app.inject({ url: "/api/v1/pilotage/naissances", headers: h })).json().tables.find((t: { year: number }) => t.year === 2019).source).toBe(
      payload,
    );
    const values = await app.inject({
      method: "POST",
      url: "/api/v1/pilotage/barometre/valeurs",
      headers: h,
      payload: { csv: "indicateur;code_departement;annee;numerateur;denominateur\nEPP;69;2023;1;2\n", source: payload },
    });
    expect(values.statusCode).toBe(201);
    expect((await app.inject({ url: "/api/v1/barometre" })).json().sources[0].source).toBe(payload);
    expect((await db.query<{ n: number }>("SELECT count(*)::int AS n FROM steering_account"))[0]!.n).toBeGreaterThan(1);
  });

  it("rejects a session cookie sent with a malformed value and never crashes on odd cookies", async () => {
    for (const cookie of ["mj_pilotage=", "mj_pilotage=' OR 1=1 --", "mj_pilotage=%00%00", "autre=1; mj_pilotage", `mj_pilotage=${"a".repeat(5000)}`])
      expect((await app.inject({ url: "/api/v1/pilotage/projets", headers: { cookie } })).statusCode, cookie).toBe(401);
  });
});
