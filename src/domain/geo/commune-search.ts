import { foldName, isPostcodePrefix } from "./fold.js";

/** One commune as shipped to the browser for offline search: [INSEE code, name, postal codes "|"-joined, lat, lon, population]. */
export type CompactCommune = [string, string, string, number, number, number];

export interface CommuneMatch {
  code: string;
  name: string;
  postcodes: string[];
  lat: number;
  lon: number;
}

export interface CommuneIndex {
  entries: { commune: CompactCommune; folded: string }[];
}

export function buildCommuneIndex(communes: readonly CompactCommune[]): CommuneIndex {
  return { entries: communes.map((commune) => ({ commune, folded: foldName(commune[1]) })) };
}

/**
 * Communes for a postal code (or its start) or the start of a name, accents and case ignored;
 * exact names first, then the most populated.
 */
export function searchCommuneIndex(index: CommuneIndex, query: string, limit = 8): CommuneMatch[] {
  const q = query.trim();
  if (q.length < 2) return [];
  const byPostcode = isPostcodePrefix(q);
  const digits = q.replace(/\s+/g, "");
  const folded = foldName(q);
  const matches = index.entries.filter(({ commune, folded: name }) =>
    byPostcode ? commune[2].split("|").some((cp) => cp.startsWith(digits)) : name.startsWith(folded) || name.includes(` ${folded}`),
  );
  return matches
    .sort((a, b) => Number(b.folded === folded) - Number(a.folded === folded) || Number(b.folded.startsWith(folded)) - Number(a.folded.startsWith(folded)) || b.commune[5] - a.commune[5])
    .slice(0, limit)
    .map(({ commune: [code, name, postcodes, lat, lon] }) => ({ code, name, postcodes: postcodes ? postcodes.split("|") : [], lat, lon }));
}
