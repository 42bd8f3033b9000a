import { MIN_DOMAINS_WITH_NON, type DomainId, type GridBand } from "./grid.js";

/** A parent's answer to an item. « Je ne sais pas » never counts as « non » (our choice: the grid is a doctor's yes/no). */
export type Answer = "oui" | "non" | "nsp";

export interface GridItemRef {
  id: string;
  domain: DomainId;
}

/**
 * Two questions valid at any age (livret 2024, pp. 8–12, « quel que soit l’âge »), asked after the band's items:
 * - regression: « si une perte objective et persistante d’acquisition antérieure est constatée, l’enfant doit
 *   être orienté en urgence vers une consultation hospitalière de pédiatrie ou neuropédiatrie » (p. 9);
 * - worry: « Toute inquiétude des parents concernant le développement de leur enfant est à prendre en
 *   considération » (p. 36).
 */
export interface TransversalAnswers {
  regression: Answer;
  worry: Answer;
}

/**
 * - "rien-a-signaler": below the grid's threshold, no regression, no worry;
 * - "en-parler": threshold reached (`alertNon` « non » in ≥ 2 domains) or the parent is worried → see the doctor,
 *   who can refer to the PCO;
 * - "en-parler-vite": a lost skill → see a doctor without waiting (urgent in the livret).
 */
export type AssessmentLevel = "rien-a-signaler" | "en-parler" | "en-parler-vite";

export interface Assessment {
  level: AssessmentLevel;
  /** Ids of the items answered « non », in the grid's order. */
  nonItems: string[];
  /** Ids answered « je ne sais pas » (or not answered). */
  unknownItems: string[];
  domainsWithNon: DomainId[];
  thresholdMet: boolean;
  /**
   * Below the threshold only because of « je ne sais pas »: had those items been « non », the rule would be met.
   * The result then cannot say « rien à signaler » without saying that these items are still to observe.
   */
  unsettled: boolean;
  worry: boolean;
  regression: boolean;
}

/** The livret's rule (p. 5): `nbNon >= alertNon && nbDomainsWithNon >= 2`, counted in the child's own band only. */
export function assess(band: GridBand, items: readonly GridItemRef[], answers: Readonly<Record<string, Answer>>, transversal: TransversalAnswers): Assessment {
  const nonItems = items.filter((i) => answers[i.id] === "non");
  const unknownItems = items.filter((i) => answers[i.id] !== "non" && answers[i.id] !== "oui");
  const domainsWithNon = band.domains.filter((d) => nonItems.some((i) => i.domain === d));
  const meets = (list: readonly GridItemRef[]) => list.length >= band.alertNon && new Set(list.map((i) => i.domain)).size >= MIN_DOMAINS_WITH_NON;
  const thresholdMet = meets(nonItems);
  const regression = transversal.regression === "oui";
  const worry = transversal.worry === "oui";
  return {
    level: regression ? "en-parler-vite" : thresholdMet || worry ? "en-parler" : "rien-a-signaler",
    nonItems: nonItems.map((i) => i.id),
    unknownItems: unknownItems.map((i) => i.id),
    domainsWithNon,
    thresholdMet,
    unsettled: !thresholdMet && meets([...nonItems, ...unknownItems]),
    worry,
    regression,
  };
}
