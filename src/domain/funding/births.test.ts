import { describe, expect, it } from "vitest";
import { birthsTableSchema, parseBirthsCsv } from "./births.js";
import { DEPARTEMENTS, REGIONS } from "../steering/territories.js";

const files = import.meta.glob<string>("../../../data/steering/*.csv", { eager: true, query: "?raw", import: "default" });
const byRegionFile = files["../../../data/steering/births-2022-by-region.csv"]!;
const byDepartementFile = files["../../../data/steering/births-2022-by-departement.csv"]!;

const LABEL = "INSEE 2022, naissances domiciliées, agrégées depuis les communes, léger sous-compte connu";

function parsed(text: string, options?: { source?: string }) {
  const r = parseBirthsCsv(text, options);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r;
}

function errorsOf(text: string, options?: { source?: string }) {
  const r = parseBirthsCsv(text, options);
  if (r.ok) throw new Error("expected errors");
  return r.errors;
}

describe("shipped births tables (data/steering)", () => {
  it("by region: 18 regions, 2022, labelled, 724 553 births in all", () => {
    const r = parsed(byRegionFile);
    expect(r.level).toBe("region");
    expect(r.warnings).toEqual([]);
    expect(r.table.year).toBe(2022);
    expect(r.table.source).toBe(LABEL);
    expect(Object.keys(r.table.byRegion).sort()).toEqual(REGIONS.map((x) => x.code));
    expect(Object.values(r.table.byRegion).reduce((a, b) => a + b, 0)).toBe(724_553);
    // Spot checks against shared/data/births (Île-de-France, Mayotte, Corse).
    expect(r.table.byRegion).toMatchObject({ "11": 162_951, "06": 10_773, "94": 2749 });
    expect(birthsTableSchema.safeParse(r.table).success).toBe(true);
  });

  it("by département: 101 départements whose sums give the regional table", () => {
    const dep = parsed(byDepartementFile);
    expect(dep.level).toBe("departement");
    expect(Object.keys(dep.table.byDepartement!)).toHaveLength(DEPARTEMENTS.length);
    expect(dep.table.byDepartement).toMatchObject({ "2A": 1333, "2B": 1416, "976": 10_773, "13": 24_407 });
    expect(dep.table.byRegion).toEqual(parsed(byRegionFile).table.byRegion);
    expect(dep.table.source).toBe(LABEL);
  });
});

