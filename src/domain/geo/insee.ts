/**
 * INSEE commune code (COG) from the FINESS `departement` (2 characters) and `commune` (3 digits) fields.
 *
 * - Metropolitan France and Corsica: département + commune (`01` + `451` → `01451`, `2A` + `004` → `2A004`).
 * - Overseas, FINESS uses letter codes; the commune field then already holds the third digit of the
 *   INSEE code (`9D` + `411` → `97411` Saint-Denis de La Réunion; `9F` + `606` → `97606` Chirongui):
 *   `9A` Guadeloupe, `9B` Martinique, `9C` Guyane, `9D` La Réunion, `9E` Saint-Pierre-et-Miquelon,
 *   `9F` Mayotte → `97` + commune; `9J` Wallis-et-Futuna (and the other Pacific letters) → `98` + commune.
 * - Saint-Barthélemy and Saint-Martin are still filed under Guadeloupe (`9A`) with their pre-2007
 *   Guadeloupe commune numbers 123 and 127; the COG now gives them 97701 and 97801.
 *
 * Source: layout and examples of the data.gouv.fr FINESS extracts of 2026-05 (docs/data.md « FINESS ») and the
 * mailwoman adapter fixtures; COG 2025 codes checked in ../shared/data/communes.
 */
const overseasPrefix: Record<string, string> = {
  "9A": "97",
  "9B": "97",
  "9C": "97",
  "9D": "97",
  "9E": "97",
  "9F": "97",
  "9G": "98",
  "9H": "98",
  "9I": "98",
  "9J": "98",
};

/** Communes that left Guadeloupe in 2007 and got a new COG code. */
const renumbered: Record<string, string> = { "97123": "97701", "97127": "97801" };

/** `null` when the fields do not form a commune code. */
export function inseeCodeFromFiness(departement: string, commune: string): string | null {
  const dep = departement.trim().toUpperCase();
  const com = commune.trim();
  if (!/^\d{3}$/.test(com)) return null;
  if (/^(0[1-9]|1\d|2[1-9]|[3-8]\d|9[0-5])$/.test(dep) || dep === "2A" || dep === "2B") return dep + com;
  const prefix = overseasPrefix[dep];
  if (!prefix) return null;
  const code = prefix + com;
  return renumbered[code] ?? code;
}

/** The département code (INSEE) of a commune code: 2 characters, 3 overseas (971…989). */
export function departementOfCommune(code: string): string {
  return code.startsWith("97") || code.startsWith("98") ? code.slice(0, 3) : code.slice(0, 2);
}

/** `01451`, `2A004`, `97411`: the shapes of a current commune code. */
export function isCommuneCode(code: string): boolean {
  return /^(\d{5}|2[AB]\d{3})$/.test(code);
}

/**
 * The INSEE département of an establishment from its FINESS number, for when nothing else says it:
 * the first two characters metropolitan (`01`…`95`, `2A`, `2B`); overseas `9701`–`9704` → 971–974,
 * `9805` → 976 (Mayotte), `9806` → 986 (Wallis-et-Futuna). The overseas prefixes are inferred from the
 * real lines of ../shared/data/finess (2021 and 2026 extracts), not from a published rule.
 */
export function departementOfFinessNumber(nofinesset: string): string | null {
  const overseas: Record<string, string> = { "9701": "971", "9702": "972", "9703": "973", "9704": "974", "9805": "976", "9806": "986" };
  if (nofinesset.startsWith("97") || nofinesset.startsWith("98")) return overseas[nofinesset.slice(0, 4)] ?? null;
  const dep = nofinesset.slice(0, 2);
  return /^(0[1-9]|1\d|2[1-9AB]|[3-8]\d|9[0-5])$/.test(dep) ? dep : null;
}
