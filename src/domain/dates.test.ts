import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addDays, addMonths, addYears, daysBetween, formatFrenchDate, isValidIsoDate, isoDateInTimeZone, monthsBetween } from "./dates.js";

describe("isValidIsoDate", () => {
  it.each(["2024-02-29", "2026-12-31", "2000-02-29", "2026-01-01"])("accepts %s", (d) => expect(isValidIsoDate(d)).toBe(true));
  it.each(["2026-02-30", "2025-02-29", "1900-02-29", "2026-13-01", "2026-04-31", "2026-1-01", "26-01-01", "", "2026-00-10", "abc", "2026-01-01T00:00"])(
    "rejects %s",
    (d) => expect(isValidIsoDate(d)).toBe(false),
  );
  it("rejects non-strings", () => {
    expect(isValidIsoDate(20260101)).toBe(false);
    expect(isValidIsoDate(null)).toBe(false);
  });
});

describe("date arithmetic", () => {
  it("adds days across months, years and leap days", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2024-02-29", 1)).toBe("2024-03-01");
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });
  it("adds months, clamping to the month's end", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2026-11-15", 3)).toBe("2027-02-15");
    expect(addMonths("2026-03-15", -3)).toBe("2025-12-15");
    expect(addYears("2024-02-29", 1)).toBe("2025-02-28");
  });
  it("counts days and whole months", () => {
    expect(daysBetween("2026-01-01", "2026-12-31")).toBe(364);
    expect(daysBetween("2026-03-01", "2026-02-01")).toBe(-28);
    expect(monthsBetween("2026-01-31", "2026-02-27")).toBe(0);
    expect(monthsBetween("2026-01-15", "2026-02-15")).toBe(1);
    expect(monthsBetween("2026-01-15", "2026-02-14")).toBe(0);
    expect(monthsBetween("2024-06-20", "2026-11-22")).toBe(29);
  });
  it("does not move across a daylight-saving change", () => {
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30");
    expect(addDays("2026-10-24", 2)).toBe("2026-10-26");
  });
  it("refuses impossible dates instead of rolling them over", () => {
    expect(() => addDays("2026-02-30", 1)).toThrow(RangeError);
  });
  it("reads the calendar day in a given time zone", () => {
    const instant = new Date("2026-11-22T23:30:00Z");
    expect(isoDateInTimeZone(instant, "Europe/Paris")).toBe("2026-11-23");
    expect(isoDateInTimeZone(instant, "America/Cayenne")).toBe("2026-11-22");
    expect(isoDateInTimeZone(instant, "Indian/Reunion")).toBe("2026-11-23");
  });
  it("formats in French", () => {
    expect(formatFrenchDate("2026-11-22")).toBe("22 novembre 2026");
    expect(formatFrenchDate("2027-01-01")).toBe("1er janvier 2027");
    expect(formatFrenchDate("2027-05-01")).toBe("1er mai 2027");
    expect(formatFrenchDate("2015-01-07")).toBe("7 janvier 2015");
    expect(formatFrenchDate("2027-05-11")).toBe("11 mai 2027");
  });
  it("writes what Intl writes in French, but the 1er", () => {
    // The form it replaced (issue 19: the first Intl formatter of a page costs its main thread 20-30 ms).
    const intl = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
    const day = fc.integer({ min: Date.UTC(1900, 0, 1) / 86_400_000, max: Date.UTC(2200, 11, 31) / 86_400_000 });
    fc.assert(
      fc.property(day, (epochDay) => {
        const instant = new Date(epochDay * 86_400_000);
        const expected = intl.format(instant).replace(/^1 /, "1er ");
        expect(formatFrenchDate(instant.toISOString().slice(0, 10))).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
  it("refuses what is not a calendar day", () => {
    expect(() => formatFrenchDate("2026-02-30")).toThrow(RangeError);
  });
});
