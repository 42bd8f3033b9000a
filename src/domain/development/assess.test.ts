import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { assess, type Answer, type GridItemRef } from "./assess.js";
import { gridBand, type DomainId } from "./grid.js";

const young = gridBand("12-mois");
const old = gridBand("4-ans");
const items = (band: typeof young): GridItemRef[] => band.domains.flatMap((domain) => [0, 1].map((n) => ({ id: `${domain}-${n}`, domain })));
const none = { regression: "non", worry: "non" } as const;
const answers = (nons: string[], rest: Answer = "oui", band = young) =>
  Object.fromEntries(items(band).map((i) => [i.id, nons.includes(i.id) ? "non" : rest])) as Record<string, Answer>;

describe("the livret's orientation rule (p. 5)", () => {
  it.each<[string, string[], string]>([
    ["no « non »", [], "rien-a-signaler"],
    ["1 « non »", ["langage-0"], "rien-a-signaler"],
    ["2 « non » in one domain", ["langage-0", "langage-1"], "rien-a-signaler"],
    ["2 « non » in 2 domains", ["langage-0", "socialisation-1"], "en-parler"],
    ["3 « non » in 2 domains", ["langage-0", "langage-1", "socialisation-1"], "en-parler"],
  ])("6 months–3 years, %s → %s", (_label, nons, level) => {
    expect(assess(young, items(young), answers(nons), none).level).toBe(level);
  });

  it.each<[string, string[], string]>([
    ["2 « non » in 2 domains", ["cognition-0", "socialisation-1"], "rien-a-signaler"],
    ["3 « non » in one domain", ["cognition-0", "cognition-1", "cognition-2"], "rien-a-signaler"],
    ["3 « non » in 2 domains", ["cognition-0", "cognition-1", "socialisation-1"], "en-parler"],
  ])("4–6 years, %s → %s", (_label, nons, level) => {
    const list = [...items(old), { id: "cognition-2", domain: "cognition" as DomainId }];
    const a = { ...answers(nons, "oui", old), "cognition-2": nons.includes("cognition-2") ? "non" : "oui" } as Record<string, Answer>;
    expect(assess(old, list, a, none).level).toBe(level);
  });

  it("« je ne sais pas » never counts as « non »", () => {
    const result = assess(young, items(young), answers([], "nsp"), none);
    expect(result.level).toBe("rien-a-signaler");
    expect(result.unknownItems).toHaveLength(8);
  });

  it.each<[string, Record<string, Answer>, boolean]>([
    ["every item « je ne sais pas »", answers([], "nsp"), true],
    ["1 « non » and 1 « je ne sais pas » in another domain", { ...answers(["langage-0"]), "socialisation-1": "nsp" }, true],
    ["1 « non » and 1 « je ne sais pas » in the same domain", { ...answers(["langage-0"]), "langage-1": "nsp" }, false],
    ["1 « je ne sais pas », the rest « oui »", { ...answers([]), "langage-0": "nsp" }, false],
    ["the threshold met", { ...answers(["langage-0", "socialisation-1"]), "motricite-fine-0": "nsp" }, false],
  ])("unsettled: %s → %s (the « je ne sais pas » items could reach the threshold)", (_label, given, unsettled) => {
    expect(assess(young, items(young), given, none).unsettled).toBe(unsettled);
  });

  it("a parent's worry always counts, a lost skill calls for a doctor without waiting", () => {
    expect(assess(young, items(young), answers([]), { regression: "non", worry: "oui" }).level).toBe("en-parler");
    expect(assess(young, items(young), answers([]), { regression: "oui", worry: "non" }).level).toBe("en-parler-vite");
    expect(assess(young, items(young), answers([]), { regression: "nsp", worry: "nsp" }).level).toBe("rien-a-signaler");
  });

  it("twins are assessed each on their own answers", () => {
    const twinA = assess(young, items(young), answers(["langage-0", "socialisation-1"]), none);
    const twinB = assess(young, items(young), answers(["langage-0"]), none);
    expect([twinA.level, twinB.level]).toEqual(["en-parler", "rien-a-signaler"]);
    expect(twinA.domainsWithNon).toEqual(["langage", "socialisation"]);
  });

  it("property: the level is exactly the rule, whatever the answers", () => {
    const answer = fc.constantFrom<Answer>("oui", "non", "nsp");
    fc.assert(
      fc.property(fc.array(answer, { minLength: 8, maxLength: 8 }), answer, answer, (list, regression, worry) => {
        const refs = items(young);
        const a = Object.fromEntries(refs.map((r, i) => [r.id, list[i]!]));
        const result = assess(young, refs, a, { regression, worry });
        const nons = refs.filter((r, i) => list[i] === "non");
        const domains = new Set(nons.map((r) => r.domain)).size;
        const expected = regression === "oui" ? "en-parler-vite" : (nons.length >= 2 && domains >= 2) || worry === "oui" ? "en-parler" : "rien-a-signaler";
        return result.level === expected && result.nonItems.length === nons.length;
      }),
    );
  });
});
