import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { distanceMeters, fromWgs84 } from "../../../domain/geo/index.js";
import type { Database } from "../../db/database.js";
import { migrate } from "../../db/migrate.js";
import { shippedFiles } from "../seed.js";
import { testDatabases } from "../../db/test-databases.js";
import { COMMUNES_DATASET, importCommunes } from "./communes.js";
import { CommuneLocator } from "./commune-locator.js";
import { etalabPositions, finessPlaces, importFiness } from "./finess.js";
import { ReportBuilder } from "./report.js";
import { importGeneric } from "./generic.js";
import { importRpps } from "./rpps.js";
import { applyImport } from "./run-import.js";
import type { PlaceRow } from "../store.js";
import { generateNationalFiles } from "../../../../tests/support/place-files.js";

const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));
const dataDir = fileURLToPath(new URL("../../../../data/", import.meta.url));
const fixture = (name: string) => join(fixtures, name);
const tmp = mkdtempSync(join(tmpdir(), "mille-jours-import-"));
let counter = 0;
/** Writes a test file (a string is written as UTF-8, a Buffer as is). */
function file(content: string | Buffer, name = "f.csv"): string {
  const path = join(tmp, `${++counter}-${name}`);
  writeFileSync(path, content);
  return path;
}
const latin1 = (text: string) => Buffer.from(text, "latin1");

const mailwoman = readFileSync(fixture("finess_cs1100502_stock_20260512_15lines_mailwoman.csv"), "utf8");
const [firstLine, fleyriatLine] = mailwoman.split("\n") as [string, string];
const felixGuyonLine = mailwoman.split("\n").find((l) => l.includes("FELIX GUYON"))!;
/** CH de Fleyriat: Lambert-93 of the T-Finess extract, WGS84 of the FHIR-derived file (same nofinesset). */
const fleyriat = { x: "870215.7", y: "6571590.5", lat: 46.222745, lon: 5.208596 };
const felixGuyon = { lat: -20.8897, lon: 55.4436 };
const felixGuyonUtm = fromWgs84("UTM_S40", felixGuyon);
const geolocated = [
  firstLine,
  fleyriatLine,
  felixGuyonLine,
  `geolocalisation;010000024;${fleyriat.x};${fleyriat.y};1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,LAMBERT_93;2021-01-04`,
  `geolocalisation;970400024;${felixGuyonUtm.x.toFixed(1)};${felixGuyonUtm.y.toFixed(1)};1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,UTM_S40;2021-01-04`,
].join("\n");

/** `db`, counting the rows its transactions send by COPY. */
function countingCopies(db: Database, sent: { rows: number }): Database {
  return {
    ...db,
    transaction: (work) =>
      db.transaction((tx) =>
        work({
          ...tx,
          copyFrom: (table, columns, text, options) => (
            (sent.rows += Buffer.from(text).filter((byte) => byte === 0x0a).length),
            tx.copyFrom(table, columns, text, options)
          ),
        }),
      ),
  };
}

async function places(db: Database, source = "finess") {
  return db.query<{
    id: string;
    type: string;
    name: string;
    lat: number;
    lon: number;
    approximate: boolean;
    commune_code: string | null;
    commune_name: string | null;
    address: string | null;
    phone: string | null;
    category_label: string | null;
  }>("SELECT id, type, name, lat, lon, approximate, commune_code, commune_name, address, phone, category_label FROM place WHERE source = $1 ORDER BY id", [
    source,
  ]);
}

