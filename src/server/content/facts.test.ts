import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { ContentBundle } from "../../domain/content/schema.js";
import { loadContent } from "./load-content.js";

/**
 * Facts checked against official sources that the articles must keep (issue 13, « Faits à corriger »).
 * Each test reads the real content, so that a later edit cannot bring an error back unnoticed.
 */
const realContent = fileURLToPath(new URL("../../../content", import.meta.url));
let bundle: ContentBundle;
beforeAll(async () => {
  bundle = await loadContent(realContent);
});

const CHILD_STAGES = new Set(["trois-premiers-mois", "quatre-mois-un-an", "un-deux-ans", "deux-trois-ans"]);

/** Paragraphs and list items of an article, as plain text. */
function blocks(html: string): string[] {
  return html
    .split(/<\/(?:p|li|h2|h3)>/)
    .map((b) => b.replace(/<[^>]+>/g, " ").replace(/&#39;/g, "'").replace(/\s+/g, " ").trim())
    .filter(Boolean);
}

describe("raw milk and minced meat for young children (DGS/DGAL: none before 5 years)", () => {
  it("every child article that names raw milk says « 5 ans » in the same paragraph", () => {
    const mentions = bundle.articles
      .filter((a) => a.stages.some((s) => CHILD_STAGES.has(s)))
      .flatMap((a) => blocks(a.html).filter((b) => /lait cru/i.test(b)).map((b) => ({ id: a.id, b })));
    expect(mentions.map((m) => m.id)).toEqual(expect.arrayContaining(["diversification-alimentaire", "alimentation-un-trois-ans"]));
    for (const { id, b } of mentions) expect(b, id).toMatch(/5 ans/);
  });

  it("the food articles of 4 months to 3 years ask for minced meat cooked through", () => {
    for (const id of ["diversification-alimentaire", "alimentation-un-trois-ans"]) {
      const article = bundle.articles.find((a) => a.id === id);
      expect(article?.text, id).toMatch(/viande hachée[^.]*bien cuites? à cœur/i);
    }
  });
});

describe("helplines: « Allô, parents en crise » answers about one call in four, so 3114 or 15 come first", () => {
  it("no key message sends parents to it, and every article that names it gives 3114 or 15 before it", () => {
    const naming = bundle.articles.filter((a) => a.text.includes("0 805 382 300"));
    expect(naming.length).toBeGreaterThan(0);
    for (const a of bundle.articles) expect(a.keyMessage, a.id).not.toMatch(/parents en crise|0 805 382 300/i);
    for (const a of naming) {
      const at = a.text.indexOf("0 805 382 300");
      expect(a.text.slice(0, at), a.id).toMatch(/\b(3114|15)\b/);
      expect(a.text, a.id).not.toMatch(/0 805 382 300[^.]*samedi/);
    }
  });
});

describe("congé supplémentaire de naissance (service-public.fr F39685, updated 2026-06-01)", () => {
  it("gives the 31 March 2027 limit, the 9 months, the pay, the ceiling and both notices", () => {
    const text = (bundle.articles.find((a) => a.id === "conge-paternite-naissance")?.text ?? "").replace(/\s+([,.;:])/g, "$1");
    expect(text).toMatch(/entre le 1er janvier et le 30 juin 2026[^.]*jusqu'au 31 mars 2027/);
    expect(text).toMatch(/à partir du 1er juillet 2026, il se prend dans les 9 mois qui suivent la naissance/);
    expect(text).toMatch(/70 % du salaire net le 1er mois, puis 60 % le 2e[^.]*4 005 € par mois/);
    expect(text).toMatch(/au moins un mois avant, ou 15 jours avant si ce congé suit tout de suite votre congé paternité/);
    expect(text).not.toMatch(/annonc|environ 9 mois/);
  });
});

describe("vitamins D and K for the baby (SFP 2022; ANSM vitamin K schedule)", () => {
  it("has an article with the doses by feeding mode, linked to the first stages and the food and follow-up themes", () => {
    const a = bundle.articles.find((x) => x.id === "vitamines-d-et-k-bebe");
    expect(a?.stages).toEqual(expect.arrayContaining(["accouchement", "trois-premiers-mois", "quatre-mois-un-an"]));
    expect(a?.themes).toEqual(expect.arrayContaining(["suivi-medical", "alimentation", "allaitement"]));
    const text = (a?.text ?? "").replace(/\s+([,.;:])/g, "$1");
    expect(text).toMatch(/De la naissance à 18 ans: 400 à 800 UI par jour/);
    expect(text).toMatch(/1re dose le jour de la naissance/);
    expect(text).toMatch(/2e dose entre le 4e et le 7e jour/);
    expect(text).toMatch(/3e dose à 1 mois si bébé est nourri uniquement au sein/);
    expect(text).toMatch(/uniquement du lait infantile[^.]*3e dose n'est pas nécessaire/);
    expect(text).toMatch(/pas un complément alimentaire/);
    expect(a?.sources.some((s) => s.url.includes("ansm.sante.fr"))).toBe(true);
  });
});
