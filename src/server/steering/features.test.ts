import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { strFromU8, unzipSync } from "fflate";
import type { Database } from "../db/database.js";
import { migrate } from "../db/migrate.js";
import { buildApp } from "../app.js";
import { sampleProject } from "../../domain/steering/test-support.js";
import { DEMO_SOURCE, loadDemoBarometer, RealDataPresentError, removeDemoBarometer } from "./barometer/index.js";
import { MAX_GRID_ROWS } from "../../domain/steering/grid.js";
import { MAX_BAROMETER_ROWS } from "../../domain/steering/barometer.js";
import { MAX_BIRTHS_ROWS } from "../../domain/funding/births.js";
import { createTestAccount, steeringTestApp, testDatabases } from "./test-support.js";

const PASSWORD = "mot de passe de test 2026";
const GRID_HEADER =
  "annee;code_region;identifiant;intitule;structure_porteuse;siret;departements;thematiques;ligne_financement;montant_ars_fir;montant_dreets_p304;date_debut;date_fin;statut;evaluation;resume_public";

describe.each(testDatabases)("steering features on %s", (_kind, open) => {
  let db: Database;
  let app: FastifyInstance;
  const now = new Date("2026-10-15T09:00:00Z");
  const headers: Record<"national" | "ars84", Record<string, string>> = { national: {}, ars84: {} };
  const as = (who: keyof typeof headers, method: "GET" | "POST" | "PUT", url: string, payload?: object) =>
    app.inject({ method, url, headers: headers[who], ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    db = await open();
    await migrate(db);
    app = await steeringTestApp(db, { now: () => now });
    await createTestAccount(db, { email: "national@sante.gouv.fr", displayName: "Nationale", role: "national" });
    await createTestAccount(db, { email: "agent@ars.sante.fr", displayName: "ARS 84", role: "regional", agency: "ars", region: "84" });
    for (const [who, email] of [
      ["national", "national@sante.gouv.fr"],
      ["ars84", "agent@ars.sante.fr"],
    ] as const) {
      const res = await app.inject({ method: "POST", url: "/api/v1/pilotage/session", payload: { email, password: PASSWORD } });
      headers[who] = { cookie: String(res.headers["set-cookie"]).split(";")[0]!, "x-csrf-token": res.json().csrfToken };
    }
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const count = async () => (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM steering_project"))[0]!.n;

  it("creates, updates with optimistic concurrency, and writes who/when/before/after to the audit log", async () => {
    const invalid = await as("ars84", "POST", "/api/v1/pilotage/projets", { project: { ...sampleProject(), title: "", departements: ["75"] } });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(["title", "departements.0"]));

    const created = await as("ars84", "POST", "/api/v1/pilotage/projets", { project: sampleProject() });
    expect(created.statusCode).toBe(201);
    const { id, version, createdAt, updatedAt: _u, ...project } = created.json();
    expect(version).toBe(1);
    expect(createdAt).toBe(now.toISOString());
    const updated = await as("ars84", "PUT", `/api/v1/pilotage/projets/${id}`, { version: 1, project: { ...project, status: "reconduit" } });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ version: 2, status: "reconduit" });
    const stale = await as("national", "PUT", `/api/v1/pilotage/projets/${id}`, { version: 1, project: { ...project, status: "termine" } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toMatch(/modifié par quelqu'un d'autre/);

    const journal = (await as("national", "GET", `/api/v1/pilotage/projets/${id}/journal`)).json();
    expect(journal.map((e: { action: string }) => e.action)).toEqual(["projet.modification", "projet.creation"]);
    expect(journal[0]).toMatchObject({ actorEmail: "agent@ars.sante.fr", at: now.toISOString(), projectId: id, region: "84" });
    expect(journal[0].before.status).toBe("en-cours");
    expect(journal[0].after.status).toBe("reconduit");
    expect(journal[1].before).toBeNull();
  });

  it("filters the list and totals by theme and region", async () => {
    await as("national", "POST", "/api/v1/pilotage/projets", {
      project: sampleProject({
        title: "Projet DREETS en Île-de-France",
        region: "11",
        departements: ["75"],
        themes: ["eveil-culturel"],
        fundingLine: "dreets-p304",
        amounts: [{ year: 2024, arsFir: 0, dreetsP304: 25_000 }],
      }),
    });
    const all = (await as("national", "GET", "/api/v1/pilotage/projets")).json();
    expect(all.totals.overall.count).toBe(all.projects.length);
    const dreets = (await as("national", "GET", "/api/v1/pilotage/projets?funder=dreets&year=2024&theme=eveil-culturel")).json();
    expect(dreets.projects.map((p: { title: string }) => p.title)).toEqual(["Projet DREETS en Île-de-France"]);
    expect(dreets.totals.overall).toEqual({ count: 1, arsFir: 0, dreetsP304: 25_000, total: 25_000 });
    expect(dreets.totals.byRegion).toEqual({ "11": { count: 1, arsFir: 0, dreetsP304: 25_000, total: 25_000 } });
    expect(dreets.totals.byTheme["eveil-culturel"].total).toBe(25_000);
    expect((await as("national", "GET", "/api/v1/pilotage/projets?status=termine")).json().projects).toEqual([]);
    expect((await as("national", "GET", "/api/v1/pilotage/projets?status=ferme")).statusCode).toBe(400);
  });

  it("imports the grid atomically: one bad line and nothing is written, with the line-by-line report", async () => {
    const good = (title: string) => `2023;84;;${title};Association exemple;;69;3, 6;ARS-FIR;40 000;;2023-09-01;;En cours;;Résumé public.`;
    const before = await count();
    const refused = await as("ars84", "POST", "/api/v1/pilotage/projets/import", {
      csv: [
        GRID_HEADER,
        good("Premier projet importé"),
        "2023;84;;X;Association exemple;;75;9;ARS-FIR;abc;;2023-13-01;;Fini;;",
        good("Troisième projet importé"),
      ].join("\n"),
    });
    expect(refused.statusCode).toBe(422);
    const errors = refused.json().errors as { line: number; column: string }[];
    expect(errors.every((e) => e.line === 3)).toBe(true);
    expect(errors.map((e) => e.column)).toEqual(expect.arrayContaining(["intitule", "departements", "thematiques", "montant_ars_fir", "date_debut", "statut"]));
    expect(await count()).toBe(before);

    const accepted = await as("ars84", "POST", "/api/v1/pilotage/projets/import", {
      csv: [GRID_HEADER, good("Premier projet importé"), good("Second projet importé")].join("\r\n"),
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ ok: true, year: 2023, created: 2, updated: 0, dryRun: false });
    expect(await count()).toBe(before + 2);

    // Export, change one amount, import again: an update that keeps the project's other years.
    const firstId = accepted.json().rows[0].id;
    const current = (await as("ars84", "GET", `/api/v1/pilotage/projets/${firstId}`)).json();
    const { id: _i, version, createdAt: _c, updatedAt: _u, ...project } = current;
    await as("ars84", "PUT", `/api/v1/pilotage/projets/${firstId}`, {
      version,
      project: { ...project, amounts: [...project.amounts, { year: 2024, arsFir: 10_000, dreetsP304: 0 }] },
    });
    const csv = (await as("ars84", "GET", "/api/v1/pilotage/liste-projets-soutenus.csv?year=2023")).body;
    const changed = csv.replace(/(Premier projet importé;[^\r\n]*?;ARS-FIR;)40000;0;40000/, "$155000;0;55000");
    expect(changed).not.toBe(csv);
    const reimport = await as("ars84", "POST", "/api/v1/pilotage/projets/import", { csv: changed });
    expect(reimport.statusCode).toBe(200);
    expect(reimport.json().created).toBe(0);
    const after = (await as("ars84", "GET", `/api/v1/pilotage/projets/${firstId}`)).json();
    expect(after.amounts).toEqual([
      { year: 2023, arsFir: 55_000, dreetsP304: 0 },
      { year: 2024, arsFir: 10_000, dreetsP304: 0 },
    ]);
    const journal = (await as("national", "GET", `/api/v1/pilotage/projets/${firstId}/journal`)).json();
    expect(journal[0]).toMatchObject({ action: "projet.import", actorEmail: "agent@ars.sante.fr" });
    expect(journal[0].before.amounts[0].arsFir).toBe(40_000);

    // An unknown id is a line error; a dry run writes nothing.
    const unknown = await as("ars84", "POST", "/api/v1/pilotage/projets/import", {
      csv: `${GRID_HEADER}\n${good("Projet fantôme").replace("2023;84;;", "2023;84;00000000-0000-4000-8000-000000000000;")}`,
    });
    expect(unknown.json().errors[0]).toMatchObject({ line: 2, column: "identifiant" });
    const dry = await as("ars84", "POST", "/api/v1/pilotage/projets/import", { csv: `${GRID_HEADER}\n${good("Projet d'essai")}`, dryRun: true });
    expect(dry.json()).toMatchObject({ dryRun: true, created: 1 });
    expect(await count()).toBe(before + 2);
  });

  it("exports a valid XLSX: the parts a spreadsheet needs, the header and the rows", async () => {
    const res = await as("ars84", "GET", "/api/v1/pilotage/liste-projets-soutenus.xlsx?year=2023");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.headers["content-disposition"]).toBe('attachment; filename="liste-projets-soutenus-2023-region-84.xlsx"');
    const files = unzipSync(new Uint8Array(res.rawPayload));
    expect(Object.keys(files).sort()).toEqual(
      [
        "[Content_Types].xml",
        "_rels/.rels",
        "docProps/core.xml",
        "xl/_rels/workbook.xml.rels",
        "xl/styles.xml",
        "xl/workbook.xml",
        "xl/worksheets/sheet1.xml",
      ].sort(),
    );
    const sheet = strFromU8(files["xl/worksheets/sheet1.xml"]!);
    expect(sheet).toMatch(/^<\?xml version="1.0" encoding="UTF-8" standalone="yes"\?>/);
    expect(sheet).toContain('<c r="A1" s="1" t="inlineStr"><is><t>annee</t></is></c>');
    expect(sheet).toContain('<c r="A2"><v>2023</v></c>');
    expect(sheet).toContain('<c r="B2" t="inlineStr"><is><t>84</t></is></c>'); // region code stays text (leading zeros)
    expect(sheet).toContain("Premier projet importé");
    const csvLines = (await as("ars84", "GET", "/api/v1/pilotage/liste-projets-soutenus.csv?year=2023")).body.trim().split("\r\n");
    expect((sheet.match(/<row /g) ?? []).length).toBe(csvLines.length);
    expect(strFromU8(files["xl/workbook.xml"]!)).toContain('<sheet name="Projets soutenus 2023 région 84" sheetId="1" r:id="rId1"/>');
  });

  it("computes an allocation with the shipped 2022 births, says so, then uses a loaded 2021 table", async () => {
    const tables = (await as("ars84", "GET", "/api/v1/pilotage/naissances")).json();
    expect(tables.defaultYear).toBe(2022);
    expect(tables.tables).toEqual([expect.objectContaining({ year: 2022, shipped: true })]);
    const regions = tables.tables[0].byRegion;
    expect(Object.keys(regions)).toHaveLength(18);

    const envelope = 18 * 50_000 + 1_234_567;
    const res = await as("national", "POST", "/api/v1/pilotage/repartitions", { year: 2023, volet: "sante", envelope, regions: Object.keys(regions) });
    expect(res.statusCode).toBe(201);
    const allocation = res.json();
    expect(allocation).toMatchObject({ birthsYear: 2022, ruleBirthsYear: 2021, computedBy: "national@sante.gouv.fr" });
    expect(allocation.notices[0]).toMatch(/naissances de 2021.*table des naissances 2022/);
    expect(allocation.regions.reduce((s: number, r: { total: number }) => s + r.total, 0)).toBe(envelope);
    // Every role sees the published result.
    expect((await as("ars84", "GET", "/api/v1/pilotage/repartitions")).json()[0].id).toBe(allocation.id);
    expect((await as("ars84", "GET", `/api/v1/pilotage/repartitions/${allocation.id}`)).json().envelope).toBe(envelope);

    const tooSmall = await as("national", "POST", "/api/v1/pilotage/repartitions", { year: 2023, volet: "social", envelope: 10, regions: ["84"] });
    expect(tooSmall.statusCode).toBe(422);
    expect(tooSmall.json().detail).toMatch(/inférieure aux parts fixes/);

    const badFile = await as("national", "POST", "/api/v1/pilotage/naissances", { csv: "annee;code_region;naissances\n2021;99;12\n2021;84;abc\n" });
    expect(badFile.statusCode).toBe(422);
    expect(badFile.json().errors.map((e: { line: number }) => e.line)).toEqual([null, 2, 3]);

    const csv2021 = [
      "annee;code_region;naissances;source",
      ...Object.entries(regions).map(([code, n]) => `2021;${code};${(n as number) + 100};Table de test 2021`),
    ].join("\n");
    const loaded = await as("national", "POST", "/api/v1/pilotage/naissances", { csv: csv2021 });
    expect(loaded.statusCode).toBe(201);
    expect(loaded.json()).toMatchObject({ year: 2021, regions: 18, level: "region" });
    expect((await as("ars84", "GET", "/api/v1/pilotage/naissances")).json().defaultYear).toBe(2021);
    const with2021 = (
      await as("national", "POST", "/api/v1/pilotage/repartitions", { year: 2023, volet: "social", envelope: 3_000_000, regions: ["84", "11"] })
    ).json();
    expect(with2021).toMatchObject({ birthsYear: 2021, birthsSource: "Table de test 2021", notices: [] });
    const forced = (
      await as("national", "POST", "/api/v1/pilotage/repartitions", {
        year: 2023,
        volet: "social",
        envelope: 3_000_000,
        regions: ["84", "11"],
        birthsYear: 2022,
      })
    ).json();
    expect(forced.birthsYear).toBe(2022);
  });

  it("says when no barometer data is loaded, imports a file, and keeps demo data apart and flagged", async () => {
    const empty = (await app.inject({ url: "/api/v1/barometre" })).json();
    expect(empty).toMatchObject({ loaded: false, fictitious: false, national: [], departements: [] });
    expect(empty.message).toMatch(/Aucune valeur EPP ou EPNP n'est chargée/);
    expect(empty.nationalTargets.map((t: { year: number; percent: number }) => [t.year, t.percent])).toEqual([
      [2023, 73],
      [2026, 80],
    ]);

    // Demo set: flagged fictitious everywhere.
    await db.transaction((tx) => loadDemoBarometer(tx, now));
    const demo = (await app.inject({ url: "/api/v1/barometre?indicator=epnp" })).json();
    expect(demo).toMatchObject({ loaded: true, fictitious: true, year: 2025 });
    expect(demo.sources[0]).toMatchObject({ source: DEMO_SOURCE, fictitious: true });
    expect(demo.sources[0].loadedBy).toBeUndefined(); // public: no names
    expect(demo.departements).toHaveLength(101);

    const file =
      "indicateur;code_departement;annee;numerateur;denominateur\nEPP;69;2023;7000;10000\nEPP;38;2023;8000;10000\nEPP;69;2024;7600;10000\nEPNP;69;2023;900;10000\n";
    const bad = await as("national", "POST", "/api/v1/pilotage/barometre/valeurs", { csv: file.replace("7000;10000", "12000;10000") });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ line: 2, column: "numerateur" }), expect.objectContaining({ line: null, column: "source" })]),
    );
    const ok = await as("national", "POST", "/api/v1/pilotage/barometre/valeurs", { csv: file, source: "DREES, source de test" });
    expect(ok.statusCode).toBe(201);
    await expect(db.transaction((tx) => loadDemoBarometer(tx, now))).rejects.toBeInstanceOf(RealDataPresentError);

    const real = (await as("ars84", "GET", "/api/v1/pilotage/barometre?indicator=epp&year=2023")).json();
    expect(real).toMatchObject({ loaded: true, fictitious: false, years: [2023, 2024], year: 2023 });
    expect(real.sources).toEqual([expect.objectContaining({ source: "DREES, source de test", fictitious: false, loadedBy: "national@sante.gouv.fr" })]);
    expect(real.national[0]).toMatchObject({ year: 2023, numerator: 15_000, denominator: 20_000, percent: 75, gapPoints: 2, departementsCount: 2 });
    expect(real.departements.map((d: { departement: string; gapPoints: number }) => [d.departement, d.gapPoints])).toEqual([
      ["38", 7],
      ["69", -3],
    ]);

    const targets = await as("national", "POST", "/api/v1/pilotage/barometre/objectifs", {
      csv: "indicateur;code_departement;annee;objectif_pourcent\nEPP;69;2023;68,5\n",
    });
    expect(targets.statusCode).toBe(201);
    const withTarget = (await app.inject({ url: "/api/v1/barometre?indicator=epp&year=2023" })).json();
    expect(withTarget.departements.find((d: { departement: string }) => d.departement === "69")).toMatchObject({
      targetPercent: 68.5,
      targetSource: "departemental",
      gapPoints: 1.5,
    });
    expect(await db.transaction((tx) => removeDemoBarometer(tx))).toBe(0);
  });

  it("refuses barometer and births files beyond their bound before reading them, in French, and writes nothing", async () => {
    const rows = (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM steering_barometer_value"))[0]!.n;
    const values = ["indicateur;code_departement;annee;numerateur;denominateur", ...Array.from({ length: MAX_BAROMETER_ROWS + 1 }, () => "EPP;69;2023;1;2")];
    const tooMany = await as("national", "POST", "/api/v1/pilotage/barometre/valeurs", { csv: values.join("\n"), source: "Essai" });
    expect(tooMany.statusCode).toBe(413);
    expect(tooMany.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(tooMany.json()).toMatchObject({
      title: "Fichier trop volumineux",
      detail: `Le fichier compte ${MAX_BAROMETER_ROWS + 1} lignes de valeurs, au-delà des ${MAX_BAROMETER_ROWS} acceptées en un import : découpez-le (par exemple par indicateur ou par année) et importez chaque partie.`,
    });
    const targets = ["indicateur;code_departement;annee;objectif_pourcent", ...Array.from({ length: MAX_BAROMETER_ROWS + 1 }, () => "EPP;69;2023;70")];
    const tooManyTargets = await as("national", "POST", "/api/v1/pilotage/barometre/objectifs", { csv: targets.join("\n") });
    expect(tooManyTargets.statusCode).toBe(413);
    expect(tooManyTargets.json().detail).toMatch(/^Le fichier compte 20001 lignes d'objectifs, au-delà des 20000 acceptées/);
    expect((await db.query<{ n: number }>("SELECT count(*)::int AS n FROM steering_barometer_value"))[0]!.n).toBe(rows);

    const births = ["annee;code_region;naissances;source", ...Array.from({ length: MAX_BIRTHS_ROWS + 1 }, () => "2020;84;1000;Essai")];
    const tooManyBirths = await as("national", "POST", "/api/v1/pilotage/naissances", { csv: births.join("\n") });
    expect(tooManyBirths.statusCode).toBe(413);
    expect(tooManyBirths.json().detail).toBe(
      `Le fichier compte ${MAX_BIRTHS_ROWS + 1} lignes, au-delà des ${MAX_BIRTHS_ROWS} acceptées en un import : une table des naissances compte une ligne par région ou par département.`,
    );
    const years = (await as("national", "GET", "/api/v1/pilotage/naissances")).json().tables.map((t: { year: number }) => t.year);
    expect(years).not.toContain(2020);
  });

  it("imports a large grid in batches (one audit entry per project) and refuses a grid beyond the bound, in French", async () => {
    const before = await count();
    const line = (i: number) => `2024;84;;Projet en lot ${i};Association exemple;;69;3;ARS-FIR;1 000;;2024-01-15;;En cours;;Résumé public.`;
    const big = await as("ars84", "POST", "/api/v1/pilotage/projets/import", {
      csv: [GRID_HEADER, ...Array.from({ length: 1201 }, (_, i) => line(i))].join("\n"),
    });
    expect(big.statusCode).toBe(200);
    const report = big.json() as { created: number; rows: { id: string; title: string }[] };
    expect(report.created).toBe(1201);
    expect(new Set(report.rows.map((r) => r.id)).size).toBe(1201);
    expect(await count()).toBe(before + 1201);
    const sample = report.rows[1000]!;
    expect((await as("ars84", "GET", `/api/v1/pilotage/projets/${sample.id}`)).json()).toMatchObject({
      title: "Projet en lot 1000",
      version: 1,
      createdAt: now.toISOString(),
    });
    const journal = (await as("national", "GET", `/api/v1/pilotage/projets/${sample.id}/journal`)).json();
    expect(journal).toEqual([
      expect.objectContaining({
        action: "projet.import",
        actorEmail: "agent@ars.sante.fr",
        region: "84",
        before: null,
        after: expect.objectContaining({ title: "Projet en lot 1000" }),
      }),
    ]);

    const tooMany = await as("ars84", "POST", "/api/v1/pilotage/projets/import", {
      csv: [GRID_HEADER, ...Array.from({ length: MAX_GRID_ROWS + 1 }, (_, i) => line(i))].join("\n"),
    });
    expect(tooMany.statusCode).toBe(413);
    expect(tooMany.json().detail).toBe(
      `Le fichier compte ${MAX_GRID_ROWS + 1} lignes de projets, au-delà des ${MAX_GRID_ROWS} acceptées en un import : découpez-le (par exemple par région) et importez chaque partie.`,
    );
    const tooLong = await as("ars84", "POST", "/api/v1/pilotage/projets/import", { csv: `${GRID_HEADER}\n${"x".repeat(10_000_001)}` });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().detail).toMatch(/dépasse 10 millions de caractères/);
    expect(await count()).toBe(before + 1201);
  });

  it("pages the project list: default page size, limit/offset, total count, totals over every filtered project", async () => {
    for (let i = 0; i < 7; i++)
      await as("national", "POST", "/api/v1/pilotage/projets", {
        project: sampleProject({
          title: `Projet paginé ${i}`,
          region: "44",
          departements: ["67"],
          amounts: [{ year: 2023 + (i % 2), arsFir: 1000 * (i + 1), dreetsP304: 0 }],
        }),
      });
    const all = (await as("national", "GET", "/api/v1/pilotage/projets?region=44&limit=200")).json();
    expect(all.total).toBe(7);
    expect(all.projects.map((p: { title: string }) => p.title)).toEqual(Array.from({ length: 7 }, (_, i) => `Projet paginé ${i}`));
    expect(all.totals.overall).toMatchObject({ count: 7, arsFir: 28_000 });
    const pages = [];
    for (let offset = 0; offset < 7; offset += 3) {
      const page = (await as("national", "GET", `/api/v1/pilotage/projets?region=44&limit=3&offset=${offset}`)).json();
      expect(page).toMatchObject({ limit: 3, offset, total: 7 });
      expect(page.projects.length).toBe(Math.min(3, 7 - offset));
      expect(page.totals).toEqual(all.totals); // totals are the whole filtered set's, on every page
      pages.push(...page.projects);
    }
    expect(pages).toEqual(all.projects);
    const in2024 = (await as("national", "GET", "/api/v1/pilotage/projets?region=44&year=2024&limit=1")).json();
    expect(in2024.projects).toHaveLength(1);
    expect(in2024).toMatchObject({ total: 3, totals: { overall: { count: 3, arsFir: 2000 + 4000 + 6000 } } });
    const first = (await as("national", "GET", "/api/v1/pilotage/projets")).json();
    expect(first).toMatchObject({ limit: 50, offset: 0, total: await count() });
    expect(first.projects).toHaveLength(Math.min(50, await count()));
    const beyond = (await as("national", "GET", "/api/v1/pilotage/projets?region=44&offset=7")).json();
    expect(beyond).toMatchObject({ projects: [], total: 7 });
    for (const bad of ["limit=0", "limit=201", "limit=abc", "offset=-1"]) {
      const res = await as("national", "GET", `/api/v1/pilotage/projets?${bad}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().detail).toMatch(/limit|offset/);
    }
  });

  it("is wired into the real app under /api/v1 with its headers", async () => {
    const real = await buildApp({ db, logger: false });
    try {
      const open = await real.inject({ url: "/api/v1/barometre" });
      expect(open.statusCode).toBe(200);
      expect(open.headers["content-security-policy"]).toContain("script-src 'self'");
      expect((await real.inject({ url: "/api/v1/pilotage/projets" })).statusCode).toBe(401);
      const spec = (await real.inject({ url: "/api/v1/openapi.json" })).json();
      expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(["/api/v1/pilotage/projets", "/api/v1/pilotage/session", "/api/v1/barometre"]));
      // The barometer, births and allocation answers are described (issue 11), with their success status.
      const described = (path: string, method: string, status: string) => spec.paths[path][method].responses[status]?.content?.["application/json"]?.schema;
      expect(described("/api/v1/barometre", "get", "200").properties.departements.type).toBe("array");
      expect(described("/api/v1/pilotage/barometre", "get", "200").properties.sources.items.properties).toHaveProperty("loadedBy");
      expect(described("/api/v1/pilotage/barometre/valeurs", "post", "201").properties).toHaveProperty("warnings");
      expect(described("/api/v1/pilotage/barometre/objectifs", "post", "201").properties).toHaveProperty("rows");
      expect(described("/api/v1/pilotage/naissances", "get", "200").properties).toHaveProperty("defaultYear");
      expect(described("/api/v1/pilotage/naissances", "post", "201").properties).toHaveProperty("level");
      expect(described("/api/v1/pilotage/repartitions", "post", "201").properties.regions.type).toBe("array");
      expect(described("/api/v1/pilotage/repartitions", "get", "200").items.properties).toHaveProperty("computedBy");
      expect(described("/api/v1/pilotage/repartitions/{id}", "get", "200").properties).toHaveProperty("roundingRule");
    } finally {
      await real.close();
    }
  });
});
