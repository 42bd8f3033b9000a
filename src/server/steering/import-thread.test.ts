import { afterEach, describe, expect, it } from "vitest";
import { parseBirthsCsv } from "../../domain/funding/births.js";
import { parseBarometerCsv, parseDepartmentTargetsCsv } from "../../domain/steering/barometer.js";
import { gridImportReport, planGridImport } from "../../domain/steering/grid-import.js";
import { GRID_COLUMNS, parseProjectGrid, type GridColumn } from "../../domain/steering/grid.js";
import { validateProject } from "../../domain/steering/project.js";
import { sampleProject } from "../../domain/steering/test-support.js";
import { WRITE_BATCH } from "./projects/grid-import-job.js";
import { ImportThread, countDataLines } from "./import-thread.js";
import type { ProjectRecord } from "./projects/records.js";

/**
 * The back office's import thread gives what the domain gives on this thread (grid: same rows, errors and report,
 * plus the write batches; barometer values and targets, births tables: the same parse, errors and warnings); a
 * thread that dies fails its job with an error and the next import gets a new thread.
 */
const HEADER = GRID_COLUMNS.filter((c: GridColumn) => !c.informative).map((c) => c.name);
const line = (cells: Partial<Record<string, string>>) => HEADER.map((name) => cells[name] ?? "").join(";");
const base = {
  annee: "2023",
  code_region: "84",
  intitule: "Projet importé",
  structure_porteuse: "Association exemple",
  departements: "69",
  thematiques: "3, 6",
  ligne_financement: "ARS-FIR",
  montant_ars_fir: "40 000",
  date_debut: "2023-09-01",
  statut: "En cours",
  resume_public: "Résumé public.",
};
const grid = (...rows: Partial<Record<string, string>>[]) => [HEADER.join(";"), ...rows.map((r) => line({ ...base, ...r }))].join("\n");

const existingProject = (() => {
  const checked = validateProject(sampleProject({ title: "Projet déjà là", amounts: [{ year: 2022, arsFir: 10_000, dreetsP304: 0 }] }));
  if (!checked.ok) throw new Error("sample project");
  return { ...checked.project, id: "6f1c1e0e-4a8e-4d55-9d56-2b8f0c6d2e11" };
})();
const national = { role: "national" as const, region: null };

let thread: ImportThread;
afterEach(() => thread.close());

describe("ImportThread: the grid of projects", () => {
  it("reads, checks and plans a file off this thread as the domain does here, with the write batches", async () => {
    thread = new ImportThread();
    const csv = grid(...Array.from({ length: WRITE_BATCH + 1 }, (_, i) => ({ intitule: `Projet importé ${i + 1}` })), {
      identifiant: existingProject.id.toUpperCase(),
      intitule: "Projet modifié",
    });
    const job = await thread.parseGrid(csv, { year: 2023 });
    if (!job.ok) throw new Error(JSON.stringify(job.errors));
    try {
      expect(job.ids).toEqual([existingProject.id]);
      const { id, ...stored } = existingProject;
      const plan = await job.plan({ existing: JSON.stringify([{ id, version: 3, data: stored }]), account: national, dryRun: false });
      if (!plan.ok) throw new Error(JSON.stringify(plan.errors));

      const parsed = parseProjectGrid(csv, { year: 2023 });
      if (!parsed.ok) throw new Error("domain parse");
      const expected = planGridImport(parsed.rows, new Map([[existingProject.id, existingProject]]), national);
      if (!expected.ok) throw new Error("domain plan");
      const creations = plan.creations.flatMap((batch) => JSON.parse(batch) as ProjectRecord[]);
      const changes = plan.changes.flatMap((batch) => JSON.parse(batch) as ProjectRecord[]);
      expect(plan.creations).toHaveLength(2); // WRITE_BATCH + 1 creations
      expect(creations.map((c) => c.data)).toEqual(expected.steps.filter((s) => !s.before).map((s) => s.project));
      expect(new Set(creations.map((c) => c.id)).size).toBe(WRITE_BATCH + 1);
      expect(creations[0]).toMatchObject({ region: "84", title: "Projet importé 1", status: "en-cours", funding_line: "ars-fir", years: [2023] });
      // The change keeps the project's other years, and carries the stored document for the audit entry.
      expect(changes).toEqual([expect.objectContaining({ id: existingProject.id, title: "Projet modifié", years: [2022, 2023], before: stored })]);
      expect(changes[0]!.data).toEqual(expected.steps.at(-1)!.project);
      expect(plan.report).toEqual(
        gridImportReport(
          expected.steps,
          creations.map((c) => c.id),
          { dryRun: false, year: 2023 },
        ),
      );
    } finally {
      job.release();
    }
  });

  it("refuses a file with the domain's line-by-line errors, and plans a dry run without writes or ids", async () => {
    thread = new ImportThread();
    const bad = grid({ intitule: "" }, { montant_ars_fir: "beaucoup" });
    const refused = await thread.parseGrid(bad, {});
    expect(refused).toEqual(parseProjectGrid(bad, {}));

    const unknown = await thread.parseGrid(grid({ identifiant: "8d0d9a8e-0000-4000-8000-000000000000" }), {});
    if (!unknown.ok) throw new Error("parse");
    const plan = await unknown.plan({ existing: "[]", account: national, dryRun: false });
    unknown.release();
    expect(plan).toEqual({ ok: false, errors: [expect.objectContaining({ line: 2, column: "identifiant" })] });

    const dry = await thread.parseGrid(grid({}), {});
    if (!dry.ok) throw new Error("parse");
    const planned = await dry.plan({ existing: "[]", account: national, dryRun: true });
    dry.release();
    expect(planned).toEqual({
      ok: true,
      creations: [],
      changes: [],
      report: { ok: true, dryRun: true, year: 2023, created: 1, updated: 0, rows: [{ line: 2, id: null, action: "creation", title: "Projet importé" }] },
    });
  });

  it("fails the job of a thread that stops, and starts a new thread for the next file", async () => {
    thread = new ImportThread();
    const job = await thread.parseGrid(grid({}), {});
    if (!job.ok) throw new Error("parse");
    await thread.close();
    await expect(job.plan({ existing: "[]", account: national, dryRun: false })).rejects.toThrow(/fil|thread/i);
    job.release();
    const again = await thread.parseGrid(grid({}), {});
    expect(again.ok).toBe(true);
    if (again.ok) again.release();
  });
});

