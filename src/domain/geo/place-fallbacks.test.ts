import { describe, expect, it } from "vitest";
import { placeTypeFallbacks, planNearbySearch } from "./place-fallbacks.js";
import { placeTypeIds, placeTypes } from "./place-types.js";

describe("planNearbySearch", () => {
  const counts = { pmi: 2085, hopital: 2515, laboratoire: 4021, "centre-sante": 10, cmp: 5 };

  it("searches only the types that have places, and names the others", () => {
    const plan = planNearbySearch(["sage-femme", "medecin-generaliste", "pmi", "maternite", "laboratoire"], counts);
    expect(plan.search).toEqual(["pmi", "laboratoire", "centre-sante", "hopital"]);
    expect(plan.missing.map((m) => [m.type, m.offered])).toEqual([
      ["sage-femme", ["pmi"]],
      ["medecin-generaliste", ["centre-sante"]],
      ["maternite", ["hopital"]],
    ]);
    expect(plan.missing[0]!.directory?.url).toBe("https://annuairesante.ameli.fr/");
  });

  it("searches nothing when no requested type has places (never an empty or unfiltered search)", () => {
    const plan = planNearbySearch(["mairie"], counts);
    expect(plan.search).toEqual([]);
    expect(plan.missing).toEqual([
      {
        type: "mairie",
        offered: [],
        directory: { label: "Mairies : l'annuaire de l'administration (service-public.fr)", url: "https://lannuaire.service-public.fr/navigation/mairie" },
      },
    ]);
  });

  it("follows the counts of the index, not a list: a type imported later is searched", () => {
    expect(planNearbySearch(["mairie"], { mairie: 3 })).toEqual({ search: ["mairie"], missing: [] });
  });
});

describe("placeTypeFallbacks", () => {
  it("gives every type with no national source shipped (FINESS) a directory or an alternative that FINESS fills", () => {
    const finessTypes = new Set(placeTypes.filter((t) => t.finess.length > 0).map((t) => t.id));
    for (const id of placeTypeIds) {
      if (finessTypes.has(id)) continue;
      const f = placeTypeFallbacks[id];
      expect(f.directory !== null || f.alternatives.some((a) => finessTypes.has(a)), id).toBe(true);
    }
  });

  it("links official directories over https only", () => {
    for (const f of Object.values(placeTypeFallbacks))
      if (f.directory)
        expect(f.directory.url).toMatch(/^https:\/\/(lannuaire\.service-public\.fr|annuairesante\.ameli\.fr|monenfant\.fr|www\.ameli\.fr\/content)\//);
  });
});
