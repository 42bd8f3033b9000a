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

describe("searchArticles in another language", () => {
  const french = [
    article("sommeil", "Coucher bébé en sécurité", "Couchez bébé sur le dos, dans son propre lit."),
    article("secoue", "Le bébé secoué", "Ne jamais secouer un bébé, même quand il pleure."),
    article("oeufs", "Les œufs et l'allaitement", "Manger des œufs cuits pendant l'allaitement."),
  ];
  const translated = (id: string, title: string, text: string, summary = "—") => ({ id, title, summary, keyMessage: "—", text });

  it("finds an article by the words of its translation, and still by its French words, returning the French article", () => {
    const english = buildSearchIndex(french, [
      translated("sommeil", "Putting your baby to sleep safely", "Put your baby to sleep on the back, in their own bed."),
      translated("secoue", "Shaken baby", "Never shake a baby, even when they cry."),
    ]);
    expect(searchArticles(english, "sleep").map((a) => a.id)).toEqual(["sommeil"]);
    expect(searchArticles(english, "SHAKE cry").map((a) => a.id)).toEqual(["secoue"]);
    expect(searchArticles(english, "baby").map((a) => a.id)).toEqual(["sommeil", "secoue"]);
    // French words find the translated articles too, and the articles without translation.
    expect(searchArticles(english, "bébé").map((a) => a.id)).toEqual(["sommeil", "secoue"]);
    expect(searchArticles(english, "oeufs").map((a) => a.id)).toEqual(["oeufs"]);
    expect(searchArticles(english, "sleep")[0]).toBe(french[0]);
    // A translation of an unknown article adds nothing.
    expect(buildSearchIndex(french, [translated("inconnu", "Sleep", "Sleep")]).map((e) => e.article.id)).toEqual(["sommeil", "secoue", "oeufs"]);
  });

  it("ranks a match in the translated title above one in its text", () => {
    const english = buildSearchIndex(french, [
      translated("sommeil", "Safe sleep", "A baby who cries can be put down."),
      translated("secoue", "Shaken baby", "Crying is normal; sleep comes back."),
    ]);
    expect(searchArticles(english, "sleep").map((a) => a.id)).toEqual(["sommeil", "secoue"]);
  });

  it("reads Arabic without short vowels or hamza forms, with or without the joined particles", () => {
    const arabic = buildSearchIndex(french, [
      translated("sommeil", "نوم الرضيع بأمان", "ضعي طفلك دائمًا على ظهره، في سريره الخاص."),
      translated("secoue", "متلازمة الطفل المهزوز", "لا تهزّي الرضيعَ أبدًا، حتى عندما يبكي، وللرضيع حاجة إلى الهدوء."),
    ]);
    expect(searchArticles(arabic, "رضيع").map((a) => a.id)).toEqual(["sommeil", "secoue"]);
    expect(searchArticles(arabic, "الرضيع").map((a) => a.id)).toEqual(["sommeil", "secoue"]);
    expect(searchArticles(arabic, "للرضيع").map((a) => a.id)).toEqual(["sommeil", "secoue"]);
    // « بامان » typed without the hamza, « امان » without the particle: « بأمان ».
    expect(searchArticles(arabic, "بامان").map((a) => a.id)).toEqual(["sommeil"]);
    expect(searchArticles(arabic, "أمان").map((a) => a.id)).toEqual(["sommeil"]);
    expect(searchArticles(arabic, "تهزي").map((a) => a.id)).toEqual(["secoue"]);
    expect(searchArticles(arabic, "مهزوزة")).toEqual([]);
    expect(foldText("دائمًا")).toBe(foldText("دائما"));
    expect(foldText("مدرسة")).toBe(foldText("مدرسه"));
  });

  it("takes the Persian and Arabic forms of yeh and kaf as one (Dari typed on an Arabic keyboard), and the Turkish dotless i as i", () => {
    const dari = buildSearchIndex(french, [translated("sommeil", "خواب کودک", "کودک را به پشت بخوابانید.")]);
    expect(searchArticles(dari, "كودك").map((a) => a.id)).toEqual(["sommeil"]);
    expect(searchArticles(dari, "کودک").map((a) => a.id)).toEqual(["sommeil"]);
    const turkish = buildSearchIndex(french, [translated("secoue", "Sarsılmış bebek sendromu", "Bebeği asla sarsmayın.")]);
    expect(searchArticles(turkish, "sarsilmis").map((a) => a.id)).toEqual(["secoue"]);
    expect(searchArticles(turkish, "SARSILMIŞ").map((a) => a.id)).toEqual(["secoue"]);
    expect(searchArticles(turkish, "bebeği").map((a) => a.id)).toEqual(["secoue"]);
  });
});
