import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { FEED_REMINDERS, MAX_FEED_RANK, parseFeedQuery, type FeedQuery } from "./feed-query.js";
import { feedQueryString, feedsOfInput } from "./feed-links.js";
import { MAX_BABIES } from "../profile/limits.js";
import { addDays } from "../dates.js";
import { contentLanguages } from "../content/languages.js";

const isoDate = fc.integer({ min: 0, max: 200 * 366 }).map((n) => addDays("1950-01-01", n));
const feedQuery: fc.Arbitrary<FeedQuery> = fc.record(
  {
    terme: isoDate,
    ddr: isoDate,
    naissance: isoDate,
    rang: fc.integer({ min: 1, max: MAX_FEED_RANK }),
    multiple: fc.integer({ min: 1, max: MAX_BABIES }),
    rappels: fc.constantFrom(...FEED_REMINDERS),
    langue: fc.constantFrom(...contentLanguages),
  },
  { requiredKeys: ["rang", "multiple", "rappels"] },
);

describe("feed query string", () => {
  it("reads back exactly what it wrote (round trip)", () => {
    fc.assert(
      fc.property(feedQuery, (query) => {
        expect(parseFeedQuery(feedQueryString(query))).toEqual({ query });
      }),
    );
  });

  it("writes every parameter once, in a fixed order, and nothing else", () => {
    fc.assert(
      fc.property(feedQuery, (query) => {
        const keys = [...new URLSearchParams(feedQueryString(query)).keys()];
        expect(keys).toEqual(["terme", "ddr", "naissance", "rang", "multiple", "rappels", "langue"].filter((k) => query[k as keyof FeedQuery] !== undefined));
      }),
    );
    expect(feedQueryString({ terme: "2027-03-01", rang: 1, multiple: 1, rappels: "jour-meme" })).toBe("terme=2027-03-01&rang=1&multiple=1&rappels=jour-meme");
  });

  it("fills the defaults and refuses what the route refuses, in French", () => {
    expect(parseFeedQuery("?naissance=2026-01-03")).toEqual({ query: { naissance: "2026-01-03", rang: 1, multiple: 1, rappels: "aucun" } });
    expect(parseFeedQuery("terme=demain")).toEqual({ error: "terme : format attendu : AAAA-MM-JJ" });
    expect(parseFeedQuery(`terme=2027-03-01&multiple=${MAX_BABIES + 1}`)).toMatchObject({ error: expect.stringMatching(/^multiple : /) });
    expect(parseFeedQuery("terme=2027-03-01&rang=1&rang=2")).toEqual({ error: "rang : une seule valeur attendue" });
    expect(parseFeedQuery("terme=2027-03-01&couleur=bleu")).toHaveProperty("error");
    expect(parseFeedQuery("terme=2027-03-01&rappels=toujours")).toHaveProperty("error");
    expect(parseFeedQuery("terme=2027-03-01&langue=ar")).toEqual({ query: { terme: "2027-03-01", rang: 1, multiple: 1, rappels: "aucun", langue: "ar" } });
    expect(parseFeedQuery("terme=2027-03-01&langue=klingon")).toEqual({ error: `langue : langue inconnue : ${contentLanguages.join(", ")}` });
  });

  it("writes the language of the feed, except French (the default)", () => {
    const input = { pregnancy: { terme: "2027-05-01", fetuses: 1, rank: 1, unmarriedParents: false, gestationalDiabetesRisk: false }, children: [] };
    expect(feedsOfInput(input, "aucun", "ar").map((f) => feedQueryString(f.query))).toEqual(["terme=2027-05-01&rang=1&multiple=1&rappels=aucun&langue=ar"]);
    expect(feedsOfInput(input, "aucun", "fr").map((f) => feedQueryString(f.query))).toEqual(["terme=2027-05-01&rang=1&multiple=1&rappels=aucun"]);
  });

  it("gives one feed per pregnancy and one per birth date (twins share theirs)", () => {
    const child = (id: string, birthDate: string, siblingsBornSameDay: number, rank: number) => ({
      id,
      birthDate,
      expectedTerme: null,
      rank,
      siblingsBornSameDay,
      bcgRecommended: false,
    });
    const feeds = feedsOfInput(
      {
        pregnancy: { terme: "2027-05-01", fetuses: 2, rank: 3, unmarriedParents: false, gestationalDiabetesRisk: false },
        children: [child("a", "2024-02-10", 1, 1), child("b", "2024-02-10", 1, 1)],
      },
      "semaine-avant",
    );
    expect(feeds.map((f) => feedQueryString(f.query))).toEqual([
      "terme=2027-05-01&rang=3&multiple=2&rappels=semaine-avant",
      "naissance=2024-02-10&rang=1&multiple=2&rappels=semaine-avant",
    ]);
    expect(feeds.map((f) => [f.kind, f.date])).toEqual([
      ["terme", "2027-05-01"],
      ["naissance", "2024-02-10"],
    ]);
  });
});
