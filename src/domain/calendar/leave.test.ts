import { describe, expect, it } from "vitest";
import { daysBetween } from "../dates.js";
import {
  birthLeaveWindow,
  congeNaissanceDeadline,
  congeNaissanceEligible,
  congeNaissanceWindow,
  leaveEvents,
  maternityLeaveWeeks,
  maternityLeaveWindow,
  paternityLeave,
} from "./leave.js";

describe("maternity leave weeks by rank and multiples (C. trav. L1225-17 to L1225-19)", () => {
  it.each([
    [1, 1, 6, 10],
    [2, 1, 6, 10],
    [3, 1, 8, 18], // third child
    [5, 1, 8, 18],
    [1, 2, 12, 22], // twins
    [3, 2, 12, 22], // twins as 3rd and 4th children: the twins rule applies
    [1, 3, 24, 22], // triplets
    [2, 4, 24, 22],
  ])("rank %i, %i baby(ies): %i + %i weeks", (rank, babies, prenatal, postnatal) => expect(maternityLeaveWeeks(rank, babies)).toEqual({ prenatal, postnatal }));
});

describe("maternity leave window", () => {
  const terme = "2027-04-10";
  it.each([
    [1, 1, "2027-02-27", "2027-06-18"], // 16 weeks
    [3, 1, "2027-02-13", "2027-08-13"], // 26 weeks
    [1, 2, "2027-01-16", "2027-09-10"], // 34 weeks
    [1, 3, "2026-10-24", "2027-09-10"], // 46 weeks
  ])("on time, rank %i, %i baby(ies): %s → %s", (rank, babies, start, end) => {
    const leave = maternityLeaveWindow({ presumedBirth: terme, birth: null, rank, babies });
    expect([leave.start, leave.end]).toEqual([start, end]);
    const { prenatal, postnatal } = leave.weeks;
    expect(daysBetween(leave.start, terme)).toBe(prenatal * 7);
    expect(daysBetween(leave.start, leave.end) + 1).toBe((prenatal + postnatal) * 7);
  });

  it.each([
    ["born during the prenatal leave: start and end stay", "2027-03-20", false, "2027-02-27", "2027-06-18", 0],
    ["born on the terme", "2027-04-10", false, "2027-02-27", "2027-06-18", 0],
    ["born late: the postnatal part is not shortened", "2027-04-15", false, "2027-02-27", "2027-06-23", 0],
    ["born before the leave began: 16 weeks from the birth", "2027-02-10", false, "2027-02-10", "2027-06-01", 0],
    ["born > 6 weeks early and hospitalised: + days to the planned start", "2027-02-10", true, "2027-02-10", "2027-06-18", 17],
    ["hospitalised but born within the prenatal leave: nothing added", "2027-03-20", true, "2027-02-27", "2027-06-18", 0],
  ])("%s", (_label, birth, hospitalised, start, end, extraDays) => {
    const leave = maternityLeaveWindow({ presumedBirth: terme, birth, rank: 1, babies: 1, neonatalHospitalization: hospitalised });
    expect([leave.start, leave.end, leave.extraDays]).toEqual([start, end, extraDays]);
  });

  it("keeps 34 weeks for premature twins born after the leave began", () => {
    const leave = maternityLeaveWindow({ presumedBirth: terme, birth: "2027-02-20", rank: 1, babies: 2 });
    expect([leave.start, leave.end]).toEqual(["2027-01-16", "2027-09-10"]);
  });
});

describe("birth leave: 3 jours ouvrables from the birth (C. trav. L3142-4)", () => {
  it.each([
    ["2026-03-10", "2026-03-10", "2026-03-12", "Tuesday"],
    ["2024-12-31", "2024-12-31", "2025-01-03", "Tuesday, 1 January skipped"],
    ["2027-04-10", "2027-04-10", "2027-04-13", "Saturday is ouvrable, Sunday skipped"],
    ["2026-04-05", "2026-04-07", "2026-04-09", "Easter Sunday: starts after Easter Monday"],
    ["2026-05-01", "2026-05-02", "2026-05-05", "1 May: starts on Saturday"],
    ["2026-12-24", "2026-12-24", "2026-12-28", "Christmas Eve: Christmas and Sunday skipped"],
  ])("born %s: %s → %s (%s)", (birth, start, end) => expect(birthLeaveWindow(birth)).toEqual({ start, end }));
});

