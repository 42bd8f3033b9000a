import { describe, expect, it } from "vitest";
import { waitInWords } from "./format.js";

describe("waitInWords", () => {
  it("says minutes up to an hour, hours beyond (the per-number limit answers a Retry-After of a day)", () => {
    expect(waitInWords(30)).toBe("1 minute");
    expect(waitInWords(90)).toBe("2 minutes");
    expect(waitInWords(3600)).toBe("60 minutes");
    expect(waitInWords(3601)).toBe("2 heures");
    expect(waitInWords(86_400)).toBe("24 heures");
  });
});
