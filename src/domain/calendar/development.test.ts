import { describe, expect, it } from "vitest";
import { addDays } from "../dates.js";
import { TERME_DAYS_AFTER_DDR } from "../journey/pregnancy.js";
import { computeCalendar } from "./calendar.js";
import { childExamEvents } from "./child-exams.js";
import { developmentCheckEvents } from "./development.js";

const term = { birthDate: "2026-03-01" };
const preterm = { birthDate: "2026-03-01", expectedTerme: addDays("2026-03-01", TERME_DAYS_AFTER_DDR - 32 * 7) }; // born at 32 SA

describe("the development check in the calendar", () => {
  it("is proposed at each age of the grid within the 1000 days (6 to 35 months), over the band's days", () => {
    const events = developmentCheckEvents("enfant-a", term);
    expect(events.map((e) => [e.ruleId, e.start, e.end])).toEqual([
      ["reperage-developpement-6-mois", "2026-09-01", "2027-02-28"],
      ["reperage-developpement-12-mois", "2027-03-01", "2027-08-31"],
      ["reperage-developpement-18-mois", "2027-09-01", "2028-02-29"],
      ["reperage-developpement-24-mois", "2028-03-01", "2029-02-28"],
    ]);
    expect(events.every((e) => !e.compulsory && e.page === "/developpement/reperage?enfant=a")).toBe(true);
    expect(events[0]!.source.url).toMatch(/^https:\/\/handicap\.gouv\.fr\//);
  });

  it("follows the corrected age of a premature baby before 2 years, the real age after", () => {
    const events = developmentCheckEvents("enfant-a", preterm);
    expect(events.map((e) => [e.ruleId, e.start, e.end])).toEqual([
      ["reperage-developpement-6-mois", "2026-10-26", "2027-04-25"],
      ["reperage-developpement-12-mois", "2027-04-26", "2027-10-25"],
      ["reperage-developpement-18-mois", "2027-10-26", "2028-02-29"],
      ["reperage-developpement-24-mois", "2028-03-01", "2029-02-28"],
    ]);
    expect(events[0]!.description).toContain("âge corrigé");
    expect(events[3]!.description).not.toContain("âge corrigé");
  });

  it("is in each child's calendar (twins: one check each), and the exams from 9 months mention it", () => {
    const child = (id: string) => ({ id, birthDate: "2026-03-01", expectedTerme: null, rank: 1, siblingsBornSameDay: 1, bcgRecommended: false });
    const ids = computeCalendar({ pregnancy: null, children: [child("lea"), child("noe")] })
      .filter((e) => e.ruleId === "reperage-developpement-6-mois")
      .map((e) => e.id);
    expect(ids).toEqual(["enfant-lea:reperage-developpement-6-mois", "enfant-noe:reperage-developpement-6-mois"]);
    const exams = childExamEvents("enfant-lea", "2026-03-01", false);
    const mentioning = exams.filter((e) => e.description.includes("repères de développement")).map((e) => e.ruleId);
    expect(mentioning).toEqual(["examen-9e-mois", "examen-12e-mois", "examen-13e-mois", "examen-16-18-mois", "examen-24-25-mois", "examen-3e-annee"]);
    expect(exams.find((e) => e.ruleId === "examen-9e-mois")?.page).toBe("/developpement?enfant=lea");
  });
});

describe("a past development check", () => {
  it("is never « pas encore fait »: the next age's check replaces it", async () => {
    const { canCatchUp } = await import("./agenda.js");
    const [first] = developmentCheckEvents("enfant-a", term);
    expect(canCatchUp(first!, false)).toBe(false);
    expect(canCatchUp(childExamEvents("enfant-a", term.birthDate, false)[7]!, false)).toBe(true);
  });
});
