import { describe, expect, it } from "vitest";
import { buildCommuneIndex, searchCommuneIndex, type CompactCommune } from "./commune-search.js";

const communes: CompactCommune[] = [
  ["42218", "Saint-Étienne", "42000|42100", 45.4339, 4.3897, 170000],
  ["75056", "Paris", "75001|75002|75015", 48.8589, 2.347, 2100000],
  ["97411", "Saint-Denis", "97400|97490", -20.8789, 55.4481, 150000],
  ["93066", "Saint-Denis", "93200|93210", 48.9295, 2.3592, 113000],
  ["01001", "L'Abergement-Clémenciat", "01400", 46.1517, 4.9306, 860],
  ["37261", "Tours", "37000|37100|37200", 47.3941, 0.6848, 136000],
  ["37214", "Saint-Pierre-des-Corps", "37700", 47.3867, 0.7261, 16000],
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
    expect(searchCommuneIndex(index, "saint denis").map((c) => c.code)).toEqual(["97411", "93066"]);
    expect(searchCommuneIndex(index, "tours").map((c) => c.code)).toEqual(["37261"]);
  });
  it("returns nothing for too short or unmatched queries", () => {
    expect(searchCommuneIndex(index, "p")).toEqual([]);
    expect(searchCommuneIndex(index, "zzz")).toEqual([]);
  });
});
