import { describe, expect, it } from "vitest";
import { buildCommuneIndex, communeLabel, resolveCommuneQuery, searchCommuneIndex, type CompactCommune } from "./commune-search.js";

const communes: CompactCommune[] = [
  ["42218", "Saint-Étienne", "42000|42100", 45.4339, 4.3897, 170000],
  ["75056", "Paris", "75001|75002|75015|75016|75116", 48.8589, 2.347, 2100000],
  ["97411", "Saint-Denis", "97400|97490", -20.8789, 55.4481, 150000],
  ["93066", "Saint-Denis", "93200|93210", 48.9295, 2.3592, 113000],
  ["11339", "Saint-Denis", "11310", 43.357, 2.2181, 523],
  ["93070", "Saint-Denis-de-l'Hôtel", "45550", 47.87, 2.12, 3000],
  ["01001", "L'Abergement-Clémenciat", "01400", 46.1517, 4.9306, 860],
  ["37261", "Tours", "37000|37100|37200", 47.3941, 0.6848, 136000],
  ["37214", "Saint-Pierre-des-Corps", "37700", 47.3867, 0.7261, 16000],
  ["69123", "Lyon", "69001|69002|69003", 45.758, 4.8351, 519127],
  ["01010", "Ambleon", "01300", 45.75, 5.59, 100],
  ["01015", "Arboys en Bugey", "01300", 45.72, 5.65, 600],
];
const index = buildCommuneIndex(communes);

describe("searchCommuneIndex (offline)", () => {
  it("finds by postal code or its start", () => {
    expect(searchCommuneIndex(index, "75015").map((c) => c.name)).toEqual(["Paris"]);
    expect(searchCommuneIndex(index, "974").map((c) => c.code)).toEqual(["97411"]);
    expect(searchCommuneIndex(index, "37 7").map((c) => c.code)).toEqual(["37214"]);
  });
  it("ignores accents, case, hyphens and abbreviations", () => {
    expect(searchCommuneIndex(index, "st etienne").map((c) => c.code)).toEqual(["42218"]);
    expect(searchCommuneIndex(index, "SAINT-ÉTI").map((c) => c.code)).toEqual(["42218"]);
    expect(searchCommuneIndex(index, "abergement").map((c) => c.code)).toEqual(["01001"]);
  });
  it("ranks homonyms by population and exact names first", () => {
    expect(searchCommuneIndex(index, "saint denis").map((c) => c.code)).toEqual(["97411", "93066", "11339", "93070"]);
    expect(searchCommuneIndex(index, "tours").map((c) => c.code)).toEqual(["37261"]);
  });
  it("returns nothing for too short or unmatched queries", () => {
    expect(searchCommuneIndex(index, "p")).toEqual([]);
    expect(searchCommuneIndex(index, "zzz")).toEqual([]);
  });
  it("names the département of each commune, so that homonyms differ by more than a postal code", () => {
    expect(searchCommuneIndex(index, "saint denis").slice(0, 3).map(communeLabel)).toEqual([
      "Saint-Denis, La Réunion (974)",
      "Saint-Denis, Seine-Saint-Denis (93)",
      "Saint-Denis, Aude (11)",
    ]);
    expect(communeLabel(searchCommuneIndex(index, "paris")[0]!)).toBe("Paris (75)");
  });
});

describe("resolveCommuneQuery (« Chercher »)", () => {
  it("asks which one when several communes bear the name, even when the first is the most populated", () => {
    const r = resolveCommuneQuery(index, "Saint-Denis");
    expect(r.kind).toBe("choose");
    expect(r.kind === "choose" && r.communes.map((c) => c.code)).toEqual(["97411", "93066", "11339"]);
  });
  it("goes to the commune when its name is the only exact one, or its postal code belongs to it alone", () => {
    expect(resolveCommuneQuery(index, "tours")).toMatchObject({ kind: "one", commune: { code: "37261" } });
    expect(resolveCommuneQuery(index, "saint etienne")).toMatchObject({ kind: "one", commune: { code: "42218" } });
    expect(resolveCommuneQuery(index, "37100")).toMatchObject({ kind: "one", commune: { code: "37261" } });
  });
  it("asks when a postal code or a name start covers several communes", () => {
    expect(resolveCommuneQuery(index, "01300")).toMatchObject({ kind: "choose" });
    expect(resolveCommuneQuery(index, "saint")).toMatchObject({ kind: "choose" });
  });
  it("understands the arrondissements of Paris, Lyon and Marseille", () => {
    const r = resolveCommuneQuery(index, "Lyon 3e");
    expect(r).toMatchObject({ kind: "one", commune: { code: "69123", arrondissement: 3 } });
    expect(r.kind === "one" && communeLabel(r.commune)).toBe("Lyon 3e arrondissement, Rhône (69)");
    expect(resolveCommuneQuery(index, "paris 16ème")).toMatchObject({ kind: "one", commune: { code: "75056", arrondissement: 16 } });
    expect(resolveCommuneQuery(index, "Paris 1er arrondissement")).toMatchObject({ kind: "one", commune: { arrondissement: 1 } });
    expect(resolveCommuneQuery(index, "Lyon 12e")).toEqual({ kind: "none" });
  });
  it("says nothing matched", () => {
    expect(resolveCommuneQuery(index, "Zzzville")).toEqual({ kind: "none" });
    expect(resolveCommuneQuery(index, "x")).toEqual({ kind: "none" });
  });
});
