import { describe, expect, it } from "vitest";
import { AnswerCache } from "./answer-cache.js";

describe("AnswerCache", () => {
  const v1 = { version: 1 };
  const v2 = { version: 2 };
  const text = (answer: Buffer | undefined) => answer?.toString("utf8");
  /** Answers `key` twice (the second time keeps it). */
  const keep = (cache: AnswerCache<object>, version: object, key: string, answer: string) => {
    cache.set(version, key, answer);
    cache.set(version, key, answer);
  };

  it("keeps an answer from the second time its URL is answered, as its UTF-8 bytes", () => {
    const cache = new AnswerCache<object>(10, 1000);
    cache.set(v1, "/a", "Â");
    expect(cache.get(v1, "/a")).toBeUndefined();
    expect(cache.size).toBe(0);
    cache.set(v1, "/a", "Â");
    expect(cache.get(v1, "/a")).toEqual(Buffer.from("Â", "utf8"));
    expect(cache.size).toBe(1);
  });

  it("forgets URLs answered once beyond its number of entries", () => {
    const cache = new AnswerCache<object>(2, 1000);
    cache.set(v1, "/a", "A");
    cache.set(v1, "/b", "B");
    cache.set(v1, "/c", "C"); // /a is forgotten
    cache.set(v1, "/a", "A"); // seen again, but as a first time (/b is forgotten)
    cache.set(v1, "/c", "C");
    expect([text(cache.get(v1, "/a")), text(cache.get(v1, "/c"))]).toEqual([undefined, "C"]);
  });

  it("answers only for the version an answer was stored with, and a new version empties it", () => {
    const cache = new AnswerCache<object>(10, 1000);
    expect(cache.get(v1, "/a")).toBeUndefined();
    keep(cache, v1, "/a", "A");
    expect(text(cache.get(v1, "/a"))).toBe("A");
    expect(cache.get(v2, "/a")).toBeUndefined();
    cache.set(v2, "/a", "A2"); // a new version: /a answered for the first time
    cache.set(v2, "/b", "B");
    expect(cache.size).toBe(0);
    cache.set(v2, "/b", "B");
    expect(cache.size).toBe(1);
    expect(cache.get(v2, "/a")).toBeUndefined();
    expect(cache.get(v1, "/a")).toBeUndefined();
    expect(text(cache.get(v2, "/b"))).toBe("B");
  });

  it("forgets the least recently used answer beyond its number of entries", () => {
    const cache = new AnswerCache<object>(2, 1000);
    keep(cache, v1, "/a", "A");
    keep(cache, v1, "/b", "B");
    expect(text(cache.get(v1, "/a"))).toBe("A"); // /b is now the oldest
    keep(cache, v1, "/c", "C");
    expect([cache.get(v1, "/a"), cache.get(v1, "/b"), cache.get(v1, "/c")].map(text)).toEqual(["A", undefined, "C"]);
    expect(cache.size).toBe(2);
  });

  it("stays under its number of bytes, and never keeps an answer longer than that", () => {
    const cache = new AnswerCache<object>(100, 10);
    keep(cache, v1, "/a", "aaaa");
    keep(cache, v1, "/b", "bbbb");
    keep(cache, v1, "/c", "cccc"); // 12 bytes: /a goes
    expect([cache.get(v1, "/a"), cache.get(v1, "/b"), cache.get(v1, "/c")].map(text)).toEqual([undefined, "bbbb", "cccc"]);
    keep(cache, v1, "/b", "bb"); // replaced, counted once
    keep(cache, v1, "/d", "dddd");
    expect([cache.get(v1, "/b"), cache.get(v1, "/c"), cache.get(v1, "/d")].map(text)).toEqual(["bb", "cccc", "dddd"]);
    keep(cache, v1, "/é", "ééééé"); // 5 characters, 10 bytes: kept alone
    expect(text(cache.get(v1, "/é"))).toBe("ééééé");
    expect(cache.size).toBe(1);
    keep(cache, v1, "/huge", "x".repeat(11));
    expect(cache.get(v1, "/huge")).toBeUndefined();
    expect(cache.size).toBe(1);
  });
});
