import { departementOfCommune, foldName } from "../../../domain/geo/index.js";
import type { Queryable } from "../../db/database.js";
import { readAllCommunes, type CommuneRow } from "../store.js";

/** "ST DENIS CEDEX 9" → "saint denis": a routing label folded down to the commune name. */
function foldRoutingName(name: string): string {
  return foldName(name)
    .replace(/\bcedex\b.*$/, "")
    .replace(/\b\d+\b/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Bound of `CommuneLocator`'s folded-name memo (cleared when full): a few megabytes at most. */
const MAX_FOLDED_NAMES = 100_000;

/** Département(s) a postal code may belong to: 2 digits, 3 overseas, and both Corsicas for 20xxx. */
function departementsOfPostcode(postcode: string): string[] {
  if (postcode.startsWith("97") || postcode.startsWith("98")) return [postcode.slice(0, 3)];
  if (postcode.startsWith("20")) return ["2A", "2B"];
  return [postcode.slice(0, 2)];
}

/**
 * Finds the commune of a place from what its source gives (INSEE code, postal code, commune or routing
 * name), to place it at the commune centre when the source has no coordinates.
 */
export class CommuneLocator {
  private readonly byCode = new Map<string, CommuneRow>();
  private readonly byPostcode = new Map<string, CommuneRow[]>();
  private readonly byDepAndName = new Map<string, CommuneRow[]>();
  private readonly byName = new Map<string, CommuneRow[]>();
  /** Routing names already folded: a national file repeats the same few tens of thousands of commune names. */
  private readonly foldedNames = new Map<string, string>();

  constructor(communes: readonly CommuneRow[]) {
    for (const c of communes) {
      this.byCode.set(c.code, c);
      for (const p of c.postcodes) this.byPostcode.set(p, [...(this.byPostcode.get(p) ?? []), c]);
      const key = `${c.dep}|${c.folded_name}`;
      this.byDepAndName.set(key, [...(this.byDepAndName.get(key) ?? []), c]);
      this.byName.set(c.folded_name, [...(this.byName.get(c.folded_name) ?? []), c]);
    }
  }

  static async load(q: Queryable): Promise<CommuneLocator> {
    return new CommuneLocator(await readAllCommunes(q));
  }

  get size(): number {
    return this.byCode.size;
  }

  code(code: string): CommuneRow | undefined {
    return this.byCode.get(code);
  }

  private fold(name: string): string {
    let folded = this.foldedNames.get(name);
    if (folded === undefined) {
      if (this.foldedNames.size >= MAX_FOLDED_NAMES) this.foldedNames.clear();
      this.foldedNames.set(name, (folded = foldRoutingName(name)));
    }
    return folded;
  }

  /** `dep`: the département when the source says it otherwise (FINESS number), to tell apart homonyms behind a CEDEX code. */
  find({ code, postcode, name, dep }: { code?: string | null; postcode?: string | null; name?: string | null; dep?: string | null }): CommuneRow | undefined {
    if (code) {
      const found = this.byCode.get(code);
      if (found) return found;
    }
    const folded = name ? this.fold(name) : "";
    if (postcode && /^\d{5}$/.test(postcode)) {
      const candidates = this.byPostcode.get(postcode) ?? [];
      if (folded) {
        const exact = candidates.find((c) => c.folded_name === folded);
        if (exact) return exact;
      }
      if (candidates.length === 1) return candidates[0];
      if (folded) {
        for (const dep of departementsOfPostcode(postcode)) {
          const named = this.byDepAndName.get(`${dep}|${folded}`);
          if (named?.length === 1) return named[0];
        }
        const prefixed = candidates.filter((c) => c.folded_name.startsWith(folded) || folded.startsWith(c.folded_name));
        if (prefixed.length === 1) return prefixed[0];
      }
    }
    if (code && folded) {
      const named = this.byDepAndName.get(`${departementOfCommune(code)}|${folded}`);
      if (named?.length === 1) return named[0];
    }
    if (dep && folded) {
      const named = this.byDepAndName.get(`${dep}|${folded}`);
      if (named?.length === 1) return named[0];
    }
    // A CEDEX code that says nothing of the département (97004 POINTE A PITRE CEDEX): a name borne by one commune only.
    const unique = folded ? this.byName.get(folded) : undefined;
    return unique?.length === 1 ? unique[0] : undefined;
  }
}
