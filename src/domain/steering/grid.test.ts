import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { GRID_COLUMNS, gridToCsv, parseProjectGrid, parseProjectGridInSteps, projectsToGridRows, type GridProject } from "./grid.js";
import { validateProject, type ProjectInput } from "./project.js";
import { sampleProject } from "./test-support.js";
import { DEPARTEMENTS } from "./territories.js";
import { THEME_IDS } from "./themes.js";

function valid(input: ProjectInput, id?: string): GridProject {
  const r = validateProject(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return id === undefined ? r.project : { ...r.project, id };
}

const HEADER = GRID_COLUMNS.map((c) => c.name).join(";");

const lyon = valid(
  sampleProject({
    amounts: [
      { year: 2022, arsFir: 30_000, dreetsP304: 0 },
      { year: 2023, arsFir: 40_000, dreetsP304: 0 },
    ],
  }),
  "p-1",
);
const paris = valid(
  sampleProject({
    title: '=HYPERLINK("http://exemple.invalid";"clic")',
    holder: { structure: "Collectif ; « Parents »", siret: null },
    region: "11",
    departements: ["93", "75"],
    themes: ["second-parent", "reperage-accompagnement"],
    fundingLine: "conjoint",
    amounts: [{ year: 2023, arsFir: 10_000, dreetsP304: 20_000 }],
    status: "evalue",
    evaluation: { outcome: "reservee", comment: "À suivre" },
    publicSummary: 'Première ligne.\nDeuxième ligne avec des "guillemets".',
  }),
);

describe("projectsToGridRows", () => {
  it("one row per project funded in the year, with that year's amounts, sorted by region", () => {
    const rows = projectsToGridRows([lyon, paris], 2023);
    expect(rows.map((r) => [r.code_region, r.identifiant, r.montant_ars_fir, r.montant_dreets_p304, r.montant_total])).toEqual([
      ["11", "", 10_000, 20_000, 30_000],
      ["84", "p-1", 40_000, 0, 40_000],
    ]);
    expect(rows[0]).toMatchObject({
      region: "Île-de-France",
      departements: "93, 75",
      thematiques: "1, 6",
      thematiques_libelles: "Repérage des fragilités et accompagnement sans rupture ; Place du père ou du second parent",
      ligne_financement: "conjoint",
      statut: "Évalué",
      evaluation: "Réservée",
      commentaire_evaluation: "À suivre",
      date_fin: "2024-08-31",
    });
    expect(projectsToGridRows([lyon, paris], 2022).map((r) => r.identifiant)).toEqual(["p-1"]);
    expect(projectsToGridRows([lyon, paris], 2021)).toEqual([]);
    expect(projectsToGridRows([lyon, paris], 2023, { region: "84" }).map((r) => r.code_region)).toEqual(["84"]);
  });
});

describe("gridToCsv", () => {
  it("writes a French-spreadsheet CSV: BOM, ;, CRLF, quoting, formulas neutralised", () => {
    const csv = gridToCsv(projectsToGridRows([paris], 2023));
    expect(csv.startsWith(`\uFEFF${HEADER}\r\n`)).toBe(true);
    expect(csv).toContain(`;"'=HYPERLINK(""http://exemple.invalid"";""clic"")";"Collectif ; « Parents »";;93, 75;1, 6;`);
    expect(csv).toContain(`"Première ligne.\nDeuxième ligne avec des ""guillemets""."\r\n`);
    expect(csv.split("\r\n")).toHaveLength(3);
  });

  it("round trip: an exported list imports back to the same projects", () => {
    const r = parseProjectGrid(gridToCsv(projectsToGridRows([lyon, paris], 2023)));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.rows.map((row) => [row.line, row.id, row.year])).toEqual([
      [2, null, 2023],
      [4, "p-1", 2023],
    ]);
    const { id: _id, ...lyonProject } = lyon;
    expect(r.rows[1]!.project).toEqual({ ...lyonProject, amounts: [{ year: 2023, arsFir: 40_000, dreetsP304: 0 }] });
    // Themes come back in the official order (1 to 6).
    expect(r.rows[0]!.project).toEqual({ ...paris, themes: ["reperage-accompagnement", "second-parent"] });
  });

  it("round trip, any valid project", () => {
    const text = fc
      .string({ unit: fc.constantFrom("a", "é", " ", ";", ",", '"', "=", "+", "-", "@", "'", "<", ">"), minLength: 3, maxLength: 30 })
      .filter((s) => s.trim().length >= 3);
    const project = fc
      .record({
        title: text,
        structure: text,
        departements: fc.subarray(
          DEPARTEMENTS.filter((d) => d.region === "76").map((d) => d.code),
          { minLength: 1 },
        ),
        themes: fc.subarray([...THEME_IDS], { minLength: 1 }),
        ars: fc.integer({ min: 1, max: 1_000_000 }),
        dreets: fc.integer({ min: 1, max: 1_000_000 }),
        status: fc.constantFrom("laureat", "en-cours", "reconduit", "termine"),
        summary: fc.string({ unit: fc.constantFrom("a", "\n", ";", '"', "-", "é"), minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== ""),
      })
      .map((p) =>
        valid(
          sampleProject({
            title: p.title,
            holder: { structure: p.structure, siret: null },
            region: "76",
            departements: p.departements,
            themes: p.themes,
            fundingLine: "conjoint",
            amounts: [{ year: 2024, arsFir: p.ars, dreetsP304: p.dreets }],
            status: p.status as "laureat",
            publicSummary: p.summary,
          }),
        ),
      );
    fc.assert(
      fc.property(project, fc.constantFrom<"," | ";">(",", ";"), (p, separator) => {
        const r = parseProjectGrid(gridToCsv(projectsToGridRows([p], 2024), { separator }));
        if (!r.ok) throw new Error(JSON.stringify(r.errors));
        const themesInOrder = THEME_IDS.filter((t) => p.themes.includes(t));
        expect(r.rows[0]!.project).toEqual({ ...p, themes: themesInOrder });
      }),
    );
  });
});

describe("parseProjectGrid — validation report", () => {
  const line = (cells: Partial<Record<(typeof GRID_COLUMNS)[number]["name"], string>>) =>
    GRID_COLUMNS.map((c) => {
      const v = cells[c.name] ?? "";
      return /[;"\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
    }).join(";");
  const good = {
    annee: "2023",
    code_region: "84",
    intitule: "Groupes de parole",
    structure_porteuse: "Association exemple",
    departements: "69",
    thematiques: "3",
    ligne_financement: "ARS-FIR",
    montant_ars_fir: "40000",
    date_debut: "2023-09-01",
    statut: "En cours",
    resume_public: "Des groupes de parole.",
  };
  const file = (...lines: string[]) => [HEADER, ...lines].join("\r\n");

  it("reads what a spreadsheet makes of the cells", () => {
    const r = parseProjectGrid(
      file(
        line({
          ...good,
          code_region: "84",
          departements: "1; 3 | 69",
          thematiques: "3, second-parent",
          ligne_financement: "ars fir",
          montant_ars_fir: "40 000,00 €",
          montant_total: "40000",
          date_debut: "1/9/2023",
          date_fin: "31/08/2024",
          statut: "lauréat",
          siret: "732 829 320 00074",
        }),
      ),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.rows[0]!.project).toMatchObject({
      departements: ["01", "03", "69"],
      themes: ["isolement-epuisement", "second-parent"],
      fundingLine: "ars-fir",
      amounts: [{ year: 2023, arsFir: 40_000, dreetsP304: 0 }],
      startDate: "2023-09-01",
      endDate: "2024-08-31",
      status: "laureat",
      holder: { structure: "Association exemple", siret: "73282932000074" },
    });
  });

  it("lists every problem with its line and column, and returns no project", () => {
    const r = parseProjectGrid(
      file(
        line(good),
        line({ ...good, intitule: "", montant_ars_fir: "quarante mille", date_debut: "2023-13-01" }),
        line({ ...good, departements: "75", thematiques: "7", statut: "fini" }),
        line({ ...good, annee: "2024", ligne_financement: "DREETS-P304", montant_total: "1" }),
        line({ ...good, montant_ars_fir: "", evaluation: "bof", siret: "12345678901234" }),
        line({ ...good, statut: "Évalué", date_fin: "2023-01-01", code_region: "99" }),
      ),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.line, e.column])).toEqual([
      [3, "montant_ars_fir"],
      [3, "intitule"],
      [3, "date_debut"],
      [4, "thematiques"],
      [4, "statut"],
      [4, "departements"],
      [5, "montant_total"],
      [5, "ligne_financement"],
      [5, "annee"],
      [6, "montant_ars_fir"],
      [6, "evaluation"],
      [6, "siret"],
      [7, "code_region"],
      [7, "date_fin"],
      [7, "evaluation"],
    ]);
    const messages = Object.fromEntries(r.errors.map((e) => [`${e.line}:${e.column}`, e.message]));
    expect(messages["3:montant_ars_fir"]).toBe("Montant « quarante mille » illisible : attendu des euros entiers, par exemple 45000 ou 45 000.");
    expect(messages["3:intitule"]).toBe("L'intitulé du projet est obligatoire.");
    expect(messages["3:date_debut"]).toBe("La date de début : date invalide, attendu une date réelle au format AAAA-MM-JJ.");
    expect(messages["4:thematiques"]).toBe("Thématique « 7 » inconnue : attendu un numéro de 1 à 6.");
    expect(messages["4:departements"]).toMatch(/^Le département 75 \(Paris\) n'est pas dans la région 84/);
    expect(messages["5:montant_total"]).toBe("Le total (1) n'est pas la somme des montants ARS et DREETS (40000).");
    expect(messages["5:annee"]).toBe("Année 2024 différente de celle de la ligne 2 (2023) : une liste porte sur une seule année.");
    expect(messages["6:montant_ars_fir"]).toBe("Les deux montants sont vides ou nuls : la liste ne comprend que des projets financés dans l'année.");
    expect(messages["7:evaluation"]).toBe("Un projet au statut « évalué » doit indiquer le résultat de son évaluation.");
  });

  it("a regional agent imports only their region; an import targets one year", () => {
    const r = parseProjectGrid(file(line(good), line({ ...good, code_region: "11", departements: "75" })), { region: "84", year: 2024 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      { line: 2, column: "annee", message: "Année 2023 : cet import porte sur la liste 2024." },
      { line: 3, column: "annee", message: "Année 2023 : cet import porte sur la liste 2024." },
      { line: 3, column: "code_region", message: "Projet de la région 11 : vous ne pouvez importer que des projets de la région 84 (Auvergne-Rhône-Alpes)." },
    ]);
  });

  it("an id appears once per file", () => {
    const r = parseProjectGrid(file(line({ ...good, identifiant: "p-1" }), line({ ...good, identifiant: "p-1" })));
    expect(r.ok ? [] : r.errors).toEqual([{ line: 3, column: "identifiant", message: "L'identifiant « p-1 » figure déjà ligne 2." }]);
  });

  it("header problems, an empty list, informative columns are optional", () => {
    const header = parseProjectGrid("annee;code_region;commentaire\r\n2023;84;x\r\n");
    expect(header.ok ? [] : header.errors.map((e) => [e.line, e.column ?? null])).toEqual([
      [1, null],
      ...[
        "intitule",
        "structure_porteuse",
        "departements",
        "thematiques",
        "ligne_financement",
        "montant_ars_fir",
        "montant_dreets_p304",
        "date_debut",
        "statut",
        "resume_public",
      ].map((c) => [1, c]),
    ]);
    expect(parseProjectGrid(`${HEADER}\r\n`)).toEqual({
      ok: false,
      errors: [{ line: null, message: "Le fichier ne contient aucun projet après la ligne d'en-tête." }],
    });
    const minimal = GRID_COLUMNS.filter((c) => c.required).map((c) => c.name);
    const row = minimal.map((n) => good[n as keyof typeof good] ?? "").join(",");
    expect(parseProjectGrid(`${minimal.join(",")}\n${row}\n`).ok).toBe(true);
  });
});

describe("parseProjectGridInSteps", () => {
  it("stops every stepRows records and ends with the result of parseProjectGrid", () => {
    const header =
      "annee;code_region;identifiant;intitule;structure_porteuse;siret;departements;thematiques;ligne_financement;montant_ars_fir;montant_dreets_p304;date_debut;date_fin;statut;evaluation;resume_public";
    const row = (i: number) => `2023;84;;Projet ${i};Association exemple;;69;3, 6;ARS-FIR;40 000;;2023-09-01;;En cours;;Résumé public.`;
    for (const bad of [false, true]) {
      const text = [header, ...Array.from({ length: 1001 }, (_, i) => (bad && i === 700 ? row(i).replace("2023-09-01", "2023-13-01") : row(i)))].join("\n");
      const steps = parseProjectGridInSteps(text, {}, 250);
      let pauses = 0;
      let step = steps.next();
      while (!step.done) {
        pauses++;
        step = steps.next();
      }
      expect(pauses).toBe(4); // after records 250, 500, 750 and 1000
      expect(step.value).toEqual(parseProjectGrid(text));
      expect(step.value.ok).toBe(!bad);
    }
  });
});
