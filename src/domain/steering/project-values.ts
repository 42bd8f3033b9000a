/**
 * The values a project's fields take (statuses, funding lines, evaluation outcomes), with their French labels. Apart
 * from the project's schemas (`project.ts`, which re-exports them) so that the pages that only name them, such as the
 * public barometer, do not load zod (issue 19).
 */
export const PROJECT_STATUSES = ["laureat", "en-cours", "evalue", "reconduit", "termine"] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export const STATUS_LABELS: Record<ProjectStatus, string> = {
  laureat: "Lauréat",
  "en-cours": "En cours",
  evalue: "Évalué",
  reconduit: "Reconduit",
  termine: "Terminé",
};

export const FUNDING_LINES = ["ars-fir", "dreets-p304", "conjoint"] as const;
export type FundingLine = (typeof FUNDING_LINES)[number];
export const FUNDING_LINE_LABELS: Record<FundingLine, string> = {
  "ars-fir": "ARS — Fonds d'intervention régional (volet santé)",
  "dreets-p304": "DREETS — programme 304 (volet social)",
  conjoint: "Conjoint ARS et DREETS",
};

export const EVALUATION_OUTCOMES = ["favorable", "reservee", "defavorable"] as const;
export type EvaluationOutcome = (typeof EVALUATION_OUTCOMES)[number];
export const EVALUATION_LABELS: Record<EvaluationOutcome, string> = {
  favorable: "Favorable",
  reservee: "Réservée",
  defavorable: "Défavorable",
};
