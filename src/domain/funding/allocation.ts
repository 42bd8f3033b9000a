import { findRegion } from "../steering/territories.js";
import type { BirthsTable } from "./births.js";

/**
 * Regional credits for the 1000-days projects.
 *
 * Source: instruction interministérielle n° SGMCAS/2023/110 du 18 juillet 2023, §3.1 « Un abondement du Fonds
 * d'intervention régional (FIR) des ARS et des crédits spécifiquement dédiés pour les DREETS » :
 * - volet « santé », piloté par les ARS (FIR) : 50 000 € pour chaque région, complétés par un montant calculé
 *   selon le nombre de naissances en 2021 ;
 * - volet « social », piloté par les DREETS (programme 304, action 17) : 30 000 € pour chaque région, complétés
 *   par un montant calculé selon le nombre de naissances en 2021.
 * Only the regions whose ARS or DREETS signalled their wish (before 4 September 2023) receive credits.
 *
 * Reading of the rule (the instruction gives no formula for the complement): each participating region gets
 * the fixed part; what remains of the envelope is shared between the participating regions in proportion to
 * their births. Amounts are whole euros: each region first gets the whole-euro part of its exact share, then
 * the euros left over go one by one to the regions with the largest fractional parts (largest remainder, or
 * Hamilton, method), ties broken by region code in ascending order. The totals add up to the envelope exactly.
 */
export type Volet = "sante" | "social";

export interface AllocationRule {
  year: number;
  /** Fixed part per participating region, whole euros. */
  fixedPerRegion: Record<Volet, number>;
  /** Year of the births the rule names. */
  birthsYear: number;
  funder: Record<Volet, string>;
  source: string;
}

export const ALLOCATION_RULES: Readonly<Record<number, AllocationRule>> = {
  2023: {
    year: 2023,
    fixedPerRegion: { sante: 50_000, social: 30_000 },
    birthsYear: 2021,
    funder: {
      sante: "ARS — Fonds d'intervention régional (FIR), volet santé",
      social: "DREETS — programme 304, action 17, volet social",
    },
    source: "Instruction interministérielle n° SGMCAS/2023/110 du 18 juillet 2023, §3.1",
  },
};

/** The most recent rule (the one the calculator and its page describe by default). */
export const LATEST_ALLOCATION_RULE: AllocationRule = Object.values(ALLOCATION_RULES).reduce((a, b) => (b.year > a.year ? b : a));

export const ROUNDING_RULE =
  "Chaque région reçoit d'abord la partie entière en euros de sa part proportionnelle ; les euros restants sont attribués un par un aux régions dont la partie décimale est la plus grande (méthode du plus fort reste), à égalité par ordre croissant de code de région.";

export interface AllocationInput {
  /** Year of the credits (the rule of that year applies). */
  year: number;
  volet: Volet;
  /** Total envelope for the volet, whole euros. */
  envelope: number;
  /** Codes (COG) of the regions whose ARS or DREETS take part. */
  participatingRegions: readonly string[];
  births: BirthsTable;
}

export interface RegionAllocation {
  regionCode: string;
  regionName: string;
  births: number;
  fixed: number;
  proportional: number;
  total: number;
  /** 1 when the region received one of the euros left over by rounding, else 0. */
  roundingEuro: 0 | 1;
}

export interface Allocation {
  year: number;
  volet: Volet;
  funder: string;
  envelope: number;
  fixedPerRegion: number;
  fixedTotal: number;
  /** The rest of the envelope, shared in proportion to births. */
  proportionalTotal: number;
  /** Year of the births actually used. */
  birthsYear: number;
  /** Year of the births the rule names. */
  ruleBirthsYear: number;
  birthsSource: string;
  /** Births of the participating regions. */
  birthsTotal: number;
  /** Euros given out by the rounding rule (fewer than the number of regions). */
  roundingEuros: number;
  regions: RegionAllocation[];
  /** Things the person computing must know (e.g. births of another year than the rule's). */
  notices: string[];
  ruleSource: string;
  roundingRule: string;
}

export type AllocationErrorCode =
  | "annee-sans-regle"
  | "volet-inconnu"
  | "enveloppe-invalide"
  | "enveloppe-insuffisante"
  | "participation-vide"
  | "region-inconnue"
  | "region-en-double"
  | "naissances-absentes"
  | "naissances-nulles"
  | "naissances-invalides";

export interface AllocationError {
  code: AllocationErrorCode;
  message: string;
  regionCode?: string;
}

export type AllocationResult = { ok: true; allocation: Allocation } | { ok: false; errors: AllocationError[] };

/** Whole euros in French, plain spaces between thousands (« 50 000 € »). */
export const formatEuros = (n: number) => `${n.toLocaleString("fr-FR").replace(/[\u202f\u00a0]/g, " ")} €`;

