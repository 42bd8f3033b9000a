import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/database.js";
import { migrate } from "../../db/migrate.js";
import { testDatabases } from "../../db/test-databases.js";
import { shippedFiles } from "../seed.js";
import { importCommunes } from "./communes.js";
import { importFinessJson } from "./finess-json.js";

const fixture = fileURLToPath(new URL("./fixtures/finess_structures_schema_v1_sample.json", import.meta.url));
const dataDir = fileURLToPath(new URL("../../../../data/", import.meta.url));
const sample = readFileSync(fixture, "utf8");
const tmp = mkdtempSync(join(tmpdir(), "mille-jours-finess-json-"));
let counter = 0;
function file(content: string | Buffer, name = "f.json"): string {
  const path = join(tmp, `${++counter}-${name}`);
  writeFileSync(path, content);
  return path;
}
type Doc = { pmej: { ege: Record<string, unknown>[] }[] };
const edit = (change: (doc: Doc) => void) => {
  const doc = JSON.parse(sample) as Doc;
  change(doc);
  return JSON.stringify(doc);
};

async function places(db: Database) {
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
    postcode: string | null;
    phone: string | null;
    category: string | null;
    category_label: string | null;
    updated: string | null;
  }>(
    "SELECT id, type, name, lat, lon, approximate, commune_code, commune_name, address, postcode, phone, category, category_label, to_char(updated, 'YYYY-MM-DD') AS updated FROM place WHERE source = 'finess' ORDER BY id",
  );
}

