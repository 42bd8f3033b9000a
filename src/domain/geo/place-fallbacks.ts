import type { PlaceTypeId } from "./place-types.js";

/**
 * What to offer when a place type has no data in this deployment (its count in the index is 0): nearby
 * places of another type that does the same job, and the official directory that lists them all.
 * Whether a type has data is never decided here: it comes from the index (`GET /api/v1/place-types`).
 *
 * Directories (addresses checked 2026-12 in public pages and code that link to them):
 * - « L'annuaire de l'administration » of service-public (DILA, arrêté du 6 novembre 2000): mairies,
 *   CAF, CPAM, by type at `lannuaire.service-public.fr/navigation/<type>` (`mairie`, `cpam` seen in use;
 *   `caf` follows the same DILA type code).
 * - « Annuaire santé » of the Assurance maladie (annuairesante.ameli.fr): every health professional in
 *   private practice, by profession (sages-femmes, médecins, pédiatres, kinésithérapeutes, radiologues for
 *   ultrasound scans).
 * - monenfant.fr (CNAF): relais petite enfance and lieux d'accueil enfants-parents.
 * - ameli.fr's page of the PCO TND addresses, the one the government's TND livret (janvier 2024, p. 6) points to.
 */
export interface OfficialDirectory {
  /** What the link says (French). */
  label: string;
  url: string;
}

export interface PlaceTypeFallback {
  /** Types doing the same job, offered instead when they have data (in this order). */
  alternatives: PlaceTypeId[];
  directory: OfficialDirectory | null;
}

const annuaireAdministration = (type: string, what: string): OfficialDirectory => ({
  label: `${what} : l'annuaire de l'administration (service-public.fr)`,
  url: `https://lannuaire.service-public.fr/navigation/${type}`,
});
const annuaireSante = (what: string): OfficialDirectory => ({
  label: `${what} : l'annuaire santé de l'Assurance maladie (ameli.fr)`,
  url: "https://annuairesante.ameli.fr/",
});
const monEnfant = (what: string): OfficialDirectory => ({
  label: `${what} : monenfant.fr (Caisse nationale des allocations familiales)`,
  url: "https://monenfant.fr/",
});

export const placeTypeFallbacks: Readonly<Record<PlaceTypeId, PlaceTypeFallback>> = {
  maternite: { alternatives: ["hopital"], directory: null },
  pmi: { alternatives: [], directory: null },
  "sage-femme": { alternatives: ["pmi"], directory: annuaireSante("Sages-femmes") },
  "medecin-generaliste": { alternatives: ["centre-sante", "maison-sante"], directory: annuaireSante("Médecins généralistes") },
  pediatre: { alternatives: ["pmi"], directory: annuaireSante("Pédiatres") },
  caf: { alternatives: [], directory: annuaireAdministration("caf", "CAF") },
  cpam: { alternatives: [], directory: annuaireAdministration("cpam", "CPAM") },
  mairie: { alternatives: [], directory: annuaireAdministration("mairie", "Mairies") },
  "centre-vaccination": { alternatives: ["pmi"], directory: null },
  pharmacie: { alternatives: [], directory: null },
  laboratoire: { alternatives: [], directory: null },
  echographie: { alternatives: [], directory: annuaireSante("Échographies (radiologues, sages-femmes échographistes)") },
  kinesitherapeute: { alternatives: [], directory: annuaireSante("Masseurs-kinésithérapeutes") },
  cmp: { alternatives: [], directory: null },
  "psychiatrie-perinatale": { alternatives: ["cmp"], directory: null },
  camsp: { alternatives: [], directory: null },
  // The official list (livret TND 2024, p. 6); no open data file: docs/data.md « PCO TND ».
  "pco-tnd": {
    alternatives: [],
    directory: {
      label: "PCO TND : adresses et téléphones par département (ameli.fr)",
      url: "https://www.ameli.fr/content/adresses-et-telephones-plateformes-de-coordination-et-d-orientation-pco",
    },
  },
  cmpp: { alternatives: [], directory: null },
  "centre-sante-sexuelle": { alternatives: ["pmi"], directory: null },
  "centre-parents-enfants": { alternatives: [], directory: null },
  "maison-naissance": { alternatives: [], directory: null },
  "centre-sante": { alternatives: ["maison-sante"], directory: null },
  "maison-sante": { alternatives: ["centre-sante"], directory: null },
  laep: { alternatives: [], directory: monEnfant("Lieux d'accueil enfants-parents") },
  "relais-petite-enfance": { alternatives: [], directory: monEnfant("Relais petite enfance") },
  "unite-parents-bebe": { alternatives: ["cmp"], directory: null },
  sapph: { alternatives: ["pmi"], directory: null },
  hopital: { alternatives: [], directory: null },
  "reseau-perinatalite": { alternatives: ["pmi"], directory: null },
};

export interface MissingPlaceType {
  type: PlaceTypeId;
  /** Alternatives that have data and are searched instead. */
  offered: PlaceTypeId[];
  directory: OfficialDirectory | null;
}

export interface NearbyPlan {
  /** The types to search: the requested ones that have data, then the alternatives of those that have none. */
  search: PlaceTypeId[];
  /** The requested types with no data, with what is offered instead. */
  missing: MissingPlaceType[];
}

/**
 * Splits the types a page asks for into those the index has places of and those it has none of, so that a
 * parent is never sent to an empty search (« Aucun lieu à moins de 100 km » reads as if there were no town
 * hall): the second are said plainly, with their alternatives and the official directory that lists them.
 * `counts` is the number of places of each type in the index (types absent count 0).
 */
export function planNearbySearch(requested: readonly PlaceTypeId[], counts: Readonly<Record<string, number>>): NearbyPlan {
  const has = (t: PlaceTypeId) => (counts[t] ?? 0) > 0;
  const search = requested.filter(has);
  const missing: MissingPlaceType[] = [];
  for (const type of requested) {
    if (has(type)) continue;
    const fallback = placeTypeFallbacks[type];
    const offered = fallback.alternatives.filter(has);
    for (const alt of offered) if (!search.includes(alt)) search.push(alt);
    missing.push({ type, offered, directory: fallback.directory });
  }
  return { search: [...new Set(search)], missing };
}
