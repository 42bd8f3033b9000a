import { describe, expect, it } from "vitest";
import type { AccessAccount } from "./access.js";
import { fileRefusal, gridImportReport, planGridImport, referencedProjectIds, type ExistingProject } from "./grid-import.js";
import type { ImportedGridRow } from "./grid.js";
import { validateProject, type Project, type ProjectInput } from "./project.js";
import { sampleProject } from "./test-support.js";

function project(input: ProjectInput): Project {
  const r = validateProject(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.project;
}

const ID = "0f8fad5b-d9cb-469f-a165-70867728950e";
const OTHER_ID = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
/** Stored in region 84 with amounts for 2022 and 2023. */
const stored: ExistingProject = {
  ...project(
    sampleProject({
      amounts: [
        { year: 2022, arsFir: 30_000, dreetsP304: 0 },
        { year: 2023, arsFir: 40_000, dreetsP304: 0 },
      ],
    }),
  ),
  id: ID,
};
const elsewhere: ExistingProject = { ...project(sampleProject({ region: "11", departements: ["75"] })), id: OTHER_ID };
const existing = new Map([
  [ID, stored],
  [OTHER_ID, elsewhere],
]);

const national: AccessAccount = { role: "national", region: null };
const regional84: AccessAccount = { role: "regional", region: "84" };

/** A 2023 line of the grid: its project holds the 2023 amount only. */
const line = (n: number, id: string | null, overrides: Partial<ProjectInput> = {}): ImportedGridRow => ({
  line: n,
  id,
  year: 2023,
  project: project(sampleProject({ title: `Projet de la ligne ${n}`, amounts: [{ year: 2023, arsFir: 55_000, dreetsP304: 0 }], ...overrides })),
});

describe("referencedProjectIds", () => {
  it("lists the UUIDs named, lower-cased and once; never a cell that is no UUID", () => {
    expect(referencedProjectIds([line(2, ID.toUpperCase()), line(3, null), line(4, "abc"), line(5, "-".repeat(36)), line(6, ID)])).toEqual([ID]);
  });
});

describe("planGridImport", () => {
  it("creates for a line without identifier and changes the named project, keeping its other years", () => {
    const plan = planGridImport([line(2, null), line(3, ID.toUpperCase())], existing, regional84);
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.steps.map((s) => [s.line, s.before?.id ?? null])).toEqual([
      [2, null],
      [3, ID],
    ]);
    expect(plan.steps[1]!.project.title).toBe("Projet de la ligne 3");
    expect(plan.steps[1]!.project.amounts).toEqual([
      { year: 2022, arsFir: 30_000, dreetsP304: 0 },
      { year: 2023, arsFir: 55_000, dreetsP304: 0 },
    ]);
  });

  it("refuses the whole file, line by line: unknown identifier, another region's project, a changed region, a merge the model refuses", () => {
    const plan = planGridImport(
      [
        line(2, null),
        line(3, "pas-un-uuid"),
        line(4, OTHER_ID, { region: "11", departements: ["75"] }),
        line(5, ID, { region: "11", departements: ["75"] }),
        // DREETS alone for 2023, while the project keeps an ARS amount for 2022.
        line(6, ID, { fundingLine: "dreets-p304", amounts: [{ year: 2023, arsFir: 0, dreetsP304: 10_000 }] }),
      ],
      existing,
      regional84,
    );
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.errors.map((e) => [e.line, e.column ?? null])).toEqual([
      [3, "identifiant"],
      [4, "identifiant"],
      [5, "code_region"],
      [6, null],
    ]);
    expect(plan.errors[0]!.message).toBe("Aucun projet ne porte l'identifiant « pas-un-uuid » : laissez la cellule vide pour créer un projet.");
    expect(plan.errors[1]!.message).toBe("Ce projet relève d'une autre région que la vôtre.");
    expect(plan.errors[2]!.message).toBe("Ce projet est rattaché à la région 84 : un import ne change pas la région d'un projet.");
    expect(plan.errors[3]!.message).toMatch(/^Avec les montants des autres années du projet : Financement DREETS \(programme 304\) seul/);
  });

  it("lets the national administration change any region's project", () => {
    const plan = planGridImport([line(4, OTHER_ID, { region: "11", departements: ["75"] })], existing, national);
    expect(plan.ok).toBe(true);
  });
});

describe("gridImportReport", () => {
  it("counts and lists creations and changes in the file's order, with the new ids (null in a dry run)", () => {
    const plan = planGridImport([line(2, null), line(3, ID), line(4, null)], existing, regional84);
    if (!plan.ok) throw new Error("plan refused");
    expect(gridImportReport(plan.steps, ["n-1", "n-2"], { dryRun: false, year: 2023 })).toEqual({
      ok: true,
      dryRun: false,
      year: 2023,
      created: 2,
      updated: 1,
      rows: [
        { line: 2, id: "n-1", action: "creation", title: "Projet de la ligne 2" },
        { line: 3, id: ID, action: "modification", title: "Projet de la ligne 3" },
        { line: 4, id: "n-2", action: "creation", title: "Projet de la ligne 4" },
      ],
    });
    expect(gridImportReport(plan.steps, [], { dryRun: true, year: 2023 }).rows.map((r) => r.id)).toEqual([null, ID, null]);
  });
});

describe("fileRefusal", () => {
  it("says the file is not imported and how many errors it holds, in French plural", () => {
    expect(fileRefusal(1)).toBe("Le fichier n'est pas importé : 1 erreur.");
    expect(fileRefusal(3)).toBe("Le fichier n'est pas importé : 3 erreurs.");
    expect(fileRefusal(2, "La table n'est pas chargée")).toBe("La table n'est pas chargée : 2 erreurs.");
  });
});
