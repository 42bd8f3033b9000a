import { describe, expect, it } from "vitest";
import {
  DEPARTEMENTS,
  REGIONS,
  TERRITORIES_SOURCE,
  departementsOfRegion,
  findDepartement,
  findRegion,
  isDepartementCode,
  isRegionCode,
  normaliseTerritoryCode,
} from "./territories.js";
import { PRIORITY_THEMES, THEME_IDS, THEMES_SOURCE, themeFromCell } from "./themes.js";

describe("territories (COG 2025)", () => {
  it("18 regions: 13 in metropolitan France, 5 overseas", () => {
    expect(REGIONS).toHaveLength(18);
    expect(REGIONS.filter((r) => r.zone === "metro")).toHaveLength(13);
    expect(REGIONS.filter((r) => r.zone === "drom").map((r) => r.code)).toEqual(["01", "02", "03", "04", "06"]);
    expect(TERRITORIES_SOURCE.publisher).toMatch(/INSEE.*COG|Code officiel géographique/);
  });

  it("101 départements, each in a known region of the same zone", () => {
    expect(DEPARTEMENTS).toHaveLength(101);
    expect(new Set(DEPARTEMENTS.map((d) => d.code)).size).toBe(101);
    for (const d of DEPARTEMENTS) expect(findRegion(d.region)?.zone).toBe(d.zone);
    expect(departementsOfRegion("11").map((d) => d.code)).toEqual(["75", "77", "78", "91", "92", "93", "94", "95"]);
    expect(departementsOfRegion("94").map((d) => d.nom)).toEqual(["Corse-du-Sud", "Haute-Corse"]);
    expect(findDepartement("976")).toEqual({ code: "976", nom: "Mayotte", region: "06", zone: "drom" });
    expect(REGIONS.every((r) => departementsOfRegion(r.code).length > 0)).toBe(true);
  });

  it("overseas collectivities are not regions or départements", () => {
    expect(isRegionCode("975")).toBe(false);
    expect(isDepartementCode("975")).toBe(false);
    expect(isDepartementCode("20")).toBe(false);
  });

  it("normalises codes typed in spreadsheets", () => {
    expect(normaliseTerritoryCode(" 1 ")).toBe("01");
    expect(normaliseTerritoryCode("2a")).toBe("2A");
    expect(normaliseTerritoryCode("971")).toBe("971");
  });
});

describe("priority themes", () => {
  it("6 themes numbered 1 to 6, with French labels and a source", () => {
    expect(PRIORITY_THEMES.map((t) => [t.number, t.id])).toEqual(THEME_IDS.map((id, i) => [i + 1, id]));
    expect(PRIORITY_THEMES[5]!.label).toBe("La place du père ou du second parent dans le parcours des 1000 premiers jours");
    expect(THEMES_SOURCE).toMatch(/SGMCAS\/2022\/106.*SGMCAS\/2023\/110/);
  });

  it("a grid cell may name a theme by number or id", () => {
    expect(themeFromCell(" 3 ")?.id).toBe("isolement-epuisement");
    expect(themeFromCell("Second-Parent")?.number).toBe(6);
    expect(themeFromCell("7")).toBeUndefined();
    expect(themeFromCell("toString")).toBeUndefined();
  });
});
