import { msg } from "@lingui/core/macro";
import { i18n, type MessageDescriptor } from "@lingui/core";
import {
  EVALUATION_LABELS,
  FUNDING_LINE_LABELS,
  STATUS_LABELS,
  EVALUATION_OUTCOMES,
  FUNDING_LINES,
  PROJECT_STATUSES,
  type EvaluationOutcome,
  type FundingLine,
  type ProjectStatus,
} from "../../../domain/steering/project.js";
import { PRIORITY_THEMES, type ThemeId } from "../../../domain/steering/themes.js";
import type { GapClass, Indicator, RateClass } from "../../../domain/steering/barometer.js";
import { DEPARTEMENTS, REGIONS, findRegion, findDepartement } from "../../../domain/steering/territories.js";

/** A project and totals as the API sends them (the shared contract, src/domain/api/projects.ts). */
export type { StoredProject, Totals } from "../../../domain/api/projects.js";

export { EVALUATION_LABELS, FUNDING_LINE_LABELS, STATUS_LABELS, PROJECT_STATUSES, FUNDING_LINES, EVALUATION_OUTCOMES, PRIORITY_THEMES, DEPARTEMENTS, REGIONS };

/** Regions and départements keep their official French names in every language. */
export const regionName = (code: string) => findRegion(code)?.nom ?? code;
export const departementName = (code: string) => findDepartement(code)?.nom ?? code;

/*
 * The domain's labels (src/domain/steering) stay French, the registry's and the official texts' words; the
 * interface shows them in the reader's language, one message per id (the French message is the domain's label).
 * The acronyms of the French administration (ARS, DREETS, FIR, EPP, EPNP) are kept, with their meaning in words.
 */

export const indicatorLabels: Record<Indicator, MessageDescriptor> = {
  epp: msg`Entretien prénatal précoce (EPP)`,
  epnp: msg`Entretien postnatal précoce (EPNP)`,
};

export const gapClassLabels: Record<GapClass, MessageDescriptor> = {
  "far-below": msg`10 points ou plus sous l'objectif`,
  below: msg`de 5 à 10 points sous l'objectif`,
  "near-below": msg`moins de 5 points sous l'objectif`,
  reached: msg`objectif atteint`,
  above: msg`5 points ou plus au-dessus`,
};

export const rateClassLabels: Record<RateClass, MessageDescriptor> = {
  "under-20": msg`moins de 20 %`,
  "20-40": msg`de 20 à 40 %`,
  "40-60": msg`de 40 à 60 %`,
  "60-80": msg`de 60 à 80 %`,
  "80-plus": msg`80 % ou plus`,
};

/** The six priority themes of instruction SGMCAS/2023/110: full label and short label. */
const themeLabels: Record<ThemeId, { label: MessageDescriptor; short: MessageDescriptor }> = {
  "reperage-accompagnement": {
    label: msg`Le repérage des situations de fragilité et l'accompagnement des parents sans rupture tout au long des 1000 premiers jours`,
    short: msg`Repérage des fragilités et accompagnement sans rupture`,
  },
  "promotion-sante": {
    label: msg`Le développement d'actions en promotion de la santé pour les plus petits (nutrition, environnement et exposition aux substances toxiques dès la période préconceptionnelle dans le milieu professionnel, au domicile, dans les lieux d'accueil du jeune enfant, logement, etc.)`,
    short: msg`Promotion de la santé des tout-petits`,
  },
  "isolement-epuisement": {
    label: msg`La prévention de l'isolement et de l'épuisement des parents, notamment des mères en post-partum`,
    short: msg`Prévention de l'isolement et de l'épuisement des parents`,
  },
  "eveil-culturel": {
    label: msg`L'aménagement des lieux et de l'offre pour favoriser l'éveil culturel et artistique des tout-petits, notamment des plus défavorisés`,
    short: msg`Éveil culturel et artistique`,
  },
  "conciliation-temps": {
    label: msg`La conciliation des temps entre vie professionnelle et parentalité`,
    short: msg`Conciliation vie professionnelle et parentalité`,
  },
  "second-parent": {
    label: msg`La place du père ou du second parent dans le parcours des 1000 premiers jours`,
    short: msg`Place du père ou du second parent`,
  },
};
const isTheme = (id: string): id is ThemeId => id in themeLabels;
export const themeLabel = (id: string) => (isTheme(id) ? i18n._(themeLabels[id].label) : id);
export const themeShort = (id: string) => (isTheme(id) ? i18n._(themeLabels[id].short) : id);

export const statusLabels: Record<ProjectStatus, MessageDescriptor> = {
  laureat: msg`Lauréat`,
  "en-cours": msg`En cours`,
  evalue: msg`Évalué`,
  reconduit: msg`Reconduit`,
  termine: msg`Terminé`,
};

export const fundingLineLabels: Record<FundingLine, MessageDescriptor> = {
  "ars-fir": msg`ARS — Fonds d'intervention régional (volet santé)`,
  "dreets-p304": msg`DREETS — programme 304 (volet social)`,
  conjoint: msg`Conjoint ARS et DREETS`,
};

export const evaluationLabels: Record<EvaluationOutcome, MessageDescriptor> = {
  favorable: msg`Favorable`,
  reservee: msg`Réservée`,
  defavorable: msg`Défavorable`,
};
