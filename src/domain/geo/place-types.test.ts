import { describe, expect, it } from "vitest";
import { importedFinessCategories, isPlaceTypeId, placeType, placeTypeIds, placeTypeOfFinessCategory, placeTypeOfRpps, placeTypes } from "./place-types.js";

describe("place types", () => {
  it("lists each id once, with a French label, a description and a source", () => {
    expect(placeTypes.map((t) => t.id)).toEqual([...placeTypeIds]);
    for (const t of placeTypes) {
      expect(t.label.length, t.id).toBeGreaterThan(2);
      expect(t.description.length, t.id).toBeGreaterThan(20);
      expect(t.sources.length, t.id).toBeGreaterThan(0);
    }
  });

  it("maps every FINESS category of TRE_R66 kept for the 1000 days to one type, and no code twice", () => {
    const expected: Record<string, string> = {
      "223": "pmi",
      "224": "pmi",
      "230": "pmi",
      "228": "centre-sante-sexuelle",
      "231": "centre-sante-sexuelle",
      "190": "camsp",
      "189": "cmpp",
      "156": "cmp",
      "166": "centre-parents-enfants",
      "172": "centre-parents-enfants",
      "631": "maison-naissance",
      "650": "reseau-perinatalite",
      "124": "centre-sante",
      "603": "maison-sante",
      "645": "centre-vaccination",
      "143": "centre-vaccination",
      "620": "pharmacie",
      "611": "laboratoire",
      "101": "hopital",
      "355": "hopital",
      "106": "hopital",
      "122": "hopital",
      "128": "hopital",
      "129": "hopital",
      "365": "hopital",
    };
    for (const [code, type] of Object.entries(expected)) expect(placeTypeOfFinessCategory(code), code).toBe(type);
    expect(importedFinessCategories).toHaveLength(new Set(importedFinessCategories).size);
    expect([...importedFinessCategories].sort()).toEqual(Object.keys(expected).sort());
    // out of scope: CPTS, EHPAD, dialysis
    for (const code of ["604", "500", "146"]) expect(placeTypeOfFinessCategory(code)).toBeNull();
  });

  it("says honestly that maternités are not a FINESS category", () => {
    expect(placeType("maternite").finess).toEqual([]);
    expect(placeType("maternite").note).toMatch(/pas une catégorie FINESS/);
    expect(placeType("hopital").label).toMatch(/maternité possible/);
  });

  it("maps RPPS professions and savoir-faire", () => {
    expect(placeTypeOfRpps("50", [])).toBe("sage-femme");
    expect(placeTypeOfRpps("10", ["SM54"])).toBe("medecin-generaliste");
    expect(placeTypeOfRpps("10", ["SM40"])).toBe("pediatre");
    expect(placeTypeOfRpps("10", ["SM54", "SM40"])).toBe("pediatre");
    expect(placeTypeOfRpps("10", ["SM20"])).toBeNull(); // gynécologie-obstétrique: not mapped yet
    expect(placeTypeOfRpps("10", [])).toBeNull();
    expect(placeTypeOfRpps("70", [])).toBe("kinesitherapeute");
    expect(placeTypeOfRpps("28", [])).toBeNull();
  });

  it("recognises ids", () => {
    expect(isPlaceTypeId("pmi")).toBe(true);
    expect(isPlaceTypeId("PMI")).toBe(false);
    expect(isPlaceTypeId("toString")).toBe(false);
  });

  it("has the PCO TND type, filled by the generic import only (no open national file, docs/data.md)", () => {
    expect(isPlaceTypeId("pco-tnd")).toBe(true);
    const pco = placeType("pco-tnd");
    expect(pco.label).toBe("Plateforme de coordination et d'orientation (PCO TND)");
    expect([pco.finess, pco.rpps, pco.sources.length]).toEqual([[], [], 1]);
    expect(pco.sources[0]).toMatch(/^Import CSV\/GeoJSON local/);
  });
});
