import { describe, expect, it } from "vitest";
import type { Article, SituationId, StageId } from "../content/schema.js";
import { articlesForStage, filterArticles } from "./articles.js";

function article(id: string, stages: StageId[], situations: SituationId[] = [], themes: Article["themes"] = ["sommeil"]): Article {
  return {
    id,
    title: id,
    summary: "",
    keyMessage: "",
    text: "",
    html: "",
    stages,
    themes,
    situations,
    audience: ["parents"],
    sources: [],
    reviewed: "2026-11-22",
    nextReview: "2027-11-22",
    essential: false,
  };
}

const all = [
  article("general-long", ["trois-premiers-mois", "quatre-mois-un-an", "un-deux-ans"]),
  article("general-court", ["trois-premiers-mois"], [], ["allaitement"]),
  article("premature", ["trois-premiers-mois"], ["prematurite"]),
  article("autre-etape", ["deux-trois-ans"]),
];

describe("articlesForStage", () => {
  it("hides articles for a situation the profile does not have", () => {
    expect(articlesForStage(all, "trois-premiers-mois", []).map((a) => a.id)).toEqual(["general-court", "general-long"]);
  });
  it("shows situation articles first, then the most stage-specific", () => {
    expect(articlesForStage(all, "trois-premiers-mois", ["prematurite"]).map((a) => a.id)).toEqual(["premature", "general-court", "general-long"]);
  });
});

describe("filterArticles", () => {
  const marks = { read: new Set(["general-court"]), favourites: new Set(["general-long"]) };
  const none = { themes: [], onlyUnread: false, onlyFavourites: false };
  it("puts read articles last", () => expect(filterArticles(all.slice(0, 2), none, marks).map((a) => a.id)).toEqual(["general-long", "general-court"]));
  it("filters by theme, unread and favourites", () => {
    expect(filterArticles(all, { ...none, themes: ["allaitement"] }, marks).map((a) => a.id)).toEqual(["general-court"]);
    expect(filterArticles(all, { ...none, onlyUnread: true }, marks).map((a) => a.id)).not.toContain("general-court");
    expect(filterArticles(all, { ...none, onlyFavourites: true }, marks).map((a) => a.id)).toEqual(["general-long"]);
  });
});
