/**
 * The 6 priority themes of the local 1000-days projects.
 *
 * Source: instruction n° SGMCAS/2022/106 du 12 avril 2022, annexe 1, to which instruction n° SGMCAS/2023/110
 * du 18 juillet 2023 refers in §3.2 (note 11: « les 6 thématiques prioritaires déjà identifiées en 2021 et
 * 2022 »). Wording as listed in the 2023 roadmap page (seed 000, « Des thématiques identifiées ») and in the
 * 2021 calls for projects (seed 004). The order is the official numbering (1 to 6), used in the grid.
 */
export const THEME_IDS = [
  "reperage-accompagnement",
  "promotion-sante",
  "isolement-epuisement",
  "eveil-culturel",
  "conciliation-temps",
  "second-parent",
] as const;

export type ThemeId = (typeof THEME_IDS)[number];

export interface PriorityTheme {
  id: ThemeId;
  /** Official number, 1 to 6. */
  number: number;
  /** Full French label. */
  label: string;
  /** Short French label for tables and filters. */
  shortLabel: string;
}

export const PRIORITY_THEMES: readonly PriorityTheme[] = [
  {
    id: "reperage-accompagnement",
    number: 1,
    label: "Le repérage des situations de fragilité et l'accompagnement des parents sans rupture tout au long des 1000 premiers jours",
    shortLabel: "Repérage des fragilités et accompagnement sans rupture",
  },
  {
    id: "promotion-sante",
    number: 2,
    label:
      "Le développement d'actions en promotion de la santé pour les plus petits (nutrition, environnement et exposition aux substances toxiques dès la période préconceptionnelle dans le milieu professionnel, au domicile, dans les lieux d'accueil du jeune enfant, logement, etc.)",
    shortLabel: "Promotion de la santé des tout-petits",
  },
  {
    id: "isolement-epuisement",
    number: 3,
    label: "La prévention de l'isolement et de l'épuisement des parents, notamment des mères en post-partum",
    shortLabel: "Prévention de l'isolement et de l'épuisement des parents",
  },
  {
    id: "eveil-culturel",
    number: 4,
    label: "L'aménagement des lieux et de l'offre pour favoriser l'éveil culturel et artistique des tout-petits, notamment des plus défavorisés",
    shortLabel: "Éveil culturel et artistique",
  },
  {
    id: "conciliation-temps",
    number: 5,
    label: "La conciliation des temps entre vie professionnelle et parentalité",
    shortLabel: "Conciliation vie professionnelle et parentalité",
  },
  {
    id: "second-parent",
    number: 6,
    label: "La place du père ou du second parent dans le parcours des 1000 premiers jours",
    shortLabel: "Place du père ou du second parent",
  },
];

export const THEMES_SOURCE =
  "Instruction n° SGMCAS/2022/106 du 12 avril 2022, annexe 1 ; reprises par l'instruction n° SGMCAS/2023/110 du 18 juillet 2023, §3.2";

const byId = new Map(PRIORITY_THEMES.map((t) => [t.id, t]));
const byNumber = new Map(PRIORITY_THEMES.map((t) => [t.number, t]));

export function findTheme(id: string): PriorityTheme | undefined {
  return byId.get(id as ThemeId);
}

/** A theme written in a grid cell: its number ("3") or its id ("isolement-epuisement"). */
export function themeFromCell(raw: string): PriorityTheme | undefined {
  const text = raw.trim().toLowerCase();
  return /^\d$/.test(text) ? byNumber.get(Number(text)) : byId.get(text as ThemeId);
}
