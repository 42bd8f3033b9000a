/**
 * The place types a parent sees on "Autour de moi", and how each source category maps onto them.
 * One reviewed table: a FINESS `categetab` code or an RPPS profession (+ savoir-faire) maps to exactly
 * one type; anything not listed here is not imported.
 *
 * Sources:
 * - FINESS categories: ANS nomenclature TRE_R66 "Catégorie d'établissement" (IG terminologie de santé,
 *   JDV_J55, version of 2026-05), labels as published in that version (docs/data.md « Place types »). Labels of 2021
 *   differ for a few codes (228 was "Centre de planification ou d'éducation familiale", 166
 *   "Établissement d'accueil mère-enfant", 231 "Établissement d'information, de consultation ou de
 *   conseil familial"); the place keeps the label of its own file in `category_label`.
 * - RPPS: ANS TRE_G15 "Profession" (10 médecin, 50 sage-femme, 70 masseur-kinésithérapeute) and
 *   TRE_R38 "Savoir-faire" (SM40 pédiatrie, SM54 médecine générale).
 * - Types with no national open source (CAF, CPAM, mairies, LAEP, relais petite enfance, unités
 *   parents-bébé, SAPPH, échographie, psychiatrie périnatale, maternités) come from the generic
 *   CSV/GeoJSON import (docs/data.md).
 *
 * Maternités are not a FINESS category: they are hospitals or clinics holding a gynaecology-obstetrics
 * authorisation (ANS TRE "ModaliteActivite" 01–05), which is in the FINESS activities flow, not in the
 * establishments extract. Until that flow is imported, hospitals and clinics appear as "hopital"
 * ("maternité possible") and true maternités only through the generic import.
 *
 * Reviewed: 2026-11 against the ANS nomenclatures TRE_R66 (2026-05), TRE_G15 and TRE_R38 (annuaire.sante.fr).
 */

export const placeTypeIds = [
  "maternite",
  "pmi",
  "sage-femme",
  "medecin-generaliste",
  "pediatre",
  "caf",
  "cpam",
  "mairie",
  "centre-vaccination",
  "pharmacie",
  "laboratoire",
  "echographie",
  "kinesitherapeute",
  "cmp",
  "psychiatrie-perinatale",
  "camsp",
  "pco-tnd",
  "cmpp",
  "centre-sante-sexuelle",
  "centre-parents-enfants",
  "maison-naissance",
  "centre-sante",
  "maison-sante",
  "laep",
  "relais-petite-enfance",
  "unite-parents-bebe",
  "sapph",
  "hopital",
  "reseau-perinatalite",
] as const;
export type PlaceTypeId = (typeof placeTypeIds)[number];

export type PlaceSource = "finess" | "rpps" | "generic";

export interface FinessCategory {
  code: string;
  /** TRE_R66 label (2026-05). */
  label: string;
  note?: string;
}

export interface RppsProfession {
  profession: string;
  /** Savoir-faire required (RPPS "Code savoir-faire"); none: the profession alone decides. */
  savoirFaire?: string;
  label: string;
}

export interface PlaceType {
  id: PlaceTypeId;
  /** What a parent reads (French). */
  label: string;
  /** One sentence: what one goes there for. */
  description: string;
  finess: FinessCategory[];
  rpps: RppsProfession[];
  /** Where the places of this type come from, in words, for the data page and the API. */
  sources: string[];
  /** The position is a commune centre, not the address (RPPS). */
  approximateByNature?: boolean;
  note?: string;
}

const GENERIC = "Import CSV/GeoJSON local (docs/data.md) : aucune source nationale ouverte";
const FINESS = "FINESS (établissements sanitaires et sociaux), data.gouv.fr, Licence Ouverte";
const RPPS = "Annuaire Santé (RPPS), ANS, Licence Ouverte — position au centre de la commune";

