/** Small value readers shared by the importers: each returns `null` for "empty or unreadable". */

const streetTypes: Record<string, string> = {
  ALL: "Allée",
  AV: "Avenue",
  BD: "Boulevard",
  CAR: "Carrefour",
  CHE: "Chemin",
  CHS: "Chaussée",
  CITE: "Cité",
  CRS: "Cours",
  DOM: "Domaine",
  ESP: "Esplanade",
  FG: "Faubourg",
  HAM: "Hameau",
  IMP: "Impasse",
  LD: "Lieu-dit",
  LOT: "Lotissement",
  MTE: "Montée",
  PASS: "Passage",
  PL: "Place",
  PLN: "Plaine",
  PRO: "Promenade",
  PRV: "Parvis",
  QUA: "Quartier",
  QUAI: "Quai",
  R: "Rue",
  RES: "Résidence",
  RLE: "Ruelle",
  RPT: "Rond-point",
  RTE: "Route",
  SEN: "Sentier",
  SQ: "Square",
  TRA: "Traverse",
  VLA: "Villa",
  VOIE: "Voie",
};

export function expandStreetType(code: string): string {
  const c = code.trim().toUpperCase();
  return streetTypes[c] ?? c;
}

const repetitionIndices = new Set(["A", "B", "C", "D", "T", "Q", "BIS", "TER", "QUATER"]);

/** "2 R B AU MAIRE" → "2 Rue B AU MAIRE"; "12 B AV X" → "12 B Avenue X": spells out the street type after the number. */
function expandStreetTypeIn(part: string): string {
  const tokens = part.trim().split(/\s+/);
  let i = /^\d+[A-Z]?$/.test(tokens[0] ?? "") ? 1 : 0;
  if (i === 1 && repetitionIndices.has(tokens[1] ?? "") && streetTypes[tokens[2] ?? ""] && tokens.length > 3) i = 2;
  const type = tokens[i] ?? "";
  if (streetTypes[type] && tokens.length > i + 1) tokens[i] = streetTypes[type]!;
  return tokens.join(" ");
}

/** "900 RTE DE PARIS | BP 139" → "900 Route DE PARIS, BP 139" (the FHIR-derived file joins address lines with " | "). */
export function expandAddressLine(address: string): string {
  return address
    .split("|")
    .map((part) => expandStreetTypeIn(part))
    .filter(Boolean)
    .join(", ");
}

/** Joins non-empty address parts. */
export function joinAddress(...parts: (string | null | undefined)[]): string | null {
  const text = parts
    .map((p) => (p ?? "").replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join(", ");
  return text || null;
}

/** French phone numbers as "04 74 45 46 47"; `null` when empty, `undefined` when unreadable. */
export function formatPhone(raw: string): string | null | undefined {
  const digits = raw.replace(/[\s.\-()]/g, "");
  if (!digits) return null;
  if (/^0\d{9}$/.test(digits)) return digits.replace(/(\d{2})(?=\d)/g, "$1 ");
  if (/^\+\d{6,15}$/.test(digits)) return digits;
  return undefined;
}

/** `YYYY-MM-DD` that is a real calendar day; `null` when empty, `undefined` when unreadable. */
export function isoDate(raw: string): string | null | undefined {
  const s = raw.trim();
  if (!s) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s ? s : undefined;
}

/** A decimal number written with a dot (or a French comma); `null` when empty, `undefined` when unreadable. */
export function decimal(raw: string): number | null | undefined {
  const s = raw.trim().replace(",", ".");
  if (!s) return null;
  if (!/^[-+]?\d+(\.\d+)?$/.test(s)) return undefined;
  return Number(s);
}

/** "01440 VIRIAT" → { postcode: "01440", name: "VIRIAT" }. */
export function splitRoutingLine(line: string): { postcode: string | null; name: string | null } {
  const m = /^\s*(\d{5})\s+(.*?)\s*$/.exec(line);
  if (m) return { postcode: m[1]!, name: m[2] || null };
  return { postcode: null, name: line.trim() || null };
}
