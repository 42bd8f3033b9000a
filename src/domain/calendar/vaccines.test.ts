import { describe, expect, it } from "vitest";
import { vaccineCohort, vaccineEvents } from "./vaccines.js";

const events = (birth: string, bcgRecommended = false) => vaccineEvents({ subject: "enfant-a", birth, bcgRecommended });
const summary = (birth: string) => events(birth).map((e) => `${e.ruleId}${e.compulsory ? "" : " (recommandé)"}`);

describe("vaccination cohorts", () => {
  it.each([
    ["2017-12-31", "avant-2018"],
    ["2018-01-01", "2018-2024"],
    ["2024-12-31", "2018-2024"],
    ["2025-01-01", "2025"],
  ])("born %s → cohort %s", (birth, cohort) => expect(vaccineCohort(birth)).toBe(cohort));

  it("born 1 January 2025: MenB and MenACWY compulsory, rotavirus recommended", () => {
    expect(summary("2025-01-01")).toEqual([
      "vaccins-2-mois",
      "vaccins-3-mois",
      "vaccins-4-mois",
      "vaccins-5-mois",
      "vaccins-6-mois",
      "vaccins-11-mois",
      "vaccins-12-mois",
      "vaccins-16-18-mois",
      "vaccin-rotavirus (recommandé)",
    ]);
    const byRule = new Map(events("2025-01-01").map((e) => [e.ruleId, e.description]));
    expect(byRule.get("vaccins-3-mois")).toMatch(/méningocoque B, 1re dose/);
    expect(byRule.get("vaccins-6-mois")).toMatch(/méningocoques A, C, W et Y, 1re dose/);
    expect(byRule.get("vaccins-12-mois")).toMatch(/rougeole-oreillons-rubéole \(1re dose\), rappel méningocoques A, C, W et Y et rappel méningocoque B/);
  });

  it("born 31 December 2024: MenC at 5 and 12 months compulsory, MenB recommended", () => {
    expect(summary("2024-12-31")).toEqual([
      "vaccins-2-mois",
      "vaccins-4-mois",
      "vaccins-5-mois",
      "vaccins-11-mois",
      "vaccins-12-mois",
      "vaccins-16-18-mois",
      "vaccin-menb-3-mois (recommandé)",
      "vaccin-menb-5-mois (recommandé)",
      "vaccin-menb-12-mois (recommandé)",
      "vaccin-rotavirus (recommandé)",
    ]);
    const byRule = new Map(events("2024-12-31").map((e) => [e.ruleId, e.description]));
    expect(byRule.get("vaccins-5-mois")).toMatch(/méningocoque C, 1re dose/);
    expect(byRule.get("vaccins-12-mois")).toMatch(/méningocoque C, 2e dose/);
  });

  it("born before 2018: no infant schedule (outside the first 1000 days), BCG only when flagged", () => {
    expect(events("2017-12-31")).toEqual([]);
    expect(events("2017-12-31", true).map((e) => e.ruleId)).toEqual(["vaccin-bcg"]);
  });

  it.each([
    ["2022-01-24", false], // 3-month dose due 24 April 2022, before the 2022 schedule (25 April)
    ["2022-01-25", true],
    ["2021-06-01", false],
    ["2018-01-01", false],
  ])("born %s: recommended MenB shown = %s", (birth, shown) => expect(events(birth).some((e) => e.ruleId.startsWith("vaccin-menb"))).toBe(shown));

  it.each([
    ["2022-05-11", false], // first dose due 11 July 2022, before the HAS recommendation (12 July)
    ["2022-05-12", true],
    ["2019-03-01", false],
  ])("born %s: rotavirus shown = %s", (birth, shown) => expect(events(birth).some((e) => e.ruleId === "vaccin-rotavirus")).toBe(shown));

  it.each([
    ["2024-08-15", "vaccins-5-mois", true], // MenC dose due 15 January 2025
    ["2024-08-15", "vaccins-2-mois", false], // not a meningococcal dose
    ["2023-06-01", "vaccins-12-mois", false], // due 1 June 2024
    ["2024-01-10", "vaccins-12-mois", true], // due 10 January 2025
    ["2025-03-01", "vaccins-12-mois", false], // 2025 cohort: already ACWY
  ])("born %s: %s mentions the ACWY vaccine used since 2025 = %s", (birth, ruleId, note) => {
    expect(
      events(birth)
        .find((e) => e.ruleId === ruleId)
        ?.description.includes("Depuis 2025"),
    ).toBe(note);
  });
});

describe("vaccine windows (real age, also for premature babies)", () => {
  it.each([
    ["vaccins-2-mois", "2025-03-15", "2025-04-14"],
    ["vaccins-11-mois", "2025-12-15", "2026-01-14"],
    ["vaccins-12-mois", "2026-01-15", "2026-02-14"],
    ["vaccins-16-18-mois", "2026-05-15", "2026-07-14"],
    ["vaccin-rotavirus", "2025-03-15", "2025-05-14"], // first dose before 4 months
    ["vaccin-bcg", "2025-02-15", "2025-03-14"], // during the 2nd month
  ])("born 2025-01-15: %s from %s to %s", (ruleId, start, end) => {
    const e = events("2025-01-15", true).find((x) => x.ruleId === ruleId);
    expect([e?.start, e?.end]).toEqual([start, end]);
  });

  it("shows BCG only when recommended for the child", () => {
    expect(events("2025-01-15").some((e) => e.ruleId === "vaccin-bcg")).toBe(false);
    expect(events("2025-01-15", true).find((e) => e.ruleId === "vaccin-bcg")?.compulsory).toBe(false);
  });

  it("uses the vaccination kind and the child as audience", () => {
    expect(events("2025-01-15", true).every((e) => e.kind === "vaccination" && e.audience.join() === "enfant")).toBe(true);
  });
});
