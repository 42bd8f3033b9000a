import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addDays, addMonths } from "../dates.js";
import { TERME_DAYS_AFTER_DDR } from "../journey/pregnancy.js";
import {
  childAges,
  correctedBirthDate,
  correctionDays,
  developmentAgeMonths,
  developmentStage,
  formatAge,
  gestationalAgeAtBirth,
  isCorrectionActive,
  isPremature,
} from "./age.js";

/** A child born at `weeks` SA + `days` days: its due date (French terme, 41 SA) follows. */
function bornAt(birthDate: string, weeks: number, days = 0) {
  return { birthDate, expectedTerme: addDays(birthDate, TERME_DAYS_AFTER_DDR - (weeks * 7 + days)) };
}

describe("gestational age at birth and prematurity (< 37 SA + 0)", () => {
  it.each([
    [36, 6, true, 22], // 280 − 258 days
    [37, 0, false, 0],
    [32, 0, true, 56],
    [28, 0, true, 84],
    [24, 3, true, 109],
    [39, 2, false, 0],
  ])("born at %i SA + %i days: premature %s, %i days of correction", (weeks, days, premature, correction) => {
    const child = bornAt("2026-03-10", weeks, days);
    expect(gestationalAgeAtBirth(child)).toEqual({ weeks, days, totalDays: weeks * 7 + days });
    expect(isPremature(child)).toBe(premature);
    expect(correctionDays(child)).toBe(correction);
  });

  it("without a due date, the child is not treated as premature", () => {
    expect(gestationalAgeAtBirth({ birthDate: "2026-03-10" })).toBeNull();
    expect(correctionDays({ birthDate: "2026-03-10", expectedTerme: null })).toBe(0);
  });
});

describe("corrected age, used for development until the second birthday (livret 2024 p. 4)", () => {
  // Born 2026-03-01 at 32 SA: corrected birth date = +56 days = 2026-04-26.
  const child = bornAt("2026-03-01", 32);
  it("counts from the day the baby reached 40 SA", () => {
    expect(correctedBirthDate(child)).toBe("2026-04-26");
  });

  it.each([
    ["2026-12-01", 9, 0, 7, 5], // real 9 months, corrected 7 months 5 days
    ["2026-04-25", 1, 24, null, null], // the day before 40 SA: corrected age not yet begun
    ["2026-04-26", 1, 25, 0, 0],
  ])("on %s real %i months %i days, corrected %s months %s days", (today, months, days, cm, cd) => {
    const ages = childAges(child, today);
    expect([ages.real.months, ages.real.days]).toEqual([months, days]);
    if (cm === null) expect(ages.corrected?.totalDays).toBeLessThan(0);
    else expect([ages.corrected?.months, ages.corrected?.days]).toEqual([cm, cd]);
  });

  it.each([
    ["2028-02-29", true], // day before the second birthday
    ["2028-03-01", false], // second birthday: real age from now on
    ["2028-03-02", false],
  ])("correction on %s: %s", (today, active) => {
    expect(isCorrectionActive(child, today)).toBe(active);
    expect(childAges(child, today).corrected === null).toBe(!active);
  });

  it("jumps from corrected to real age at 2 years, as the livret says", () => {
    expect(developmentAgeMonths(child, "2028-02-29")).toBe(22);
    expect(developmentAgeMonths(child, "2028-03-01")).toBe(24);
  });

  it("born at 37 SA + 0: no corrected age at all; 36 SA + 6: corrected", () => {
    expect(childAges(bornAt("2026-03-01", 37, 0), "2026-09-01").corrected).toBeNull();
    expect(childAges(bornAt("2026-03-01", 36, 6), "2026-09-01").corrected).toEqual({ months: 5, days: 9, totalDays: 162 });
  });

  it("twins share their ages", () => {
    const a = bornAt("2026-03-01", 33, 2);
    const b = { ...a };
    expect(childAges(a, "2026-12-01")).toEqual(childAges(b, "2026-12-01"));
  });

  it("property: corrected age is real age minus the correction, before 2 years", () => {
    fc.assert(
      fc.property(fc.integer({ min: 22 * 7, max: 42 * 7 }), fc.integer({ min: 0, max: 729 }), (gaDays, ageDays) => {
        const c = bornAt("2025-01-15", Math.floor(gaDays / 7), gaDays % 7);
        const today = addDays(c.birthDate, ageDays);
        const ages = childAges(c, today);
        if (today >= addMonths(c.birthDate, 24) || gaDays >= 259) return ages.corrected === null;
        return ages.corrected !== null && ages.corrected.totalDays === ages.real.totalDays - (280 - gaDays);
      }),
    );
  });
});

describe("formatAge", () => {
  it.each([
    [{ months: 0, days: 3, totalDays: 3 }, "3 jours"],
    [{ months: 0, days: 15, totalDays: 15 }, "2 semaines"],
    [{ months: 9, days: 2, totalDays: 276 }, "9 mois"],
    [{ months: 12, days: 0, totalDays: 365 }, "1 an"],
    [{ months: 14, days: 0, totalDays: 425 }, "1 an et 2 mois"],
    [{ months: 30, days: 0, totalDays: 900 }, "2 ans et 6 mois"],
    [{ months: 0, days: 0, totalDays: -4 }, "avant terme"],
  ])("%o → %s", (age, text) => expect(formatAge(age)).toBe(text));
});

describe("development articles follow the corrected age", () => {
  const preterm = bornAt("2026-03-01", 32); // corrected birth 2026-04-26
  it.each([
    ["2026-03-05", "accouchement"], // before 40 SA: the real stage
    ["2026-06-01", "trois-premiers-mois"], // real 3 months, corrected 1 month
    ["2027-03-01", "quatre-mois-un-an"], // real 1 year, corrected 10 months
    ["2028-03-01", "deux-trois-ans"], // 2 years: real age again
  ])("on %s: %s", (today, stage) => {
    expect(developmentStage(preterm, today)).toBe(stage);
  });
  it("a child born at term keeps the real stage", () => {
    expect(developmentStage(bornAt("2026-03-01", 39), "2027-03-01")).toBe("un-deux-ans");
  });
});