describe("paternity and childcare leave (L1225-35, D1225-8)", () => {
  it.each([
    [1, 25, 21, "2026-04-06"],
    [2, 32, 28, "2026-04-13"],
    [3, 32, 28, "2026-04-13"],
  ])("%i baby(ies): %i days, %i after the 4 compulsory ones", (babies, total, remaining, earliestEnd) => {
    const leave = paternityLeave("2026-03-10", babies);
    expect([leave.totalDays, leave.remainingDays, leave.earliestEnd]).toEqual([total, remaining, earliestEnd]);
    expect(leave.birthLeave).toEqual({ start: "2026-03-10", end: "2026-03-12" });
    expect(leave.compulsory).toEqual({ start: "2026-03-13", end: "2026-03-16" });
    expect(leave.remaining).toEqual({ start: "2026-03-17", end: "2026-09-09" });
  });

  it("ends the 6-month window the day before the child is 6 months old, 29 February included", () => {
    expect(paternityLeave("2024-02-29", 1).remaining.end).toBe("2024-08-28");
    expect(paternityLeave("2024-08-31", 1).remaining.end).toBe("2025-02-27");
  });
});

describe("congé supplémentaire de naissance (LFSS 2026, art. 99)", () => {
  it.each([
    ["2025-12-31", "2025-12-31", false, "born in 2025 at term"],
    ["2025-12-20", "2026-01-05", true, "premature, expected in 2026"],
    ["2026-01-01", "2026-01-01", true, "first day"],
    ["2026-01-02", "2025-12-28", true, "late, born in 2026"],
  ])("born %s, expected %s → eligible %s (%s)", (birth, presumed, eligible) => expect(congeNaissanceEligible(birth, presumed)).toBe(eligible));

  // service-public.fr F39685 (updated 2026-06-01): births 1 Jan – 30 June 2026 (and premature 2025 births
  // expected from 1 Jan 2026) until 31 March 2027; births from 1 July 2026 within 9 months.
  it.each([
    ["2026-01-01", "2026-01-01", "2027-03-31", "first eligible day"],
    ["2026-03-15", "2026-03-15", "2027-03-31", "first half of 2026"],
    ["2026-05-31", "2026-05-31", "2027-03-31", "31 May (the old, announced limit) is in the transition"],
    ["2026-06-01", "2026-06-01", "2027-03-31", "1 June, after the old limit"],
    ["2026-06-30", "2026-06-30", "2027-03-31", "last day of the transition (9 months would end 29 March)"],
    ["2026-06-30", "2026-07-20", "2027-03-31", "born 30 June, expected in July: born date decides"],
    ["2026-07-01", "2026-07-01", "2027-03-31", "first day of the 9-month rule: the day before the 9th month"],
    ["2026-07-02", "2026-07-02", "2027-04-01", "9 months"],
    ["2026-07-15", "2026-06-20", "2027-04-14", "born late in July, expected in June: 9 months"],
    ["2026-11-30", "2026-11-30", "2027-08-29", "9 months, short month"],
    ["2025-12-20", "2026-01-05", "2027-03-31", "premature 2025 birth expected in 2026: transition"],
    ["2025-10-01", "2026-01-01", "2027-03-31", "very premature, expected on 1 January 2026"],
  ])("born %s, expected %s: last day %s (%s)", (birth, presumed, deadline) => {
    expect(congeNaissanceDeadline(birth, presumed)).toBe(deadline);
  });

  it.each([
    ["2026-02-10", "2026-04-20", "2026-02-10", { start: "2026-07-01", end: "2027-03-31" }], // not open before 1 July 2026
    ["2026-06-30", "2026-10-20", "2026-06-30", { start: "2026-10-21", end: "2027-03-31" }],
    ["2026-09-01", "2026-11-09", "2026-09-01", { start: "2026-11-10", end: "2027-05-31" }],
    ["2025-12-20", "2026-04-10", "2026-01-05", { start: "2026-07-01", end: "2027-03-31" }], // premature, was 2026-09-19
    ["2026-01-05", "2027-04-01", "2026-01-05", null], // previous leave ends after the deadline
    ["2026-01-05", "2027-03-30", "2026-01-05", { start: "2027-03-31", end: "2027-03-31" }], // one day left
  ])("born %s, previous leave ends %s, expected %s → %o", (birth, previousEnd, presumed, window) =>
    expect(congeNaissanceWindow(birth, previousEnd, presumed)).toEqual(window),
  );
});

