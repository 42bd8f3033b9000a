/* eslint-disable lingui/no-unlocalized-strings -- The words of the summary for the doctor, in French in every language (see DoctorSummary.tsx). */
import type { Answer, Assessment } from "../../../domain/development/assess.js";
import type { DevelopmentBandContent } from "../../../domain/development/content.js";
import { developmentContent } from "./grid-content.js";

/** What the summary for the doctor lists, shared by the screen, the print and the PDF. */
export interface CheckSummary {
  childName: string;
  date: string;
  realAge: string;
  correctedAge: string | null;
  bandLabel: string;
  nonItems: { domain: string; text: string }[];
  unknownItems: { domain: string; text: string }[];
  regression: Answer;
  worry: Answer;
  assessment: Assessment;
}

export function buildSummary(
  band: DevelopmentBandContent,
  assessment: Assessment,
  fields: { childName: string; date: string; realAge: string; correctedAge: string | null; regression: Answer; worry: Answer },
): CheckSummary {
  const describe = (id: string) => {
    const item = band.items.find((i) => i.id === id)!;
    return { domain: band.domainLabels[item.domain] ?? item.domain, text: item.text };
  };
  return { ...fields, bandLabel: band.label, nonItems: assessment.nonItems.map(describe), unknownItems: assessment.unknownItems.map(describe), assessment };
}

export const ANSWER_WORDS: Record<Answer, string> = { oui: "oui", non: "non", nsp: "je ne sais pas" };

export const GRID_CITATION = `Items de la grille « ${developmentContent.sources[0]!.title} », ${developmentContent.sources[0]!.publisher}.`;
