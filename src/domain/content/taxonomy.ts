/** The closed lists content refers to. Kept apart from the schemas so the browser can use them without zod. */
export const stageIds = [
  "projet",
  "conception",
  "debut-grossesse",
  "suite-grossesse",
  "accouchement",
  "trois-premiers-mois",
  "quatre-mois-un-an",
  "un-deux-ans",
  "deux-trois-ans",
] as const;
export type StageId = (typeof stageIds)[number];

export const themeIds = [
  "suivi-medical",
  "alimentation",
  "toxiques",
  "environnement",
  "sommeil",
  "securite",
  "allaitement",
  "sante-mentale",
  "second-parent",
  "droits",
  "aides",
  "handicap",
  "ecrans",
  "eveil",
] as const;
export type ThemeId = (typeof themeIds)[number];

export const situationIds = [
  "premier-enfant",
  "grossesse-multiple",
  "prematurite",
  "handicap-parent",
  "handicap-enfant",
  "parent-seul",
  "aide-financiere",
] as const;
export type SituationId = (typeof situationIds)[number];

export const audienceIds = ["parents", "femme-enceinte", "mere", "second-parent"] as const;
export type AudienceId = (typeof audienceIds)[number];
