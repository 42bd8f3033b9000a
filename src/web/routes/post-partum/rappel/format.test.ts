import { beforeAll, describe, expect, it } from "vitest";
import { activateForTest } from "../../../i18n/test-catalogues.js";
import { daysInWords, delayInWords, waitInWords } from "./format.js";

describe("waitInWords", () => {
  beforeAll(() => activateForTest("fr"));
  it("says minutes up to an hour, hours beyond (the per-number limit answers a Retry-After of a day)", () => {
    expect(waitInWords(30)).toBe("1 minute");
    expect(waitInWords(90)).toBe("2 minutes");
    expect(waitInWords(3600)).toBe("60 minutes");
    expect(waitInWords(3601)).toBe("2 heures");
    expect(waitInWords(86_400)).toBe("24 heures");
  });
});

describe("delays in the parent's language", () => {
  it("follows the active catalogue's plurals", () => {
    activateForTest("fr");
    expect([delayInWords(48), delayInWords(24), delayInWords(5), daysInWords(0.01), daysInWords(90)]).toEqual([
      "2 jours",
      "1 jour",
      "5 heures",
      "1 jour",
      "90 jours",
    ]);
    activateForTest("tr");
    expect([delayInWords(48), waitInWords(86_400)]).toEqual(["2 gün", "24 saat"]);
  });
});