export const placeTypes: readonly PlaceType[] = [
  {
    id: "maternite",
    label: "Maternité",
    description: "Suivi de grossesse, accouchement et séjour après la naissance.",
    finess: [],
    rpps: [],
    sources: [GENERIC],
    note: "Les maternités ne sont pas une catégorie FINESS (autorisation d'activité de gynécologie-obstétrique) : en attendant l'import du flux des activités FINESS, voir « Hôpital ou clinique ».",
  },
  {
    id: "pmi",
    label: "PMI (protection maternelle et infantile)",
    description: "Consultations gratuites de suivi de grossesse et de l'enfant jusqu'à 6 ans, vaccinations, puéricultrices.",
    finess: [
      { code: "223", label: "Protection Maternelle et Infantile (P.M.I.)" },
      { code: "224", label: "Établissement de consultation pré et post-natale" },
      { code: "230", label: "Établissement de consultation de protection infantile" },
    ],
    rpps: [],
    sources: [FINESS],
  },
  {
    id: "sage-femme",
    label: "Sage-femme",
    description: "Suivi de grossesse, préparation à la naissance, entretien prénatal précoce, suivi après l'accouchement, rééducation du périnée.",
    finess: [],
    rpps: [{ profession: "50", label: "Sage-femme" }],
    sources: [RPPS],
    approximateByNature: true,
  },
  {
    id: "medecin-generaliste",
    label: "Médecin généraliste",
    description: "Médecin traitant de la famille, suivi de grossesse sans complication, suivi de l'enfant.",
    finess: [],
    rpps: [{ profession: "10", savoirFaire: "SM54", label: "Médecin, médecine générale" }],
    sources: [RPPS],
    approximateByNature: true,
  },
  {
    id: "pediatre",
    label: "Pédiatre",
    description: "Médecin de l'enfant : examens obligatoires, vaccinations, conseils.",
    finess: [],
    rpps: [{ profession: "10", savoirFaire: "SM40", label: "Médecin, pédiatrie" }],
    sources: [RPPS],
    approximateByNature: true,
  },
  {
    id: "caf",
    label: "CAF (caisse d'allocations familiales)",
    description: "Prestations familiales, aides à la garde, accompagnement.",
    finess: [],
    rpps: [],
    sources: [GENERIC],
  },
  {
    id: "cpam",
    label: "CPAM (Assurance maladie)",
    description: "Déclaration de grossesse, congé maternité et paternité, remboursements.",
    finess: [],
    rpps: [],
    sources: [GENERIC],
  },
  {
    id: "mairie",
    label: "Mairie",
    description: "Déclaration de naissance (dans les 5 jours), reconnaissance anticipée, livret de famille.",
    finess: [],
    rpps: [],
    sources: [GENERIC],
  },
  {
    id: "centre-vaccination",
    label: "Centre de vaccination",
    description: "Vaccinations gratuites, pour l'enfant comme pour les parents.",
    finess: [
      { code: "645", label: "Centre de vaccination" },
      { code: "143", label: "Centre de vaccination BCG" },
    ],
    rpps: [],
    sources: [FINESS],
  },
  {
    id: "pharmacie",
    label: "Pharmacie",
    description: "Médicaments, lait infantile, conseils, tire-lait en location.",
    finess: [{ code: "620", label: "Pharmacie d'officine" }],
    rpps: [],
    sources: [FINESS],
  },
  {
    id: "laboratoire",
    label: "Laboratoire d'analyses",
    description: "Prises de sang et analyses prescrites pendant la grossesse.",
    finess: [{ code: "611", label: "Laboratoire de biologie médicale (LBM)" }],
    rpps: [],
    sources: [FINESS],
  },
  {
    id: "echographie",
    label: "Échographie",
    description: "Échographies de grossesse (cabinet de radiologie ou sage-femme échographiste).",
    finess: [],
    rpps: [],
    sources: [GENERIC],
  },
  {
    id: "kinesitherapeute",
    label: "Kinésithérapeute",
    description: "Rééducation après l'accouchement, kinésithérapie respiratoire du nourrisson.",
    finess: [],
    rpps: [{ profession: "70", label: "Masseur-kinésithérapeute" }],
    sources: [RPPS],
    approximateByNature: true,
  },
  {
    id: "cmp",
    label: "CMP (centre médico-psychologique)",
    description: "Consultations gratuites de psychiatrie et de psychologie, adultes ou enfants.",
    finess: [{ code: "156", label: "Centre médico-psychologique (C.M.P.)" }],
    rpps: [],
    sources: [FINESS],
  },
  {
    id: "psychiatrie-perinatale",
    label: "Psychiatrie périnatale",
    description: "Équipe spécialisée pour la santé mentale pendant la grossesse et après la naissance.",
    finess: [],
    rpps: [],
    sources: [GENERIC],
  },
  {
    id: "camsp",
    label: "CAMSP (action médico-sociale précoce)",
    description: "Dépistage et accompagnement des enfants de 0 à 6 ans qui ont un handicap ou un retard de développement.",
    finess: [{ code: "190", label: "Centre d'action médico-sociale précoce (C.A.M.S.P.)" }],
    rpps: [],
    sources: [FINESS],
  },
  {
    // The official list is an address page on ameli.fr (livret TND 2024 p. 6), not an open data file: the
    // places come from the generic import (docs/data.md « PCO TND »). ROR nomenclature TRE_R244 code 84.
    id: "pco-tnd",
    label: "Plateforme de coordination et d'orientation (PCO TND)",
    description: "Sur orientation d'un médecin, bilans et premières interventions pour un enfant dont le développement inquiète, sans frais pour la famille.",
    finess: [],
    rpps: [],
    sources: [GENERIC],
  },
  {
    id: "cmpp",
    label: "CMPP (centre médico-psycho-pédagogique)",
    description: "Consultations et soins pour les enfants en difficulté psychologique ou d'apprentissage.",
    finess: [{ code: "189", label: "Centre médico-psycho-pédagogique (C.M.P.P.)" }],
    rpps: [],
    sources: [FINESS],
  },
  {
    id: "centre-sante-sexuelle",
    label: "Centre de santé sexuelle",
    description: "Contraception, IVG, dépistages, conseil conjugal et familial (anciens centres de planification).",
    finess: [
      { code: "228", label: "Centre de santé sexuelle (ex-centre de planification ou d'éducation familiale)" },
      { code: "231", label: "Espace vie affective, relationnelle et sexuelle (EVARS, ex-EICCF)" },
    ],
    rpps: [],
    sources: [FINESS],
  },
  {
    id: "centre-parents-enfants",
    label: "Centre parents-enfants",
    description: "Hébergement et accompagnement de parents avec un enfant de moins de 3 ans.",
    finess: [
      { code: "166", label: "Centre parents-enfants de moins de 3 ans (ex-établissement d'accueil mère-enfant)" },
      {
        code: "172",
        label: "Pouponnière à caractère social",
        note: "Accueil d'enfants de moins de 3 ans confiés à l'aide sociale à l'enfance : ce n'est pas un lieu où un parent se rend de lui-même ; la fiche garde ce libellé.",
      },
    ],
    rpps: [],
    sources: [FINESS],
  },
  {
    id: "maison-naissance",
    label: "Maison de naissance",
    description: "Suivi et accouchement physiologique par des sages-femmes, à côté d'une maternité partenaire.",
    finess: [{ code: "631", label: "Maison de naissance" }],
    rpps: [],
    sources: [FINESS],
  },
  {
    id: "centre-sante",
    label: "Centre de santé",
    description: "Médecins, sages-femmes et autres soignants salariés, souvent sans dépassement d'honoraires.",
    finess: [{ code: "124", label: "Centre de santé" }],
    rpps: [],
    sources: [FINESS],
  },
  {
    id: "maison-sante",
    label: "Maison de santé",
    description: "Médecins, sages-femmes, infirmiers et autres soignants libéraux regroupés.",
    finess: [{ code: "603", label: "Maison de santé (L.6223-3)" }],
    rpps: [],
    sources: [FINESS],
  },
  {
    id: "laep",
    label: "LAEP (lieu d'accueil enfants-parents)",
    description: "Lieu gratuit et anonyme pour jouer et échanger avec d'autres parents, sans rendez-vous.",
    finess: [],
    rpps: [],
    sources: [GENERIC],
  },
  {
    id: "relais-petite-enfance",
    label: "Relais petite enfance",
    description: "Information sur les modes d'accueil, mise en relation avec les assistantes maternelles.",
    finess: [],
    rpps: [],
    sources: [GENERIC],
  },
  {
    id: "unite-parents-bebe",
    label: "Unité parents-bébé",
    description: "Soins en psychiatrie périnatale où le parent est hospitalisé avec son bébé.",
    finess: [],
    rpps: [],
    sources: [GENERIC],
  },
  {
    id: "sapph",
    label: "SAPPH (parentalité et handicap)",
    description: "Accompagnement à la périnatalité et à la parentalité des personnes en situation de handicap.",
    finess: [],
    rpps: [],
    sources: [GENERIC],
  },
  {
    id: "hopital",
    label: "Hôpital ou clinique (maternité possible)",
    description: "Établissement de soins ; beaucoup ont une maternité et des urgences pédiatriques, vérifiez avant de vous déplacer.",
    finess: [
      { code: "101", label: "Centre hospitalier régional (C.H.R.)" },
      { code: "355", label: "Centre hospitalier (C.H.)" },
      { code: "106", label: "Centre hospitalier, ex-hôpital local" },
      { code: "122", label: "Établissement de soins obstétriques chirurgico-gynécologiques" },
      { code: "128", label: "Établissement de soins chirurgicaux" },
      { code: "129", label: "Établissement de soins médicaux" },
      { code: "365", label: "Établissement de soins pluridisciplinaire" },
    ],
    rpps: [],
    sources: [FINESS],
    note: "FINESS ne dit pas quels établissements ont une maternité (voir « Maternité »).",
  },
  {
    id: "reseau-perinatalite",
    label: "Réseau de périnatalité",
    description: "Coordination régionale des maternités et des professionnels de la naissance ; informe les parents sur l'offre locale.",
    finess: [{ code: "650", label: "Dispositifs spécifiques régionaux en périnatalité" }],
    rpps: [],
    sources: [FINESS],
  },
];

