import { describe, expect, it } from "vitest";
import { AnswerCache } from "./answer-cache.js";

describe("AnswerCache", () => {
  const v1 = { version: 1 };
  const v2 = { version: 2 };

  it("answers only for the version an answer was stored with, and a new version empties it", () => {
    const cache = new AnswerCache<object>(10, 1000);
    expect(cache.get(v1, "/a")).toBeUndefined();
    cache.set(v1, "/a", "A");
    expect(cache.get(v1, "/a")).toBe("A");
    expect(cache.get(v2, "/a")).toBeUndefined();
    cache.set(v2, "/b", "B");
    expect(cache.size).toBe(1);
    expect(cache.get(v2, "/a")).toBeUndefined();
    expect(cache.get(v1, "/a")).toBeUndefined();
    expect(cache.get(v2, "/b")).toBe("B");
  });

  it("forgets the least recently used answer beyond its number of entries", () => {
    const cache = new AnswerCache<object>(2, 1000);
    cache.set(v1, "/a", "A");
    cache.set(v1, "/b", "B");
    expect(cache.get(v1, "/a")).toBe("A"); // /b is now the oldest
    cache.set(v1, "/c", "C");
    expect([cache.get(v1, "/a"), cache.get(v1, "/b"), cache.get(v1, "/c")]).toEqual(["A", undefined, "C"]);
    expect(cache.size).toBe(2);
  });

  it("stays under its number of characters, and never keeps an answer longer than that", () => {
    const cache = new AnswerCache<object>(100, 10);
    cache.set(v1, "/a", "aaaa");
    cache.set(v1, "/b", "bbbb");
    cache.set(v1, "/c", "cccc"); // 12 characters: /a goes
    expect([cache.get(v1, "/a"), cache.get(v1, "/b"), cache.get(v1, "/c")]).toEqual([undefined, "bbbb", "cccc"]);
    cache.set(v1, "/b", "bb"); // replaced, counted once
    cache.set(v1, "/d", "dddd");
    expect([cache.get(v1, "/b"), cache.get(v1, "/c"), cache.get(v1, "/d")]).toEqual(["bb", "cccc", "dddd"]);
    cache.set(v1, "/huge", "x".repeat(11));
    expect(cache.get(v1, "/huge")).toBeUndefined();
    expect(cache.size).toBe(3);
  });
});
