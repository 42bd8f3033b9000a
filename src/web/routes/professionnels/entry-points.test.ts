import { describe, expect, it } from "vitest";
import { ENTRY_POINTS, entryPoint } from "./entry-points.js";

describe("short links of the official supports", () => {
  it("keep the codes already printed (paper lives for years: a code is never renamed nor removed)", () => {
    expect(ENTRY_POINTS.map((e) => e.code)).toEqual(expect.arrayContaining(["livret", "sac", "caf", "salle-attente"]));
    expect(new Set(ENTRY_POINTS.map((e) => e.code)).size).toBe(ENTRY_POINTS.length);
    expect(ENTRY_POINTS.every((e) => /^[a-z-]+$/.test(e.code) && e.to.startsWith("/"))).toBe(true);
  });

  it("know nothing of an unknown code", () => {
    expect(entryPoint("inconnu")).toBeUndefined();
    expect(entryPoint(undefined)).toBeUndefined();
    expect(entryPoint("sac")?.to).toBe("/post-partum");
  });
});
