import { z } from "zod";
import { EVALUATION_OUTCOMES, FIRST_FUNDING_YEAR, FUNDING_LINES, LAST_FUNDING_YEAR, PROJECT_STATUSES } from "../steering/project.js";
import { THEME_IDS } from "../steering/themes.js";
import type { Contract } from "./contract.js";

/**
 * The projects registry's endpoints (`/pilotage/projets…`, the yearly list, the audit journal, the grid import):
 * their requests, and output-only schemas of what the server sends, with no check nor transform (a project sent
 * is checked by the domain's `projectSchema`, src/domain/steering/project.ts). The server's routes
 * (src/server/steering/projects/routes.ts) validate and serialise through them and the OpenAPI describes them;
 * the back office's pages (src/web/routes/pilotage/Project*.tsx, JournalPage, ImportPage) take their types from
 * them through the one client.
 */

/** Default and largest page of `GET /pilotage/projets`. */
export const PROJECTS_PAGE = { default: 50, max: 200 } as const;

/** Bound of one grid import's text: a parent's request must never wait behind an unbounded job (rows: see importGrid). */
export const MAX_GRID_CHARS = 10_000_000;

const regionParam = z.string().regex(/^\d{2}$/, { error: "Code de région attendu (2 chiffres)." });
const yearParam = z.coerce.number().int().min(FIRST_FUNDING_YEAR).max(LAST_FUNDING_YEAR);

export const projectIdParams = z.strictObject({ id: z.uuid({ error: "Identifiant de projet invalide." }) });

/** The filters and page of the projects list. */
export const projectsQuery = z.strictObject({
  region: regionParam.optional(),
  theme: z.enum(THEME_IDS).optional(),
  year: yearParam.optional(),
  funder: z.enum(["ars", "dreets"]).optional(),
  status: z.enum(PROJECT_STATUSES).optional(),
  limit: z.coerce
    .number({ error: "limit doit être un nombre entier." })
    .int({ error: "limit doit être un nombre entier." })
    .min(1, { error: "limit doit être au moins 1." })
    .max(PROJECTS_PAGE.max, { error: `limit doit être au plus ${PROJECTS_PAGE.max}.` })
    .default(PROJECTS_PAGE.default),
  offset: z.coerce
    .number({ error: "offset doit être un nombre entier." })
    .int({ error: "offset doit être un nombre entier." })
    .min(0, { error: "offset doit être positif ou nul." })
    .max(10_000_000, { error: "offset trop grand." })
    .default(0),
});

/** The yearly list of supported projects (CSV, XLSX): its year and, for a national account, a region. */
export const supportedListQuery = z.strictObject({ year: yearParam, region: regionParam.optional() });

/** A project sent to be created; its content is checked by the domain's model (French field errors in a 422). */
export const projectCreateBody = z.strictObject({ project: z.looseObject({}) });
/** A project change, with the version the person opened. */
export const projectChangeBody = z.strictObject({ version: z.int().min(1), project: z.looseObject({}) });

export const gridImportBody = z.strictObject({
  csv: z.string().max(MAX_GRID_CHARS, {
    error: `Le fichier dépasse ${MAX_GRID_CHARS / 1_000_000} millions de caractères : découpez-le (par exemple par région) et importez chaque partie.`,
  }),
  year: yearParam.optional(),
  dryRun: z.boolean().default(false),
});

export const journalQuery = z.strictObject({
  before: z
    .string()
    .regex(/^\d{1,18}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

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

export const projectsContract = {
  "GET /pilotage/projets": { query: projectsQuery, response: projectsPageSchema },
  "GET /pilotage/projets/:id": { params: projectIdParams, response: storedProjectSchema },
  "GET /pilotage/projets/:id/journal": { params: projectIdParams, response: z.array(auditEntrySchema) },
  "POST /pilotage/projets": { body: projectCreateBody, response: storedProjectSchema, status: 201 },
  "PUT /pilotage/projets/:id": { params: projectIdParams, body: projectChangeBody, response: storedProjectSchema },
  "POST /pilotage/projets/import": { body: gridImportBody, response: gridImportReportSchema },
  "GET /pilotage/journal": { query: journalQuery, response: z.array(auditEntrySchema) },
} satisfies Contract;
