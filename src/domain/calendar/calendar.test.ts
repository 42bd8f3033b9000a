import { describe, expect, it } from "vitest";
import { compareDates, daysBetween } from "../dates.js";
import { birthGroups, computeCalendar } from "./calendar.js";
import { isBornOf } from "../journey/pregnancy.js";
import { calendarInputSchema } from "./schema.js";
import { PLACE_TYPES, type CalendarEvent, type CalendarInput, type ChildInput, type PregnancyInput } from "./types.js";

// Article ids that exist in content/articles (file names; the build checks id = file name).
const ARTICLE_IDS = new Set(Object.keys(import.meta.glob("../../../content/articles/*.md")).map((path) => path.replace(/^.*\//, "").replace(/\.md$/, "")));

const pregnancy = (over: Partial<PregnancyInput> = {}): PregnancyInput => ({
  terme: "2027-04-10",
  fetuses: 1,
  rank: 1,
  unmarriedParents: false,
  gestationalDiabetesRisk: false,
  ...over,
});
const child = (over: Partial<ChildInput> & Pick<ChildInput, "id" | "birthDate">): ChildInput => ({
  expectedTerme: null,
  rank: 1,
  siblingsBornSameDay: 0,
  bcgRecommended: false,
  ...over,
});
const byId = (events: CalendarEvent[]) => new Map(events.map((e) => [e.id, e]));

const PROFILES: [string, CalendarInput][] = [
  ["pregnancy, every option", { pregnancy: pregnancy({ unmarriedParents: true, gestationalDiabetesRisk: true }), children: [] }],
  ["twins pregnancy", { pregnancy: pregnancy({ fetuses: 2, terme: "2026-12-01" }), children: [] }],
  ["triplets, 3rd pregnancy", { pregnancy: pregnancy({ fetuses: 3, rank: 3 }), children: [child({ id: "aine", birthDate: "2023-05-02" })] }],
  [
    "premature twins with BCG",
    {
      pregnancy: null,
      children: [
        child({ id: "b", birthDate: "2026-02-10", expectedTerme: "2026-04-10", siblingsBornSameDay: 1, bcgRecommended: true, neonatalHospitalization: true }),
        child({ id: "a", birthDate: "2026-02-10", expectedTerme: "2026-04-10", siblingsBornSameDay: 1 }),
      ],
    },
  ],
  ["child born 29 February 2024", { pregnancy: null, children: [child({ id: "leap", birthDate: "2024-02-29", rank: 2 })] }],
  ["cohort boundary", { pregnancy: null, children: [child({ id: "x", birthDate: "2024-12-31" }), child({ id: "y", birthDate: "2025-01-01", rank: 2 })] }],
];

describe("computeCalendar invariants", () => {
  it.each(PROFILES)("%s", (_label, input) => {
    const events = computeCalendar(input);
    expect(events.length).toBeGreaterThan(10);
    expect(computeCalendar(input)).toEqual(events); // deterministic
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    for (let i = 1; i < events.length; i += 1) {
      const [a, b] = [events[i - 1]!, events[i]!];
      expect(compareDates(a.start, b.start) < 0 || (a.start === b.start && a.id < b.id)).toBe(true);
    }
    for (const e of events) {
      expect(e.id).toBe(`${e.subject}:${e.ruleId}`);
      expect(compareDates(e.start, e.end)).toBeLessThanOrEqual(0);
      expect(e.title.length).toBeGreaterThan(5);
      expect(["suivi-medical", "demarche", "droit-conge", "vaccination"]).toContain(e.kind);
      expect(e.audience.length).toBeGreaterThan(0);
      expect(e.articles.length, e.id).toBeGreaterThan(0);
      for (const article of e.articles) expect(ARTICLE_IDS.has(article), `${e.id} → ${article}`).toBe(true);
      for (const place of e.placeTypes) expect(PLACE_TYPES as readonly string[]).toContain(place);
      expect(e.source.url, e.id).toMatch(/^https:\/\//);
      expect(e.source.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      // Plain French for tired parents: 1 to 3 sentences, no unexplained jargon.
      const sentences = e.description.match(/[.!?](?=\s|$)/g) ?? [];
      expect(sentences.length, e.id).toBeGreaterThanOrEqual(1);
      expect(sentences.length, `${e.id}: ${e.description}`).toBeLessThanOrEqual(3);
      expect(e.description.trim().endsWith("."), e.id).toBe(true);
      expect(e.description, e.id).not.toMatch(/\b(DDR|DDG|EPNP|EPP|R2122|L1225)\b/);
    }
  });

  it("knows every article the rules can name", () => {
    expect(ARTICLE_IDS.size).toBeGreaterThan(40);
  });
});

describe("pregnancy and its forecast leave", () => {
  it("forecasts the leave from the terme while pregnant", () => {
    const events = byId(computeCalendar({ pregnancy: pregnancy(), children: [] }));
    expect(events.get("grossesse:conge-maternite")).toMatchObject({ start: "2027-02-27", end: "2027-06-18" });
    expect(events.get("grossesse:conge-naissance-3-jours")).toMatchObject({ start: "2027-04-10", end: "2027-04-13" });
  });

  it("keeps an older sibling's events apart from the pregnancy's", () => {
    const input = { pregnancy: pregnancy({ rank: 2 }), children: [child({ id: "aine", birthDate: "2024-05-02" })] };
    expect(isBornOf(input.pregnancy, input.children[0]!)).toBe(false);
    const ids = computeCalendar(input).map((e) => e.id);
    expect(ids).toContain("grossesse:conge-maternite");
    expect(ids).toContain("enfant-aine:conge-maternite");
  });

  it("gives a third child 26 weeks of maternity leave", () => {
    const e = byId(computeCalendar({ pregnancy: pregnancy({ rank: 3 }), children: [] })).get("grossesse:conge-maternite");
    expect(e).toMatchObject({ start: "2027-02-13", end: "2027-08-13", title: "Congé maternité (26 semaines)" });
  });

  it("handles a terme on Easter Sunday (a Sunday before a public holiday)", () => {
    const events = byId(computeCalendar({ pregnancy: pregnancy({ terme: "2026-04-05" }), children: [] }));
    expect(events.get("grossesse:examen-prenatal-7")?.end).toBe("2026-04-05");
    expect(events.get("grossesse:conge-naissance-3-jours")).toMatchObject({ start: "2026-04-07", end: "2026-04-09" });
    expect(events.get("grossesse:conge-paternite-4-jours")).toMatchObject({ start: "2026-04-10", end: "2026-04-13" });
  });
});

describe("a premature birth: the real birth date moves post-birth events, pre-birth events stay", () => {
  const terme = "2027-04-10";
  const during = computeCalendar({ pregnancy: pregnancy({ terme }), children: [] });
  const after = computeCalendar({
    pregnancy: pregnancy({ terme }),
    children: [child({ id: "bebe", birthDate: "2027-03-01", expectedTerme: terme })],
  });

  it("keeps every pre-birth pregnancy event unchanged", () => {
    const preBirth = (events: CalendarEvent[]) => events.filter((e) => e.subject === "grossesse" && !e.ruleId.startsWith("conge-"));
    expect(preBirth(after)).toEqual(preBirth(during));
    expect(preBirth(after).length).toBeGreaterThan(15);
  });

  it("replaces the forecast leave with the child's, from the real birth", () => {
    const events = byId(after);
    expect(after.some((e) => e.subject === "grossesse" && e.ruleId.startsWith("conge-"))).toBe(false);
    // Maternity leave: start stays (planned from the terme), total 16 weeks kept.
    expect(events.get("enfant-bebe:conge-maternite")).toMatchObject({ start: "2027-02-27", end: "2027-06-18" });
    expect(events.get("enfant-bebe:conge-maternite")?.start).toBe(byId(during).get("grossesse:conge-maternite")?.start);
    // Post-birth events move with the real birth date.
    expect(events.get("enfant-bebe:conge-naissance-3-jours")).toMatchObject({ start: "2027-03-01", end: "2027-03-03" });
    expect(events.get("enfant-bebe:declaration-naissance")).toMatchObject({ start: "2027-03-01", end: "2027-03-08" });
    expect(events.get("enfant-bebe:examen-8-jours")).toMatchObject({ start: "2027-03-01", end: "2027-03-09" });
    expect(events.get("enfant-bebe:entretien-postnatal-precoce")).toMatchObject({ start: "2027-03-22", end: "2027-04-25" });
    expect(events.get("enfant-bebe:examen-2e-mois")?.articles).toContain("prematurite-premiers-mois");
  });

  it("recognises the child as born of the pregnancy by its due date or its birth after the DDR", () => {
    const p = pregnancy({ terme });
    expect(isBornOf(p, child({ id: "a", birthDate: "2027-03-01", expectedTerme: terme }))).toBe(true);
    expect(isBornOf(p, child({ id: "a", birthDate: "2027-04-14" }))).toBe(true); // late, no expectedTerme
    expect(isBornOf(p, child({ id: "a", birthDate: "2025-01-01" }))).toBe(false);
  });
});

describe("twins", () => {
  const input: CalendarInput = {
    pregnancy: null,
    children: [
      child({ id: "zoe", birthDate: "2026-03-10", siblingsBornSameDay: 1, rank: 2 }),
      child({ id: "leo", birthDate: "2026-03-10", siblingsBornSameDay: 1, rank: 3 }),
    ],
  };
  const events = computeCalendar(input);
  const ids = events.map((e) => e.id);

  it("groups them as one birth", () => {
    expect(birthGroups(input.children).map((g) => g.map((c) => c.id))).toEqual([["leo", "zoe"]]);
  });

  it("gives the parents' leave and the mother's follow-up once, under the first id", () => {
    for (const rule of ["conge-maternite", "conge-paternite-suite", "examen-postnatal", "entretien-postnatal-precoce"]) {
      expect(ids.filter((id) => id.endsWith(`:${rule}`))).toEqual([`enfant-leo:${rule}`]);
    }
    const maternity = byId(events).get("enfant-leo:conge-maternite");
    expect(maternity?.title).toBe("Congé maternité (34 semaines)");
    expect(byId(events).get("enfant-leo:conge-paternite-suite")?.title).toBe("Congé paternité : les 28 jours restants");
  });

  it("gives each twin its own declaration, exams and vaccines", () => {
    for (const rule of ["declaration-naissance", "examen-8-jours", "vaccins-2-mois", "vaccins-3-mois"]) {
      expect(ids.filter((id) => id.endsWith(`:${rule}`)).sort()).toEqual([`enfant-leo:${rule}`, `enfant-zoe:${rule}`]);
    }
  });

  it("does not group two single children born on the same day", () => {
    const singles = [child({ id: "a", birthDate: "2026-03-10" }), child({ id: "b", birthDate: "2026-03-10" })];
    expect(birthGroups(singles)).toHaveLength(2);
  });
});

describe("children born on 31 December 2024 and 1 January 2025", () => {
  const events = computeCalendar({
    pregnancy: null,
    children: [child({ id: "x", birthDate: "2024-12-31" }), child({ id: "y", birthDate: "2025-01-01", rank: 2 })],
  });
  const get = (id: string) => events.find((e) => e.id === id);

  it("follow the schedule of their cohort", () => {
    expect(get("enfant-x:vaccins-5-mois")?.description).toMatch(/méningocoque C/);
    expect(get("enfant-x:vaccin-menb-3-mois")?.compulsory).toBe(false);
    expect(get("enfant-x:vaccins-6-mois")).toBeUndefined();
    expect(get("enfant-y:vaccins-3-mois")).toMatchObject({ compulsory: true });
    expect(get("enfant-y:vaccins-6-mois")?.description).toMatch(/A, C, W et Y/);
  });

  it("follow the same exam list and birth-declaration rule", () => {
    expect(get("enfant-x:declaration-naissance")?.end).toBe("2025-01-06");
    expect(get("enfant-y:declaration-naissance")?.end).toBe("2025-01-06");
    expect(events.filter((e) => e.subject === "enfant-x" && e.ruleId.startsWith("examen-") && e.ruleId !== "examen-postnatal")).toHaveLength(13);
  });

  it("get the 2026 birth leave only from 2026 births (or births expected in 2026), until 31 March 2027 for a premature 2025 birth", () => {
    expect(events.some((e) => e.ruleId.startsWith("conge-naissance-2026"))).toBe(false);
    const premature = computeCalendar({ pregnancy: null, children: [child({ id: "p", birthDate: "2025-12-20", expectedTerme: "2026-01-05" })] });
    const mere = premature.find((e) => e.ruleId === "conge-naissance-2026-mere");
    expect(mere).toMatchObject({ start: "2026-07-01", end: "2027-03-31" });
  });
});

describe("input checks", () => {
  it("refuses two children with the same id", () => {
    const input = { pregnancy: null, children: [child({ id: "a", birthDate: "2025-01-01" }), child({ id: "a", birthDate: "2026-01-01" })] };
    expect(() => computeCalendar(input)).toThrow(/Duplicate/);
    expect(calendarInputSchema.safeParse(input).success).toBe(false);
  });

  it.each([
    [{ pregnancy: pregnancy(), children: [] }, true],
    [{ pregnancy: pregnancy({ terme: "2027-02-30" }), children: [] }, false],
    [{ pregnancy: pregnancy({ fetuses: 0 }), children: [] }, false],
    [{ pregnancy: null, children: [child({ id: "a:b", birthDate: "2025-01-01" })] }, false],
    [{ pregnancy: null, children: [child({ id: "a", birthDate: "2025-01-01", siblingsBornSameDay: -1 })] }, false],
    [{ pregnancy: null, children: [{ ...child({ id: "a", birthDate: "2025-01-01" }), extra: 1 }] }, false],
  ])("schema accepts %o: %s", (input, ok) => expect(calendarInputSchema.safeParse(input).success).toBe(ok));

  it("gives the 1000 days: from the pregnancy to the child's 3rd year", () => {
    const events = computeCalendar({ pregnancy: null, children: [child({ id: "a", birthDate: "2025-01-15" })] });
    const last = events.reduce((max, e) => (e.end > max ? e.end : max), "0000-01-01");
    expect(daysBetween("2025-01-15", last)).toBeLessThan(3 * 366);
  });
});
