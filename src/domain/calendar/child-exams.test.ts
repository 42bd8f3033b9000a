import { describe, expect, it } from "vitest";
import { addDays } from "../dates.js";
import { CHILD_EXAMS, childExamEvents } from "./child-exams.js";

const windows = (birth: string) => Object.fromEntries(childExamEvents("enfant-a", birth, false).map((e) => [e.ruleId, [e.start, e.end]]));

describe("compulsory child exams of the first 3 years (list in force since 1 January 2025)", () => {
  it("has 13 exams, without the removed 'end of the 1st month' exam", () => {
    expect(CHILD_EXAMS.map((r) => r.ruleId)).toEqual([
      "examen-8-jours",
      "examen-2e-semaine",
      "examen-2e-mois",
      "examen-3e-mois",
      "examen-4e-mois",
      "examen-5e-mois",
      "examen-6e-mois",
      "examen-9e-mois",
      "examen-12e-mois",
      "examen-13e-mois",
      "examen-16-18-mois",
      "examen-24-25-mois",
      "examen-3e-annee",
    ]);
  });

  it("marks the health certificates at 8 days, 9th month and 24th/25th month (R2132-2)", () => {
    const events = childExamEvents("enfant-a", "2025-01-15", false);
    expect(events.filter((e) => e.healthCertificate).map((e) => e.ruleId)).toEqual(["examen-8-jours", "examen-9e-mois", "examen-24-25-mois"]);
    expect(events.every((e) => e.compulsory && e.kind === "suivi-medical" && e.audience.join() === "enfant")).toBe(true);
    expect(events.find((e) => e.ruleId === "examen-9e-mois")?.description).toMatch(/certificat de santé/);
  });

  it.each([
    ["examen-8-jours", "2025-01-15", "2025-01-23"],
    ["examen-2e-semaine", "2025-01-22", "2025-01-28"],
    ["examen-2e-mois", "2025-02-15", "2025-03-14"], // "au cours du 2e mois": from 1 month to 2 months − 1 day
    ["examen-3e-mois", "2025-03-15", "2025-04-14"],
    ["examen-4e-mois", "2025-04-15", "2025-05-14"],
    ["examen-5e-mois", "2025-05-15", "2025-06-14"],
    ["examen-6e-mois", "2025-06-15", "2025-07-14"],
    ["examen-9e-mois", "2025-09-15", "2025-10-14"],
    ["examen-12e-mois", "2025-12-15", "2026-01-14"],
    ["examen-13e-mois", "2026-01-15", "2026-02-14"],
    ["examen-16-18-mois", "2026-05-15", "2026-07-14"],
    ["examen-24-25-mois", "2026-12-15", "2027-02-14"],
    ["examen-3e-annee", "2027-01-15", "2028-01-14"],
  ])("born 2025-01-15: %s from %s to %s", (ruleId, start, end) => expect(windows("2025-01-15")[ruleId]).toEqual([start, end]));

  it.each([
    ["examen-2e-mois", "2024-03-29", "2024-04-28"],
    ["examen-12e-mois", "2025-01-29", "2025-02-27"], // no 29 February in 2025: 1 year old on 28 February
    ["examen-13e-mois", "2025-02-28", "2025-03-28"],
    ["examen-3e-annee", "2026-02-28", "2027-02-27"],
  ])("born 29 February 2024: %s from %s to %s", (ruleId, start, end) => expect(windows("2024-02-29")[ruleId]).toEqual([start, end]));

  it.each(["2025-01-31", "2024-02-29", "2024-12-31", "2026-08-31"])("born %s: monthly windows are contiguous, without gap or overlap", (birth) => {
    const w = windows(birth);
    const months = ["examen-2e-mois", "examen-3e-mois", "examen-4e-mois", "examen-5e-mois", "examen-6e-mois"];
    for (let i = 1; i < months.length; i += 1) expect(w[months[i]!]![0]).toBe(addDays(w[months[i - 1]!]![1]!, 1));
    expect(w["examen-13e-mois"]![0]).toBe(addDays(w["examen-12e-mois"]![1]!, 1));
  });

  it("adds the prematurity article for a premature baby, with the same windows (real age)", () => {
    const premature = childExamEvents("enfant-a", "2025-01-15", true);
    expect(premature.every((e) => e.articles.includes("prematurite-premiers-mois"))).toBe(true);
    expect(premature.map((e) => [e.start, e.end])).toEqual(childExamEvents("enfant-a", "2025-01-15", false).map((e) => [e.start, e.end]));
  });
});

describe("vitamins D and K", () => {
  it("link the first exams (birth to the 2nd month) to the vitamins article, and only them", () => {
    const events = childExamEvents("enfant-a", "2026-03-10", false);
    expect(events.filter((e) => e.articles.includes("vitamines-d-et-k-bebe")).map((e) => e.ruleId)).toEqual([
      "examen-8-jours",
      "examen-2e-semaine",
      "examen-2e-mois",
    ]);
  });
});
