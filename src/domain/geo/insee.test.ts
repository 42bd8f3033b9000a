import { describe, expect, it } from "vitest";
import { departementOfCommune, departementOfFinessNumber, inseeCodeFromFiness, isCommuneCode } from "./insee.js";
import { foldName, isPostcodePrefix } from "./fold.js";

describe("INSEE code from FINESS fields", () => {
  // Real lines of etalab-cs1100502-stock-20260512 (../shared/data/finess, mailwoman fixture).
  it.each([
    ["01", "451", "01451"], // CH de Fleyriat, Viriat
    ["2A", "004", "2A004"],
    ["2B", "033", "2B033"],
    ["9A", "123", "97701"], // PMI Saint-Barthélemy (old Guadeloupe number 97123)
    ["9A", "127", "97801"], // CH Louis Constant Fleming, Saint-Martin
    ["9B", "207", "97207"], // CMPP Ducos
    ["9C", "302", "97302"], // CH de Cayenne
    ["9D", "411", "97411"], // CHU Félix Guyon, Saint-Denis
    ["9E", "502", "97502"],
    ["9F", "606", "97606"], // Chirongui
    ["9J", "613", "98613"], // Hôpital de Sia, Uvea
  ])("%s + %s → %s", (dep, com, code) => expect(inseeCodeFromFiness(dep, com)).toBe(code));

  it("refuses what is not a commune", () => {
    for (const [dep, com] of [
      ["1", "53"],
      ["01", "53"],
      ["20", "004"],
      ["9Z", "411"],
      ["96", "001"],
      ["01", "abc"],
    ])
      expect(inseeCodeFromFiness(dep!, com!)).toBeNull();
  });

  it("knows the département of a FINESS number", () => {
    expect(departementOfFinessNumber("010000024")).toBe("01");
    expect(departementOfFinessNumber("2A0000014")).toBe("2A");
    expect(departementOfFinessNumber("970462024")).toBe("974"); // clinique Jeanne d'Arc, "97829 LE PORT CEDEX"
    expect(departementOfFinessNumber("980501506")).toBe("976");
    expect(departementOfFinessNumber("980600027")).toBe("986");
    expect(departementOfFinessNumber("990000000")).toBeNull();
  });

  it("knows the département of a commune", () => {
    expect(departementOfCommune("01451")).toBe("01");
    expect(departementOfCommune("2A004")).toBe("2A");
    expect(departementOfCommune("97411")).toBe("974");
    expect(isCommuneCode("2B033")).toBe(true);
    expect(isCommuneCode("9D411")).toBe(false);
  });
});

describe("name folding", () => {
  it("ignores case, accents, hyphens and abbreviations", () => {
    expect(foldName("Saint-Étienne")).toBe("saint etienne");
    expect(foldName("ST ETIENNE")).toBe("saint etienne");
    expect(foldName("Ste-Foy-lès-Lyon")).toBe("sainte foy les lyon");
    expect(foldName("L'Haÿ-les-Roses")).toBe("l hay les roses");
    expect(foldName("  Œuilly ")).toBe("oeuilly");
  });
  it("recognises a postal code or its start", () => {
    expect(isPostcodePrefix("75011")).toBe(true);
    expect(isPostcodePrefix("97")).toBe(true);
    expect(isPostcodePrefix("7")).toBe(false);
    expect(isPostcodePrefix("Paris")).toBe(false);
  });
});