describe("parseBirthsCsv — what an administrator may load", () => {
  it("a semicolon file from a French spreadsheet: BOM, CRLF, thousands spaces, dropped leading zero, accents in the header", () => {
    const text = "\uFEFFAnnée;Code région;Nom région;Naissances\r\n2021;1;Guadeloupe;4 512\r\n2021;84;Auvergne-Rhone-Alpes;86\u00a0000\r\n";
    const r = parsed(text, { source: "INSEE, état civil 2021" });
    expect(r.table).toEqual({ year: 2021, source: "INSEE, état civil 2021", byRegion: { "01": 4512, "84": 86_000 } });
    // Accent-insensitive name check: no warning for "Auvergne-Rhone-Alpes"; a warning for the 16 regions missing.
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]!.line).toBeNull();
    expect(r.warnings[0]!.message).toMatch(/^La table ne couvre pas les régions 02 \(Martinique\), 03 \(Guyane\)/);
  });

  it("the source column wins and must be the same on every line", () => {
    const text = "annee,code_region,naissances,source\n2021,11,100,INSEE\n2021,24,100,INSEE bis\n";
    expect(errorsOf(text)).toEqual([{ line: 3, column: "source", message: "Source différente de celle de la ligne 2 : une table n'a qu'une source." }]);
  });

  it("a source is required, from the file or the form", () => {
    expect(errorsOf("annee,code_region,naissances\n2021,11,100\n")).toEqual([
      {
        line: null,
        column: "source",
        message: "Indiquez la source des chiffres : une colonne « source » dans le fichier, ou le champ source du formulaire d'import.",
      },
    ]);
  });

  it("reports every bad line with its column, in French", () => {
    const text = [
      "annee,code_region,nom_region,naissances",
      "2021,11,Île-de-France,160000",
      "2020,24,Centre-Val de Loire,25000",
      "2021,99,Nulle part,10",
      "2021,27,Bourgogne-Franche-Comté,-5",
      "2021,28,Normandie,beaucoup",
      "21,32,Hauts-de-France,60000",
      "2021,11,Île-de-France,1",
      "2021,44,Bretagne,50000",
    ].join("\n");
    const r = parseBirthsCsv(text, { source: "test" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.line, e.column])).toEqual([
      [3, "annee"],
      [4, "code_region"],
      [5, "naissances"],
      [6, "naissances"],
      [7, "annee"],
      [8, "code_region"],
    ]);
    expect(r.errors[0]!.message).toBe("Année 2020 différente de celle de la ligne 2 (2021) : un fichier ne contient qu'une année.");
    expect(r.errors[1]!.message).toMatch(/^Code de région « 99 » inconnu/);
    expect(r.errors[2]!.message).toMatch(/^Nombre de naissances « -5 » invalide/);
    expect(r.errors[4]!.message).toMatch(/^Année « 21 » invalide/);
    expect(r.errors[5]!.message).toBe("Le code 11 apparaît déjà ligne 2.");
  });

  it("a name that does not match its code is a warning (the code counts)", () => {
    const r = parsed("annee,code_region,nom_region,naissances\n2021,44,Bretagne,50000\n", { source: "test" });
    expect(r.table.byRegion).toEqual({ "44": 50_000 });
    expect(r.warnings.map((w) => w.line)).toEqual([null, 2]);
    expect(r.warnings[1]).toEqual({
      line: 2,
      column: "nom_region",
      message: "Le nom « Bretagne » ne correspond pas au code 44 (Grand Est) : le code fait foi.",
    });
  });

  it("header problems are reported on line 1", () => {
    expect(errorsOf("annee,region,naissances\n2021,11,5\n", { source: "x" })).toEqual([
      { line: 1, message: "Colonne inconnue « region ». Colonnes attendues : annee, code_region, nom_region, naissances, source." },
      { line: 1, column: "code_region", message: "Colonne obligatoire absente : « code_region »." },
    ]);
  });

  it("an empty file or a header alone", () => {
    expect(errorsOf("")[0]!.message).toMatch(/vide/);
    expect(errorsOf("annee,code_region,naissances\n", { source: "x" })).toEqual([
      { line: null, message: "Le fichier ne contient aucune ligne de données après l'en-tête." },
    ]);
  });

  it("by département: every département of a region present must be there, and belong to the region given", () => {
    const text = ["annee,code_departement,code_region,naissances,source", "2021,2A,94,1300,INSEE", "2021,01,84,6900,INSEE", "2021,75,24,23000,INSEE"].join(
      "\r\n",
    );
    const errors = errorsOf(text);
    expect(errors).toEqual([
      {
        line: null,
        message: "Région 11 (Île-de-France) incomplète : il manque les départements 77, 78, 91, 92, 93, 94, 95. Sans eux, le total régional serait faux.",
      },
      {
        line: null,
        message:
          "Région 84 (Auvergne-Rhône-Alpes) incomplète : il manque les départements 03, 07, 15, 26, 38, 42, 43, 63, 69, 73, 74. Sans eux, le total régional serait faux.",
      },
      { line: null, message: "Région 94 (Corse) incomplète : il manque le département 2B. Sans eux, le total régional serait faux." },
      { line: 4, column: "code_region", message: "Le département 75 (Paris) appartient à la région 11, pas « 24 »." },
    ]);
  });

  it("by département: a lower-case Corsican code is read, a complete region is summed", () => {
    const r = parsed("annee;code_departement;naissances\n2021;2a;1300\n2021;2B;1400\n", { source: "test" });
    expect(r.table.byDepartement).toEqual({ "2A": 1300, "2B": 1400 });
    expect(r.table.byRegion).toEqual({ "94": 2700 });
  });

  it("a broken quote stops the reading with its line", () => {
    expect(errorsOf('annee,code_region,naissances,source\n2021,11,5,"INSEE\n2021,24,5,INSEE\n')).toEqual([
      { line: 2, message: "Guillemet ouvrant sans guillemet fermant : le reste du fichier ne peut pas être lu." },
    ]);
  });
});

describe("birthsTableSchema", () => {
  it("refuses unknown codes and negative or fractional counts", () => {
    const r = birthsTableSchema.safeParse({ year: 2021, source: "x", byRegion: { "99": 5, "11": -1, "24": 1.5 } });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["byRegion.11", "Le nombre de naissances ne peut pas être négatif."],
      ["byRegion.24", "Le nombre de naissances doit être un nombre entier."],
      ["byRegion.99", "Code de région inconnu (code officiel géographique)."],
    ]);
  });
});
