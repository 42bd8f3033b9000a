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

/** A project and totals as the API sends them (the shared contract, src/domain/api/projects.ts). */
export type { StoredProject, Totals } from "../../../domain/api/projects.js";

export { EVALUATION_LABELS, FUNDING_LINE_LABELS, STATUS_LABELS, PROJECT_STATUSES, FUNDING_LINES, EVALUATION_OUTCOMES, PRIORITY_THEMES, DEPARTEMENTS, REGIONS };

export const regionName = (code: string) => findRegion(code)?.nom ?? code;
export const departementName = (code: string) => findDepartement(code)?.nom ?? code;
export const themeShort = (id: string) => PRIORITY_THEMES.find((t) => t.id === id)?.shortLabel ?? id;
