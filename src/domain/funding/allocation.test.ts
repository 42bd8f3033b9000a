import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { allocateRegionalCredits, formatEuros, largestRemainder, LATEST_ALLOCATION_RULE, type AllocationInput, type Volet } from "./allocation.js";
import { parseBirthsCsv, type BirthsTable } from "./births.js";
import { REGIONS } from "../steering/territories.js";

const files = import.meta.glob<string>("../../../data/steering/*.csv", { eager: true, query: "?raw", import: "default" });
const shipped2022 = files["../../../data/steering/births-2022-by-region.csv"]!;

/** Test tables: small made-up counts chosen for the arithmetic, never shipped as data. */
function table(byRegion: Record<string, number>, year = 2021): BirthsTable {
  return { year, source: "table de test", byRegion };
}

function allocate(input: Partial<AllocationInput> & Pick<AllocationInput, "envelope" | "participatingRegions" | "births">) {
  return allocateRegionalCredits({ year: 2023, volet: "sante", ...input });
}

function ok(result: ReturnType<typeof allocateRegionalCredits>) {
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join("\n"));
  return result.allocation;
}

const byCode = (a: ReturnType<typeof ok>) => Object.fromEntries(a.regions.map((r) => [r.regionCode, r]));

describe("allocateRegionalCredits — SGMCAS/2023/110 §3.1, hand-computed", () => {
  it("santé: 50 000 € per region, the rest in proportion to births", () => {
    // 2 regions: fixed = 2 × 50 000 = 100 000 ; rest = 1 000 000 − 100 000 = 900 000 ; births 3 000 + 1 000 = 4 000
    // 11: 900 000 × 3 000 / 4 000 = 675 000 → total 725 000
    // 24: 900 000 × 1 000 / 4 000 = 225 000 → total 275 000 ; 725 000 + 275 000 = 1 000 000
    const a = ok(allocate({ envelope: 1_000_000, participatingRegions: ["24", "11"], births: table({ "11": 3000, "24": 1000 }) }));
    expect(a.fixedPerRegion).toBe(50_000);
    expect(a.fixedTotal).toBe(100_000);
    expect(a.proportionalTotal).toBe(900_000);
    expect(a.birthsTotal).toBe(4000);
    expect(a.regions.map((r) => [r.regionCode, r.fixed, r.proportional, r.total, r.roundingEuro])).toEqual([
      ["11", 50_000, 675_000, 725_000, 0],
      ["24", 50_000, 225_000, 275_000, 0],
    ]);
    expect(a.regions[0]!.regionName).toBe("Île-de-France");
    expect(a.funder).toMatch(/ARS/);
    expect(a.ruleSource).toMatch(/SGMCAS\/2023\/110/);
    expect(a.notices).toEqual([]);
  });

  it("social: 30 000 € per region; equal remainders go to the lowest region codes", () => {
    // 3 regions, 1 birth each: fixed = 3 × 30 000 = 90 000 ; rest = 100 001 − 90 000 = 10 001
    // exact share = 10 001 / 3 = 3 333.67 each ; floors 3 × 3 333 = 9 999 ; 2 euros left
    // remainders equal (10 001 mod 3 = 2 for each) → ties by code: 01 and 02 get one euro each
    // totals 33 334 + 33 334 + 33 333 = 100 001
    const a = ok(allocate({ volet: "social", envelope: 100_001, participatingRegions: ["03", "02", "01"], births: table({ "01": 1, "02": 1, "03": 1 }) }));
    expect(a.fixedPerRegion).toBe(30_000);
    expect(a.funder).toMatch(/DREETS/);
    expect(a.regions.map((r) => [r.regionCode, r.proportional, r.total, r.roundingEuro])).toEqual([
      ["01", 3334, 33_334, 1],
      ["02", 3334, 33_334, 1],
      ["03", 3333, 33_333, 0],
    ]);
    expect(a.roundingEuros).toBe(2);
  });

  it("the largest remainder wins over the lower code", () => {
    // fixed = 2 × 30 000 = 60 000 ; rest = 10 ; births 28: 1, 53: 2 (total 3)
    // 28: 10 × 1 / 3 = 3.33 → 3, remainder 10 mod 3 = 1 ; 53: 10 × 2 / 3 = 6.67 → 6, remainder 20 mod 3 = 2
    // 1 euro left → 53 (remainder 2 > 1) ; 28: 30 003, 53: 30 007
    const a = ok(allocate({ volet: "social", envelope: 60_010, participatingRegions: ["28", "53"], births: table({ "28": 1, "53": 2 }) }));
    expect(byCode(a)["28"]).toMatchObject({ proportional: 3, total: 30_003, roundingEuro: 0 });
    expect(byCode(a)["53"]).toMatchObject({ proportional: 7, total: 30_007, roundingEuro: 1 });
  });

  it("an envelope equal to the fixed parts leaves no proportional part", () => {
    // 2 × 50 000 = 100 000 = envelope → rest 0
    const a = ok(allocate({ envelope: 100_000, participatingRegions: ["11", "24"], births: table({ "11": 5, "24": 7 }) }));
    expect(a.regions.map((r) => [r.proportional, r.total])).toEqual([
      [0, 50_000],
      [0, 50_000],
    ]);
  });

  it("only participating regions share the rest; other regions of the table are ignored", () => {
    // 11 alone: fixed 50 000, rest 150 000 → all of it to 11 ; 24 is in the table but did not sign up
    const a = ok(allocate({ envelope: 200_000, participatingRegions: ["11"], births: table({ "11": 3, "24": 1_000_000 }) }));
    expect(a.regions).toHaveLength(1);
    expect(a.regions[0]).toMatchObject({ regionCode: "11", proportional: 150_000, total: 200_000 });
    expect(a.birthsTotal).toBe(3);
  });

  it("with the shipped INSEE 2022 table it says which births year it uses", () => {
    const parsed = parseBirthsCsv(shipped2022);
    if (!parsed.ok) throw new Error("shipped table invalid");
    // Corse (94) 2 749 births, Guadeloupe (01) 4 218 births, total 6 967
    // santé, envelope 2 000 000: fixed 2 × 50 000 = 100 000 ; rest 1 900 000
    // 94: 1 900 000 × 2 749 / 6 967 = 749 691.40 → 749 691 (remainder 2 803 / 6 967)
    // 01: 1 900 000 × 4 218 / 6 967 = 1 150 308.60 → 1 150 308 (remainder 4 164 / 6 967)
    // 1 euro left → 01 (larger remainder) → 1 150 309 ; totals 799 691 + 1 200 309 = 2 000 000
    const a = ok(allocate({ envelope: 2_000_000, participatingRegions: ["94", "01"], births: parsed.table }));
    expect(byCode(a)["94"]).toMatchObject({ births: 2749, proportional: 749_691, total: 799_691, roundingEuro: 0 });
    expect(byCode(a)["01"]).toMatchObject({ births: 4218, proportional: 1_150_309, total: 1_200_309, roundingEuro: 1 });
    expect(a.birthsYear).toBe(2022);
    expect(a.ruleBirthsYear).toBe(2021);
    expect(a.birthsSource).toMatch(/INSEE 2022.*sous-compte/);
    expect(a.notices).toHaveLength(1);
    expect(a.notices[0]).toMatch(/naissances de 2021 ; ce calcul utilise la table des naissances 2022/);
  });

  it("all 18 regions with the shipped table add up to the envelope", () => {
    const parsed = parseBirthsCsv(shipped2022);
    if (!parsed.ok) throw new Error("shipped table invalid");
    const a = ok(allocate({ volet: "social", envelope: 1_234_567, participatingRegions: REGIONS.map((r) => r.code), births: parsed.table }));
    expect(a.regions).toHaveLength(18);
    expect(a.birthsTotal).toBe(724_553);
    expect(a.regions.reduce((s, r) => s + r.total, 0)).toBe(1_234_567);
    expect(a.fixedTotal).toBe(18 * 30_000);
  });
});

