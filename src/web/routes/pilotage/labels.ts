import type { Project } from "../../../domain/steering/project.js";
import {
  EVALUATION_LABELS,
  FUNDING_LINE_LABELS,
  STATUS_LABELS,
  PROJECT_STATUSES,
  FUNDING_LINES,
  EVALUATION_OUTCOMES,
} from "../../../domain/steering/project.js";
import { PRIORITY_THEMES } from "../../../domain/steering/themes.js";
import { DEPARTEMENTS, REGIONS, findRegion, findDepartement } from "../../../domain/steering/territories.js";

export type StoredProject = Project & { id: string; version: number; createdAt: string; updatedAt: string };
export interface Totals {
  count: number;
  arsFir: number;
  dreetsP304: number;
  total: number;
}

export { EVALUATION_LABELS, FUNDING_LINE_LABELS, STATUS_LABELS, PROJECT_STATUSES, FUNDING_LINES, EVALUATION_OUTCOMES, PRIORITY_THEMES, DEPARTEMENTS, REGIONS };

export const regionName = (code: string) => findRegion(code)?.nom ?? code;
export const departementName = (code: string) => findDepartement(code)?.nom ?? code;
export const themeShort = (id: string) => PRIORITY_THEMES.find((t) => t.id === id)?.shortLabel ?? id;
