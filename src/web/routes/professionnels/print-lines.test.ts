import { describe, expect, it } from "vitest";
import { computeCalendar } from "../../../domain/calendar/calendar.js";
import { calendarInputFromProfile, withBirthForecast } from "../../../domain/calendar/from-profile.js";
import { profileFromFamilyDates } from "../../../domain/handover/family.js";
import { compactWindow, printLines } from "./print-lines.js";

describe("printed calendar lines", () => {
  it("say a window of days shortly", () => {
    expect(compactWindow("2027-03-12", "2027-03-12")).toBe("12 mars 2027");
    expect(compactWindow("2026-11-01", "2026-11-30")).toBe("novembre 2026");
    expect(compactWindow("2027-02-01", "2027-02-28")).toBe("février 2027");
    expect(compactWindow("2026-10-01", "2026-10-23")).toBe("1er → 23 octobre 2026");
    expect(compactWindow("2027-02-06", "2027-10-01")).toBe("6 février → 1er octobre 2027");
    expect(compactWindow("2026-12-19", "2027-01-08")).toBe("19 décembre 2026 → 8 janvier 2027");
  });

  it("name twins' events once, with both babies", () => {
    const result = profileFromFamilyDates(
      { pregnancy: { dateKind: "terme", date: "2027-05-01", babies: 2 }, children: [], options: { unmarried: false, diabetesRisk: false, bcg: false } },
      "2026-12-01",
    );
    if (!result.ok) throw new Error("profile");
    const events = computeCalendar(withBirthForecast(calendarInputFromProfile(result.profile)));
    const lines = printLines(events, result.profile, "2026-12-01", "2027-12-01");
    const twoMonths = lines.filter((l) => l.title === "Vaccins de 2 mois");
    expect(twoMonths).toHaveLength(1);
    expect(twoMonths[0]!.who).toEqual({ kind: "expected", count: 2 });
    expect(events.filter((e) => e.title === "Vaccins de 2 mois")).toHaveLength(2);
    // Nothing before the day it is printed (finished) nor after the period.
    expect(lines.every((l) => l.end >= "2026-12-01" && l.start <= "2027-12-01")).toBe(true);
    expect(lines.map((l) => l.start)).toEqual([...lines.map((l) => l.start)].sort());
  });
});