describe.each(testDatabases)("importers on %s", (_kind, open) => {
  let db: Database;
  beforeAll(async () => {
    db = await open();
    await migrate(db);
    const report = await importCommunes(db, join(dataDir, shippedFiles.communes));
    expect(report.status).toBe("applied");
  });
  afterAll(async () => {
    await db?.close();
  });

  describe("communes", () => {
    it("imports the 34,969 commune centres with postal codes and population", async () => {
      const [row] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM commune");
      expect(row?.n).toBe(34969);
      const [paris] = await db.query<{ name: string; postcodes: string[]; lat: number; folded_name: string }>(
        "SELECT name, postcodes, lat, folded_name FROM commune WHERE code = '75056'",
      );
      expect(paris).toMatchObject({ name: "Paris", lat: 48.8589, folded_name: "paris" });
      expect(paris?.postcodes).toHaveLength(21);
    });

    it("refuses a bad header, a duplicate code or an impossible centre, and keeps the communes", async () => {
      const header = "insee_code,name,dep_code,reg_code,zone,postal_codes,lat,lon,population";
      const good = "01001,L'Abergement-Clémenciat,01,84,metro,01400,46.1517,4.9306,860";
      for (const [content, reason] of [
        [`code,nom\n${good}`, /en-tête inattendu/],
        [`${header}\n${good}\n${good}`, /en double/],
        [`${header}\n01001,X,01,84,metro,01400,146.1,4.9,860`, /centre invalide/],
        [`${header}\n01001,X,01,84,metro,1400,46.1,4.9,860`, /code postal invalide/],
        [`${header}\n01001,X,01,84,metro,01400,46.1`, /7 champs au lieu de 9/],
      ] as const) {
        const report = await importCommunes(db, file(content));
        expect(report.status).toBe("refused");
        expect(report.rejected[0]?.reason).toMatch(reason);
      }
      const [row] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM commune");
      expect(row?.n).toBe(34969);
    });

    it("changes nothing when the same file comes again", async () => {
      const report = await importCommunes(db, join(dataDir, shippedFiles.communes));
      expect(report.status).toBe("unchanged");
    });
  });

  // Each test below loads a different sample over the previous one on purpose: `force` confirms the drop in
  // rows (the guard against truncated files is tested in import-guards.test.ts).
  describe("FINESS", () => {
    it("reads the data.gouv.fr layout (first line finess;etalab, structureet lines) and places overseas establishments at their commune centre", async () => {
      const report = await importFiness(db, fixture("finess_cs1100502_stock_20260512_15lines_mailwoman.csv"));
      expect(report).toMatchObject({ status: "applied", format: "etalab", encoding: "utf-8", linesRead: 15, rejectedCount: 0, imported: 8, approximate: 8 });
      expect(report.byType).toEqual({ hopital: 5, pmi: 2, cmpp: 1 });
      expect(report.skipped["catégorie hors du périmètre des 1000 jours"]).toBe(6);
      const rows = await places(db);
      const byId = new Map(rows.map((r) => [r.id, r]));
      expect(byId.get("finess:970102018")).toMatchObject({
        type: "pmi",
        commune_code: "97701",
        commune_name: "Saint-Barthélemy",
        approximate: true,
        lat: 17.9215,
      });
      expect(byId.get("finess:970400024")).toMatchObject({ type: "hopital", commune_code: "97411", commune_name: "Saint-Denis", lat: -20.9434, lon: 55.4444 });
      expect(byId.get("finess:980600027")).toMatchObject({ commune_code: "98613", commune_name: "Uvea" });
      expect(byId.get("finess:010000024")).toMatchObject({
        name: "CENTRE HOSPITALIER DE BOURG-EN-BRESSE FLEYRIAT",
        address: "900 Route DE PARIS",
        phone: "04 74 45 46 47",
        commune_name: "Viriat",
      });
      expect(byId.get("finess:970210126")?.category_label).toBe("Centre Médico-Psycho-Pédagogique (C.M.P.P.)");
    });

    it("reprojects geolocalisation lines: Lambert-93 and La Réunion UTM 40 S within 1 m", async () => {
      const report = await importFiness(db, file(geolocated), { force: true });
      expect(report).toMatchObject({ status: "applied", imported: 2, approximate: 0, rejectedCount: 0 });
      const rows = await places(db);
      expect(rows.map((r) => r.id)).toEqual(["finess:010000024", "finess:970400024"]);
      expect(distanceMeters(rows[0]!, fleyriat)).toBeLessThan(1);
      expect(distanceMeters(rows[1]!, felixGuyon)).toBeLessThan(1);
      expect(rows.every((r) => !r.approximate)).toBe(true);
    });

    it("writes each establishment when its structureet line is read, at the position its later geolocalisation line gives", async () => {
      const path = file(geolocated);
      const builder = new ReportBuilder("finess", path);
      const read = finessPlaces(path, builder, await CommuneLocator.load(db), await etalabPositions(path));
      const first = await read.next();
      // Line 2 read, the geolocalisation lines (4 and 5) not yet: nothing is held until the end of the file.
      expect(builder.report.linesRead).toBe(2);
      expect(first.value).toMatchObject({ id: "finess:010000024", approximate: false });
      expect(distanceMeters(first.value as { lat: number; lon: number }, fleyriat)).toBeLessThan(1);
      await read.return(undefined);
      expect(await etalabPositions(fixture("finess_tfiness_extract_20201231_skema.csv"))).toBeNull();
    });

    it("takes the first accepted geolocalisation after the structureet line, as the lines are checked", async () => {
      const paris = { x: "652469.0", y: "6862035.0" };
      const lambert = (id: string, { x, y }: { x: string; y: string }, crs = "LAMBERT_93") =>
        `geolocalisation;${id};${x};${y};1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,${crs};2021-01-04`;
      const content = [
        firstLine,
        lambert("010000024", paris), // before its establishment: an orphan, rejected
        fleyriatLine,
        felixGuyonLine,
        lambert("970400024", paris, "LAMBERT_II"), // rejected: the next one is its first accepted
        lambert("010000024", fleyriat),
        lambert("010000024", paris), // a second one, rejected
        `geolocalisation;970400024;${felixGuyonUtm.x.toFixed(1)};${felixGuyonUtm.y.toFixed(1)};1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,UTM_S40;2021-01-04`,
      ].join("\n");
      expect((await importFiness(db, file(content), { force: true })).status).toBe("refused");
      const report = await importFiness(db, file(content), { force: true, maxRejected: 3 });
      expect(report).toMatchObject({ status: "applied", imported: 2, approximate: 0, rejectedCount: 3 });
      expect(report.rejected.map((r) => [r.line, r.reason.replace(/ «.*/, "")])).toEqual([
        [2, "géolocalisation de l'établissement 010000024, absent des lignes structureet"],
        [5, "système de coordonnées inconnu"],
        [7, "deuxième géolocalisation de l'établissement 010000024"],
      ]);
      const rows = await places(db);
      expect(distanceMeters(rows[0]!, fleyriat)).toBeLessThan(1);
      expect(distanceMeters(rows[1]!, felixGuyon)).toBeLessThan(1);
    });

    it("reads the same file in Latin-1 (Windows-1252) and the 12-field geolocalisation lines of older extracts", async () => {
      const old = geolocated.replace(/1,ATLASANTE,100,IGN,BD_ADRESSE,V2.2,(\w+)/g, "1;ATLASANTE;100;IGN;BD_ADRESSE;V2.1;$1");
      const report = await importFiness(db, file(latin1(old)), { force: true });
      expect(report).toMatchObject({ status: "applied", encoding: "windows-1252", imported: 2, rejectedCount: 0 });
      const rows = await places(db);
      expect(distanceMeters(rows[0]!, fleyriat)).toBeLessThan(1);
      expect((await db.query<{ category_label: string }>("SELECT category_label FROM place WHERE id = 'finess:970400024'"))[0]?.category_label).toBe(
        "Centre Hospitalier Régional (C.H.R.)",
      );
    });

    it("reads the T-Finess layout (one line per establishment, Lambert-93 in each line)", async () => {
      const report = await importFiness(db, fixture("finess_tfiness_extract_20201231_skema.csv"), { force: true });
      expect(report).toMatchObject({ status: "applied", format: "t-finess", linesRead: 101, rejectedCount: 0, approximate: 0 });
      expect(report.byType.pharmacie).toBeGreaterThan(50);
      const rows = await places(db);
      const fley = rows.find((r) => r.id === "finess:010000024")!;
      expect(distanceMeters(fley, fleyriat)).toBeLessThan(1);
      // pharmacie Vollenweider, Ambérieu-en-Bugey: FHIR-derived file gives 45.961162, 5.357285
      expect(
        distanceMeters(
          rows.find((r) => r.id === "finess:010002301")!,
          { lat: 45.961162, lon: 5.357285 },
        ),
      ).toBeLessThan(1);
    });

    it("reads the FHIR-derived CSV, with quoted names, and puts its overseas lines at the commune centre", async () => {
      const report = await importFiness(db, fixture("finess_fhir_20210108_sample.csv"), { force: true });
      expect(report).toMatchObject({ status: "applied", format: "fhir-csv", linesRead: 40, rejectedCount: 0 });
      const rows = await places(db);
      const byId = new Map(rows.map((r) => [r.id, r]));
      expect(byId.get("finess:010000024")).toMatchObject({ lat: 46.222745, lon: 5.208596, approximate: false, address: "900 Route DE PARIS" });
      expect(byId.get("finess:970300083")).toMatchObject({ name: 'CENTRE HOSPITALIER "FRANCK-JOLY"', commune_code: "97311", approximate: true });
      expect(byId.get("finess:970400024")).toMatchObject({ commune_code: "97411", approximate: true }); // "97405 ST DENIS CEDEX"
      expect(byId.get("finess:970100400")).toMatchObject({ commune_code: "97801" }); // "97150 ST MARTIN"
      expect(report.approximate).toBe(rows.filter((r) => r.id.startsWith("finess:97")).length);
    });

    describe("broken files leave the previous data intact", () => {
      let before: Awaited<ReturnType<typeof places>>;
      beforeAll(async () => {
        await importFiness(db, fixture("finess_cs1100502_stock_20260512_15lines_mailwoman.csv"), { force: true });
        before = await places(db);
        expect(before).toHaveLength(8);
      });

      const lines = mailwoman.trimEnd().split("\n");
      const cases: [string, string | Buffer, RegExp][] = [
        ["a truncated last line", `${lines.slice(0, 6).join("\n")}\n${lines[6]!.slice(0, 120)}`, /ligne 7.*champs au lieu de 32|champs au lieu de 32/],
        ["a line cut inside a quoted field", `${lines.slice(0, 10).join("\n")}\n${lines[10]!.slice(0, 40)}`, /guillemet non fermé/],
        [
          "a wrong field count",
          `${lines.slice(0, 5).join("\n")}\n${lines[5]!.replace("CMPP  INTERSECTORIEL ALOES", "CMPP;INTERSECTORIEL")}`,
          /33 champs au lieu de 32/,
        ],
        [
          "bad encoding (a Latin-1 line in a UTF-8 file)",
          Buffer.concat([Buffer.from(`${lines.slice(0, 3).join("\n")}\n`), latin1(`${lines[5]!.replace("Martinique", "Martinique é")}\n`)]),
          /encodage invalide/,
        ],
        ["an unknown coordinate system", geolocated.replace("V2.2,LAMBERT_93", "V2.2,LAMBERT_II"), /système de coordonnées inconnu « LAMBERT_II »/],
        ["coordinates in the wrong system", geolocated.replace("V2.2,UTM_S40", "V2.2,LAMBERT_93"), /hors du territoire de LAMBERT_93/],
        ["a duplicate establishment", `${mailwoman.trimEnd()}\n${lines[1]}`, /établissement 010000024 en double \(déjà ligne 2\)/],
        [
          "a geolocalisation of an unknown establishment",
          `${geolocated}\ngeolocalisation;999999999;1;2;1,LAMBERT_93;2021-01-04`,
          /absent des lignes structureet/,
        ],
        ["an unknown line type", `${mailwoman.trimEnd()}\nequipementsocial;010000024;x`, /type de ligne inconnu « equipementsocial »/],
        ["a spreadsheet-altered extract", readFileSync(fixture("finess_cs1100507_stock_2016_excerpt_pharmacieplus.csv")), /première ligne non reconnue/],
        ["an empty file", "", /.*/],
        ["a header only", "finess;etalab;111;2026-05-12\n", /.*/],
        // Rows are built while they are written: an empty result is found inside the transaction, which is rolled back.
        ["only categories outside the 1000 days", lines.slice(0, 2).join("\n").replace(";355;Centre Hospitalier", ";999;Autre"), /.*/],
        ["a date in the wrong format", lines.slice(0, 2).join("\n").replace("2020-02-04", "04/02/2020"), /date de mise à jour invalide « 04\/02\/2020 »/],
        ["a truncated gzip file", gzipSync(mailwoman).subarray(0, 900), /fichier illisible après la ligne \d+.*tronqué/],
      ];
      it.each(cases)("%s", async (_name, content, reason) => {
        const report = await importFiness(db, file(content));
        expect(report.status).toBe("refused");
        expect(report.imported).toBe(0);
        if (report.rejected.length) expect(report.rejected.map((r) => `ligne ${r.line} : ${r.reason}`).join("\n")).toMatch(reason);
        else expect(report.refusal).toBe("aucune ligne importable");
        expect(await places(db)).toEqual(before);
      });

      it("records refused runs in the import log with their reasons", async () => {
        const runs = await db.query<{ status: string; rejected: number; report: { rejected: { reason: string }[] } }>(
          "SELECT status, rejected, report FROM import_run WHERE dataset = 'finess' AND status = 'refused' ORDER BY id",
        );
        expect(runs.length).toBeGreaterThanOrEqual(cases.length);
        expect(runs.some((r) => r.report.rejected.some((x) => x.reason.includes("LAMBERT_II")))).toBe(true);
      });

      it("accepts a few bad lines when the operator says so, and lists them", async () => {
        const content = `${mailwoman.trimEnd()}\n${lines[1]}`;
        const report = await importFiness(db, file(content), { maxRejected: 1 });
        expect(report).toMatchObject({ status: "applied", rejectedCount: 1, imported: 8 });
        expect(report.rejected[0]).toEqual({ line: 16, reason: "établissement 010000024 en double (déjà ligne 2)" });
      });

      it("refuses a national file at its first bad line without writing the rest, and still lists every bad line", async () => {
        const national = generateNationalFiles(mkdtempSync(join(tmp, "national-")), 12_000, 1);
        const rows = readFileSync(national.finess, "utf8").trimEnd().split("\n");
        rows.splice(3, 0, rows[2]!); // line 4: line 3 again, a duplicate
        rows.push(rows.at(-1)!.replace(/,2025-01-15,/, ",15/01/2025,")); // the last line: a bad date
        const sent = { rows: 0 };
        const report = await importFiness(countingCopies(db, sent), file(`${rows.join("\n")}\n`, "finess-national.csv"));
        expect(report).toMatchObject({ status: "refused", imported: 0, linesRead: 12_003, rejectedCount: 2 });
        expect(report.rejected.map((r) => r.line)).toEqual([4, 12_003]);
        // Before, the 12 000 rows were written (and rolled back): now none after line 4, and the rows before it are not sent.
        expect(sent.rows).toBe(0);
        expect(await places(db)).toEqual(before);
      });

      it("does not read an unchanged file again: its report is the one of its applied run", async () => {
        const path = fixture("finess_cs1100502_stock_20260512_15lines_mailwoman.csv");
        const applied = await importFiness(db, path, { force: true });
        let pulled = 0;
        async function* rows(): AsyncGenerator<PlaceRow> {
          pulled++;
          yield* [];
        }
        const report = await applyImport(db, new ReportBuilder("finess", path), { kind: "place", rows: rows(), streamed: { sha256: applied.sha256 } });
        expect(pulled).toBe(0);
        const { format, encoding, linesRead, imported, rejectedCount, rejected, skipped, warnings, byType, approximate } = applied;
        expect(report).toMatchObject({
          status: "unchanged",
          format,
          encoding,
          linesRead,
          imported,
          rejectedCount,
          rejected,
          skipped,
          warnings,
          byType,
          approximate,
        });
        expect(imported).toBe(8);
      });

      it("changes nothing when the same file is imported again, and a forced re-import gives the same rows", async () => {
        const path = fixture("finess_cs1100502_stock_20260512_15lines_mailwoman.csv");
        await importFiness(db, path, { force: true });
        const first = await places(db);
        expect((await importFiness(db, path)).status).toBe("unchanged");
        expect(await places(db)).toEqual(first);
        expect((await importFiness(db, path, { force: true })).status).toBe("applied");
        expect(await places(db)).toEqual(first);
      });
    });
  });

  describe("RPPS", () => {
    beforeAll(async () => {
      // the paediatrician practises at CH de Fleyriat: an exact FINESS position to reuse
      await importFiness(db, file(geolocated), { force: true });
    });

    it("keeps midwives, paediatricians and general practitioners, at their FINESS site or commune centre", async () => {
      const report = await importRpps(db, fixture("rpps_sample_with_synthetic_lines.txt"));
      expect(report).toMatchObject({ status: "applied", linesRead: 28, rejectedCount: 0, imported: 3 });
      expect(report.byType).toEqual({ "sage-femme": 1, pediatre: 1, "medecin-generaliste": 1 });
      expect(report.skipped["profession hors du périmètre des 1000 jours"]).toBe(21);
      expect(report.skipped["médecin sans savoir-faire pédiatrie ni médecine générale"]).toBe(2); // the real gynaecologist and the synthetic one
      const rows = await places(db, "rpps");
      const byType = new Map(rows.map((r) => [r.type, r]));
      expect(byType.get("pediatre")).toMatchObject({
        name: "Dr Pédiatre FICTIF",
        approximate: false,
        commune_code: "01451",
        category_label: "Médecin, Pédiatrie",
      });
      expect(distanceMeters(byType.get("pediatre")!, fleyriat)).toBeLessThan(1);
      expect(byType.get("sage-femme")).toMatchObject({
        name: "Sage-Femme FICTIVE",
        approximate: true,
        commune_code: "01053",
        commune_name: "Bourg-en-Bresse",
        phone: "04 74 25 51 51",
      });
      expect(byType.get("medecin-generaliste")).toMatchObject({
        approximate: true,
        commune_name: "Mionnay",
        address: "MAISON DE SANTE DE MIONNAY, 90 Rue PRINCIPALE",
      });
    });

    it("reads a Latin-1 file the same way", async () => {
      const text = readFileSync(fixture("rpps_sample_with_synthetic_lines.txt"), "utf8");
      const report = await importRpps(db, file(latin1(text)), { force: true });
      expect(report).toMatchObject({ status: "applied", encoding: "windows-1252", imported: 3 });
      expect((await places(db, "rpps")).map((r) => r.name)).toContain("Dr Pédiatre FICTIF");
    });

    it("refuses a wrong header or a wrong field count and keeps the previous rows", async () => {
      const text = readFileSync(fixture("rpps_sample_with_synthetic_lines.txt"), "utf8");
      const before = await places(db, "rpps");
      const [header, ...rest] = text.trimEnd().split("\n");
      for (const [content, reason] of [
        [text.replace("Code profession|", "Profession|"), /colonne\(s\) absente\(s\) « Code profession »/],
        [`${header}\n${rest.join("\n")}\n${rest.at(-1)!.slice(0, 80)}`, /champs au lieu de 53/],
        [`${header}\n${rest[0]}|extra`, /54 champs au lieu de 53/],
        [text.replace("|899900000001|", "|8999-1|"), /identifiant national PP invalide/],
      ] as const) {
        const report = await importRpps(db, file(content));
        expect(report.status).toBe("refused");
        expect(report.rejected[0]?.reason).toMatch(reason);
      }
      expect(await places(db, "rpps")).toEqual(before);
    });
  });

  describe("generic CSV and GeoJSON", () => {
    const header = "id;type;name;address;postcode;commune_code;commune_name;phone;url;lat;lon;updated";
    const csv = [
      header,
      "laep-1;laep;LAEP Les Petits Pas;12 rue de la Paix;75002;;Paris;01 23 45 67 89;https://example.org/laep;48.8686;2.3314;2026-09-01",
      "rpe-1;relais-petite-enfance;Relais petite enfance de Viriat;;01440;01451;;;;;;",
    ].join("\n");

    it("imports a CSV with exact positions and commune-centre ones", async () => {
      const report = await importGeneric(db, file(csv), "paris-test");
      expect(report).toMatchObject({ status: "applied", format: "csv", imported: 2, approximate: 1, byType: { laep: 1, "relais-petite-enfance": 1 } });
      const rows = await places(db, "paris-test");
      expect(rows[0]).toMatchObject({ id: "paris-test:laep-1", lat: 48.8686, approximate: false, phone: "01 23 45 67 89", commune_name: "Paris" });
      expect(rows[1]).toMatchObject({ id: "paris-test:rpe-1", approximate: true, commune_name: "Viriat" });
    });

    it("imports a GeoJSON FeatureCollection", async () => {
      const geojson = {
        type: "FeatureCollection",
        features: [
          {
            type: "Feature",
            geometry: { type: "Point", coordinates: [55.4436, -20.8897] },
            properties: { id: "upb-974", type: "unite-parents-bebe", name: "Unité parents-bébé", postcode: "97400" },
          },
          { type: "Feature", geometry: null, properties: { id: "caf-976", type: "caf", name: "CAF de Mayotte", commune_code: "97611" } },
        ],
      };
      const report = await importGeneric(db, file(JSON.stringify(geojson), "places.geojson"), "outre-mer-test");
      expect(report).toMatchObject({ status: "applied", format: "geojson", imported: 2, approximate: 1 });
      const rows = await places(db, "outre-mer-test");
      expect(rows.find((r) => r.id === "outre-mer-test:caf-976")).toMatchObject({ commune_name: "Mamoudzou", approximate: true });
    });

    it.each([
      ["an unknown type", csv.replace(";laep;", ";licorne;"), /type inconnu « licorne »/],
      ["a duplicate id", `${csv}\nlaep-1;laep;Autre;;;;;;;48.8;2.3;`, /identifiant « laep-1 » en double/],
      ["swapped latitude and longitude", csv.replace("48.8686;2.3314", "2.3314;48.8686"), /hors de France.*inversées/],
      ["no position at all", `${header}\nx;caf;CAF;;;;;;;;;`, /ni coordonnées ni commune connue/],
      ["an unknown column", csv.replace("updated", "mis_a_jour"), /colonne\(s\) inconnue\(s\) « mis_a_jour »/],
      ["a wrong field count", `${csv}\nx;caf;CAF`, /3 champs au lieu de 12/],
    ])("refuses %s and keeps the dataset", async (_name, content, reason) => {
      const before = await places(db, "paris-test");
      const report = await importGeneric(db, file(content), "paris-test");
      expect(report.status).toBe("refused");
      expect(report.rejected.map((r) => r.reason).join("\n")).toMatch(reason);
      expect(await places(db, "paris-test")).toEqual(before);
    });

    it("refuses truncated JSON and reserved dataset names", async () => {
      const report = await importGeneric(db, file('{"type":"FeatureCollection","features":[{"type":"Fea', "cut.geojson"), "outre-mer-test");
      expect(report.status).toBe("refused");
      expect(report.rejected[0]?.reason).toMatch(/JSON invalide/);
      await expect(importGeneric(db, file(csv), "finess")).rejects.toThrow(/réservé/);
      await expect(importGeneric(db, file(csv), "Mon Jeu")).rejects.toThrow(/invalide/);
      await expect(importGeneric(db, file(csv), COMMUNES_DATASET)).rejects.toThrow(/réservé/);
    });
  });
});
