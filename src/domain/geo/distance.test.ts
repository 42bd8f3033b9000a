import { describe, expect, it } from "vitest";
import { EARTH_RADIUS_M, distanceMeters, isValidLatLon } from "./distance.js";

describe("distanceMeters", () => {
  it("is zero for the same point and symmetric", () => {
    const paris = { lat: 48.8566, lon: 2.3522 };
    const lyon = { lat: 45.764, lon: 4.8357 };
    expect(distanceMeters(paris, paris)).toBe(0);
    expect(distanceMeters(paris, lyon)).toBeCloseTo(distanceMeters(lyon, paris), 6);
  });
  it("measures one degree of a meridian as 2πR/360", () => {
    expect(distanceMeters({ lat: 45, lon: 3 }, { lat: 46, lon: 3 })).toBeCloseTo((2 * Math.PI * EARTH_RADIUS_M) / 360, 3);
  });
  it("gives Paris–Lyon about 392 km (ellipsoidal geodesic: 391.6 km)", () => {
    const d = distanceMeters({ lat: 48.8566, lon: 2.3522 }, { lat: 45.764, lon: 4.8357 });
    expect(d).toBeGreaterThan(390_000);
    expect(d).toBeLessThan(393_500);
  });
  it("halves the circumference between antipodes", () => {
    expect(distanceMeters({ lat: 0, lon: 0 }, { lat: 0, lon: 180 })).toBeCloseTo(Math.PI * EARTH_RADIUS_M, 3);
    expect(distanceMeters({ lat: -20.9, lon: 55.4 }, { lat: 20.9, lon: -124.6 })).toBeCloseTo(Math.PI * EARTH_RADIUS_M, 0);
  });
  it("checks coordinates", () => {
    expect(isValidLatLon({ lat: 46, lon: 2 })).toBe(true);
    expect(isValidLatLon({ lat: 91, lon: 2 })).toBe(false);
    expect(isValidLatLon({ lat: Number.NaN, lon: 2 })).toBe(false);
  });
});
