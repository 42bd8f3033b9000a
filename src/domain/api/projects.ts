import { z } from "zod";
import { EVALUATION_OUTCOMES, FUNDING_LINES, PROJECT_STATUSES } from "../steering/project.js";
import { THEME_IDS } from "../steering/themes.js";

/**
 * The projects registry's answers (`/pilotage/projets…`, the audit journal, the grid import): output-only schemas
 * of what the server sends, with no check nor transform (the input is checked by the domain's `projectSchema`,
 * src/domain/steering/project.ts). The server's routes (src/server/steering/projects/routes.ts) serialise their
 * answers through them and the OpenAPI describes them; the back office's pages take their types from them.
 */

const yearlyAmountOutput = z.object({ year: z.int(), arsFir: z.int(), dreetsP304: z.int() });

/** A project as stored and sent: the model (as the domain's `Project`) plus its id, version and dates. */
export const storedProjectSchema = z.object({
  id: z.string(),
  version: z.int(),
  createdAt: z.string().describe("Date-heure ISO 8601 de création"),
  updatedAt: z.string().describe("Date-heure ISO 8601 de la dernière modification"),
  title: z.string(),
  holder: z.object({ structure: z.string(), siret: z.string().nullable() }),
  region: z.string(),
  departements: z.array(z.string()),
  themes: z.array(z.enum(THEME_IDS)),
  fundingLine: z.enum(FUNDING_LINES),
  amounts: z.array(yearlyAmountOutput),
  startDate: z.string().describe("Date AAAA-MM-JJ"),
  endDate: z.string().nullable().describe("Date AAAA-MM-JJ"),
  status: z.enum(PROJECT_STATUSES),
  evaluation: z.object({ outcome: z.enum(EVALUATION_OUTCOMES), comment: z.string() }).nullable(),
  publicSummary: z.string(),
});
export type StoredProject = z.output<typeof storedProjectSchema>;

/** Count and amounts (euros) of a set of projects. */
export const projectTotalsSchema = z.object({ count: z.int(), arsFir: z.int(), dreetsP304: z.int(), total: z.int() });
export type Totals = z.output<typeof projectTotalsSchema>;

/** One page of the filtered projects, with the count and totals of the whole filtered set. */
export const projectsPageSchema = z.object({
  region: z.string().nullable(),
  year: z.int().nullable(),
  limit: z.int(),
  offset: z.int(),
  total: z.int(),
  projects: z.array(storedProjectSchema),
  totals: z.object({
    overall: projectTotalsSchema,
    byRegion: z.record(z.string(), projectTotalsSchema),
    byTheme: z.record(z.enum(THEME_IDS), projectTotalsSchema),
  }),
});
export type ProjectsPage = z.output<typeof projectsPageSchema>;

/** One entry of the audit journal: who changed what, when, the state before and after (JSON). */
export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string().describe("Date-heure ISO 8601"),
  actorEmail: z.string(),
  accountId: z.string().nullable(),
  action: z.string(),
  projectId: z.string().nullable(),
  region: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.output<typeof auditEntrySchema>;

/** The line-by-line report of a grid import (or of its dry run). */
export const gridImportReportSchema = z.object({
  ok: z.literal(true),
  dryRun: z.boolean(),
  year: z.int(),
  created: z.int(),
  updated: z.int(),
  rows: z.array(z.object({ line: z.int(), id: z.string().nullable(), action: z.enum(["creation", "modification"]), title: z.string() })),
});
export type GridImportReportAnswer = z.output<typeof gridImportReportSchema>;

/** A file answer (CSV, XLSX), described by its content type. */
export const csvFileResponse = { description: "Fichier CSV (UTF-8, séparateur point-virgule)", content: { "text/csv": { schema: z.string() } } };
export const xlsxFileResponse = {
  description: "Classeur XLSX",
  content: {
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: z.instanceof(Uint8Array).meta({ type: "string", format: "binary" }) },
  },
};
