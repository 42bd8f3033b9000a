import { describe, expect, it } from "vitest";
import { feedQuerySchema } from "./feed-query.js";
import { calendarInputFromFeedQuery } from "./from-feed-query.js";

const TODAY = "2026-12-02";
const query = (search: Record<string, string>) => feedQuerySchema.parse(search);

describe("the calendar input of a feed's query", () => {
  it("needs exactly one date, said in French", () => {
    const error = { error: "Indiquez une seule date : terme, ddr (date des dernières règles) ou naissance." };
    expect(calendarInputFromFeedQuery(query({}), TODAY)).toEqual(error);
    expect(calendarInputFromFeedQuery(query({ terme: "2027-03-01", naissance: "2026-11-01" }), TODAY)).toEqual(error);
  });

  it("checks the date with the profile's own rules, naming the parameter", () => {
    const result = calendarInputFromFeedQuery(query({ terme: "2020-01-01" }), TODAY);
    expect(result).toMatchObject({ error: expect.stringMatching(/^terme : /) });
  });

  it("a terme or a DDR gives a pregnancy with its babies and rank; a DDR's terme is 287 days later", () => {
    const fromTerme = calendarInputFromFeedQuery(query({ terme: "2027-03-01", multiple: "2", rang: "3" }), TODAY);
    expect(fromTerme).toMatchObject({ input: { pregnancy: { terme: "2027-03-01", fetuses: 2, rank: 3 } } });
    const fromDdr = calendarInputFromFeedQuery(query({ ddr: "2026-06-01" }), TODAY);
    expect(fromDdr).toMatchObject({ input: { pregnancy: { terme: "2027-03-15", fetuses: 1, rank: 1 } } });
  });

  it("a birth date gives one child per baby, born the same day, and no pregnancy", () => {
    const result = calendarInputFromFeedQuery(query({ naissance: "2026-11-01", multiple: "2" }), TODAY);
    if (!("input" in result)) throw new Error(result.error);
    expect(result.input.pregnancy).toBeNull();
    expect(result.input.children.map((c) => [c.id, c.birthDate, c.siblingsBornSameDay])).toEqual([
      ["1", "2026-11-01", 1],
      ["2", "2026-11-01", 1],
    ]);
  });
});