describe("allocateRegionalCredits — errors in French", () => {
  const births = table({ "11": 10, "24": 0, "27": 5 });
  const codes = (r: ReturnType<typeof allocateRegionalCredits>) => (r.ok ? [] : r.errors.map((e) => e.code));

  it("envelope smaller than the fixed parts", () => {
    // social, 3 regions × 30 000 = 90 000 > 89 999
    const r = allocate({ volet: "social", envelope: 89_999, participatingRegions: ["01", "02", "03"], births: table({ "01": 1, "02": 1, "03": 1 }) });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      { code: "enveloppe-insuffisante", message: "L'enveloppe (89 999 €) est inférieure aux parts fixes : 3 régions × 30 000 € = 90 000 €." },
    ]);
  });

  it("region missing from the births table, or with 0 births", () => {
    const r = allocate({ envelope: 1_000_000, participatingRegions: ["11", "24", "28"], births });
    expect(codes(r)).toEqual(["naissances-nulles", "naissances-absentes"]);
    if (r.ok) return;
    expect(r.errors[0]!.regionCode).toBe("24");
    expect(r.errors[1]!.message).toBe("La table des naissances 2021 ne donne pas de chiffre pour Normandie (28) : chargez une table complète.");
  });

  it("unknown and repeated region codes", () => {
    const r = allocate({ envelope: 1_000_000, participatingRegions: ["11", "99", "11", "975"], births });
    expect(codes(r)).toEqual(["region-inconnue", "region-en-double", "region-inconnue"]);
  });

  it("an inherited property name is not a region with births", () => {
    expect(codes(allocate({ envelope: 1_000_000, participatingRegions: ["toString"], births }))).toEqual(["region-inconnue"]);
  });

  it("empty participation list", () => {
    const r = allocate({ envelope: 1_000_000, participatingRegions: [], births });
    expect(codes(r)).toEqual(["participation-vide"]);
  });

  it.each([1000.5, -1, Number.NaN, Number.MAX_SAFE_INTEGER + 2])("envelope %s is refused", (envelope) => {
    expect(codes(allocate({ envelope, participatingRegions: ["11"], births }))).toEqual(["enveloppe-invalide"]);
  });

  it("a year without a known rule", () => {
    const r = allocateRegionalCredits({ year: 2024, volet: "sante", envelope: 1_000_000, participatingRegions: ["11"], births });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toEqual({ code: "annee-sans-regle", message: "Aucune règle de répartition n'est connue pour l'année 2024 (années connues : 2023)." });
  });

  it("an unknown volet", () => {
    expect(codes(allocateRegionalCredits({ year: 2023, volet: "culture" as Volet, envelope: 1, participatingRegions: ["11"], births }))).toEqual([
      "volet-inconnu",
    ]);
  });

  it("non-integer births in a table built by code", () => {
    expect(codes(allocate({ envelope: 1_000_000, participatingRegions: ["11"], births: table({ "11": 2.5 }) }))).toEqual(["naissances-invalides"]);
  });

  it("reports every problem at once", () => {
    const r = allocate({ envelope: -5, participatingRegions: ["99", "24"], births });
    expect(codes(r)).toEqual(["enveloppe-invalide", "region-inconnue", "naissances-nulles"]);
  });
});

