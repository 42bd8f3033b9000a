import { describe, expect, it } from "vitest";
import { daysBetween } from "../dates.js";
import { ddrFromTerme } from "../journey/pregnancy.js";
import {
  glucoseTestWindow,
  paternityNoticeWindow,
  pregnancyDeclarationWindow,
  pregnancyEvents,
  prenatalExamWindow,
  rsvCampaignOverlap,
  rsvMaternalWindow,
  ultrasoundWindow,
} from "./pregnancy.js";
import type { PregnancyInput } from "./types.js";
import { pregnancyMonth } from "./windows.js";

const TERME = "2027-04-10"; // DDR 2026-06-27, DDG 2026-07-11
const base: PregnancyInput = { terme: TERME, fetuses: 1, rank: 1, unmarriedParents: false, gestationalDiabetesRisk: false };
const byRule = (p: PregnancyInput) => new Map(pregnancyEvents(p).map((e) => [e.ruleId, e]));

describe("the 7 compulsory prenatal exams (CSP R2122-1, F963)", () => {
  it.each([
    [1, "2026-07-11", "2026-10-10"], // before the end of the 3rd month
    [2, "2026-10-11", "2026-11-10"], // 4th month
    [3, "2026-11-11", "2026-12-10"],
    [4, "2026-12-11", "2027-01-10"], // 6th month
    [5, "2027-01-11", "2027-02-10"],
    [6, "2027-02-11", "2027-03-10"], // 8th month
    [7, "2027-03-11", "2027-04-10"], // 9th month, until the terme
  ])("exam %i: %s → %s", (exam, start, end) => expect(prenatalExamWindow(TERME, exam)).toEqual({ start, end }));

  it("ends the 1st exam around 15 SA (the legal 'end of the 3rd month')", () => {
    for (const terme of ["2027-04-10", "2026-03-01", "2024-12-12", "2025-08-31"]) {
      const days = daysBetween(ddrFromTerme(terme), prenatalExamWindow(terme, 1).end);
      expect(days).toBeGreaterThanOrEqual(14 * 7 + 5);
      expect(days).toBeLessThanOrEqual(15 * 7);
    }
  });

  it("makes month 9 end within two days of the terme", () => {
    for (const terme of ["2027-04-10", "2026-03-01", "2024-12-12", "2025-08-31", "2028-02-29"]) {
      expect(Math.abs(daysBetween(terme, pregnancyMonth(terme, 9).end))).toBeLessThanOrEqual(2);
    }
  });

  it("rejects an exam number outside 1–7", () => {
    expect(() => prenatalExamWindow(TERME, 0)).toThrow(RangeError);
    expect(() => prenatalExamWindow(TERME, 8)).toThrow(RangeError);
  });

  it("marks the 7 exams compulsory, for the mother", () => {
    const exams = pregnancyEvents(base).filter((e) => e.ruleId.startsWith("examen-prenatal-"));
    expect(exams.map((e) => e.id)).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => `grossesse:examen-prenatal-${n}`));
    expect(exams.every((e) => e.compulsory && e.audience.join() === "mere")).toBe(true);
  });
});

describe("ultrasounds (recommended, HAS windows in SA)", () => {
  it.each([
    [1, 11 * 7, 13 * 7 + 6],
    [2, 22 * 7, 24 * 7 + 6],
    [3, 32 * 7, 34 * 7 + 6],
  ] as const)("ultrasound %i from DDR + %i to DDR + %i days", (n, from, to) => {
    for (const terme of [TERME, "2024-12-12"]) {
      const ddr = ddrFromTerme(terme);
      const w = ultrasoundWindow(terme, n);
      expect([daysBetween(ddr, w.start), daysBetween(ddr, w.end)]).toEqual([from, to]);
    }
  });

  it("uses a DDR of 29 February 2024 without drift", () => {
    expect(ddrFromTerme("2024-12-12")).toBe("2024-02-29");
    expect(ultrasoundWindow("2024-12-12", 1)).toEqual({ start: "2024-05-16", end: "2024-06-05" });
    expect(pregnancyDeclarationWindow("2024-12-12")).toEqual({ start: "2024-03-14", end: "2024-06-05" });
  });

  it("is recommended, not compulsory, and mentions extra scans for twins", () => {
    const single = byRule(base).get("echographie-1");
    const twins = byRule({ ...base, fetuses: 2 }).get("echographie-1");
    expect(single?.compulsory).toBe(false);
    expect(single?.description).not.toMatch(/jumeaux/);
    expect(twins?.description).toMatch(/jumeaux/);
    expect(twins?.articles).toContain("grossesse-multiple-suivi");
  });
});

