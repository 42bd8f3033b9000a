import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { helplineSteps, orientationFor, type EpdsAudience, type OrientationStep } from "./orientation.js";
import { bandFor, type EpdsScore } from "./score.js";

const score = (total: number, item10Points = 0): EpdsScore => ({
  ok: true,
  total,
  item10Points,
  safetyFlag: item10Points > 0,
  band: bandFor(total).id,
});
const ids = (steps: OrientationStep[]) => steps.map((s) => s.id);
const CRISIS = ["appeler-3114", "appeler-15", "appeler-112", "sms-114"];
const audiences: EpdsAudience[] = ["mere", "second-parent"];

describe("orientationFor", () => {
  it.each(audiences)("safety flag (%s): the crisis lines come first, then a professional the same day", (audience) => {
    const o = orientationFor(score(1, 1), audience);
    expect(o.urgent).toBe(true);
    expect(ids(o.steps).slice(0, 5)).toEqual([...CRISIS, "professionnel-sante"]);
    expect(o.steps[4]?.text).toMatch(/^Aujourd’hui même/);
    expect(o.placeTypes[0]).toBe("psychiatrie-perinatale");
    expect(o.steps.find((s) => s.id === "appeler-3114")).toMatchObject({ tel: "3114" });
    expect(o.steps.find((s) => s.id === "sms-114")).toMatchObject({ sms: "114" });
  });

  it("any item 10 answer above 0 puts the crisis lines first, whatever the total", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 27 }), fc.integer({ min: 1, max: 3 }), fc.constantFrom(...audiences), (rest, item10, audience) => {
        const o = orientationFor(score(rest + item10, item10), audience);
        expect(o.urgent).toBe(true);
        expect(ids(o.steps).slice(0, 4)).toEqual(CRISIS);
      }),
    );
  });

  it("without safety flag the crisis lines are still listed, at the end (only « Allô, parents en crise » after them)", () => {
    for (const total of [0, 11, 20]) {
      for (const audience of audiences) {
        const o = orientationFor(score(total), audience);
        expect(o.urgent).toBe(false);
        expect(
          ids(o.steps)
            .filter((id) => id !== "allo-parents-en-crise")
            .slice(-4),
        ).toEqual(CRISIS);
        expect(ids(o.steps)[0]).not.toBe("appeler-3114");
      }
    }
  });

  it("never puts « Allô, parents en crise » (about one call in four answered) before 3114 and 15", () => {
    for (const total of [0, 4, 11, 12, 13, 20, 30]) {
      for (const item10 of [0, 1, 3]) {
        for (const audience of audiences) {
          const list = ids(orientationFor(score(Math.max(total, item10), item10), audience).steps);
          const crise = list.indexOf("allo-parents-en-crise");
          if (crise === -1) continue;
          expect(crise, `${total}/${item10}/${audience}`).toBeGreaterThan(list.indexOf("appeler-3114"));
          expect(crise, `${total}/${item10}/${audience}`).toBeGreaterThan(list.indexOf("appeler-15"));
          expect(crise, `${total}/${item10}/${audience}`).toBe(list.length - 1);
        }
      }
    }
    const crise = orientationFor(score(20), "mere").steps.find((s) => s.id === "allo-parents-en-crise");
    expect(crise?.text).toMatch(/environ un appel sur quatre/);
    expect(crise?.text).toMatch(/appelez le 3114 ou le 15/);
    expect(crise?.text).not.toMatch(/samedi/);
  });

  it("does not offer Mon soutien psy (mild to moderate distress) on the crisis path", () => {
    expect(ids(orientationFor(score(5, 2), "mere").steps)).not.toContain("mon-soutien-psy");
    expect(orientationFor(score(20), "mere").steps.find((s) => s.id === "mon-soutien-psy")?.text).toMatch(/12 séances par an.*sans ordonnance/);
  });

  it("orders the steps by band for a mother", () => {
    expect(ids(orientationFor(score(20), "mere").steps)).toEqual([
      "professionnel-sante",
      "epnp",
      "mon-soutien-psy",
      "pmi",
      "allo-parents-bebe",
      "maman-blues",
      ...CRISIS,
      "allo-parents-en-crise",
    ]);
    expect(ids(orientationFor(score(11), "mere").steps).slice(0, 3)).toEqual(["professionnel-sante", "epnp", "pmi"]);
    expect(ids(orientationFor(score(4), "mere").steps)[0]).toBe("refaire-epds");
    expect(orientationFor(score(20), "mere").placeTypes).toEqual(["psychiatrie-perinatale", "cmp", "pmi"]);
    expect(orientationFor(score(12), "mere").placeTypes).toEqual(["pmi", "cmp"]);
    expect(orientationFor(score(0), "mere").placeTypes).toEqual(["pmi"]);
  });

  it("lists the helplines with their numbers", () => {
    const steps = orientationFor(score(15), "mere").steps;
    expect(steps.find((s) => s.id === "allo-parents-bebe")).toMatchObject({ phone: "0 800 00 3456", tel: "0800003456" });
    expect(steps.find((s) => s.id === "allo-parents-en-crise")).toMatchObject({ phone: "0 805 382 300", tel: "0805382300" });
    expect(steps.find((s) => s.id === "maman-blues")?.text).toMatch(/pas une ligne d’urgence/);
    expect(steps.find((s) => s.id === "pmi")?.placeType).toBe("pmi");
  });

  it("adapts the path for a second parent: family doctor, EPNP as the mother's appointment, no Maman Blues", () => {
    const o = orientationFor(score(14), "second-parent");
    expect(ids(o.steps)).not.toContain("maman-blues");
    const pro = o.steps.find((s) => s.id === "professionnel-sante");
    expect(pro?.text).toMatch(/votre médecin traitant/);
    expect(pro?.text).not.toMatch(/sage-femme/);
    expect(o.steps.find((s) => s.id === "epnp")?.text).toMatch(/proposé à la mère. Vous pouvez y participer/);
    expect(ids(o.steps)).toEqual(expect.arrayContaining(["allo-parents-bebe", "allo-parents-en-crise", "mon-soutien-psy", "pmi"]));
  });

  it("returns fresh objects: changing one orientation does not change the next", () => {
    const first = orientationFor(score(0), "mere");
    first.steps[0]!.text = "modifié";
    first.placeTypes.push("cmp");
    const second = orientationFor(score(0), "mere");
    expect(second.steps[0]!.text).not.toBe("modifié");
    expect(second.placeTypes).toEqual(["pmi"]);
  });

  it("every step has an id, a title and a French text, and ids are unique", () => {
    for (const total of [0, 11, 13, 30]) {
      for (const item10 of [0, 2]) {
        for (const audience of audiences) {
          const steps = orientationFor(score(Math.max(total, item10), item10), audience).steps;
          expect(new Set(ids(steps)).size).toBe(steps.length);
          for (const step of steps) {
            expect(step.title.length).toBeGreaterThan(3);
            expect(step.text.length).toBeGreaterThan(20);
          }
        }
      }
    }
  });
});

describe("helplineSteps", () => {
  it("lists the crisis lines first, then the listening lines, with the orientation's own numbers", () => {
    const lines = helplineSteps();
    expect(ids(lines)).toEqual([...CRISIS, "allo-parents-bebe", "allo-parents-en-crise"]);
    const fromOrientation = orientationFor(score(20), "mere").steps;
    for (const line of lines) expect(fromOrientation.find((s) => s.id === line.id)).toEqual(line);
    lines[0]!.tel = "0";
    expect(helplineSteps()[0]!.tel).toBe("3114");
  });
});
