import { describe, expect, it } from "vitest";
import { copyField, copyLine } from "./copy-text.js";

describe("COPY text format", () => {
  it("writes NULL, booleans, numbers and escapes the characters COPY reads specially", () => {
    expect(copyLine(["a", null, true, false, 48.8566, -0.5, 3])).toBe("a\t\\N\tt\tf\t48.8566\t-0.5\t3\n");
    expect(copyField("tab\there, line\nnext\r, back\\slash")).toBe("tab\\there, line\\nnext\\r, back\\\\slash");
    expect(copyField("\\N")).toBe("\\\\N"); // the text « \N », not NULL
    expect(copyField("")).toBe("");
  });

  it("writes text arrays with every element quoted", () => {
    expect(copyField(["75001", "75002"])).toBe('{"75001","75002"}');
    expect(copyField(['a"b', "c\\d"])).toBe('{"a\\\\"b","c\\\\\\\\d"}');
    expect(copyField([])).toBe("{}");
  });

  it("refuses a number PostgreSQL would not read back", () => {
    expect(() => copyField(Number.NaN)).toThrow(RangeError);
    expect(() => copyField(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
