import { describe, expect, it } from "vitest";
import { addDays } from "../dates.js";
import { ddrFromTerme } from "./pregnancy.js";
import { stageForChild, stageForPregnancy } from "./stages.js";

describe("stage of a pregnancy, at each boundary", () => {
  const terme = "2027-04-10";
  const ddr = ddrFromTerme(terme); // 2026-06-27
  const atSa = (weeks: number, days = 0) => addDays(ddr, weeks * 7 + days);
  it.each([
    [atSa(0), "debut-grossesse"],
    [atSa(15, 6), "debut-grossesse"], // the day before 16 SA
    [atSa(16), "suite-grossesse"], // the day of 16 SA
    [atSa(16, 1), "suite-grossesse"], // the day after
    [atSa(36, 6), "suite-grossesse"], // the day before full term
    [atSa(37), "accouchement"], // 37 SA: full term
    [atSa(37, 1), "accouchement"],
    [terme, "accouchement"],
    [addDays(terme, 10), "accouchement"],
  ])("on %s → %s", (today, stage) => expect(stageForPregnancy(terme, today)).toBe(stage));
});

describe("stage of a child, at each boundary", () => {
  const birth = "2025-11-30";
  it.each([
    ["2025-11-29", null], // not born yet
    ["2025-11-30", "accouchement"], // day of birth
    ["2025-12-06", "accouchement"], // day 6
    ["2025-12-07", "trois-premiers-mois"], // day 7
    ["2026-02-27", "trois-premiers-mois"], // the day before 3 months
    ["2026-02-28", "quatre-mois-un-an"], // 3 months (30 November + 3 months = 28 February, clamped)
    ["2026-03-01", "quatre-mois-un-an"],
    ["2026-11-29", "quatre-mois-un-an"], // the day before 1 year
    ["2026-11-30", "un-deux-ans"],
    ["2027-11-29", "un-deux-ans"],
    ["2027-11-30", "deux-trois-ans"],
    ["2028-11-29", "deux-trois-ans"], // the day before 3 years
    ["2028-11-30", null], // 3rd birthday: the 1000 days are over
  ])("on %s → %s", (today, stage) => expect(stageForChild(birth, today)).toBe(stage));

  it("handles a child born on 29 February", () => {
    expect(stageForChild("2024-02-29", "2025-02-27")).toBe("quatre-mois-un-an");
    expect(stageForChild("2024-02-29", "2025-02-28")).toBe("un-deux-ans");
  });
});
