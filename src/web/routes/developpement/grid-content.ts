import type { DevelopmentBandContent, DevelopmentContent } from "../../../domain/development/content.js";
import type { BandId } from "../../../domain/development/grid.js";
import fr from "../../../../content/developpement/fr.json";

/** The French grid and milestones (content/developpement/fr.json, validated by the content build check). */
export const developmentContent = fr as DevelopmentContent;

export function bandContent(id: BandId): DevelopmentBandContent | null {
  return developmentContent.bands.find((b) => b.id === id) ?? null;
}
