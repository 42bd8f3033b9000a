/**
 * Short, stable entry points printed on the official supports of the 1000 premiers jours: a QR code on each
 * opens Mille Jours at the right place. The codes never change (printed paper lives for years); their target
 * may. No tracking: the short path is all the server sees, like any page. Their words, in every language, are in
 * entry-point-texts.ts.
 */
export const ENTRY_CODES = ["livret", "sac", "caf", "salle-attente"] as const;
export type EntryCode = (typeof ENTRY_CODES)[number];

export interface EntryPoint {
  code: EntryCode;
  /** Where it leads, and why. */
  to: string;
}

export const ENTRY_POINTS: EntryPoint[] = [
  { code: "livret", to: "/parcours" },
  { code: "sac", to: "/post-partum" },
  { code: "caf", to: "/calendrier" },
  { code: "salle-attente", to: "/" },
];

export function entryPoint(code: string | undefined): EntryPoint | undefined {
  return ENTRY_POINTS.find((e) => e.code === code);
}

/**
 * The short path, in a language: `/d/livret`, `/ar/d/livret`. The official supports, printed by others in French,
 * carry the French path (the app then opens in the language the device remembers); a poster printed here in a
 * language carries that language's.
 */
export const entryPath = (code: string, prefix = "") => `${prefix}/d/${code}`;