describe.each(testDatabases)("FINESS – Structures (JSON) importer on %s", (_kind, open) => {
  let db: Database;
  beforeAll(async () => {
    db = await open();
    await migrate(db);
    expect((await importCommunes(db, join(dataDir, shippedFiles.communes))).status).toBe("applied");
  });
  afterAll(async () => {
    await db?.close();
  });

  it("imports the active establishments of the 1000-days categories, with WGS84 positions, main address, phone and date", async () => {
    const report = await importFinessJson(db, fixture, { force: true });
    expect(report).toMatchObject({ status: "applied", format: "finess-structures-json", linesRead: 6, imported: 4, rejectedCount: 0, approximate: 1 });
    expect(report.skipped).toEqual({ "établissement inactif ou fermé (etatObjet autre que A)": 1, "catégorie hors du périmètre des 1000 jours": 1 });
    expect(report.byType).toEqual({ hopital: 2, pmi: 1, pharmacie: 1 });
    const rows = await places(db);
    expect(rows.map((r) => r.id)).toEqual(["finess:010000024", "finess:010002285", "finess:970102018", "finess:970400024"]);
    expect(rows[0]).toMatchObject({
      type: "hopital",
      name: "CENTRE HOSPITALIER DE BOURG-EN-BRESSE FLEYRIAT",
      address: "900 Route DE PARIS",
      postcode: "01440",
      commune_code: "01451",
      commune_name: "Viriat",
      phone: "04 74 45 46 47",
      category: "355",
      category_label: "Centre hospitalier (C.H.)",
      approximate: false,
      updated: "2020-02-04",
    });
    expect(rows[0]!.lat).toBeCloseTo(46.222745, 6);
    expect(rows[0]!.lon).toBeCloseTo(5.208596, 6);
    // The main address (usageAdresse 03) is used, not the first one listed.
    expect(rows[1]).toMatchObject({ type: "pharmacie", address: "9 Rue ALEXANDRE BERARD", commune_code: "01004", phone: "04 74 38 02 26", approximate: false });
    // No coordinates: the commune centre, marked approximate (Saint-Barthélemy, COG 97701).
    expect(rows[2]).toMatchObject({ type: "pmi", commune_code: "97701", commune_name: "Saint-Barthélemy", approximate: true });
    // Southern latitude written unsigned with directionLatitude S (La Réunion).
    expect(rows[3]!.lat).toBeCloseTo(-20.8897, 4);
    expect(rows[3]!.lon).toBeCloseTo(55.4436, 4);
  });

  it("reads the shape of the published files too (category and state as plain codes, timestamp dates), gzip-compressed", async () => {
    const published = edit((doc) => {
      for (const pm of doc.pmej)
        for (const ege of pm.ege) {
          ege.categorieentiteGeographiqueExercice = (ege.categorieEntiteGeographiqueExercice as { code: string }).code;
          delete ege.categorieEntiteGeographiqueExercice;
          ege.etatObjet = (ege.etatObjet as { code: string }).code;
          ege.dateDerniereMaj = `${(ege.dateDerniereMaj as { dateEvenement: string }).dateEvenement}T03:12:00+01:00`;
        }
    });
    await importFinessJson(db, fixture, { force: true });
    const expected = await places(db);
    const report = await importFinessJson(db, file(gzipSync(published), "f.json.gz"), { force: true });
    expect(report).toMatchObject({ status: "applied", imported: 4 });
    expect(await places(db)).toEqual(expected);
  });

  it("changes nothing when the same file comes again", async () => {
    await importFinessJson(db, fixture, { force: true });
    expect((await importFinessJson(db, fixture)).status).toBe("unchanged");
  });

  describe("a bad file leaves the previous establishments as they were", () => {
    let before: Awaited<ReturnType<typeof places>>;
    beforeAll(async () => {
      await importFinessJson(db, fixture, { force: true });
      before = await places(db);
      expect(before).toHaveLength(4);
    });
    const cases: [string, string | Buffer, RegExp][] = [
      [
        "a truncated file",
        sample.slice(0, Math.floor(sample.length * 0.6)),
        /n° 1 : fichier JSON illisible|fichier JSON illisible après l'établissement n° \d+.*tronqué/,
      ],
      ["a truncated gzip file", gzipSync(sample).subarray(0, 600), /fichier JSON illisible.*tronqué/],
      ["not JSON", "structureet;010000024;…\n", /fichier JSON illisible/],
      ["no pmej list", JSON.stringify({ structures: [] }), /aucune entité juridique/],
      [
        "an invalid FINESS number",
        edit((d) => ((d.pmej[0]!.ege[0]!.informationsGeneralesEGE as Record<string, unknown>).numFinessEge = "01000002")),
        /n° 1 : numéro FINESS invalide « 01000002 »/,
      ],
      ["a duplicate establishment", edit((d) => d.pmej[1]!.ege.push(d.pmej[0]!.ege[0]!)), /établissement 010000024 en double \(déjà l'établissement n° 1\)/],
      ["a category that is not a code", edit((d) => (d.pmej[0]!.ege[0]!.categorieEntiteGeographiqueExercice = { code: "CH" })), /catégorie invalide « CH »/],
      [
        "a bad commune code",
        edit((d) => ((d.pmej[0]!.ege[0]!.adresse as Record<string, unknown>[])[0]!.cogCommune = "1451")),
        /code commune invalide « 1451 »/,
      ],
      [
        "Lambert-93 coordinates instead of degrees",
        edit(
          (d) =>
            ((d.pmej[0]!.ege[0]!.adresse as Record<string, unknown>[])[0]!.coordonneesGeographique = {
              coordonneeX: "870215.7",
              coordonneeY: "6571590.5",
              directionLatitude: "N",
              directionLongitude: "E",
            }),
        ),
        /hors de France ou pas en degrés WGS84/,
      ],
      [
        "an impossible date",
        edit((d) => (d.pmej[0]!.ege[0]!.dateDerniereMaj = { dateEvenement: "2020-02-30" })),
        /date de mise à jour invalide « 2020-02-30 »/,
      ],
      ["an establishment that is not an object", edit((d) => d.pmej[0]!.ege.push("010000024" as unknown as Record<string, unknown>)), /un objet était attendu/],
      // JSON may carry U+0000 as an escape; PostgreSQL cannot store it: one rejected establishment, not a failed write.
      [
        "a NUL character in a name",
        edit((d) => ((d.pmej[0]!.ege[0]!.informationsGeneralesEGE as Record<string, unknown>).nomEgeLong = "CENTRE\u0000HOSPITALIER")),
        /n° 1 : .*caractère nul \(U\+0000\)/,
      ],
    ];
    it.each(cases)("%s", async (_name, content, reason) => {
      const report = await importFinessJson(db, file(content));
      expect(report.status).toBe("refused");
      expect(report.imported).toBe(0);
      expect(report.rejected.map((r) => `n° ${r.line} : ${r.reason}`).join("\n")).toMatch(reason);
      expect(await places(db)).toEqual(before);
    });

    it("accepts a few bad establishments when the operator says so, and lists them", async () => {
      const content = edit((d) => ((d.pmej[3]!.ege[0]!.informationsGeneralesEGE as Record<string, unknown>).numFinessEge = "X"));
      const report = await importFinessJson(db, file(content), { maxRejected: 1, force: true });
      expect(report).toMatchObject({ status: "applied", rejectedCount: 1, imported: 3 });
      expect(report.rejected).toEqual([{ line: 5, reason: "numéro FINESS invalide « X »" }]);
      const runs = await db.query<{ status: string }>("SELECT status FROM import_run WHERE dataset = 'finess' ORDER BY id DESC LIMIT 1");
      expect(runs[0]!.status).toBe("applied");
    });
  });
});