const byId = new Map(placeTypes.map((t) => [t.id, t]));
const byFinessCategory = new Map(placeTypes.flatMap((t) => t.finess.map((c) => [c.code, t.id] as const)));

export function isPlaceTypeId(id: string): id is PlaceTypeId {
  return byId.has(id as PlaceTypeId);
}

export function placeType(id: PlaceTypeId): PlaceType {
  return byId.get(id)!;
}

/** The type of a FINESS establishment from its `categetab`; `null` when out of scope. */
export function placeTypeOfFinessCategory(categetab: string): PlaceTypeId | null {
  return byFinessCategory.get(categetab.trim()) ?? null;
}

const rppsRules = placeTypes.flatMap((t) => t.rpps.map((rule) => ({ ...rule, type: t.id })));
/** When a doctor carries several savoir-faire, the first of this list that matches decides. */
const savoirFairePriority = ["SM40", "SM54"];

/**
 * The type of an RPPS activity from the profession code and the savoir-faire codes of the person
 * (one person may carry several): paediatrics wins over general medicine; a doctor with neither
 * is out of scope.
 */
export function placeTypeOfRpps(profession: string, savoirFaire: readonly string[]): PlaceTypeId | null {
  const rules = rppsRules.filter((r) => r.profession === profession.trim());
  const specialised = rules
    .filter((r) => r.savoirFaire && savoirFaire.includes(r.savoirFaire))
    .sort((a, b) => savoirFairePriority.indexOf(a.savoirFaire!) - savoirFairePriority.indexOf(b.savoirFaire!));
  return specialised[0]?.type ?? rules.find((r) => !r.savoirFaire)?.type ?? null;
}

/** Every FINESS category code imported (the shipped extract keeps these only). */
export const importedFinessCategories: readonly string[] = [...byFinessCategory.keys()];
