import type { Project } from "../../../domain/steering/project.js";

/**
 * How a project is laid out in `steering_project`: the filter columns stored beside its JSON document, and the
 * row of a batched write (one JSON array read by `jsonb_to_recordset`). Pure, so that the grid import can build
 * its batches off the thread that answers requests (grid-import-job.ts); the SQL is in store.ts.
 */

/** region, title, status, funding_line, themes, years (sorted), data: the order of the single-row statements' parameters. */
export function filterColumns(p: Project) {
  return [p.region, p.title, p.status, p.fundingLine, p.themes, p.amounts.map((a) => a.year).sort((a, b) => a - b), JSON.stringify(p)] as const;
}

/** One project of a batched write; `before` (a change) is the stored document it replaces, for the audit entry. */
export interface ProjectRecord {
  id: string;
  region: string;
  title: string;
  status: string;
  funding_line: string;
  themes: string[];
  years: number[];
  data: Project;
  before?: Project;
}

/** The column list `jsonb_to_recordset` reads a batch of {@link ProjectRecord} with. */
export const RECORD_COLUMNS = "id uuid, region text, title text, status text, funding_line text, themes text[], years int[], data jsonb, before jsonb";

export function projectRecord(id: string, project: Project, before?: Project): ProjectRecord {
  const [region, title, status, fundingLine, themes, years] = filterColumns(project);
  return { id, region, title, status, funding_line: fundingLine, themes: [...themes], years, data: project, ...(before ? { before } : {}) };
}
