import { describe, expect, it } from "vitest";
import type { Article } from "./schema.js";
import { buildSearchIndex, foldText, searchArticles } from "./search.js";

function article(id: string, title: string, text: string, summary = "Résumé neutre de l'article."): Article {
  return {
    id, title, summary, keyMessage: "Message clé.", text, html: `<p>${text}</p>`,
    stages: ["trois-premiers-mois"], themes: ["sommeil"], situations: [], audience: ["parents"],
    sources: [{ title: "Source", publisher: "Ministère", url: "https://example.gouv.fr", date: "2026-01-01" }],
    reviewed: "2026-11-22", nextReview: "2027-11-22", essential: false,
  };
}

const index = buildSearchIndex([
  article("a", "Le bébé secoué", "Ne jamais secouer un bébé, même quand il pleure."),
  article("b", "Le sommeil du bébé", "Couchez-le sur le dos, dans une gigoteuse."),
  article("c", "Les œufs et l'allaitement", "Manger des œufs cuits pendant l'allaitement."),
]);

describe("searchArticles", () => {
  it("ignores accents and case", () => {
    expect(foldText("Bébé SECOUÉ")).toBe("bebe secoue");
    expect(searchArticles(index, "bebe secoue").map((a) => a.id)).toEqual(["a"]);
    expect(searchArticles(index, "BÉBÉ").map((a) => a.id)).toEqual(["a", "b"]);
  });
  it("folds ligatures", () => expect(searchArticles(index, "oeufs").map((a) => a.id)).toEqual(["c"]));
  it("requires every word, as a word start", () => {
    expect(searchArticles(index, "dos gigoteuse").map((a) => a.id)).toEqual(["b"]);
    expect(searchArticles(index, "dos secoué")).toEqual([]);
    expect(searchArticles(index, "ecoue")).toEqual([]);
  });
  it("ranks title matches first", () => expect(searchArticles(index, "sommeil")[0]?.id).toBe("b"));
  it("returns nothing for an empty or punctuation-only query, and survives regex characters", () => {
    expect(searchArticles(index, "   ")).toEqual([]);
    expect(searchArticles(index, "(*+?[")).toEqual([]);
  });
});
