import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  gapClass,
  nationalTargetYears,
  rateClass,
  NATIONAL_TARGETS,
  departementTrend,
  gapsToTarget,
  nationalSeries,
  nationalTarget,
  parseBarometerCsv,
  parseDepartmentTargetsCsv,
  parsePercent,
  regionalAggregates,
  type Observation,
} from "./barometer.js";
import { observationSchema } from "./barometer-schema.js";
import { DEPARTEMENTS } from "./territories.js";

/** Made-up counts chosen for the arithmetic: the app ships no barometer figures. */
const observations: Observation[] = [
  { indicator: "epp", departement: "01", year: 2022, numerator: 60, denominator: 100 },
  { indicator: "epp", departement: "01", year: 2023, numerator: 70, denominator: 100 },
  { indicator: "epp", departement: "02", year: 2023, numerator: 150, denominator: 200 },
  { indicator: "epnp", departement: "01", year: 2024, numerator: 5, denominator: 50 },
];

describe("targets (SGMCAS/2023/110 §2.1)", () => {
  it("EPP 73 % in 2023 and 80 % in 2026; EPNP 10 % in 2023 and 60 % in 2026; nothing in between", () => {
    expect(NATIONAL_TARGETS.map((t) => [t.indicator, t.year, t.percent])).toEqual([
      ["epp", 2023, 73],
      ["epp", 2026, 80],
      ["epnp", 2023, 10],
      ["epnp", 2026, 60],
    ]);
    expect(NATIONAL_TARGETS.every((t) => t.source.includes("SGMCAS/2023/110"))).toBe(true);
    expect(nationalTarget("epp", 2024)).toBeNull();
  });
});

describe("aggregates", () => {
  it("national series: sum of numerators over sum of denominators, target gap and trend", () => {
    // 2022: 60 / 100 = 60 % (no target) ; 2023: (70 + 150) / (100 + 200) = 220 / 300 = 73.33 % → +0.33 point vs 73 %
    // change 2022 → 2023 = 73.33 − 60 = +13.33 points
    const s = nationalSeries(observations, "epp");
    expect(s.map((p) => [p.year, p.numerator, p.denominator, p.departementsCount])).toEqual([
      [2022, 60, 100, 1],
      [2023, 220, 300, 2],
    ]);
    expect(s[0]!.percent).toBe(60);
    expect(s[0]!.target).toBeNull();
    expect(s[0]!.gapPoints).toBeNull();
    expect(s[0]!.changePoints).toBeNull();
    expect(s[1]!.percent).toBeCloseTo(73.333, 3);
    expect(s[1]!.target?.percent).toBe(73);
    expect(s[1]!.gapPoints).toBeCloseTo(0.333, 3);
    expect(s[1]!.changePoints).toBeCloseTo(13.333, 3);
    expect(s[1]!.missingDepartements).toHaveLength(99);
    // Not the mean of rates: (70 % + 75 %) / 2 = 72.5 % would be wrong.
    expect(s[1]!.percent).not.toBeCloseTo(72.5, 1);
  });

  it("gap to target per département: departmental target first, else national", () => {
    // 01: 70 % vs departmental 75 % → −5 points ; 02: 75 % vs national 73 % → +2 points
    const gaps = gapsToTarget(observations, "epp", 2023, [{ indicator: "epp", departement: "01", year: 2023, percent: 75 }]);
    expect(gaps.map((g) => [g.departement, g.nom, g.region, g.percent, g.targetPercent, g.targetSource, g.gapPoints])).toEqual([
      ["01", "Ain", "84", 70, 75, "departemental", -5],
      ["02", "Aisne", "32", 75, 73, "national", 2],
    ]);
    // EPNP 2024: no national target, no departmental target
    expect(gapsToTarget(observations, "epnp", 2024)[0]).toMatchObject({ percent: 10, targetPercent: null, targetSource: null, gapPoints: null });
  });

  it("regional aggregates and a département's trend", () => {
    expect(regionalAggregates(observations, "epp", 2023).map((r) => [r.region, r.nom, r.percent])).toEqual([
      ["32", "Hauts-de-France", 75],
      ["84", "Auvergne-Rhône-Alpes", 70],
    ]);
    expect(departementTrend(observations, "epp", "01")).toEqual([
      { year: 2022, numerator: 60, denominator: 100, percent: 60, changePoints: null },
      { year: 2023, numerator: 70, denominator: 100, percent: 70, changePoints: 10 },
    ]);
  });

  it("the national rate lies between the lowest and highest departmental rates", () => {
    const obs = fc
      .uniqueArray(fc.constantFrom(...DEPARTEMENTS.map((d) => d.code)), { minLength: 1, maxLength: 20 })
      .chain((codes) =>
        fc.tuple(
          ...codes.map((code) =>
            fc
              .integer({ min: 1, max: 50_000 })
              .chain((den) =>
                fc.integer({ min: 0, max: den }).map((num) => ({ indicator: "epp" as const, departement: code, year: 2023, numerator: num, denominator: den })),
              ),
          ),
        ),
      );
    fc.assert(
      fc.property(obs, (list) => {
        const [point] = nationalSeries(list, "epp");
        const rates = gapsToTarget(list, "epp", 2023).map((g) => g.percent);
        expect(point!.percent).toBeGreaterThanOrEqual(Math.min(...rates) - 1e-9);
        expect(point!.percent).toBeLessThanOrEqual(Math.max(...rates) + 1e-9);
        expect(point!.departementsCount + point!.missingDepartements.length).toBe(101);
      }),
    );
  });
});

