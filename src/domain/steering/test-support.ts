import type { ProjectInput } from "./project.js";

/** A made-up project for the tests (no real project is described here). */
export function sampleProject(overrides: Partial<ProjectInput> = {}): ProjectInput {
  return {
    title: "Groupes de parole pour jeunes parents",
    holder: { structure: "Association exemple", siret: "73282932000074" },
    region: "84",
    departements: ["69", "38"],
    themes: ["isolement-epuisement", "second-parent"],
    fundingLine: "ars-fir",
    amounts: [{ year: 2023, arsFir: 40_000, dreetsP304: 0 }],
    startDate: "2023-09-01",
    endDate: "2024-08-31",
    status: "en-cours",
    evaluation: null,
    publicSummary: "Des groupes de parole animés par une sage-femme.",
    ...overrides,
  };
}
