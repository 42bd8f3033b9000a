import { describe, expect, it } from "vitest";
import { computeCalendar } from "./calendar.js";
import { calendarInputFromProfile, withBirthForecast } from "./from-profile.js";
import type { Profile } from "../profile/profile.js";

const profile = (babies: number): Profile => ({
  version: 2,
  project: null,
  pregnancy: { terme: "2027-06-01", ddr: null, babies },
  children: [],
  situations: [],
});

describe("the number of babies reaches the calendar", () => {
  // C. trav. art. L1225-17 to L1225-19 (service-public F2265): twins 12 + 22 weeks, triplets or more 24 + 22.
  it.each([
    [1, "2027-04-20", "Congé maternité (16 semaines)"],
    [2, "2027-03-09", "Congé maternité (34 semaines)"],
    [3, "2026-12-15", "Congé maternité (46 semaines)"],
    [4, "2026-12-15", "Congé maternité (46 semaines)"],
  ])("%i baby(ies) due 2027-06-01: maternity leave from %s", (babies, start, title) => {
    const input = calendarInputFromProfile(profile(babies));
    expect(input.pregnancy?.fetuses).toBe(babies);
    const leaves = computeCalendar(withBirthForecast(input)).filter((e) => e.ruleId === "conge-maternite");
    expect(leaves).toHaveLength(1); // one leave for the birth, not one per baby
    const leave = leaves[0];
    expect(leave).toMatchObject({ start, title });
  });
  it("forecasts one child per baby", () => {
    const children = withBirthForecast(calendarInputFromProfile(profile(3))).children;
    expect(children.map((c) => [c.id, c.siblingsBornSameDay])).toEqual([
      ["a-naitre-1", 2],
      ["a-naitre-2", 2],
      ["a-naitre-3", 2],
    ]);
  });
});