describe("parseBarometerCsv", () => {
  it("reads a French spreadsheet file", () => {
    const r = parseBarometerCsv(
      "\uFEFFIndicateur;Code département;Nom département;Année;Numérateur;Dénominateur;Source\r\nEPP;1;Ain;2023;4 100;6 000;Test\r\nepnp;2a;Corse-du-Sud;2023;90;1 000;Test\r\n",
    );
    expect(r).toEqual({
      ok: true,
      data: {
        source: "Test",
        observations: [
          { indicator: "epp", departement: "01", year: 2023, numerator: 4100, denominator: 6000 },
          { indicator: "epnp", departement: "2A", year: 2023, numerator: 90, denominator: 1000 },
        ],
      },
      warnings: [],
    });
  });

  it("reports each bad line in French", () => {
    const text = [
      "indicateur,code_departement,annee,numerateur,denominateur",
      "EPP,01,2023,70,100",
      "EPP,01,2023,71,100",
      "EPP,99,2023,10,100",
      "EPPP,02,2023,10,100",
      "EPP,03,2027,10,100",
      "EPP,04,2010,10,100",
      "EPP,05,2023,120,100",
      "EPP,06,2023,1,0",
      "EPP,07,2023,-1,abc",
    ].join("\n");
    const r = parseBarometerCsv(text, { source: "Test", currentYear: 2026 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      { line: 3, message: "EPP 01 2023 figure déjà ligne 2 : une seule valeur par indicateur, département et année." },
      {
        line: 4,
        column: "code_departement",
        message: "Code de département « 99 » inconnu : attendu un des 101 codes du code officiel géographique (01 à 95, 2A, 2B, 971 à 974, 976).",
      },
      { line: 5, column: "indicateur", message: "Indicateur « EPPP » inconnu : EPP ou EPNP." },
      { line: 6, column: "annee", message: "Année « 2027 » invalide : attendu une année entre 2015 et 2026." },
      { line: 7, column: "annee", message: "Année « 2010 » invalide : attendu une année entre 2015 et 2026." },
      { line: 8, column: "numerateur", message: "Le numérateur (120) dépasse le dénominateur (100) : un taux ne peut pas dépasser 100 %." },
      { line: 9, column: "denominateur", message: "Dénominateur « 0 » invalide : attendu un nombre entier supérieur à 0." },
      { line: 10, column: "numerateur", message: "Numérateur « -1 » invalide : attendu un nombre entier positif ou nul." },
      { line: 10, column: "denominateur", message: "Dénominateur « abc » invalide : attendu un nombre entier supérieur à 0." },
    ]);
  });

  it("requires a source and warns on a name that does not match its code", () => {
    const noSource = parseBarometerCsv("indicateur,code_departement,annee,numerateur,denominateur\nEPP,01,2023,1,2\n");
    expect(noSource.ok ? null : noSource.errors[0]!.column).toBe("source");
    const r = parseBarometerCsv("indicateur,code_departement,nom_departement,annee,numerateur,denominateur\nEPP,01,Aisne,2023,1,2\n", { source: "Test" });
    expect(r.ok && r.warnings).toEqual([
      { line: 2, column: "nom_departement", message: "Le nom « Aisne » ne correspond pas au code 01 (Ain) : le code fait foi." },
    ]);
  });

  it("observationSchema (API input) says the same in French", () => {
    const r = observationSchema.safeParse({ indicator: "epp", departement: "01", year: 2023, numerator: 5, denominator: 4 });
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["numerator", "Le numérateur dépasse le dénominateur : un taux ne peut pas dépasser 100 %."],
    ]);
  });
});

describe("parseDepartmentTargetsCsv", () => {
  it("reads percentages as spreadsheets write them and reports bad lines", () => {
    const ok = parseDepartmentTargetsCsv("indicateur;code_departement;annee;objectif_pourcent\nEPP;01;2024;75,5 %\nEPNP;974;2026;60\n");
    expect(ok.ok && ok.targets).toEqual([
      { indicator: "epp", departement: "01", year: 2024, percent: 75.5 },
      { indicator: "epnp", departement: "974", year: 2026, percent: 60 },
    ]);
    const bad = parseDepartmentTargetsCsv("indicateur;code_departement;annee;objectif_pourcent\nEPP;01;2024;120\nEPP;01;2024;70\n");
    expect(bad.ok ? [] : bad.errors).toEqual([
      { line: 2, column: "objectif_pourcent", message: "Objectif « 120 » invalide : attendu un pourcentage entre 0 et 100, par exemple 75 ou 75,5." },
      { line: 3, message: "EPP 01 2024 figure déjà ligne 2 : une seule valeur par indicateur, département et année." },
    ]);
    expect(parsePercent("0")).toBe(0);
    expect(parsePercent("100,0")).toBe(100);
    expect(parsePercent("-1")).toBeNull();
  });
});

describe("map classes", () => {
  it("classes the gap to target at its bounds", () => {
    expect([-25, -10, -9.9, -5, -4.9, -0.1, 0, 4.9, 5, 30].map(gapClass)).toEqual([
      "far-below",
      "far-below",
      "below",
      "below",
      "near-below",
      "near-below",
      "reached",
      "reached",
      "above",
      "above",
    ]);
  });

  it("classes the rate in steps of 20 %", () => {
    expect([0, 19.9, 20, 39.9, 40, 60, 79.9, 80, 100].map(rateClass)).toEqual([
      "under-20",
      "under-20",
      "20-40",
      "20-40",
      "40-60",
      "60-80",
      "60-80",
      "80-plus",
      "80-plus",
    ]);
  });

  it("names the years that have a national target", () => {
    expect(nationalTargetYears("epp")).toEqual([2023, 2026]);
    expect(nationalTargetYears("epnp")).toEqual([2023, 2026]);
  });
});
