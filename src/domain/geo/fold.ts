import { foldText } from "../content/search.js";

/**
 * A commune or place name folded for prefix search: lower case, no accents, hyphens and apostrophes
 * as spaces, single spaces, and the usual abbreviations spelt out, so that "st etienne",
 * "Saint-Étienne" and "SAINT ETIENNE" fold to the same "saint etienne".
 */
export function foldName(text: string): string {
  return foldText(text)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(/\bste\b/g, "sainte")
    .replace(/\bst\b/g, "saint")
    .replace(/\bstes\b/g, "saintes")
    .replace(/\bsts\b/g, "saints");
}

/** A postal code, or the start of one (2 to 5 digits). */
export function isPostcodePrefix(q: string): boolean {
  return /^\d{2,5}$/.test(q.replace(/\s+/g, ""));
}
