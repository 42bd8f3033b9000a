import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EpdsQuestionnaire } from "./schema.js";
import { EPDS_BANDS, bandFor, scoreEpds, type EpdsAnswer, type EpdsResult } from "./score.js";
import { answersForPoints, epdsContentFiles, loadEpds, withOptionOrder } from "./test-support.js";

const fr = loadEpds("fr.json");
const en = loadEpds("en.json");
const ZEROS = Array<number>(10).fill(0);
const THREES = Array<number>(10).fill(3);

function expectScore(result: EpdsResult) {
  if (!result.ok) throw new Error(`expected a score, got ${JSON.stringify(result.errors)}`);
  return result;
}

describe("scoreEpds: hand cases", () => {
  it.each([
    ["fr", fr],
    ["en", en],
  ] as const)("%s: the 0-point answer everywhere scores 0, band faible, no safety flag", (_, q) => {
    expect(scoreEpds(q, answersForPoints(q, ZEROS))).toEqual({ ok: true, total: 0, item10Points: 0, safetyFlag: false, band: "faible" });
  });

  it.each([
    ["fr", fr],
    ["en", en],
  ] as const)("%s: the worst answer everywhere scores 30, band eleve, safety flag", (_, q) => {
    expect(scoreEpds(q, answersForPoints(q, THREES))).toEqual({ ok: true, total: 30, item10Points: 3, safetyFlag: true, band: "eleve" });
  });

  it("scores by points, not by position: the first answer everywhere is worth 21 (items 3 and 5–10 are printed from 3 down)", () => {
    const firsts = Array<number>(10).fill(0);
    expect(expectScore(scoreEpds(fr, firsts)).total).toBe(21);
    expect(expectScore(scoreEpds(en, firsts)).total).toBe(21);
    const lasts = Array<number>(10).fill(3);
    expect(expectScore(scoreEpds(fr, lasts)).total).toBe(9);
  });

  it("scores a French layout whose answer order differs from the English one by the points of the chosen text", () => {
    // doczz.fr/doc/3379868 prints item 3 from "never" up to "very often" (ascending), while the English
    // original and fr.json print it from 3 points down. Same answer text, other position, same points.
    const ascendingItem3 = withOptionOrder(fr, (n) => (n === 3 ? [3, 2, 1, 0] : [0, 1, 2, 3]));
    const mostOfTheTime = "Oui, la plupart du temps";
    const indexIn = (q: EpdsQuestionnaire) => q.items[2]!.options.findIndex((o) => o.text === mostOfTheTime);
    expect([indexIn(fr), indexIn(ascendingItem3)]).toEqual([0, 3]);

    const pick = (q: EpdsQuestionnaire) => answersForPoints(q, ZEROS).map((a, i) => (i === 2 ? indexIn(q) : a));
    expect(expectScore(scoreEpds(fr, pick(fr))).total).toBe(3);
    expect(expectScore(scoreEpds(ascendingItem3, pick(ascendingItem3))).total).toBe(3);
    // Index 3 of item 3 in fr.json is "Non, jamais": 0 points, although it is the last position.
    expect(
      expectScore(
        scoreEpds(
          fr,
          answersForPoints(fr, ZEROS).map((a, i) => (i === 2 ? 3 : a)),
        ),
      ).total,
    ).toBe(0);
  });

  it("item 10 at 1 point with a total of 1 raises the safety flag in the lowest band", () => {
    const points = [0, 0, 0, 0, 0, 0, 0, 0, 0, 1];
    for (const q of [fr, en]) {
      expect(scoreEpds(q, answersForPoints(q, points))).toEqual({ ok: true, total: 1, item10Points: 1, safetyFlag: true, band: "faible" });
    }
    const hardlyEver = fr.items[9]!.options.findIndex((o) => o.text === "Presque jamais");
    expect(expectScore(scoreEpds(fr, [...answersForPoints(fr, ZEROS).slice(0, 9), hardlyEver])).safetyFlag).toBe(true);
  });

  it("a high total without item 10 is eleve but raises no safety flag", () => {
    expect(scoreEpds(fr, answersForPoints(fr, [3, 3, 3, 3, 3, 3, 3, 3, 3, 0]))).toEqual({
      ok: true,
      total: 27,
      item10Points: 0,
      safetyFlag: false,
      band: "eleve",
    });
  });
});

