import { describe, expect, it } from "vitest";
import { orientationFor } from "./orientation.js";
import { localizeOrientation, orientationTextCatalogue, phoneNumbersIn } from "./orientation-texts.js";

const high = { ok: true as const, total: 15, item10Points: 0, safetyFlag: false, band: "eleve" as const };

describe("orientation texts keyed by id", () => {
  it("cover every step of every result, with the person's own wording", () => {
    const catalogue = orientationTextCatalogue();
    expect(catalogue.size).toBe(32);
    expect(catalogue.get("professionnel-sante.text.second-parent.eleve")).toContain("votre médecin traitant et montrez-leur");
    expect(catalogue.get("allo-parents-bebe.title")).toBe("Allô Parents Bébé : 0 800 00 3456");
  });

  it("finds the phone numbers a translation must keep", () => {
    expect(phoneNumbersIn("Appelez le 3114 ou le 15, ou le 0 800 00 3456, entre la 4e et la 8e semaine, 7 jours sur 7.")).toEqual(["3114", "15", "0800003456"]);
  });

  it("translates the steps it has, keeps French for null or absent texts, and keeps order, phones and links", () => {
    const french = orientationFor(high, "second-parent");
    const localized = localizeOrientation(french, {
      "professionnel-sante.title": "Talk to a health professional",
      "professionnel-sante.text.second-parent.eleve": "Make an appointment with your regular doctor.",
      "appeler-3114.title": null,
    });
    expect(localized.steps.map((s) => s.id)).toEqual(french.steps.map((s) => s.id));
    expect(localized.steps[0]).toMatchObject({
      id: "professionnel-sante",
      title: "Talk to a health professional",
      text: "Make an appointment with your regular doctor.",
    });
    const line = localized.steps.find((s) => s.id === "appeler-3114")!;
    expect(line).toEqual({ ...french.steps.find((s) => s.id === "appeler-3114"), translated: false });
    expect(localized.steps[0]!.translated).toBe(true);
    expect(localized).toMatchObject({ translated: true, complete: false, urgent: false });
    expect(localizeOrientation(french, null)).toMatchObject({ translated: false, steps: french.steps.map((s) => ({ ...s, translated: false })) });
  });

  it("is complete with every text translated", () => {
    const all = Object.fromEntries([...orientationTextCatalogue().keys()].map((k) => [k, `EN ${k}`]));
    const localized = localizeOrientation(orientationFor({ ...high, safetyFlag: true, item10Points: 2 }, "mere"), all);
    expect(localized.complete).toBe(true);
    expect(localized.steps[0]!.title).toBe("EN appeler-3114.title");
    expect(localized.steps.find((s) => s.id === "professionnel-sante")!.text).toBe("EN professionnel-sante.text.mere.securite");
  });
});
