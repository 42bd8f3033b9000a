import type { MessageDescriptor } from "@lingui/core";
import { msg } from "@lingui/core/macro";
import { i18n } from "@lingui/core";
import { isPlaceTypeId, type PlaceTypeId } from "../../../domain/geo/place-types.js";

/**
 * The place types in the interface's language. The domain (src/domain/geo/place-types.ts, place-fallbacks.ts) keeps
 * its French words for the server, the API and the data page; the browser shows these messages instead, one per type
 * id, whose French is the domain's own text (checked by place-type-text.test.ts against the French catalogue).
 */
export interface PlaceTypeText {
  label: MessageDescriptor;
  /** What one goes there for. */
  description: MessageDescriptor;
  /** A limit of the data, on the sources page. */
  note?: MessageDescriptor;
  /** The words of the link to the official directory that lists the places of this type (when there is one). */
  directory?: MessageDescriptor;
}

export const placeTypeTexts: Readonly<Record<PlaceTypeId, PlaceTypeText>> = {
  maternite: {
    label: msg`Maternité`,
    description: msg`Suivi de grossesse, accouchement et séjour après la naissance.`,
    note: msg`Les maternités ne sont pas une catégorie FINESS (autorisation d'activité de gynécologie-obstétrique) : en attendant l'import du flux des activités FINESS, voir « Hôpital ou clinique ».`,
  },
  pmi: {
    label: msg`PMI (protection maternelle et infantile)`,
    description: msg`Consultations gratuites de suivi de grossesse et de l'enfant jusqu'à 6 ans, vaccinations, puéricultrices.`,
  },
  "sage-femme": {
    label: msg`Sage-femme`,
    description: msg`Suivi de grossesse, préparation à la naissance, entretien prénatal précoce, suivi après l'accouchement, rééducation du périnée.`,
    directory: msg`Sages-femmes : l'annuaire santé de l'Assurance maladie (ameli.fr)`,
  },
  "medecin-generaliste": {
    label: msg`Médecin généraliste`,
    description: msg`Médecin traitant de la famille, suivi de grossesse sans complication, suivi de l'enfant.`,
    directory: msg`Médecins généralistes : l'annuaire santé de l'Assurance maladie (ameli.fr)`,
  },
  pediatre: {
    label: msg`Pédiatre`,
    description: msg`Médecin de l'enfant : examens obligatoires, vaccinations, conseils.`,
    directory: msg`Pédiatres : l'annuaire santé de l'Assurance maladie (ameli.fr)`,
  },
  caf: {
    label: msg`CAF (caisse d'allocations familiales)`,
    description: msg`Prestations familiales, aides à la garde, accompagnement.`,
    directory: msg`CAF : l'annuaire de l'administration (service-public.fr)`,
  },
  cpam: {
    label: msg`CPAM (Assurance maladie)`,
    description: msg`Déclaration de grossesse, congé maternité et paternité, remboursements.`,
    directory: msg`CPAM : l'annuaire de l'administration (service-public.fr)`,
  },
  mairie: {
    label: msg`Mairie`,
    description: msg`Déclaration de naissance (dans les 5 jours), reconnaissance anticipée, livret de famille.`,
    directory: msg`Mairies : l'annuaire de l'administration (service-public.fr)`,
  },
  "centre-vaccination": {
    label: msg`Centre de vaccination`,
    description: msg`Vaccinations gratuites, pour l'enfant comme pour les parents.`,
  },
  pharmacie: {
    label: msg`Pharmacie`,
    description: msg`Médicaments, lait infantile, conseils, tire-lait en location.`,
  },
  laboratoire: {
    label: msg`Laboratoire d'analyses`,
    description: msg`Prises de sang et analyses prescrites pendant la grossesse.`,
  },
  echographie: {
    label: msg`Échographie`,
    description: msg`Échographies de grossesse (cabinet de radiologie ou sage-femme échographiste).`,
    directory: msg`Échographies (radiologues, sages-femmes échographistes) : l'annuaire santé de l'Assurance maladie (ameli.fr)`,
  },
  kinesitherapeute: {
    label: msg`Kinésithérapeute`,
    description: msg`Rééducation après l'accouchement, kinésithérapie respiratoire du nourrisson.`,
    directory: msg`Masseurs-kinésithérapeutes : l'annuaire santé de l'Assurance maladie (ameli.fr)`,
  },
  cmp: {
    label: msg`CMP (centre médico-psychologique)`,
    description: msg`Consultations gratuites de psychiatrie et de psychologie, adultes ou enfants.`,
  },
  "psychiatrie-perinatale": {
    label: msg`Psychiatrie périnatale`,
    description: msg`Équipe spécialisée pour la santé mentale pendant la grossesse et après la naissance.`,
  },
  camsp: {
    label: msg`CAMSP (action médico-sociale précoce)`,
    description: msg`Dépistage et accompagnement des enfants de 0 à 6 ans qui ont un handicap ou un retard de développement.`,
  },
  "pco-tnd": {
    label: msg`Plateforme de coordination et d'orientation (PCO TND)`,
    description: msg`Sur orientation d'un médecin, bilans et premières interventions pour un enfant dont le développement inquiète, sans frais pour la famille.`,
    directory: msg`PCO TND : adresses et téléphones par département (ameli.fr)`,
  },
  cmpp: {
    label: msg`CMPP (centre médico-psycho-pédagogique)`,
    description: msg`Consultations et soins pour les enfants en difficulté psychologique ou d'apprentissage.`,
  },
  "centre-sante-sexuelle": {
    label: msg`Centre de santé sexuelle`,
    description: msg`Contraception, IVG, dépistages, conseil conjugal et familial (anciens centres de planification).`,
  },
  "centre-parents-enfants": {
    label: msg`Centre parents-enfants`,
    description: msg`Hébergement et accompagnement de parents avec un enfant de moins de 3 ans.`,
  },
  "maison-naissance": {
    label: msg`Maison de naissance`,
    description: msg`Suivi et accouchement physiologique par des sages-femmes, à côté d'une maternité partenaire.`,
  },
  "centre-sante": {
    label: msg`Centre de santé`,
    description: msg`Médecins, sages-femmes et autres soignants salariés, souvent sans dépassement d'honoraires.`,
  },
  "maison-sante": {
    label: msg`Maison de santé`,
    description: msg`Médecins, sages-femmes, infirmiers et autres soignants libéraux regroupés.`,
  },
  laep: {
    label: msg`LAEP (lieu d'accueil enfants-parents)`,
    description: msg`Lieu gratuit et anonyme pour jouer et échanger avec d'autres parents, sans rendez-vous.`,
    directory: msg`Lieux d'accueil enfants-parents : monenfant.fr (Caisse nationale des allocations familiales)`,
  },
  "relais-petite-enfance": {
    label: msg`Relais petite enfance`,
    description: msg`Information sur les modes d'accueil, mise en relation avec les assistantes maternelles.`,
    directory: msg`Relais petite enfance : monenfant.fr (Caisse nationale des allocations familiales)`,
  },
  "unite-parents-bebe": {
    label: msg`Unité parents-bébé`,
    description: msg`Soins en psychiatrie périnatale où le parent est hospitalisé avec son bébé.`,
  },
  sapph: {
    label: msg`SAPPH (parentalité et handicap)`,
    description: msg`Accompagnement à la périnatalité et à la parentalité des personnes en situation de handicap.`,
  },
  hopital: {
    label: msg`Hôpital ou clinique (maternité possible)`,
    description: msg`Établissement de soins ; beaucoup ont une maternité et des urgences pédiatriques, vérifiez avant de vous déplacer.`,
    note: msg`FINESS ne dit pas quels établissements ont une maternité (voir « Maternité »).`,
  },
  "reseau-perinatalite": {
    label: msg`Réseau de périnatalité`,
    description: msg`Coordination régionale des maternités et des professionnels de la naissance ; informe les parents sur l'offre locale.`,
  },
};

/** The type's text, or none for an id this version of the app does not know (a newer server). */
export function placeTypeText(id: string): PlaceTypeText | undefined {
  return isPlaceTypeId(id) ? placeTypeTexts[id] : undefined;
}

/** The type's name in the active language; `fallback` (the server's French label) for a type this app does not know. */
export function placeTypeLabel(id: string, fallback: string): string {
  const text = placeTypeText(id);
  return text ? i18n._(text.label) : fallback;
}
