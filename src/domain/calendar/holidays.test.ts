import { describe, expect, it } from "vitest";
import { addDays } from "../dates.js";
import {
  easterSunday,
  frenchPublicHolidays,
  isJourOuvrable,
  isPublicHoliday,
  isWorkingDay,
  jourOuvrableOnOrAfter,
  lastOfJoursOuvrables,
  nextWorkingDay,
  workingDayOnOrAfter,
} from "./holidays.js";
import { isoWeekday } from "./weekdays.js";

describe("Easter Sunday (anonymous Gregorian algorithm)", () => {
  it.each([
    [2000, "2000-04-23"],
    [2008, "2008-03-23"],
    [2011, "2011-04-24"],
    [2019, "2019-04-21"],
    [2024, "2024-03-31"],
    [2025, "2025-04-20"],
    [2026, "2026-04-05"],
    [2027, "2027-03-28"],
    [2038, "2038-04-25"], // latest possible date
    [2285, "2285-03-22"], // earliest possible date
  ])("%i → %s", (year, easter) => expect(easterSunday(year)).toBe(easter));

  it("is always a Sunday between 22 March and 25 April (1900–2400)", () => {
    for (let year = 1900; year <= 2400; year += 1) {
      const easter = easterSunday(year);
      expect(isoWeekday(easter)).toBe(7);
      expect(easter.slice(5) >= "03-22" && easter.slice(5) <= "04-25").toBe(true);
    }
  });
});

describe("French public holidays (national metropolitan list, C. trav. L3133-1)", () => {
  it.each([
    [
      2026,
      [
        "2026-01-01",
        "2026-04-06",
        "2026-05-01",
        "2026-05-08",
        "2026-05-14",
        "2026-05-25",
        "2026-07-14",
        "2026-08-15",
        "2026-11-01",
        "2026-11-11",
        "2026-12-25",
      ],
    ],
    [
      2024,
      [
        "2024-01-01",
        "2024-04-01",
        "2024-05-01",
        "2024-05-08",
        "2024-05-09",
        "2024-05-20",
        "2024-07-14",
        "2024-08-15",
        "2024-11-01",
        "2024-11-11",
        "2024-12-25",
      ],
    ],
    // 2027: Easter on 28 March, Ascension on 6 May.
    [
      2027,
      [
        "2027-01-01",
        "2027-03-29",
        "2027-05-01",
        "2027-05-06",
        "2027-05-08",
        "2027-05-17",
        "2027-07-14",
        "2027-08-15",
        "2027-11-01",
        "2027-11-11",
        "2027-12-25",
      ],
    ],
  ])("%i", (year, list) => expect(frenchPublicHolidays(year)).toEqual(list));

  it("returns a copy (the cache cannot be changed by a caller)", () => {
    frenchPublicHolidays(2026).pop();
    expect(frenchPublicHolidays(2026)).toHaveLength(11);
  });

  it.each([
    ["2026-04-03", false, "Good Friday: Alsace-Moselle only"],
    ["2026-12-26", false, "26 December: Alsace-Moselle only"],
    ["2026-04-05", false, "Easter Sunday itself is a Sunday, not in the list"],
    ["2026-04-06", true, "Easter Monday"],
    ["2026-05-25", true, "Whit Monday"],
  ])("%s holiday = %s (%s)", (date, holiday) => expect(isPublicHoliday(date)).toBe(holiday));
});

describe("working days and jours ouvrables", () => {
  it.each([
    ["2026-11-20", true, true], // Friday
    ["2026-11-21", false, true], // Saturday: ouvrable, not a working day for a deadline
    ["2026-11-22", false, false], // Sunday
    ["2026-11-11", false, false], // Wednesday, Armistice
    ["2026-07-14", false, false], // Tuesday, Fête nationale
  ])("%s working=%s ouvrable=%s", (date, working, ouvrable) => {
    expect(isWorkingDay(date)).toBe(working);
    expect(isJourOuvrable(date)).toBe(ouvrable);
  });

  it.each([
    ["2026-04-03", "2026-04-07"], // Friday → Tuesday after Easter Monday
    ["2026-12-24", "2026-12-28"], // Thursday → Christmas Friday, weekend → Monday
    ["2026-12-31", "2027-01-04"], // Thursday → 1 January Friday, weekend → Monday
    ["2026-11-18", "2026-11-19"], // ordinary Wednesday → Thursday
  ])("nextWorkingDay(%s) = %s", (date, next) => expect(nextWorkingDay(date)).toBe(next));

  it.each([
    ["2026-11-18", "2026-11-18"],
    ["2026-11-21", "2026-11-23"],
    ["2026-05-24", "2026-05-26"], // Pentecost Sunday → Whit Monday → Tuesday
  ])("workingDayOnOrAfter(%s) = %s", (date, day) => expect(workingDayOnOrAfter(date)).toBe(day));

  it.each([
    ["2026-11-21", "2026-11-21"], // Saturday is ouvrable
    ["2026-11-22", "2026-11-23"],
    ["2026-04-05", "2026-04-07"], // Easter Sunday → Easter Monday → Tuesday
  ])("jourOuvrableOnOrAfter(%s) = %s", (date, day) => expect(jourOuvrableOnOrAfter(date)).toBe(day));

  it.each([
    ["2026-11-19", 3, "2026-11-21"], // Thu, Fri, Sat
    ["2026-11-20", 3, "2026-11-23"], // Fri, Sat, (Sun) Mon
    ["2026-12-24", 3, "2026-12-28"], // Thu, (Christmas) Sat, (Sun) Mon
    ["2026-11-18", 1, "2026-11-18"],
  ])("%s + %i jours ouvrables ends on %s", (start, count, end) => expect(lastOfJoursOuvrables(start, count)).toBe(end));

  it("never returns a weekend or holiday as next working day (two years)", () => {
    for (let day = "2026-01-01"; day < "2028-01-01"; day = addDays(day, 1)) {
      const next = nextWorkingDay(day);
      expect(isoWeekday(next)).toBeLessThanOrEqual(5);
      expect(isPublicHoliday(next)).toBe(false);
    }
  });
});
