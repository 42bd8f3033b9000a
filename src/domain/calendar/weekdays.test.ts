import { describe, expect, it } from "vitest";
import { addDays } from "../dates.js";
import { isoWeekday, isSaturday, isSunday, isWeekend } from "./weekdays.js";

describe("isoWeekday (1 = Monday … 7 = Sunday)", () => {
  it.each([
    ["1900-01-01", 1],
    ["2000-01-01", 6],
    ["2024-01-01", 1],
    ["2024-02-29", 4],
    ["2026-04-05", 7],
    ["2026-11-22", 7],
    ["2027-04-10", 6],
  ])("%s → %i", (date, weekday) => expect(isoWeekday(date)).toBe(weekday));

  it("agrees with the UTC weekday of Date over ten years", () => {
    for (let day = "2020-01-01"; day < "2030-01-01"; day = addDays(day, 1)) {
      const utc = new Date(`${day}T00:00:00Z`).getUTCDay();
      expect(isoWeekday(day)).toBe(utc === 0 ? 7 : utc);
    }
  });

  it("names the weekend", () => {
    expect([isSaturday("2026-11-21"), isSunday("2026-11-22"), isWeekend("2026-11-21"), isWeekend("2026-11-20")]).toEqual([true, true, true, false]);
  });
});
