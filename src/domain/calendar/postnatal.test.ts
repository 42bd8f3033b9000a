import { describe, expect, it } from "vitest";
import { daysBetween } from "../dates.js";
import {
  birthDeclarationDeadline,
  birthDeclarationEvent,
  homeVisitsWindow,
  midwifeSessionsWindow,
  motherFollowUpEvents,
  perinealRehabilitationWindow,
  postnatalExamWindow,
  postnatalInterviewWindow,
  secondPostnatalInterviewWindow,
} from "./postnatal.js";

describe("déclaration de naissance: 5 days, day of birth not counted, extended past weekends and holidays (C. civ. art. 55, F961)", () => {
  it.each([
    ["2026-11-18", "2026-11-23", "Wednesday → Monday, no extension"],
    ["2026-11-16", "2026-11-23", "Monday → Saturday → next Monday (the F961 example)"],
    ["2026-03-31", "2026-04-07", "last day Easter Sunday, then Easter Monday → Tuesday"],
    ["2026-05-19", "2026-05-26", "last day Pentecost Sunday, then Whit Monday → Tuesday"],
    ["2026-05-20", "2026-05-26", "last day Whit Monday → Tuesday"],
    ["2026-05-09", "2026-05-15", "last day Ascension Thursday → Friday"],
    ["2026-11-06", "2026-11-12", "last day 11 November → Thursday"],
    ["2026-12-20", "2026-12-28", "last day Christmas Friday → Monday"],
    ["2026-12-27", "2027-01-04", "last day 1 January Friday → Monday, across the year"],
    ["2024-12-31", "2025-01-06", "born 31 December 2024: last day Sunday → Monday"],
    ["2025-01-01", "2025-01-06", "born 1 January 2025 (a holiday itself, it is not counted)"],
    ["2024-02-24", "2024-02-29", "last day 29 February, a Thursday"],
    ["2024-02-26", "2024-03-04", "Monday before 29 February → Saturday 2 March → Monday"],
    ["2026-04-05", "2026-04-10", "born on Easter Sunday: Good Friday is not a national holiday"],
  ])("born %s → %s (%s)", (birth, deadline) => expect(birthDeclarationDeadline(birth)).toBe(deadline));

  it("is a compulsory step at the mairie, from the birth to the deadline", () => {
    const e = birthDeclarationEvent("enfant-a", "2026-11-16");
    expect([e.id, e.start, e.end, e.compulsory, e.kind]).toEqual(["enfant-a:declaration-naissance", "2026-11-16", "2026-11-23", true, "demarche"]);
    expect(e.placeTypes).toContain("mairie");
  });
});

describe("the mother's follow-up (ordinal weeks after birth, day of birth = day 0)", () => {
  const birth = "2026-03-10";
  it.each([
    ["entretien postnatal précoce, weeks 4–8 (L2122-1)", postnatalInterviewWindow, 21, 55],
    ["2nd entretien, weeks 10–14", secondPostnatalInterviewWindow, 63, 97],
    ["postnatal exam, 6 to 8 weeks", postnatalExamWindow, 42, 55],
    ["2 midwife sessions, day 8 to week 14", midwifeSessionsWindow, 8, 97],
    ["home visits until day 12", homeVisitsWindow, 0, 12],
  ])("%s: day %i → day %i", (_label, window, from, to) => {
    const w = window(birth);
    expect([daysBetween(birth, w.start), daysBetween(birth, w.end)]).toEqual([from, to]);
  });

  it("starts perineal rehabilitation at 6 weeks, shown until the child is 6 months old", () => {
    expect(perinealRehabilitationWindow(birth)).toEqual({ start: "2026-04-21", end: "2026-09-09" });
  });

  it.each([
    [1, false, true],
    [2, false, false],
    [2, true, true],
    [4, true, true],
  ])("rank %i, risk factors %s → second entretien %s", (rank, risk, shown) => {
    const events = motherFollowUpEvents({ subject: "enfant-a", birth, rank, postnatalRiskFactors: risk });
    expect(events.some((e) => e.ruleId === "entretien-postnatal-2")).toBe(shown);
  });

  it("marks the EPNP and the postnatal exam compulsory, as the law does (the 2nd entretien is only offered)", () => {
    const events = motherFollowUpEvents({ subject: "enfant-a", birth, rank: 1, postnatalRiskFactors: false });
    expect(events.filter((e) => e.compulsory).map((e) => e.ruleId)).toEqual(["entretien-postnatal-precoce", "examen-postnatal"]);
    const epnp = events.find((e) => e.ruleId === "entretien-postnatal-precoce");
    expect(epnp?.description).toMatch(/La loi le rend obligatoire : il doit vous être proposé, et c'est à vous de l'accepter/);
    expect(epnp?.source.url).toMatch(/^https:\/\/www\.legifrance\.gouv\.fr\//);
    expect(events.find((e) => e.ruleId === "reeducation-perinee")?.placeTypes).toEqual(["sage-femme", "kinesitherapeute"]);
  });
});