describe("scoreEpds: rejected answers", () => {
  const valid = answersForPoints(fr, ZEROS);
  const withAnswer = (index: number, value: unknown) => valid.map((a, i) => (i === index ? value : a)) as EpdsAnswer[];

  it("rejects a missing answer, naming the item in French", () => {
    expect(scoreEpds(fr, withAnswer(3, null))).toEqual({
      ok: false,
      errors: [{ item: 4, message: "Question 4 : aucune réponse. Choisissez la réponse la plus proche de ce que vous avez ressenti." }],
    });
    expect(scoreEpds(fr, withAnswer(9, undefined))).toMatchObject({ ok: false, errors: [{ item: 10 }] });
  });

  it.each([4, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, "2", true])("rejects the answer %s", (bad) => {
    const result = scoreEpds(fr, withAnswer(6, bad));
    expect(result).toMatchObject({ ok: false, errors: [{ item: 7 }] });
    if (!result.ok) expect(result.errors[0]!.message).toMatch(/^Question 7 : réponse invalide/);
  });

  it("rejects too few, too many, sparse or no answers, listing every faulty item", () => {
    expect(scoreEpds(fr, valid.slice(0, 8))).toMatchObject({ ok: false, errors: [{ item: 9 }, { item: 10 }] });
    expect(scoreEpds(fr, [...valid, 0])).toEqual({
      ok: false,
      errors: [{ item: 11, message: "Le questionnaire compte 10 questions : la réponse n° 11 est en trop." }],
    });
    const sparse: EpdsAnswer[] = [...valid];
    delete sparse[5];
    expect(scoreEpds(fr, sparse)).toMatchObject({ ok: false, errors: [{ item: 6 }] });
    const none = scoreEpds(fr, []);
    expect(none.ok ? [] : none.errors.map((e) => e.item)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const notAnArray = scoreEpds(fr, "0000000000" as unknown as EpdsAnswer[]);
    expect(notAnArray.ok).toBe(false);
  });
});

describe("bands", () => {
  it("cover 0 to 30 without gap or overlap", () => {
    const covered = EPDS_BANDS.flatMap((b) => Array.from({ length: b.max - b.min + 1 }, (_, i) => b.min + i));
    expect(covered).toEqual(Array.from({ length: 31 }, (_, i) => i));
    for (const band of EPDS_BANDS) expect(band.source.length).toBeGreaterThan(10);
  });

  it.each([
    [0, "faible"],
    [9, "faible"],
    [10, "faible"],
    [11, "a-surveiller"],
    [12, "a-surveiller"],
    [13, "eleve"],
    [30, "eleve"],
  ] as const)("total %i is %s (French cut-off ≥ 11, RCPsych ≥ 13)", (total, id) => {
    expect(bandFor(total).id).toBe(id);
  });

  it.each([-1, 31, 10.5, Number.NaN])("refuses to band %s", (total) => {
    expect(() => bandFor(total)).toThrow(RangeError);
  });
});

describe("scoreEpds: properties", () => {
  const base = fc.constantFrom(...epdsContentFiles().map((name) => loadEpds(name)));
  const permutation = fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 });
  /** Any content file, its answers listed in any order on every item (translations reorder them). */
  const questionnaire = fc.tuple(base, fc.array(permutation, { minLength: 10, maxLength: 10 })).map(([q, orders]) => withOptionOrder(q, (n) => orders[n - 1]!));
  const pointsVector = fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 10, maxLength: 10 });

  it("the total is the sum of the chosen answers' points, always between 0 and 30", () => {
    fc.assert(
      fc.property(questionnaire, pointsVector, (q, points) => {
        const result = expectScore(scoreEpds(q, answersForPoints(q, points)));
        const sum = points.reduce((a, b) => a + b, 0);
        expect(result.total).toBe(sum);
        expect(result.total).toBeGreaterThanOrEqual(0);
        expect(result.total).toBeLessThanOrEqual(30);
        expect(result.band).toBe(bandFor(sum).id);
      }),
    );
  });

  it("any answer to item 10 above 0 raises the safety flag, whatever the other answers", () => {
    fc.assert(
      fc.property(questionnaire, pointsVector, fc.integer({ min: 1, max: 3 }), (q, points, item10) => {
        const result = expectScore(scoreEpds(q, answersForPoints(q, [...points.slice(0, 9), item10])));
        expect(result.safetyFlag).toBe(true);
        expect(result.item10Points).toBe(item10);
      }),
    );
    fc.assert(
      fc.property(questionnaire, pointsVector, (q, points) => {
        expect(expectScore(scoreEpds(q, answersForPoints(q, [...points.slice(0, 9), 0]))).safetyFlag).toBe(false);
      }),
    );
  });

  const badAnswer = fc.oneof(
    fc.constant(null),
    fc.constant(undefined),
    fc.integer({ min: 4 }),
    fc.integer({ max: -1 }),
    fc.double({ min: -10, max: 10, noInteger: true }),
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, "1", true, {}),
  );

  it("a missing or out-of-range answer is rejected, never scored", () => {
    fc.assert(
      fc.property(
        questionnaire,
        pointsVector,
        fc.uniqueArray(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 10 }),
        fc.array(badAnswer, { minLength: 10, maxLength: 10 }),
        (q, points, positions, bad) => {
          const answers: unknown[] = answersForPoints(q, points);
          for (const p of positions) answers[p] = bad[p];
          const result = scoreEpds(q, answers as EpdsAnswer[]);
          expect(result.ok).toBe(false);
          expect(result).not.toHaveProperty("total");
          if (!result.ok) expect(result.errors.map((e) => e.item)).toEqual([...positions].sort((a, b) => a - b).map((p) => p + 1));
        },
      ),
    );
  });

  it("a questionnaire with fewer or more than 10 answers is rejected, never scored", () => {
    fc.assert(
      fc.property(questionnaire, fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 20 }), (q, answers) => {
        fc.pre(answers.length !== 10);
        const result = scoreEpds(q, answers);
        expect(result.ok).toBe(false);
        expect(result).not.toHaveProperty("total");
      }),
    );
  });
});
