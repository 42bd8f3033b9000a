import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  FIRST_FUNDING_YEAR,
  fundingYears,
  isValidSiret,
  summariseProjects,
  validateProject,
  amountForYear,
  type Project,
  type ProjectInput,
} from "./project.js";
import { sampleProject } from "./test-support.js";

function errors(input: unknown) {
  const r = validateProject(input);
  if (r.ok) throw new Error("expected errors");
  return r.errors;
}

describe("isValidSiret", () => {
  it("checks the Luhn key", () => {
    // 7 3 2 8 2 9 3 2 0 0 0 0 7 4 : doubling every second digit from the right gives a sum of 40 (multiple of 10)
    expect(isValidSiret("73282932000074")).toBe(true);
    expect(isValidSiret("73282932000075")).toBe(false);
    expect(isValidSiret("7328293200007")).toBe(false);
    expect(isValidSiret("7328293200007a")).toBe(false);
    expect(isValidSiret("00000000000000")).toBe(false);
  });

  it("accepts the La Poste exception: SIREN 356 000 000 with a digit sum multiple of 5", () => {
    // 3+5+6+0…+0+1 = 15 (multiple of 5) although its Luhn sum is not a multiple of 10
    expect(isValidSiret("35600000000001")).toBe(true);
    // 3+5+6+2 = 16: neither rule
    expect(isValidSiret("35600000000002")).toBe(false);
  });

  it("one wrong digit is always caught by the Luhn key", () => {
    fc.assert(
      fc.property(fc.nat({ max: 13 }), fc.integer({ min: 1, max: 9 }), (position, delta) => {
        const digits = [..."73282932000074"].map(Number);
        digits[position] = (digits[position]! + delta) % 10;
        expect(isValidSiret(digits.join(""))).toBe(false);
      }),
    );
  });
});

