import { describe, expect, it } from "vitest";
import { computeCalendar, sharedBirthSubjects } from "./calendar.js";
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

describe("twins born", () => {
  const twins: Profile = {
    version: 2,
    project: null,
    pregnancy: null,
    children: [
      { id: "lea", firstName: "Léa", birthDate: "2026-09-20" },
      { id: "noe", firstName: "Noé", birthDate: "2026-09-20" },
    ],
    situations: [],
  };
  it("the birth's shared events (leave, mother's follow-up) belong to both children", () => {
    const input = calendarInputFromProfile(twins);
    const shared = sharedBirthSubjects(input);
    const events = computeCalendar(input);
    const leave = events.find((e) => e.ruleId === "conge-maternite")!;
    expect(shared.get(leave.id)).toEqual(["enfant-lea", "enfant-noe"]);
    // Per-child steps (vaccines, exams) stay each child's own.
    const vaccines = events.filter((e) => e.ruleId === events.find((v) => v.kind === "vaccination")!.ruleId);
    expect(vaccines.map((e) => e.subject)).toEqual(["enfant-lea", "enfant-noe"]);
    for (const vaccine of vaccines) expect(shared.has(vaccine.id)).toBe(false);
  });
  it("nothing is shared for a single child", () => {
    expect(sharedBirthSubjects(calendarInputFromProfile({ ...twins, children: [twins.children[0]!] })).size).toBe(0);
  });
  it("no « bébé à naître » forecast once the babies of the pregnancy are entered", () => {
    const stillPregnant: Profile = { ...twins, pregnancy: { terme: "2026-10-01", ddr: null, babies: 2 } };
    const input = withBirthForecast(calendarInputFromProfile(stillPregnant));
    expect(input.children.map((c) => c.id)).toEqual(["lea", "noe"]);
    // A pregnancy after an older child still forecasts its baby.
    const next = withBirthForecast(calendarInputFromProfile({ ...twins, pregnancy: { terme: "2027-09-01", ddr: null, babies: 1 } }));
    expect(next.children.map((c) => c.id)).toEqual(["lea", "noe", "a-naitre-1"]);
  });
});
