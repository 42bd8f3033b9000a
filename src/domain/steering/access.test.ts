import { describe, expect, it } from "vitest";
import { canWrite, canWriteRegion, NO_REGION, readScope, type AccessAccount } from "./access.js";

const national: AccessAccount = { role: "national", region: null };
const regional: AccessAccount = { role: "regional", region: "84" };
const observer: AccessAccount = { role: "observer", region: "84" };
const nationalObserver: AccessAccount = { role: "observer", region: null };
const departemental: AccessAccount = { role: "departemental", region: null };

describe("steering access rules", () => {
  it("lets the national administration and regional agents write, never observers or call-back services", () => {
    expect([national, regional, observer, nationalObserver, departemental].map(canWrite)).toEqual([true, true, false, false, false]);
  });

  it("lets a regional agent write in their own region only; the national administration everywhere", () => {
    expect(canWriteRegion(regional, "84")).toBe(true);
    expect(canWriteRegion(regional, "11")).toBe(false);
    expect(canWriteRegion(national, "11")).toBe(true);
    expect(canWriteRegion(observer, "84")).toBe(false);
    expect(canWriteRegion(departemental, "84")).toBe(false);
  });

  it("scopes reading: the whole country for national accounts and national observers, one region otherwise", () => {
    expect(readScope(national)).toBeNull();
    expect(readScope(nationalObserver)).toBeNull();
    expect(readScope(regional)).toBe("84");
    expect(readScope(observer)).toBe("84");
    expect(readScope(departemental)).toBe(NO_REGION);
  });
});
