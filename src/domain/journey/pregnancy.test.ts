import { describe, expect, it } from "vitest";
import { ddrFromTerme, formatGestationalAge, gestationalAge, termeFromDdr, TERME_DAYS_AFTER_DDR } from "./pregnancy.js";

describe("DDR → terme (French convention: DDR + 41 SA = 287 days)", () => {
  it("uses 287 days, not the international 280", () => expect(TERME_DAYS_AFTER_DDR).toBe(41 * 7));
  it.each([
    ["2026-01-01", "2026-10-15"],
    ["2026-03-10", "2026-12-22"],
    ["2024-05-18", "2025-03-01"], // crosses a non-leap February
    ["2023-05-19", "2024-03-01"], // crosses 29 February 2024
  ])("DDR %s gives terme %s", (ddr, terme) => {
    expect(termeFromDdr(ddr)).toBe(terme);
    expect(ddrFromTerme(terme)).toBe(ddr);
  });
});

describe("gestational age", () => {
  const terme = "2027-04-10"; // DDR 2026-06-27
  it("counts completed weeks of amenorrhoea from the DDR", () => {
    expect(gestationalAge(terme, "2026-06-27")).toEqual({ weeks: 0, days: 0 });
    expect(gestationalAge(terme, "2026-11-14")).toEqual({ weeks: 20, days: 0 });
    expect(gestationalAge(terme, "2026-11-17")).toEqual({ weeks: 20, days: 3 });
    expect(gestationalAge(terme, terme)).toEqual({ weeks: 41, days: 0 });
  });
  it("formats like maternity staff", () => {
    expect(formatGestationalAge({ weeks: 20, days: 0 })).toBe("20 SA");
    expect(formatGestationalAge({ weeks: 20, days: 1 })).toBe("20 SA + 1 jour");
    expect(formatGestationalAge({ weeks: 20, days: 3 })).toBe("20 SA + 3 jours");
  });
});