export function allocateRegionalCredits(input: AllocationInput): AllocationResult {
  const errors: AllocationError[] = [];
  const rule = Number.isInteger(input.year) ? ALLOCATION_RULES[input.year] : undefined;
  if (!rule) {
    const known = Object.keys(ALLOCATION_RULES).join(", ");
    errors.push({ code: "annee-sans-regle", message: `Aucune règle de répartition n'est connue pour l'année ${input.year} (années connues : ${known}).` });
  }
  if (input.volet !== "sante" && input.volet !== "social") {
    errors.push({ code: "volet-inconnu", message: `Volet « ${String(input.volet)} » inconnu : choisissez « santé » (ARS) ou « social » (DREETS).` });
  }
  if (!Number.isSafeInteger(input.envelope) || input.envelope < 0) {
    errors.push({ code: "enveloppe-invalide", message: "L'enveloppe doit être un montant en euros entiers, positif ou nul." });
  }
  if (input.participatingRegions.length === 0) {
    errors.push({ code: "participation-vide", message: "Aucune région participante : cochez au moins une région dont l'ARS ou la DREETS s'est signalée." });
  }

  const seen = new Set<string>();
  const regions: { code: string; name: string; births: number }[] = [];
  for (const code of input.participatingRegions) {
    const region = findRegion(code);
    if (!region) {
      errors.push({ code: "region-inconnue", regionCode: code, message: `Code de région « ${code} » inconnu (code officiel géographique : 18 régions).` });
      continue;
    }
    if (seen.has(code)) {
      errors.push({
        code: "region-en-double",
        regionCode: code,
        message: `La région ${region.nom} (${code}) figure deux fois dans la liste des régions participantes.`,
      });
      continue;
    }
    seen.add(code);
    const births = Object.hasOwn(input.births.byRegion, code) ? input.births.byRegion[code] : undefined;
    if (births === undefined) {
      errors.push({
        code: "naissances-absentes",
        regionCode: code,
        message: `La table des naissances ${input.births.year} ne donne pas de chiffre pour ${region.nom} (${code}) : chargez une table complète.`,
      });
    } else if (!Number.isSafeInteger(births) || births < 0) {
      errors.push({
        code: "naissances-invalides",
        regionCode: code,
        message: `Le nombre de naissances de ${region.nom} (${code}) n'est pas un nombre entier positif.`,
      });
    } else if (births === 0) {
      errors.push({
        code: "naissances-nulles",
        regionCode: code,
        message: `La table des naissances ${input.births.year} indique 0 naissance pour ${region.nom} (${code}) : la part proportionnelle ne peut pas être calculée ; vérifiez la table.`,
      });
    } else {
      regions.push({ code, name: region.nom, births });
    }
  }

  if (rule && (input.volet === "sante" || input.volet === "social") && Number.isSafeInteger(input.envelope) && input.envelope >= 0) {
    const fixedPerRegion = rule.fixedPerRegion[input.volet];
    const count = seen.size;
    const fixedTotal = fixedPerRegion * count;
    if (count > 0 && input.envelope < fixedTotal) {
      errors.push({
        code: "enveloppe-insuffisante",
        message: `L'enveloppe (${formatEuros(input.envelope)}) est inférieure aux parts fixes : ${count} région${count > 1 ? "s" : ""} × ${formatEuros(fixedPerRegion)} = ${formatEuros(fixedTotal)}.`,
      });
    }
  }

  if (errors.length > 0 || !rule) return { ok: false, errors };

  const volet = input.volet;
  const fixedPerRegion = rule.fixedPerRegion[volet];
  const fixedTotal = fixedPerRegion * regions.length;
  const rest = input.envelope - fixedTotal;
  const shares = largestRemainder(
    rest,
    regions.map((r) => ({ key: r.code, weight: r.births })),
  );

  const notices: string[] = [];
  if (input.births.year !== rule.birthsYear) {
    notices.push(
      `La règle ${rule.year} se fonde sur les naissances de ${rule.birthsYear} ; ce calcul utilise la table des naissances ${input.births.year} (${input.births.source}). Chargez la table ${rule.birthsYear} pour appliquer la règle à la lettre.`,
    );
  }

  const allocations: RegionAllocation[] = regions
    .map((r) => {
      const share = shares.get(r.code)!;
      return {
        regionCode: r.code,
        regionName: r.name,
        births: r.births,
        fixed: fixedPerRegion,
        proportional: share.amount,
        total: fixedPerRegion + share.amount,
        roundingEuro: share.bonus,
      };
    })
    .sort((a, b) => compareCodes(a.regionCode, b.regionCode));

  return {
    ok: true,
    allocation: {
      year: rule.year,
      volet,
      funder: rule.funder[volet],
      envelope: input.envelope,
      fixedPerRegion,
      fixedTotal,
      proportionalTotal: rest,
      birthsYear: input.births.year,
      ruleBirthsYear: rule.birthsYear,
      birthsSource: input.births.source,
      birthsTotal: regions.reduce((s, r) => s + r.births, 0),
      roundingEuros: allocations.reduce((s, a) => s + a.roundingEuro, 0),
      regions: allocations,
      notices,
      ruleSource: rule.source,
      roundingRule: ROUNDING_RULE,
    },
  };
}

function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Shares `total` whole euros in proportion to positive integer weights by the largest remainder method,
 * ties by key in ascending order. Exact integer arithmetic (BigInt): no floating-point drift.
 */
export function largestRemainder(total: number, items: readonly { key: string; weight: number }[]): Map<string, { amount: number; bonus: 0 | 1 }> {
  const sumWeights = items.reduce((s, it) => s + BigInt(it.weight), 0n);
  const result = new Map<string, { amount: number; bonus: 0 | 1 }>();
  if (sumWeights === 0n) {
    for (const it of items) result.set(it.key, { amount: 0, bonus: 0 });
    return result;
  }
  const t = BigInt(total);
  const parts = items.map((it) => {
    const product = t * BigInt(it.weight);
    return { key: it.key, floor: product / sumWeights, remainder: product % sumWeights };
  });
  let left = t - parts.reduce((s, p) => s + p.floor, 0n);
  const order = [...parts].sort((a, b) => (a.remainder > b.remainder ? -1 : a.remainder < b.remainder ? 1 : compareCodes(a.key, b.key)));
  const bonus = new Set<string>();
  for (const p of order) {
    if (left <= 0n) break;
    bonus.add(p.key);
    left -= 1n;
  }
  for (const p of parts) {
    const b = bonus.has(p.key) ? 1 : 0;
    result.set(p.key, { amount: Number(p.floor) + b, bonus: b });
  }
  return result;
}
