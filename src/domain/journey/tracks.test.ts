import { describe, expect, it } from "vitest";
import { buildTracks, formatAge } from "./tracks.js";
import type { Profile } from "../profile/profile.js";

const today = "2026-11-22";
const empty: Profile = { version: 2, project: null, pregnancy: null, children: [], situations: [] };

describe("buildTracks", () => {
  it("gives no pregnancy track once its babies are born (no more pregnancy advice for parents of a 2-month-old)", () => {
    const tracks = buildTracks(
      {
        ...empty,
        pregnancy: { terme: "2026-09-25", ddr: null, babies: 2 },
        children: [
          { id: "a", firstName: "Léa", birthDate: "2026-09-20" },
          { id: "b", firstName: "Noé", birthDate: "2026-09-20" },
        ],
      },
      today,
    );
    expect(tracks.map((t) => t.kind)).toEqual(["enfant", "enfant"]);
  });
  it("gives twins one track each, on the same stage", () => {
    const tracks = buildTracks(
      {
        ...empty,
        children: [
          { id: "a", firstName: "Léa", birthDate: "2026-06-22" },
          { id: "b", firstName: "", birthDate: "2026-06-22" },
        ],
      },
      today,
    );
    expect(tracks.map((t) => [t.label, t.stage, t.detail])).toEqual([
      ["Léa (naissance multiple)", "quatre-mois-un-an", "5 mois"],
      ["Enfant 2 (naissance multiple)", "quatre-mois-un-an", "5 mois"],
    ]);
  });
  it("shows a pregnancy at 20 SA and an older child together, youngest child first", () => {
    const tracks = buildTracks(
      {
        ...empty,
        pregnancy: { terme: "2027-04-10", ddr: null, babies: 1 },
        children: [
          { id: "a", firstName: "Tom", birthDate: "2024-08-01" },
          { id: "b", firstName: "Zoé", birthDate: "2025-12-01" },
        ],
      },
      "2026-11-14",
    );
    expect(tracks.map((t) => [t.kind, t.stage, t.detail])).toEqual([
      ["grossesse", "suite-grossesse", "20 SA"],
      ["enfant", "quatre-mois-un-an", "11 mois"],
      ["enfant", "deux-trois-ans", "2 ans et 3 mois"],
    ]);
  });
  it("maps the project to its stage", () => {
    expect(buildTracks({ ...empty, project: "reflexion" }, today)[0]?.stage).toBe("projet");
    expect(buildTracks({ ...empty, project: "essai" }, today)[0]?.stage).toBe("conception");
  });
  it("has no stage for a child of 3 or more", () => {
    expect(buildTracks({ ...empty, children: [{ id: "a", firstName: "", birthDate: "2020-01-01" }] }, today)[0]?.stage).toBeNull();
  });
});

describe("formatAge", () => {
  it.each([
    ["2026-11-22", "0 jour"],
    ["2026-11-21", "1 jour"],
    ["2026-11-01", "21 jours"],
    ["2026-10-22", "1 mois"],
    ["2025-11-22", "12 mois"],
    ["2024-11-22", "2 ans"],
    ["2024-08-22", "2 ans et 3 mois"],
  ])("born %s → %s", (birth, text) => expect(formatAge(birth, today)).toBe(text));
});