describe("allocateRegionalCredits — properties", () => {
  const regionCodes = REGIONS.map((r) => r.code);
  const scenario = fc
    .record({
      volet: fc.constantFrom<Volet>("sante", "social"),
      participants: fc.subarray(regionCodes, { minLength: 1 }),
      births: fc.array(fc.integer({ min: 1, max: 200_000 }), { minLength: 18, maxLength: 18 }),
      rest: fc.integer({ min: 0, max: 2_000_000_000 }),
    })
    .map(({ volet, participants, births, rest }) => {
      const byRegion = Object.fromEntries(regionCodes.map((code, i) => [code, births[i]!]));
      const fixed = volet === "sante" ? 50_000 : 30_000;
      return {
        year: 2023,
        volet,
        envelope: fixed * participants.length + rest,
        participatingRegions: participants,
        births: table(byRegion),
      } satisfies AllocationInput;
    });

  it("totals add up to the envelope; every total is at least the fixed part; rounding moves less than one euro", () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const a = ok(allocateRegionalCredits(input));
        expect(a.regions.reduce((s, r) => s + r.total, 0)).toBe(input.envelope);
        const sumBirths = a.regions.reduce((s, r) => s + r.births, 0);
        for (const r of a.regions) {
          expect(r.total).toBeGreaterThanOrEqual(r.fixed);
          expect(r.total).toBe(r.fixed + r.proportional);
          const exact = (a.proportionalTotal * r.births) / sumBirths;
          expect(Math.abs(r.proportional - exact)).toBeLessThan(1 + 1e-6);
        }
        expect(a.roundingEuros).toBeLessThan(a.regions.length);
      }),
    );
  });

  it("more births never means fewer credits (others unchanged)", () => {
    fc.assert(
      fc.property(scenario, fc.nat({ max: 17 }), fc.integer({ min: 1, max: 100_000 }), (input, pick, more) => {
        const code = input.participatingRegions[pick % input.participatingRegions.length]!;
        const before = byCode(ok(allocateRegionalCredits(input)))[code]!.total;
        const bigger = { ...input, births: table({ ...input.births.byRegion, [code]: input.births.byRegion[code]! + more }) };
        const after = byCode(ok(allocateRegionalCredits(bigger)))[code]!.total;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it("the order of the participation list does not matter", () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const reversed = { ...input, participatingRegions: [...input.participatingRegions].reverse() };
        expect(ok(allocateRegionalCredits(reversed))).toEqual(ok(allocateRegionalCredits(input)));
      }),
    );
  });
});

describe("largestRemainder", () => {
  it("is exact beyond floating-point precision", () => {
    // 9 007 199 254 740 991 (2^53 − 1) shared 1 : 2 → 3 002 399 751 580 330.33 and 6 004 799 503 160 660.67
    // floors …330 and …660 (sum …990), 1 euro left → "b" (remainder 2 > 1)
    const shares = largestRemainder(Number.MAX_SAFE_INTEGER, [
      { key: "a", weight: 1 },
      { key: "b", weight: 2 },
    ]);
    expect(shares.get("a")).toEqual({ amount: 3_002_399_751_580_330, bonus: 0 });
    expect(shares.get("b")).toEqual({ amount: 6_004_799_503_160_661, bonus: 1 });
  });
});

describe("the rule a page describes", () => {
  it("is the 2023 rule: 50 000 € (santé) and 30 000 € (social) per region, births of 2021", () => {
    expect(LATEST_ALLOCATION_RULE.year).toBe(2023);
    expect(formatEuros(LATEST_ALLOCATION_RULE.fixedPerRegion.sante)).toBe("50 000 €");
    expect(formatEuros(LATEST_ALLOCATION_RULE.fixedPerRegion.social)).toBe("30 000 €");
    expect(LATEST_ALLOCATION_RULE.birthsYear).toBe(2021);
  });
});
