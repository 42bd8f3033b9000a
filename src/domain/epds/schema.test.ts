import { describe, expect, it } from "vitest";
import { epdsQuestionnaireSchema, type EpdsQuestionnaire } from "./schema.js";
import { epdsContentFiles, epdsContentJson, loadEpds } from "./test-support.js";

/**
 * Points of the 4 answers of each item, top to bottom, as printed in the source each file names.
 * A new content file must be added here from its source: this is what keeps reverse-scored items
 * (3 and 5 to 10 in the original) in the order of the validated form.
 * - fr.json: doczz.fr/doc/1032351 (items marked * are reverse-scored: 3, 5, 6, 7, 8, 9, 10), checked
 *   against SocialGouv/nos1000jours-blues-epds-pro tests/questionnaire-epds.test.js (reponse_N_points).
 * - en.json: Cox, Holden & Sagovsky 1987 layout as printed with points by Northside Hospital
 *   ("A New Beginning", p. 37) and marked * by medhelp.org (read 2026-11-22).
 */
const UP = [0, 1, 2, 3];
const DOWN = [3, 2, 1, 0];
const SOURCE_POINT_ORDER: Record<string, readonly (readonly number[])[]> = {
  "fr.json": [UP, UP, DOWN, UP, DOWN, DOWN, DOWN, DOWN, DOWN, DOWN],
  "en.json": [UP, UP, DOWN, UP, DOWN, DOWN, DOWN, DOWN, DOWN, DOWN],
};
const REVERSE_SCORED_ITEMS = [3, 5, 6, 7, 8, 9, 10];

describe("content/epds/*.json", () => {
  const files = epdsContentFiles();

  it("has the French and English versions", () => {
    expect(files).toEqual(expect.arrayContaining(["fr.json", "en.json"]));
  });

  it.each(files)("%s validates against the schema", (name) => {
    const result = epdsQuestionnaireSchema.safeParse(epdsContentJson[name]);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it.each(files)("%s is named after its locale and names a source", (name) => {
    const q = loadEpds(name);
    expect(name.startsWith(q.locale.split("-")[0] ?? "?")).toBe(true);
    expect(q.source.url).toMatch(/^https?:\/\//);
    expect(q.licence.length).toBeGreaterThan(50);
  });

  it.each(files)("%s keeps the points in the order of its source (reverse-scored items included)", (name) => {
    const expected = SOURCE_POINT_ORDER[name];
    expect(expected, `record the source's point order of ${name} in SOURCE_POINT_ORDER`).toBeDefined();
    const q = loadEpds(name);
    expect(q.items.map((item) => item.options.map((o) => o.points))).toEqual(expected);
    const reversed = q.items.filter((item) => item.options[0]?.points === 3).map((item) => item.number);
    expect(reversed).toEqual(REVERSE_SCORED_ITEMS);
  });

  it("fr.json is the Guedeney & Fermanian 1998 wording, item 10 included", () => {
    const fr = loadEpds("fr.json");
    expect(fr.citation.authors).toEqual(["Guedeney N", "Fermanian J"]);
    expect(fr.citation.year).toBe(1998);
    expect(fr.items[9]?.text).toBe("Il m’est arrivé de penser à me faire du mal");
    expect(fr.items[9]?.options.map((o) => o.text)).toEqual(["Oui, très souvent", "Parfois", "Presque jamais", "Jamais"]);
  });

  it("en.json is the Cox, Holden & Sagovsky 1987 wording", () => {
    const en = loadEpds("en.json");
    expect(en.citation.doi).toBe("10.1192/bjp.150.6.782");
    expect(en.items[9]?.text).toBe("The thought of harming myself has occurred to me");
  });
});

describe("epdsQuestionnaireSchema rejects malformed questionnaires", () => {
  const base = (): EpdsQuestionnaire => structuredClone(loadEpds("fr.json"));
  const messages = (data: unknown): string[] => {
    const result = epdsQuestionnaireSchema.safeParse(data);
    return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };

  it("accepts the reference file", () => expect(messages(base())).toEqual([]));

  it("rejects 9 or 11 items", () => {
    const nine = base();
    nine.items.pop();
    expect(messages(nine).join("\n")).toMatch(/exactement 10 questions/);
    const eleven = base();
    eleven.items.push({ ...structuredClone(eleven.items[0]!), number: 10 });
    expect(messages(eleven).join("\n")).toMatch(/exactement 10 questions/);
  });

  it("rejects an item with 3 or 5 options", () => {
    const three = base();
    three.items[0]!.options.pop();
    expect(messages(three).join("\n")).toMatch(/exactement 4 réponses/);
    const five = base();
    five.items[0]!.options.push({ text: "En trop", points: 0 });
    expect(messages(five).join("\n")).toMatch(/exactement 4 réponses/);
  });

  it("rejects an item without one option for each value 0 to 3", () => {
    const q = base();
    q.items[2]!.options[0]!.points = 2; // 2, 2, 1, 0: no option worth 3
    expect(messages(q)).toEqual(["items.2.options: question 3 : aucune réponse ne vaut 3 points (il faut une réponse pour chaque valeur de 0 à 3)"]);
  });

  it("rejects points outside 0–3 or not whole", () => {
    const q = base();
    q.items[0]!.options[3]!.points = 4;
    expect(messages(q).some((m) => m.startsWith("items.0.options.3.points"))).toBe(true);
    const half = base();
    half.items[0]!.options[1]!.points = 1.5;
    expect(messages(half).some((m) => m.startsWith("items.0.options.1.points"))).toBe(true);
  });

  it("rejects items out of order and missing points", () => {
    const q = base();
    const [first, second] = [q.items[0]!, q.items[1]!];
    q.items[0] = second;
    q.items[1] = first;
    expect(messages(q).join("\n")).toMatch(/numérotées de 1 à 10/);
    const noPoints = base() as unknown as { items: { options: Record<string, unknown>[] }[] };
    delete noPoints.items[0]!.options[0]!.points;
    expect(messages(noPoints).some((m) => m.startsWith("items.0.options.0.points"))).toBe(true);
  });

  it("rejects empty texts, unknown fields and a source without URL", () => {
    const q = base();
    q.items[4]!.text = "  ";
    expect(messages(q).join("\n")).toMatch(/items\.4\.text: texte vide/);
    expect(messages({ ...base(), extra: true }).length).toBeGreaterThan(0);
    expect(messages({ ...base(), source: { ...base().source, url: "pas une adresse" } }).some((m) => m.startsWith("source.url"))).toBe(true);
  });

  it("requires right-to-left for Arabic and left-to-right for French", () => {
    // Placeholder texts ("question N"), not the scale: the validated Arabic wording is not in the repository.
    const arabic = { ...base(), locale: "ar", dir: "rtl", items: base().items.map((item) => ({ ...item, text: `سؤال ${item.number}` })) };
    expect(messages(arabic)).toEqual([]);
    expect(messages({ ...arabic, dir: "ltr" })).toEqual(["dir: la langue « ar » s'écrit en « rtl »"]);
    expect(messages({ ...base(), dir: "rtl" })).toEqual(["dir: la langue « fr » s'écrit en « ltr »"]);
  });
});