describe("déclaration de grossesse ([U] 14 SA vs 16 SA: conservative 14th week of amenorrhoea)", () => {
  it.each([
    [TERME, "2026-10-02"], // DDR 2026-06-27 + 97
    ["2024-12-12", "2024-06-05"], // DDR 29 Feb 2024
  ])("terme %s: last day %s (13 SA + 6 days)", (terme, end) => {
    const w = pregnancyDeclarationWindow(terme);
    expect(w.end).toBe(end);
    expect(daysBetween(ddrFromTerme(terme), w.end)).toBe(97);
  });

  it("is a compulsory step that ends before the 1st exam deadline", () => {
    const events = byRule(base);
    const declaration = events.get("declaration-grossesse");
    expect(declaration?.kind).toBe("demarche");
    expect(declaration?.compulsory).toBe(true);
    expect(declaration!.end < events.get("examen-prenatal-1")!.end).toBe(true);
  });
});

describe("other pregnancy events", () => {
  it("shows the EPP in the 4th month, compulsory as the law says (to be offered; the parent chooses)", () => {
    const epp = byRule(base).get("entretien-prenatal-precoce");
    expect([epp?.start, epp?.end, epp?.compulsory]).toEqual(["2026-10-11", "2026-11-10", true]);
    expect(epp?.description).toMatch(/La loi le rend obligatoire : il doit vous être proposé, et c'est à vous de l'accepter/);
    expect(epp?.source.url).toMatch(/^https:\/\/www\.legifrance\.gouv\.fr\//);
    expect(epp?.audience).toEqual(["mere", "second-parent"]);
  });

  it("puts the compulsory anaesthesia consultation in the 8th month", () => {
    const c = byRule(base).get("consultation-anesthesie");
    expect([c?.start, c?.end, c?.compulsory]).toEqual(["2027-02-11", "2027-03-10", true]);
    expect(c?.placeTypes).toEqual(["maternite"]);
  });

  it.each([
    [false, false],
    [true, true],
  ])("glucose test only with a risk factor (risk=%s → shown=%s)", (risk, shown) => {
    expect(byRule({ ...base, gestationalDiabetesRisk: risk }).has("depistage-diabete-gestationnel")).toBe(shown);
  });

  it("tests glucose from 24 SA to 28 SA", () => {
    const w = glucoseTestWindow(TERME);
    expect([daysBetween(ddrFromTerme(TERME), w.start), daysBetween(ddrFromTerme(TERME), w.end)]).toEqual([168, 196]);
  });

  it.each([
    [false, false],
    [true, true],
  ])("reconnaissance anticipée only for unmarried parents (unmarried=%s → shown=%s)", (unmarried, shown) => {
    const e = byRule({ ...base, unmarriedParents: unmarried }).get("reconnaissance-anticipee");
    expect(e !== undefined).toBe(shown);
    if (e) expect([e.start, e.end, e.placeTypes.join()]).toEqual(["2026-07-11", "2027-04-09", "mairie"]);
  });

  it("shows the birth grant in the 7th month, one per child for twins", () => {
    const prime = byRule(base).get("prime-naissance");
    expect([prime?.start, prime?.end, prime?.kind]).toEqual(["2027-01-11", "2027-02-10", "droit-conge"]);
    expect(byRule({ ...base, fetuses: 2 }).get("prime-naissance")?.description).toMatch(/chaque enfant attendu/);
  });

  it("reminds the second parent to tell the employer at least one month before the terme", () => {
    expect(paternityNoticeWindow(TERME)).toEqual({ start: "2027-02-10", end: "2027-03-10" });
  });
});

describe("RSV prevention (maternal vaccine 32–36 SA, campaign September–January)", () => {
  it("spans 32 SA to 36 SA", () => {
    const w = rsvMaternalWindow(TERME);
    expect([daysBetween(ddrFromTerme(TERME), w.start), daysBetween(ddrFromTerme(TERME), w.end)]).toEqual([224, 252]);
  });

  it.each([
    [
      { start: "2026-09-29", end: "2026-10-27" },
      { start: "2026-09-29", end: "2026-10-27" },
    ],
    [
      { start: "2026-08-10", end: "2026-09-01" },
      { start: "2026-09-01", end: "2026-09-01" },
    ], // last day = first day of campaign
    [
      { start: "2027-01-20", end: "2027-02-17" },
      { start: "2027-01-20", end: "2027-01-31" },
    ], // previous year's campaign
    [{ start: "2027-02-06", end: "2027-03-06" }, null],
    [{ start: "2026-07-30", end: "2026-08-27" }, null],
  ])("overlap of %o with a campaign is %o", (window, overlap) => expect(rsvCampaignOverlap(window)).toEqual(overlap));

  it.each([
    ["2026-12-01", /deux possibilités/i], // 32 SA on 29 September 2026
    [TERME, /en dehors de la campagne/], // 32 SA on 6 February 2027
  ])("terme %s gets the right text", (terme, text) => {
    expect(byRule({ ...base, terme }).get("prevention-bronchiolite")?.description).toMatch(text);
  });
});
