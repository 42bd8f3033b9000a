import { describe, expect, it } from "vitest";
import { canCatchUp, catchUpAdvice, frenchList, groupAlike, monthGrid, splitAgenda, thisWeek } from "./agenda.js";

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
    expect(
      grid
        .flat()
        .find((d) => d.date === "2026-11-22")!
        .events.map((e) => e.id),
    ).toEqual(["ouvert", "fait", "aujourdhui"]);
  });
  it("handles 29 February", () => {
    expect(
      monthGrid([], 2028, 2)
        .flat()
        .filter((d) => d.date).length,
    ).toBe(29);
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

describe("an event never done is not « passé » (issue 13, item 4)", () => {
  const today = "2026-11-22";
  const table = [
    // [case, event, settled ids, expected section]
    ["window over, not done, can be caught up", { id: "epp", start: "2026-08-01", end: "2026-08-31", catchUp: true }, [], "late"],
    ["window over, marked done", { id: "epp", start: "2026-08-01", end: "2026-08-31", catchUp: true }, ["epp"], "past"],
    ["window over, dismissed (settled)", { id: "epp", start: "2026-08-01", end: "2026-08-31", catchUp: true }, ["epp"], "past"],
    ["window over, cannot be caught up (a leave)", { id: "conge", start: "2026-08-01", end: "2026-08-31", catchUp: false }, [], "past"],
    ["window over, no catch-up flag (personal appointment)", { id: "rdv", start: "2026-11-01", end: "2026-11-01" }, [], "past"],
    ["last day is today", { id: "epp", start: "2026-08-01", end: "2026-11-22", catchUp: true }, [], "now"],
    ["open, done", { id: "epp", start: "2026-11-01", end: "2026-11-30", catchUp: true }, ["epp"], "past"],
    ["starts in 10 days", { id: "epp", start: "2026-12-02", end: "2026-12-30", catchUp: true }, [], "soon"],
  ] as const;
  it.each(table)("%s → %s", (_case, event, settled, section) => {
    const agenda = splitAgenda([event], today, new Set<string>(settled));
    const found = (Object.keys(agenda) as (keyof typeof agenda)[]).filter((k) => agenda[k].length > 0);
    expect(found).toEqual([section]);
  });
  it("lists the longest overdue first", () => {
    const agenda = splitAgenda(
      [
        { id: "b", start: "2026-10-01", end: "2026-10-31", catchUp: true },
        { id: "a", start: "2026-08-01", end: "2026-08-31", catchUp: true },
      ],
      today,
      new Set(),
    );
    expect(agenda.late.map((e) => e.id)).toEqual(["a", "b"]);
  });
});

describe("canCatchUp", () => {
  it.each([
    ["an exam of the pregnancy, still pregnant", { kind: "suivi-medical", subject: "grossesse" }, false, true],
    ["an exam of the pregnancy, baby born", { kind: "suivi-medical", subject: "grossesse" }, true, false],
    ["a step of the pregnancy, still pregnant", { kind: "demarche", subject: "grossesse" }, false, true],
    ["a leave", { kind: "droit-conge", subject: "enfant-a" }, false, false],
    ["a leave forecast during the pregnancy", { kind: "droit-conge", subject: "grossesse" }, false, false],
    ["a child's vaccine", { kind: "vaccination", subject: "enfant-a" }, true, true],
    ["a child's exam", { kind: "suivi-medical", subject: "enfant-a" }, true, true],
  ] as const)("%s → %s", (_case, event, pregnancyOver, expected) => expect(canCatchUp(event, pregnancyOver)).toBe(expected));
  it("says what to do now, by kind", () => {
    expect(catchUpAdvice("vaccination")).toMatch(/rattrapage/);
    expect(catchUpAdvice("suivi-medical")).toMatch(/pas trop tard/);
    expect(catchUpAdvice("demarche")).toMatch(/reste à faire/);
  });
});
