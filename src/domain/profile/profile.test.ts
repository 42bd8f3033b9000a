import { describe, expect, it } from "vitest";
import { savedProfileSchema } from "./schema.js";
import { isPregnancyOver, checkBirthDate, checkDdr, checkTerme, draftFromProfile, profileFromDraft, type ProfileDraft } from "./profile.js";

const today = "2026-11-22";
const base: ProfileDraft = { project: null, pregnancy: null, children: [], situations: [] };

describe("terme checks", () => {
  it("accepts a terme within 42 weeks", () => {
    expect(checkTerme("2027-04-10", today)).toBeNull();
    expect(checkTerme("2027-09-12", today)).toBeNull(); // exactly 294 days
  });
  it("refuses a terme more than 42 weeks away, in French", () => {
    expect(checkTerme("2027-09-13", today)).toMatch(/plus de 42 semaines/);
    expect(checkTerme("2031-04-10", today)).toMatch(/vérifiez l'année/);
  });
  it("refuses a terme long past and suggests the birth date", () => {
    expect(checkTerme("2026-11-08", today)).toBeNull();
    expect(checkTerme("2026-11-07", today)).toMatch(/date de naissance/);
  });
  it("refuses an impossible date such as 30 February", () => {
    expect(checkTerme("2027-02-30", today)).toMatch(/30 février/);
    expect(checkTerme("", today)).toMatch(/n'existe pas ou est incomplète/);
  });
});

describe("DDR checks", () => {
  it("refuses a DDR in the future", () => expect(checkDdr("2026-11-23", today)).toMatch(/futur/));
  it("accepts a DDR of a current pregnancy", () => expect(checkDdr("2026-07-05", today)).toBeNull());
  it("refuses a DDR whose terme is long past", () => expect(checkDdr("2025-12-01", today)).toMatch(/terme serait passé/));
  it("refuses 31 April", () => expect(checkDdr("2026-04-31", today)).toMatch(/n'existe pas/));
});

describe("birth date checks", () => {
  it("refuses a birth date in the future", () => expect(checkBirthDate("2026-11-23", today)).toMatch(/futur/));
  it("accepts today and an older sibling", () => {
    expect(checkBirthDate(today, today)).toBeNull();
    expect(checkBirthDate("2019-05-01", today)).toBeNull();
  });
  it("refuses an implausibly old date", () => expect(checkBirthDate("1990-01-01", today)).toMatch(/trop ancienne/));
  it("refuses 29 February of a common year", () => expect(checkBirthDate("2025-02-29", today)).toMatch(/n'existe pas/));
});

describe("profileFromDraft", () => {
  it("requires a situation", () => {
    const result = profileFromDraft(base, today);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ field: "situation" });
  });
  it("computes the terme from the DDR and keeps the DDR", () => {
    const result = profileFromDraft({ ...base, pregnancy: { dateKind: "ddr", date: "2026-07-05", babies: 1 } }, today);
    expect(result).toMatchObject({ ok: true, profile: { pregnancy: { terme: "2027-04-18", ddr: "2026-07-05" } } });
  });
  it("records the number of babies and adds the multiple-pregnancy situation from it", () => {
    const result = profileFromDraft({ ...base, pregnancy: { dateKind: "terme", date: "2027-03-01", babies: 3 } }, today);
    expect(result.ok && result.profile.pregnancy?.babies).toBe(3);
    expect(result.ok && result.profile.situations).toEqual(["grossesse-multiple"]);
  });
  it("derives the multiple-pregnancy situation from the facts, never from a second answer", () => {
    const single = profileFromDraft({ ...base, pregnancy: { dateKind: "terme", date: "2027-03-01", babies: 1 }, situations: ["grossesse-multiple"] }, today);
    expect(single.ok && single.profile.situations).toEqual([]);
    const twinsBorn = profileFromDraft(
      {
        ...base,
        children: [
          { id: "a", firstName: "", birthDate: "2026-06-01" },
          { id: "b", firstName: "", birthDate: "2026-06-01" },
        ],
      },
      today,
    );
    expect(twinsBorn.ok && twinsBorn.profile.situations).toEqual(["grossesse-multiple"]);
  });
  it.each([0, 9, 1.5])("refuses %s babies", (babies) => {
    const result = profileFromDraft({ ...base, pregnancy: { dateKind: "terme", date: "2027-03-01", babies } }, today);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors).toEqual([{ field: "pregnancy.babies", message: expect.stringMatching(/nombre de bébés/), code: "profile.babies.range" }]);
  });
  it("names the faulty child field", () => {
    const result = profileFromDraft(
      {
        ...base,
        children: [
          { id: "a", firstName: "Léa", birthDate: "2026-06-01" },
          { id: "b", firstName: "", birthDate: "2026-02-30" },
        ],
      },
      today,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual([{ field: "children.1.birthDate", message: expect.stringMatching(/30 février/), code: "date.nonexistent" }]);
  });
  it("refuses a project together with a pregnancy", () => {
    const result = profileFromDraft({ ...base, project: "essai", pregnancy: { dateKind: "terme", date: "2027-03-01", babies: 1 } }, today);
    expect(result.ok).toBe(false);
  });
  it("keeps the answers that change the calendar, given during onboarding", () => {
    const calendar = { unmarried: true, diabetesRisk: true, bcg: false };
    const result = profileFromDraft({ ...base, pregnancy: { dateKind: "terme", date: "2027-03-01", babies: 1 }, calendar }, today);
    expect(result.ok && result.profile.calendar).toEqual(calendar);
    expect(result.ok && draftFromProfile(result.profile).calendar).toEqual(calendar);
  });
  it("round-trips through the edit form", () => {
    const draft: ProfileDraft = {
      project: null,
      pregnancy: { dateKind: "ddr", date: "2026-07-05", babies: 1 },
      children: [{ id: "a", firstName: "Noé", birthDate: "2024-01-10" }],
      situations: ["premier-enfant"],
    };
    const result = profileFromDraft(draft, today);
    expect(result.ok).toBe(true);
    if (result.ok) expect(draftFromProfile(result.profile)).toEqual(draft);
  });
});

describe("the birth ends the pregnancy", () => {
  const pregnancy = { terme: "2026-10-01", ddr: null, babies: 2 };
  const twins = [
    { id: "a", firstName: "Léa", birthDate: "2026-09-20" },
    { id: "b", firstName: "Noé", birthDate: "2026-09-20" },
  ];
  it.each([
    ["its babies are entered", { pregnancy, children: twins }, today, true],
    [
      "a premature baby carries its terme",
      { pregnancy, children: [{ id: "a", firstName: "", birthDate: "2026-06-01", expectedTerme: "2026-10-01" }] },
      today,
      true,
    ],
    ["only an older child is entered", { pregnancy, children: [{ id: "a", firstName: "", birthDate: "2024-01-01" }] }, "2026-10-15", false],
    ["more than 2 weeks past the terme", { pregnancy, children: [] }, "2026-10-16", true],
    ["no pregnancy", { pregnancy: null, children: twins }, today, false],
  ])("isPregnancyOver when %s", (_name, profile, on, over) => expect(isPregnancyOver(profile, on)).toBe(over));
  it("saving a profile with the baby born of the pregnancy drops the pregnancy, without refusing its past terme", () => {
    const draft: ProfileDraft = { ...base, pregnancy: { dateKind: "terme", date: "2026-10-01", babies: 2 }, children: twins };
    const result = profileFromDraft(draft, "2026-12-01");
    expect(result.ok && result.profile.pregnancy).toBeNull();
    expect(result.ok && result.profile.situations).toEqual(["grossesse-multiple"]);
  });
});

describe("profiles saved by version 1 (yes/no multiple pregnancy)", () => {
  const v1 = { version: 1, project: null, pregnancy: { terme: "2027-06-01", ddr: null, multiple: false }, children: [], situations: [] };
  it.each([
    ["single", v1, 1],
    ["multiple", { ...v1, pregnancy: { ...v1.pregnancy, multiple: true } }, 2],
    ["single but « Grossesse multiple » ticked", { ...v1, situations: ["grossesse-multiple"] }, 2],
  ])("reads a %s pregnancy as %#", (_name, saved, babies) => {
    const result = savedProfileSchema.safeParse(saved);
    expect(result.success && result.data).toMatchObject({ version: 2, pregnancy: { terme: "2027-06-01", ddr: null, babies } });
  });
  it("keeps one baby when the ticked situation described twins already born", () => {
    const saved = {
      ...v1,
      children: [
        { id: "a", firstName: "", birthDate: "2025-01-01" },
        { id: "b", firstName: "", birthDate: "2025-01-01" },
      ],
      situations: ["grossesse-multiple"],
    };
    const result = savedProfileSchema.safeParse(saved);
    expect(result.success && result.data.pregnancy?.babies).toBe(1);
  });
  it("still refuses a broken version 1 profile", () => {
    expect(savedProfileSchema.safeParse({ ...v1, pregnancy: { terme: "2027-02-30", ddr: null, multiple: false } }).success).toBe(false);
  });
});

describe("a premature baby's due date", () => {
  const child = { id: "a", firstName: "", birthDate: "2026-10-01" };
  it("is kept when it follows the birth", () => {
    const result = profileFromDraft({ ...base, children: [{ ...child, expectedTerme: "2026-11-20" }] }, today);
    expect(result.ok && result.profile.children[0]?.expectedTerme).toBe("2026-11-20");
  });
  it.each([
    ["2026-09-30", /après sa date de naissance/],
    ["2027-06-01", /plus de 20 semaines/],
    ["2026-11-31", /n'existe pas/],
  ])("refuses %s", (expectedTerme, message) => {
    const result = profileFromDraft({ ...base, children: [{ ...child, expectedTerme }] }, today);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors[0]).toEqual({
        field: "children.0.expectedTerme",
        message: expect.stringMatching(message),
        code: expect.stringMatching(/^(profile\.expected-terme\.|date\.)/),
      });
  });
});
