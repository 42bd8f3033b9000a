import { describe, expect, it } from "vitest";
import { frenchList, groupAlike, monthGrid, splitAgenda, thisWeek } from "./agenda.js";

const events = [
  { id: "ouvert", start: "2026-11-01", end: "2026-11-30" },
  { id: "bientot", start: "2026-12-10", end: "2026-12-10" },
  { id: "plus-tard", start: "2027-03-01", end: "2027-03-31" },
  { id: "passe", start: "2026-10-01", end: "2026-11-21" },
  { id: "fait", start: "2026-11-20", end: "2026-12-20" },
  { id: "aujourdhui", start: "2026-11-22", end: "2026-11-22" },
];

describe("splitAgenda", () => {
  it("sorts now, soon, later and past, done events with the past", () => {
    const agenda = splitAgenda(events, "2026-11-22", new Set(["fait"]));
    expect(agenda.now.map((e) => e.id)).toEqual(["aujourdhui", "ouvert"]);
    expect(agenda.soon.map((e) => e.id)).toEqual(["bientot"]);
    expect(agenda.later.map((e) => e.id)).toEqual(["plus-tard"]);
    expect(agenda.past.map((e) => e.id)).toEqual(["fait", "passe"]);
  });
  it("keeps an event open on its last day and past the day after", () => {
    expect(splitAgenda(events, "2026-11-21", new Set()).now.map((e) => e.id)).toContain("passe");
    expect(splitAgenda(events, "2026-11-22", new Set()).past.map((e) => e.id)).toContain("passe");
  });
});

describe("thisWeek", () => {
  it("lists what is open in the next 7 days, soonest deadline first", () => {
    expect(thisWeek(events, "2026-11-22", new Set(["fait"])).map((e) => e.id)).toEqual(["aujourdhui", "ouvert"]);
    expect(thisWeek(events, "2026-12-04", new Set()).map((e) => e.id)).toEqual(["bientot", "fait"]);
  });
});

describe("monthGrid", () => {
  it("starts on Monday and covers the month", () => {
    const grid = monthGrid(events, 2026, 11); // 1 November 2026 is a Sunday
    expect(grid[0]!.map((d) => d.date)).toEqual([null, null, null, null, null, null, "2026-11-01"]);
    expect(grid.flat().filter((d) => d.date).length).toBe(30);
    expect(grid.flat().find((d) => d.date === "2026-11-22")!.events.map((e) => e.id)).toEqual(["ouvert", "fait", "aujourdhui"]);
  });
  it("handles 29 February", () => {
    expect(monthGrid([], 2028, 2).flat().filter((d) => d.date).length).toBe(29);
  });
});

describe("groupAlike and frenchList (twins' identical steps listed once)", () => {
  it("groups by key in the order of the first item", () => {
    const items = [
      { id: "a:vaccin", key: "vaccin" },
      { id: "b:vaccin", key: "vaccin" },
      { id: "a:examen", key: "examen" },
    ];
    expect(groupAlike(items, (i) => i.key).map((g) => g.map((i) => i.id))).toEqual([["a:vaccin", "b:vaccin"], ["a:examen"]]);
  });
  it.each([
    [["Léa"], "Léa"],
    [["Léa", "Noé"], "Léa et Noé"],
    [["Léa", "Noé", "Zoé"], "Léa, Noé et Zoé"],
    [["Léa", "Léa"], "Léa"],
  ])("%j → %s", (names, text) => expect(frenchList(names)).toBe(text));
});