describe("congé supplémentaire de naissance events", () => {
  const event = (birth: string, presumed: string, ruleId: string) =>
    leaveEvents({ subject: "enfant-a", presumedBirth: presumed, birth, rank: 1, babies: 1 }).find((e) => e.ruleId === ruleId);

  it("states the pay as decided, not « annoncé », with the ceiling, and the notice of each parent", () => {
    const mere = event("2026-09-01", "2026-09-01", "conge-naissance-2026-mere");
    const second = event("2026-09-01", "2026-09-01", "conge-naissance-2026-second-parent");
    for (const e of [mere, second]) {
      expect(e?.description).not.toMatch(/annonc/);
      expect(e?.description).toMatch(/70 % du salaire net le 1er mois et 60 % le 2e, sur un salaire pris en compte jusqu'à 4 005 € par mois/);
      expect(e?.description).toMatch(/dans les 9 mois qui suivent la naissance/);
      expect(e?.source.url).toBe("https://www.service-public.gouv.fr/particuliers/vosdroits/F39685");
    }
    expect(mere?.description).toMatch(/au moins un mois avant\.$/);
    expect(second?.description).toMatch(/ou 15 jours avant s'il suit tout de suite votre congé paternité\.$/);
  });

  it("gives the transition births the 31 March 2027 limit in words and in the window", () => {
    const e = event("2026-06-30", "2026-06-30", "conge-naissance-2026-second-parent");
    expect(e?.description).toMatch(/entre le 1er juillet 2026 et le 31 mars 2027/);
    expect(e?.end).toBe("2027-03-31");
    const premature = event("2025-12-20", "2026-01-05", "conge-naissance-2026-mere");
    expect([premature?.start, premature?.end]).toEqual(["2026-07-01", "2027-03-31"]);
  });
});

describe("leave events", () => {
  it("forecasts all leave from the terme during the pregnancy", () => {
    const events = leaveEvents({ subject: "grossesse", presumedBirth: "2027-04-10", birth: null, rank: 1, babies: 1 });
    expect(events.map((e) => e.id)).toEqual([
      "grossesse:conge-maternite",
      "grossesse:conge-naissance-3-jours",
      "grossesse:conge-paternite-4-jours",
      "grossesse:conge-paternite-suite",
      "grossesse:conge-naissance-2026-mere",
      "grossesse:conge-naissance-2026-second-parent",
    ]);
    expect(events.filter((e) => e.compulsory).map((e) => e.ruleId)).toEqual(["conge-naissance-3-jours", "conge-paternite-4-jours"]);
    const mere = events.find((e) => e.ruleId === "conge-naissance-2026-mere");
    expect([mere?.start, mere?.end]).toEqual(["2027-06-19", "2028-01-09"]);
  });

  it("has no 2026 birth leave for a child born in 2025", () => {
    const events = leaveEvents({ subject: "enfant-a", presumedBirth: "2025-06-01", birth: "2025-06-01", rank: 1, babies: 1 });
    expect(events.some((e) => e.ruleId.startsWith("conge-naissance-2026"))).toBe(false);
  });

  it.each([
    [1, 1, /16 semaines pour un 1er ou un 2e enfant : 6 avant/],
    [3, 1, /26 semaines à partir du 3e enfant : 8 avant/],
    [1, 2, /34 semaines pour des jumeaux : 12 avant/],
    [2, 3, /46 semaines pour des triplés ou plus : 24 avant/],
  ])("explains the maternity leave (rank %i, %i babies)", (rank, babies, text) => {
    const e = leaveEvents({ subject: "grossesse", presumedBirth: "2027-04-10", birth: null, rank, babies })[0];
    expect(e?.description).toMatch(text);
  });

  it("tells a premature birth that nothing is lost", () => {
    const e = leaveEvents({ subject: "enfant-a", presumedBirth: "2027-04-10", birth: "2027-03-20", rank: 1, babies: 1 })[0];
    expect(e?.description).toMatch(/vous ne perdez rien/);
    expect(e?.articles).toContain("prematurite-premiers-mois");
  });
});