describe("validateProject", () => {
  it("accepts a valid project and fills the defaults", () => {
    const r = validateProject(sampleProject({ holder: { structure: "  Association exemple " }, endDate: undefined, evaluation: undefined }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.project.holder).toEqual({ structure: "Association exemple", siret: null });
    expect(r.project.endDate).toBeNull();
    expect(r.project.evaluation).toBeNull();
  });

  it("reads a SIRET typed with spaces", () => {
    const r = validateProject(sampleProject({ holder: { structure: "Association exemple", siret: "732 829 320 00074" } }));
    expect(r.ok && r.project.holder.siret).toBe("73282932000074");
  });

  it("reports every field problem at once, with French messages", () => {
    const e = errors(
      sampleProject({
        title: "",
        holder: { structure: "A", siret: "73282932000075" },
        region: "99",
        themes: [],
        fundingLine: "mixte" as never,
        amounts: [{ year: 2019, arsFir: -1, dreetsP304: 1.5 }],
        startDate: "2023-02-30",
        status: "fini" as never,
        publicSummary: "   ",
      }),
    );
    expect(e).toEqual([
      { field: "title", message: "L'intitulé du projet est obligatoire." },
      { field: "holder.structure", message: "Le nom de la structure porteuse doit compter au moins 2 caractères." },
      { field: "holder.siret", message: "Ce SIRET n'existe pas : sa clé de contrôle est fausse (vérifiez chaque chiffre)." },
      { field: "region", message: "Région inconnue : attendu un code de région du code officiel géographique (11, 24, 84…)." },
      { field: "themes", message: "Choisissez au moins une des 6 thématiques prioritaires." },
      { field: "fundingLine", message: "Ligne de financement inconnue : ARS-FIR (santé), DREETS programme 304 (social) ou conjoint." },
      { field: "amounts.0.year", message: "L'année de financement doit être comprise entre 2021 et 2100." },
      { field: "amounts.0.arsFir", message: "Le montant ARS (FIR) ne peut pas être négatif." },
      { field: "amounts.0.dreetsP304", message: "Le montant DREETS (programme 304) : montant en euros entiers attendu." },
      { field: "startDate", message: "La date de début : date invalide, attendu une date réelle au format AAAA-MM-JJ." },
      { field: "status", message: "Statut inconnu : lauréat, en cours, évalué, reconduit ou terminé." },
      { field: "publicSummary", message: "Le résumé public est obligatoire." },
    ]);
  });

  it("départements must belong to the project's region, once each", () => {
    // 75 Paris is in Île-de-France (11), not Auvergne-Rhône-Alpes (84)
    expect(errors(sampleProject({ departements: ["69", "75", "69"] }))).toEqual([
      {
        field: "departements.1",
        message: "Le département 75 (Paris) n'est pas dans la région 84 (Auvergne-Rhône-Alpes) : un projet relève d'une seule région.",
      },
      { field: "departements.2", message: "Le département 69 est indiqué deux fois." },
    ]);
    expect(errors(sampleProject({ departements: [] }))[0]!.message).toBe("Indiquez au moins un département où le projet se déroule.");
    expect(errors(sampleProject({ departements: ["975"] }))[0]!.field).toBe("departements.0");
  });

  it("cross-field rules still run when another field is wrong", () => {
    const e = errors(sampleProject({ title: "", departements: ["75"] }));
    expect(e.map((x) => x.field)).toEqual(["title", "departements.0"]);
  });

  it("themes: among the 6, each once, at most 6", () => {
    expect(errors(sampleProject({ themes: ["second-parent", "second-parent"] }))).toEqual([
      { field: "themes.1", message: "Cette thématique est indiquée deux fois." },
    ]);
    expect(errors(sampleProject({ themes: ["numerique" as never] }))[0]!.message).toBe("Thématique inconnue : attendu une des 6 thématiques prioritaires.");
  });

  it("amounts must match the funding line", () => {
    const both = [{ year: 2023, arsFir: 10_000, dreetsP304: 5_000 }];
    expect(errors(sampleProject({ amounts: both }))[0]!.message).toMatch(/^Financement ARS \(FIR\) seul, mais un montant DREETS/);
    expect(errors(sampleProject({ fundingLine: "dreets-p304", amounts: both }))[0]!.message).toMatch(/^Financement DREETS \(programme 304\) seul/);
    expect(validateProject(sampleProject({ fundingLine: "conjoint", amounts: both })).ok).toBe(true);
    expect(errors(sampleProject({ fundingLine: "conjoint" }))[0]!.message).toBe(
      "Financement conjoint : indiquez un montant ARS (FIR) et un montant DREETS (programme 304).",
    );
  });

  it("amount years once each, never a zero year", () => {
    const e = errors(
      sampleProject({
        amounts: [
          { year: 2023, arsFir: 1, dreetsP304: 0 },
          { year: 2023, arsFir: 2, dreetsP304: 0 },
          { year: 2024, arsFir: 0, dreetsP304: 0 },
        ],
      }),
    );
    expect(e).toEqual([
      { field: "amounts.1.year", message: "L'année 2023 est indiquée deux fois dans les montants." },
      { field: "amounts.2", message: "Le montant de l'année 2024 est nul : retirez cette année ou indiquez le montant." },
    ]);
  });

  it("dates in order; an evaluated project has an outcome", () => {
    expect(errors(sampleProject({ endDate: "2023-08-31" }))).toEqual([{ field: "endDate", message: "La date de fin est antérieure à la date de début." }]);
    expect(errors(sampleProject({ status: "evalue" }))).toEqual([
      { field: "evaluation", message: "Un projet au statut « évalué » doit indiquer le résultat de son évaluation." },
    ]);
    const r = validateProject(sampleProject({ status: "evalue", evaluation: { outcome: "favorable" } }));
    expect(r.ok && r.project.evaluation).toEqual({ outcome: "favorable", comment: "" });
  });

  it("refuses control characters in one-line fields, keeps line breaks in the summary", () => {
    expect(errors(sampleProject({ title: "Un\u0000titre" }))[0]!.field).toBe("title");
    expect(errors(sampleProject({ title: "Deux\nlignes" }))[0]!.message).toMatch(/une seule ligne/);
    expect(validateProject(sampleProject({ publicSummary: "Ligne 1\r\nLigne 2" })).ok).toBe(true);
  });

  it("unknown fields are refused", () => {
    expect(errors({ ...sampleProject(), budget: 3 })).toEqual([{ field: "", message: "Champ inattendu : budget." }]);
  });

  it("keeps script and SQL-looking text as plain text (escaping is the renderer's job)", () => {
    const title = "<script>alert(1)</script>'; DROP TABLE projects; --";
    const r = validateProject(sampleProject({ title }));
    expect(r.ok && r.project.title).toBe(title);
  });
});

describe("amountForYear and summariseProjects", () => {
  const valid = (input: ProjectInput): Project => {
    const r = validateProject(input);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r.project;
  };
  const a = valid(
    sampleProject({
      amounts: [
        { year: 2022, arsFir: 30_000, dreetsP304: 0 },
        { year: 2023, arsFir: 40_000, dreetsP304: 0 },
      ],
    }),
  );
  const b = valid(
    sampleProject({
      region: "11",
      departements: ["93"],
      themes: ["second-parent"],
      fundingLine: "conjoint",
      amounts: [{ year: 2023, arsFir: 10_000, dreetsP304: 20_000 }],
    }),
  );

  it("amount for one year", () => {
    expect(amountForYear(a, 2023)).toEqual({ arsFir: 40_000, dreetsP304: 0, total: 40_000 });
    expect(amountForYear(a, 2021)).toEqual({ arsFir: 0, dreetsP304: 0, total: 0 });
  });

  it("totals by region and theme; a project counts in each of its themes", () => {
    // 2023: a 40 000 (84; isolement + second parent), b 30 000 (11; second parent) → overall 70 000
    const s = summariseProjects([a, b], { year: 2023 });
    expect(s.overall).toEqual({ count: 2, arsFir: 50_000, dreetsP304: 20_000, total: 70_000 });
    expect(s.byRegion).toEqual({
      "84": { count: 1, arsFir: 40_000, dreetsP304: 0, total: 40_000 },
      "11": { count: 1, arsFir: 10_000, dreetsP304: 20_000, total: 30_000 },
    });
    expect(s.byTheme["second-parent"].total).toBe(70_000);
    expect(s.byTheme["isolement-epuisement"].total).toBe(40_000);
    expect(s.byTheme["eveil-culturel"].count).toBe(0);
    // All years: a 70 000 + b 30 000 = 100 000 ; 2022 alone: only a
    expect(summariseProjects([a, b]).overall.total).toBe(100_000);
    expect(summariseProjects([a, b], { year: 2022 }).overall).toEqual({ count: 1, arsFir: 30_000, dreetsP304: 0, total: 30_000 });
  });
});

describe("fundingYears", () => {
  it("runs from the first calls for projects (2021) to next year", () => {
    expect(FIRST_FUNDING_YEAR).toBe(2021);
    expect(fundingYears(new Date(2026, 11, 2))).toEqual([2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    expect(fundingYears(new Date(2021, 0, 1))).toEqual([2021, 2022]);
  });

  it("offers only years a project may hold", () => {
    for (const year of fundingYears(new Date(2099, 5, 1)))
      expect(validateProject(sampleProject({ amounts: [{ year, arsFir: 1000, dreetsP304: 0 }] })).ok).toBe(true);
  });
});
