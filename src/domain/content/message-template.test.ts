import { describe, expect, it } from "vitest";
import { formatTemplate, parseTemplate, templateArguments, TemplateSyntaxError } from "./message-template.js";

describe("message templates (ICU subset)", () => {
  it("inserts values and writes numbers for the language", () => {
    expect(formatTemplate("Examen prénatal n° {exam} ({month}e mois)", { exam: 3, month: 5 }, "fr")).toBe("Examen prénatal n° 3 (5e mois)");
    expect(formatTemplate("الفحص رقم {exam}", { exam: 3 }, "ar")).toMatch(/^الفحص رقم (3|٣)$/);
    expect(formatTemplate("{a} et {b}", { a: "Léa", b: "Noé" }, "fr")).toBe("Léa et Noé");
  });
  it("chooses the plural form by the language's rules, exact matches first", () => {
    const fr = "{days, plural, one {# jour} other {# jours}}";
    expect(formatTemplate(fr, { days: 1 }, "fr")).toBe("1 jour");
    expect(formatTemplate(fr, { days: 21 }, "fr")).toBe("21 jours");
    const uk = "{days, plural, one {# день} few {# дні} many {# днів} other {# дня}}";
    expect(formatTemplate(uk, { days: 21 }, "uk")).toBe("21 день");
    expect(formatTemplate(uk, { days: 24 }, "uk")).toBe("24 дні");
    expect(formatTemplate(uk, { days: 28 }, "uk")).toBe("28 днів");
    expect(formatTemplate("{n, plural, =0 {aucun} other {#}}", { n: 0 }, "fr")).toBe("aucun");
  });
  it("lists the placeholders, plural ones included", () => {
    expect(templateArguments("{b} {a, plural, one {# x} other {# y {c}}}")).toEqual(["a", "b", "c"]);
    expect(templateArguments("Pas de variable.")).toEqual([]);
  });
  it("refuses what is not in the subset, saying where, in French", () => {
    for (const bad of ["{days", "days}", "{}", "{n, select, a {x} other {y}}", "{n, plural, one {x}}", "{n, plural, une {x} other {y}}"])
      expect(() => parseTemplate(bad), bad).toThrow(TemplateSyntaxError);
    expect(() => parseTemplate("{n, plural, one {x}}")).toThrow(/la forme « other » est obligatoire/);
  });
  it("never leaves a hole: a missing value throws", () => {
    expect(() => formatTemplate("{exam}", {}, "fr")).toThrow(RangeError);
  });
});
