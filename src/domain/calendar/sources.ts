import type { RuleSource } from "./types.js";

/**
 * Where each rule of the calendar comes from. `date` is the date of the text when the page gives
 * one, otherwise the day it was checked (2026-11-22, the reference facts' collection day).
 * Secondary pages used to settle a point are named in a comment next to the rule that uses them.
 */
const CHECKED = "2026-11-22";

export const SOURCES = {
  examensPrenataux: {
    title: "Grossesse : examens médicaux",
    publisher: "Service-Public.fr (DILA)",
    url: "https://www.service-public.fr/particuliers/vosdroits/F963",
    date: "2024-08-14",
    reference: "Code de la santé publique, art. R2122-1 (7 examens prénataux obligatoires)",
  },
  echographies: {
    title: "Combien d'échographies pendant la grossesse ?",
    publisher: "echographiegrossesse.fr (d'après la Haute Autorité de santé)",
    url: "https://echographiegrossesse.fr/echographie-combien-fois",
    date: CHECKED,
  },
  declarationGrossesse: {
    title: "Grossesse : démarches et accompagnement",
    publisher: "Assurance Maladie (ameli.fr)",
    url: "https://www.ameli.fr/assure/droits-demarches/famille/maternite-paternite-adoption/grossesse",
    date: CHECKED,
  },
  // L2122-1 read on Légifrance (version of 1 May 2020, LEGIARTI000041398008) and in its version of
  // 1 July 2022 (LEGIARTI000044628790, via doctrine.fr and the text of LFSS 2022 art. 86), 2026-12-01:
  // « L'entretien prénatal précoce obligatoire est réalisé par un médecin ou une sage-femme dès lors que
  // la déclaration de grossesse a été effectuée » ; « Un entretien postnatal précoce obligatoire est
  // réalisé [...] entre les quatrième et huitième semaines qui suivent l'accouchement ».
  entretienPrenatal: {
    title: "Code de la santé publique, article L2122-1",
    publisher: "Légifrance",
    url: "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000044628790",
    date: "2022-07-01",
    reference: "Code de la santé publique, art. L2122-1 (loi 2019-1446, art. 62 : entretien prénatal précoce obligatoire depuis le 1er mai 2020)",
  },
  entretienPostnatal: {
    title: "Code de la santé publique, article L2122-1",
    publisher: "Légifrance",
    url: "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000044628790",
    date: "2022-07-01",
    reference:
      "Code de la santé publique, art. L2122-1 (loi 2021-1754, art. 86 : entretien postnatal précoce obligatoire entre la 4e et la 8e semaine, depuis le 1er juillet 2022)",
  },
  diabeteGestationnel: {
    title: "Diabète gestationnel : dépistage ciblé",
    publisher: "Réseau de santé périnatale d'Auvergne (auvergne-perinat.org)",
    url: "https://auvergne-perinat.org/?p=3249",
    date: CHECKED,
    reference: "Recommandations CNGOF/SFD 2010",
  },
  vrs: {
    title: "Abrysvo est désormais disponible",
    publisher: "pharmaciens13.info (d'après la Haute Autorité de santé)",
    url: "https://pharmaciens13.info/2024/10/abrysvo-est-desormais-disponible",
    date: CHECKED,
  },
  reconnaissance: {
    title: "Reconnaissance d'un enfant",
    publisher: "Service-Public.fr (DILA)",
    url: "https://www.service-public.fr/particuliers/vosdroits/F887",
    date: CHECKED,
  },
  primeNaissance: {
    title: "Prime à la naissance",
    publisher: "4S Prévention (4s-prevention.com)",
    url: "https://4s-prevention.com/prime-a-la-naissance/",
    date: CHECKED,
    reference: "Versée au cours du 7e mois de grossesse depuis le 1er avril 2021 (voir aussi service-public.fr F2550)",
  },
  congeMaternite: {
    title: "Congé de maternité d'une salariée du secteur privé",
    publisher: "Service-Public.fr (DILA)",
    url: "https://www.service-public.fr/particuliers/vosdroits/F2265",
    date: CHECKED,
    reference: "Code du travail, art. L1225-17 à L1225-21",
  },
  congeNaissance3Jours: {
    title: "Naissance de l'enfant alors que le salarié a pris des congés",
    publisher: "ADP (fr.adp.com)",
    url: "https://fr.adp.com/ressources/documentations/articles/q/naissance-enfant-intervient-alors-que-le-salarie-a-pris-des-conges.aspx",
    date: CHECKED,
    reference: "Code du travail, art. L3142-4 (3 jours ouvrables) et L1225-35-1 (7 jours sans travail) ; fiche ADP de septembre 2024",
  },
  congePaternite: {
    title: "Congé de paternité et d'accueil de l'enfant d'un salarié du secteur privé",
    publisher: "Service-Public.fr (DILA)",
    url: "https://www.service-public.fr/particuliers/vosdroits/F3156",
    date: CHECKED,
    reference: "Code du travail, art. L1225-35 et D1225-8 (25 jours, 32 pour des naissances multiples, dans les 6 mois)",
  },
  congeNaissance2026: {
    title: "Congé supplémentaire de naissance d'un salarié du secteur privé",
    publisher: "Service-Public.fr (DILA)",
    url: "https://www.service-public.gouv.fr/particuliers/vosdroits/F39685",
    date: "2026-06-01",
    reference: "Loi 2025-1403 du 30 décembre 2025 (LFSS 2026), art. 99 ; Code du travail, art. L1225-46-2 ; Code de la sécurité sociale, art. L331-8-1",
  },
  declarationNaissance: {
    title: "Déclaration de naissance",
    publisher: "Service-Public.fr (DILA)",
    url: "https://www.service-public.fr/particuliers/vosdroits/F961",
    date: CHECKED,
    reference: "Code civil, art. 55",
  },
  suiviPostnatal: {
    title: "Après l'accouchement : le retour à la maison",
    publisher: "Assurance Maladie (ameli.fr)",
    url: "https://www.ameli.fr/assure/sante/devenir-parent/accouchement-et-nouveau-ne/suivi-domicile",
    date: CHECKED,
  },
  perinee: {
    title: "Le parcours post-partum",
    publisher: "ARS Bretagne",
    url: "https://bretagne.ars.sante.fr/index.php/le-parcours-post-partum",
    date: CHECKED,
  },
  examensEnfant: {
    title: "Visites médicales de l'enfant : examens obligatoires",
    publisher: "Service-Public.fr (DILA)",
    url: "https://www.service-public.fr/particuliers/vosdroits/F967",
    date: CHECKED,
    reference: "Code de la santé publique, art. R2132-1 et R2132-2 ; arrêté du 26 février 2019 modifié (calendrier en vigueur au 1er janvier 2025)",
  },
  vaccins2025: {
    title: "Vaccination obligatoire pour les infections à méningocoques",
    publisher: "Viva Magazine",
    url: "https://www.vivamagazine.fr/vaccination-obligatoire-pour-les-infections-a-meningocoques/",
    date: CHECKED,
    reference: "Obligation étendue aux méningocoques A, B, C, W, Y pour les enfants nés à partir du 1er janvier 2025",
  },
  vaccins2018: {
    title: "Vaccination des nourrissons et des enfants",
    publisher: "OMéDIT Nouvelle-Aquitaine Guadeloupe",
    url: "https://www.omedit-nag.fr/vaccination/nourrissons-et-enfants",
    date: "2024-08-08",
    reference: "Code de la santé publique, art. L3111-2 (11 vaccinations obligatoires pour les enfants nés à partir du 1er janvier 2018)",
  },
  meningocoqueB2022: {
    title: "Méningocoque B : le vaccin Bexsero désormais remboursé pour tous les nourrissons de 2 mois à 2 ans",
    publisher: "Egora",
    url: "https://www.egora.fr/actus-pro/sante-publique/73662-meningocoque-b-le-vaccin-bexsero-desormais-rembourse-pour-tous-les",
    date: "2022-05-04",
    reference: "Calendrier des vaccinations 2022, publié le 25 avril 2022",
  },
  rotavirus: {
    title: "Gastro-entérite à rotavirus",
    publisher: "Santé publique France (vaccination-info-service.fr)",
    url: "https://vaccination-info-service.fr/index.php/Les-maladies-et-leurs-vaccins/Gastro-enterite-a-rotavirus",
    date: CHECKED,
    reference: "Recommandation de la Haute Autorité de santé publiée le 12 juillet 2022",
  },
  bcg: {
    title: "Tuberculose (BCG)",
    publisher: "Santé publique France (vaccination-info-service.fr)",
    url: "https://vaccination-info-service.fr/index.php/Les-maladies-et-leurs-vaccins/Tuberculose-BCG",
    date: CHECKED,
  },
} as const satisfies Record<string, RuleSource>;
