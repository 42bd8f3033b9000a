import { msg } from "@lingui/core/macro";
import { i18n, type MessageDescriptor } from "@lingui/core";
import {
  EVALUATION_OUTCOMES,
  FUNDING_LINES,
  PROJECT_STATUSES,
  type EvaluationOutcome,
  type FundingLine,
  type ProjectStatus,
} from "../../../domain/steering/project-values.js";
import { PRIORITY_THEMES, type ThemeId } from "../../../domain/steering/themes.js";
import type { GapClass, Indicator, RateClass } from "../../../domain/steering/barometer.js";
import type { Volet } from "../../../domain/funding/allocation.js";
import type { GridColumnName } from "../../../domain/steering/grid.js";
import { DEPARTEMENTS, REGIONS, findRegion, findDepartement } from "../../../domain/steering/territories.js";

/** A project and totals as the API sends them (the shared contract, src/domain/api/projects.ts). */
export type { StoredProject, Totals } from "../../../domain/api/projects.js";

export { PROJECT_STATUSES, FUNDING_LINES, EVALUATION_OUTCOMES, PRIORITY_THEMES, DEPARTEMENTS, REGIONS };

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

/** What each column of the yearly grid holds (src/domain/steering/grid.ts); the cells' own values stay French, as in the file. */
const gridColumnDescriptions: Record<GridColumnName, MessageDescriptor> = {
  annee: msg`Année de la liste (année des montants), ex. 2023.`,
  code_region: msg`Code de la région (code officiel géographique), ex. 84.`,
  region: msg`Nom de la région (lecture seule, ignoré à l'import).`,
  identifiant: msg`Identifiant du projet dans l'application ; vide pour un nouveau projet.`,
  intitule: msg`Intitulé du projet (3 à 200 caractères).`,
  structure_porteuse: msg`Nom de la structure porteuse.`,
  siret: msg`SIRET de la structure porteuse (14 chiffres), facultatif.`,
  departements: msg`Codes des départements du projet, séparés par des virgules, ex. « 69, 38 ».`,
  thematiques: msg`Numéros des thématiques prioritaires (1 à 6), séparés par des virgules, ex. « 3, 6 ».`,
  thematiques_libelles: msg`Libellés des thématiques (lecture seule, ignoré à l'import).`,
  ligne_financement: msg`ARS-FIR (volet santé), DREETS-P304 (volet social) ou conjoint.`,
  montant_ars_fir: msg`Montant ARS (FIR) de l'année, en euros entiers ; vide = 0.`,
  montant_dreets_p304: msg`Montant DREETS (programme 304) de l'année, en euros entiers ; vide = 0.`,
  montant_total: msg`Somme des deux montants ; vérifiée si elle est remplie.`,
  date_debut: msg`Date de début, AAAA-MM-JJ (ou JJ/MM/AAAA).`,
  date_fin: msg`Date de fin, AAAA-MM-JJ (ou JJ/MM/AAAA), facultative.`,
  statut: msg`Lauréat, En cours, Évalué, Reconduit ou Terminé.`,
  evaluation: msg`Résultat de l'évaluation : Favorable, Réservée ou Défavorable ; obligatoire si le statut est « Évalué ».`,
  commentaire_evaluation: msg`Commentaire sur l'évaluation, facultatif.`,
  resume_public: msg`Résumé public du projet (2 000 caractères au plus).`,
};
export const gridColumnDescription = (name: GridColumnName) => i18n._(gridColumnDescriptions[name]);

/** The strand in words (the rule's funder, src/domain/funding/allocation.ts). */
export const voletNames: Record<Volet, MessageDescriptor> = { sante: msg`santé`, social: msg`social` };
export const funders: Record<Volet, MessageDescriptor> = {
  sante: msg`ARS — Fonds d'intervention régional (FIR), volet santé`,
  social: msg`DREETS — programme 304, action 17, volet social`,
};
