import { addDays, compareDates, type IsoDate } from "../dates.js";
import { developmentAgeMonths, developmentAgeReached, type ChildBirth } from "./age.js";

/**
 * The age bands of the official grid (livret « Détecter les signes d’un développement inhabituel chez
 * les enfants de moins de 7 ans », 2e édition, janvier 2024; DEVELOPMENT_SOURCES.grille2024):
 * « de 6 à 11 mois inclus », « de 12 à 17 mois inclus », « de 18 à 23 mois inclus », « de 24 à 35 mois
 * inclus », « de 36 à 47 mois », then 48–59, 60–71, 72–83 months. Between two ages the livret uses the last
 * birthday (p. 4): completed months. Under 6 months there is no grid.
 *
 * Domains: « Motricité globale, contrôle postural et locomotion », « Motricité fine (perception,
 * coordination, cognition) », « Langage » (« Langage oral » from 18 months), « Socialisation »; from 4 ans
 * « Motricité fine et praxies », « Langage oral », « Cognition » and « Socialisation » beside
 * « Motricité globale ». The labels themselves are content (content/developpement/).
 *
 * Rule (p. 5, « CRITÈRES D’ORIENTATION VERS LA PLATEFORME »): 0-3 ans « 2 signes dans au moins 2
 * domaines », 4-6 ans « 3 signes dans au moins 2 domaines » (grid headers: « Si 2 « non » dans 2 domaines
 * différents, orienter vers la PCO »).
 */
export const DOMAIN_IDS = ["motricite-globale", "motricite-fine", "langage", "socialisation", "motricite-fine-praxies", "langage-oral", "cognition"] as const;
export type DomainId = (typeof DOMAIN_IDS)[number];

export const BAND_IDS = ["6-mois", "12-mois", "18-mois", "24-mois", "3-ans", "4-ans", "5-ans", "6-ans"] as const;
export type BandId = (typeof BAND_IDS)[number];

export interface GridBand {
  id: BandId;
  /** First month of the band (completed months). */
  fromMonths: number;
  /** Last month of the band, inclusive. */
  toMonths: number;
  domains: readonly DomainId[];
  /** Number of « non » (in at least MIN_DOMAINS_WITH_NON domains) that calls for the doctor. */
  alertNon: number;
}

export const MIN_DOMAINS_WITH_NON = 2;

const YOUNG: readonly DomainId[] = ["motricite-globale", "motricite-fine", "langage", "socialisation"];
const OLD: readonly DomainId[] = ["motricite-globale", "motricite-fine-praxies", "langage-oral", "cognition", "socialisation"];

export const GRID_BANDS: readonly GridBand[] = [
  { id: "6-mois", fromMonths: 6, toMonths: 11, domains: YOUNG, alertNon: 2 },
  { id: "12-mois", fromMonths: 12, toMonths: 17, domains: YOUNG, alertNon: 2 },
  { id: "18-mois", fromMonths: 18, toMonths: 23, domains: YOUNG, alertNon: 2 },
  { id: "24-mois", fromMonths: 24, toMonths: 35, domains: YOUNG, alertNon: 2 },
  { id: "3-ans", fromMonths: 36, toMonths: 47, domains: YOUNG, alertNon: 2 },
  { id: "4-ans", fromMonths: 48, toMonths: 59, domains: OLD, alertNon: 3 },
  { id: "5-ans", fromMonths: 60, toMonths: 71, domains: OLD, alertNon: 3 },
  { id: "6-ans", fromMonths: 72, toMonths: 83, domains: OLD, alertNon: 3 },
];

export function gridBand(id: BandId): GridBand {
  const band = GRID_BANDS.find((b) => b.id === id);
  if (!band) throw new RangeError(`Unknown grid band ${id}`);
  return band;
}

/** The band of an age in completed months, or null (under 6 months, from 7 years). */
export function bandForMonths(months: number): GridBand | null {
  return GRID_BANDS.find((b) => months >= b.fromMonths && months <= b.toMonths) ?? null;
}

/** The grid to use for a child on `today` (by corrected age before 2 years for a premature baby). */
export function bandOn(child: ChildBirth, today: IsoDate): GridBand | null {
  return bandForMonths(developmentAgeMonths(child, today));
}

/**
 * The days a band applies to this child, or null when it never does (the jump from corrected to real
 * age at 2 years can skip part of a band, never a whole one for the gestational ages a profile accepts).
 */
export function bandWindow(child: ChildBirth, band: GridBand): { start: IsoDate; end: IsoDate } | null {
  const start = developmentAgeReached(child, band.fromMonths);
  const end = addDays(developmentAgeReached(child, band.toMonths + 1), -1);
  if (compareDates(start, end) > 0 || bandOn(child, start)?.id !== band.id) return null;
  return { start, end };
}

/** The next band after the one in use on `today` (or the first one for a baby under 6 months), with its first day. */
export function nextBand(child: ChildBirth, today: IsoDate): { band: GridBand; start: IsoDate } | null {
  for (const band of GRID_BANDS) {
    const window = bandWindow(child, band);
    if (window && compareDates(window.start, today) > 0) return { band, start: window.start };
  }
  return null;
}
