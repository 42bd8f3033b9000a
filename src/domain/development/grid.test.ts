import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addDays, addMonths } from "../dates.js";
import { TERME_DAYS_AFTER_DDR } from "../journey/pregnancy.js";
import { GRID_BANDS, bandForMonths, bandOn, bandWindow, nextBand } from "./grid.js";

function bornAt(birthDate: string, weeks: number, days = 0) {
  return { birthDate, expectedTerme: addDays(birthDate, TERME_DAYS_AFTER_DDR - (weeks * 7 + days)) };
}

describe("the 8 age bands of the 2024 grid", () => {
  it("cover 6 to 83 months without gap, thresholds 2 then 3 from 4 ans", () => {
    expect(GRID_BANDS.map((b) => [b.id, b.fromMonths, b.toMonths, b.alertNon, b.domains.length])).toEqual([
      ["6-mois", 6, 11, 2, 4],
      ["12-mois", 12, 17, 2, 4],
      ["18-mois", 18, 23, 2, 4],
      ["24-mois", 24, 35, 2, 4],
      ["3-ans", 36, 47, 2, 4],
      ["4-ans", 48, 59, 3, 5],
      ["5-ans", 60, 71, 3, 5],
      ["6-ans", 72, 83, 3, 5],
    ]);
    expect(bandForMonths(5)).toBeNull();
    expect(bandForMonths(84)).toBeNull();
  });

  // Day before / of / after each band's first day, child born at term (real age).
  const term = { birthDate: "2024-01-31" };
  it.each(
    GRID_BANDS.flatMap((band, i) => {
      const start = addMonths(term.birthDate, band.fromMonths);
      return [
        [band.id, addDays(start, -1), GRID_BANDS[i - 1]?.id ?? null],
        [band.id, start, band.id],
        [band.id, addDays(start, 1), band.id],
      ] as const;
    }),
  )("band %s: on %s the grid is %s", (_band, day, expected) => {
    expect(bandOn(term, day)?.id ?? null).toBe(expected);
  });

  it("after 83 months there is no grid", () => {
    expect(bandOn(term, addDays(addMonths(term.birthDate, 84), -1))?.id).toBe("6-ans");
    expect(bandOn(term, addMonths(term.birthDate, 84))).toBeNull();
  });
});

describe("premature babies: bands by corrected age before 2 years", () => {
  const preterm = bornAt("2026-03-01", 32); // corrected birth 2026-04-26
  it.each([
    ["2026-10-25", null], // real 7 months 24 days, corrected 5 months 29 days
    ["2026-10-26", "6-mois"], // corrected 6 months
    ["2026-12-01", "6-mois"], // the e2e child: real 9 months, corrected 7
    ["2027-04-25", "6-mois"],
    ["2027-04-26", "12-mois"],
    ["2028-02-29", "18-mois"], // corrected 22 months, the day before 2 years
    ["2028-03-01", "24-mois"], // second birthday: real age
  ])("on %s the grid is %s", (day, expected) => {
    expect(bandOn(preterm, day)?.id ?? null).toBe(expected);
  });

  it("born at 36+6 SA uses the corrected age, 37+0 SA the real age", () => {
    const day = "2026-09-15"; // real 6 months 14 days
    expect(bandOn(bornAt("2026-03-01", 37, 0), day)?.id).toBe("6-mois");
    expect(bandOn(bornAt("2026-03-01", 36, 6), day)).toBeNull(); // corrected 5 months 22 days
  });

  it("gives each band a window, the next one after today", () => {
    expect(bandWindow(preterm, GRID_BANDS[0]!)).toEqual({ start: "2026-10-26", end: "2027-04-25" });
    expect(bandWindow(preterm, GRID_BANDS[2]!)).toEqual({ start: "2027-10-26", end: "2028-02-29" }); // cut by the jump at 2 years
    expect(bandWindow(preterm, GRID_BANDS[3]!)).toEqual({ start: "2028-03-01", end: "2029-02-28" });
    expect(nextBand(preterm, "2026-12-01")).toEqual({ band: GRID_BANDS[1], start: "2027-04-26" });
    expect(nextBand(preterm, "2026-05-01")?.band.id).toBe("6-mois");
    expect(nextBand({ birthDate: "2019-01-01" }, "2026-12-01")).toBeNull();
  });

  it("property: every band has a window for any gestational age the profile accepts, consistent with bandOn", () => {
    fc.assert(
      fc.property(fc.integer({ min: 21 * 7, max: 41 * 7 }), fc.integer({ min: 0, max: 3000 }), (gaDays, offset) => {
        const child = bornAt(addDays("2020-01-01", offset), Math.floor(gaDays / 7), gaDays % 7);
        for (const band of GRID_BANDS) {
          const w = bandWindow(child, band);
          if (!w) return false;
          if (bandOn(child, w.start)?.id !== band.id || bandOn(child, w.end)?.id !== band.id) return false;
          if (bandOn(child, addDays(w.start, -1))?.id === band.id || bandOn(child, addDays(w.end, 1))?.id === band.id) return false;
        }
        return true;
      }),
    );
  });
});