describe("ImportThread: barometer and births files", () => {
  const values = [
    "indicateur;code_departement;annee;numerateur;denominateur;source",
    "epp;69;2024;800;1000;Remontée ARS",
    "epnp;69;2024;120;1000;Remontée ARS",
    "epp;2A;2024;1200;1000;Remontée ARS",
  ].join("\n");

  it("reads values, targets and births tables there as the domain does here, errors and warnings included", async () => {
    thread = new ImportThread();
    const good = values.split("\n").slice(0, 3).join("\n");
    expect(await thread.run("barometer-values", { csv: good, currentYear: 2026 })).toEqual(parseBarometerCsv(good, { currentYear: 2026 }));
    const refused = await thread.run("barometer-values", { csv: values, currentYear: 2026, source: "Fichier" });
    expect(refused).toEqual(parseBarometerCsv(values, { currentYear: 2026, source: "Fichier" }));
    expect(refused.ok).toBe(false);

    const targets = "indicateur;code_departement;annee;objectif_pourcent\nepp;69;2025;85\nepnp;75;2025;cent";
    const checked = await thread.run("barometer-targets", { csv: targets });
    expect(checked).toEqual(parseDepartmentTargetsCsv(targets));
    expect(checked).toMatchObject({ ok: false, errors: [expect.objectContaining({ line: 3 })] });

    const births = "annee;code_region;naissances;source\n2021;84;80000;INSEE\n2021;11;140000;INSEE";
    const table = await thread.run("births", { csv: births });
    expect(table).toEqual(parseBirthsCsv(births));
    expect(table).toMatchObject({ ok: true, level: "region", table: { year: 2021, byRegion: { "11": 140000, "84": 80000 } } });
    expect(await thread.run("births", { csv: "n'importe quoi", source: "x" })).toEqual(parseBirthsCsv("n'importe quoi", { source: "x" }));
  });

  it("fails a job whose thread stops, and serves the next one from a new thread", async () => {
    thread = new ImportThread();
    const running = thread.run("barometer-values", { csv: values, currentYear: 2026 });
    await thread.close();
    await expect(running).rejects.toThrow(/fil|thread/i);
    expect((await thread.run("barometer-targets", { csv: "indicateur;code_departement;annee;objectif_pourcent\nepp;69;2025;85" })).ok).toBe(true);
  });

  it("counts the data lines of a file without reading it", () => {
    expect(countDataLines("")).toBe(0);
    expect(countDataLines("a;b")).toBe(0);
    expect(countDataLines("a;b\n1;2")).toBe(1);
    expect(countDataLines("a;b\n1;2\n")).toBe(1);
    expect(countDataLines("a;b\r\n1;2\r\n3;4")).toBe(2);
  });
});
