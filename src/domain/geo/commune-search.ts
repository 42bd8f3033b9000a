import { departementOfCommuneCode } from "./departement-names.js";
import { foldName, isPostcodePrefix } from "./fold.js";

/** One commune as shipped to the browser for offline search: [INSEE code, name, postal codes "|"-joined, lat, lon, population]. */
export type CompactCommune = [string, string, string, number, number, number];

export interface CommuneMatch {
  code: string;
  name: string;
  postcodes: string[];
  lat: number;
  lon: number;
  /** The département (or overseas collectivity), to tell homonyms apart. */
  departement: { code: string; name: string };
  /** Set when the query named a municipal arrondissement (Paris, Lyon, Marseille), which the commune list does not hold. */
  arrondissement?: number;
}

export interface CommuneIndex {
  entries: { commune: CompactCommune; folded: string }[];
}

export function buildCommuneIndex(communes: readonly CompactCommune[]): CommuneIndex {
  return { entries: communes.map((commune) => ({ commune, folded: foldName(commune[1]) })) };
}

function toMatch([code, name, postcodes, lat, lon]: CompactCommune): CommuneMatch {
  return { code, name, postcodes: postcodes ? postcodes.split("|") : [], lat, lon, departement: departementOfCommuneCode(code) };
}

/**
 * Communes for a postal code (or its start) or the start of a name, accents and case ignored;
 * exact names first, then the most populated.
 */
export function searchCommuneIndex(index: CommuneIndex, query: string, limit = 8): CommuneMatch[] {
  const arrondissement = arrondissementOf(index, query);
  if (arrondissement) return [arrondissement];
  const q = query.trim();
  if (q.length < 2) return [];
  const byPostcode = isPostcodePrefix(q);
  const digits = q.replace(/\s+/g, "");
  const folded = foldName(q);
  const matches = index.entries.filter(({ commune, folded: name }) =>
    byPostcode ? commune[2].split("|").some((cp) => cp.startsWith(digits)) : name.startsWith(folded) || name.includes(` ${folded}`),
  );
  return matches
    .sort(
      (a, b) =>
        Number(b.folded === folded) - Number(a.folded === folded) ||
        Number(b.folded.startsWith(folded)) - Number(a.folded.startsWith(folded)) ||
        b.commune[5] - a.commune[5],
    )
    .slice(0, limit)
    .map(({ commune }) => toMatch(commune));
}

/**
 * Paris, Lyon and Marseille have municipal arrondissements (INSEE « ARM »), which are not communes and
 * are not in the shipped commune list: « Lyon 3e », « Paris 16ème », « Marseille 1er arrondissement »
 * find the commune through the arrondissement's postal code (69003, 75016, 13001; Paris 16e also 75116)
 * and say which arrondissement was asked. Counts: Paris 20, Lyon 9, Marseille 16 (COG 2025).
 */
const ARRONDISSEMENTS: Record<string, { code: string; count: number }> = {
  paris: { code: "75056", count: 20 },
  lyon: { code: "69123", count: 9 },
  marseille: { code: "13055", count: 16 },
};

function arrondissementOf(index: CommuneIndex, query: string): CommuneMatch | null {
  const m = /^(paris|lyon|marseille)\s*(\d{1,2})\s*(?:e|er|eme|ieme|em)?(?:\s+arr(?:ondissement)?)?$/.exec(foldName(query));
  if (!m) return null;
  const city = ARRONDISSEMENTS[m[1]!]!;
  const n = Number(m[2]);
  if (n < 1 || n > city.count) return null;
  const entry = index.entries.find(({ commune }) => commune[0] === city.code);
  return entry ? { ...toMatch(entry.commune), arrondissement: n } : null;
}

/** What « Chercher » does with the text typed: go to the one commune it names, ask which one, or say nothing matched. */
export type CommuneResolution = { kind: "one"; commune: CommuneMatch } | { kind: "choose"; communes: CommuneMatch[] } | { kind: "none" };

/**
 * Never picks one commune among several silently: a name shared by several communes (« Saint-Denis »:
 * Aude, Gard, Seine-Saint-Denis, La Réunion) or a postal code shared by several communes asks which one.
 * One commune is chosen only when it is the only exact name, the only commune of a full postal code, or
 * the only match.
 */
export function resolveCommuneQuery(index: CommuneIndex, query: string, limit = 8): CommuneResolution {
  const arrondissement = arrondissementOf(index, query);
  if (arrondissement) return { kind: "one", commune: arrondissement };
  const q = query.trim();
  if (q.length < 2) return { kind: "none" };
  const digits = q.replace(/\s+/g, "");
  let candidates: CommuneMatch[];
  if (/^\d{5}$/.test(digits)) {
    candidates = index.entries
      .filter(({ commune }) => commune[2].split("|").includes(digits))
      .sort((a, b) => b.commune[5] - a.commune[5])
      .map(({ commune }) => toMatch(commune));
  } else {
    const folded = foldName(q);
    const exact = index.entries.filter((e) => e.folded === folded).sort((a, b) => b.commune[5] - a.commune[5]);
    candidates = exact.length ? exact.map(({ commune }) => toMatch(commune)) : searchCommuneIndex(index, q, limit + 1);
  }
  if (candidates.length === 0) return { kind: "none" };
  if (candidates.length === 1) return { kind: "one", commune: candidates[0]! };
  return { kind: "choose", communes: candidates.slice(0, limit) };
}

/** « Saint-Denis, La Réunion (974) » — what a person reads to tell homonyms apart. */
export function communeLabel(c: CommuneMatch): string {
  const name = c.arrondissement ? `${c.name} ${c.arrondissement}${c.arrondissement === 1 ? "er" : "e"} arrondissement` : c.name;
  return c.departement.name === c.name ? `${name} (${c.departement.code})` : `${name}, ${c.departement.name} (${c.departement.code})`;
}
