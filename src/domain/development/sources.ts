/**
 * The official texts behind the development rules. `date` is the date printed in the text (or of its
 * web page); `checked` is the day we read it. What a rule takes from them is quoted next to it, with the page.
 */
export interface DevelopmentSource {
  title: string;
  publisher: string;
  url: string;
  date: string;
  checked: string;
}

export const DEVELOPMENT_SOURCES = {
  /**
   * The grid: « Détecter les signes d’un développement inhabituel chez les enfants de moins de 7 ans »,
   * « DEUXIEME ÉDITION. JANVIER 2024 », Délégation interministérielle à la stratégie nationale pour les
   * troubles du neurodéveloppement (version « à remplir par le médecin »). Read from a copy of the PDF
   * (author « République Française », created 2024-03-04); pages quoted next to each rule.
   */
  grille2024: {
    title: "Détecter les signes d’un développement inhabituel chez les enfants de moins de 7 ans (2e édition)",
    publisher: "Délégation interministérielle à la stratégie nationale pour les troubles du neurodéveloppement (handicap.gouv.fr)",
    url: "https://handicap.gouv.fr/sites/handicap/files/2024-03/Brochure-reperage-precoce-TND-moins-de-7-ans-version-a-remplir.pdf",
    date: "2024-01-01",
    checked: "2026-12-01",
  },
  /** HAS, « Troubles du neurodéveloppement – Repérage et orientation des enfants à risque », février 2020. */
  has2020: {
    title: "Troubles du neurodéveloppement – Repérage et orientation des enfants à risque",
    publisher: "Haute Autorité de santé",
    url: "https://www.has-sante.fr/jcms/p_3161334/fr/troubles-du-neurodeveloppement-reperage-et-orientation-des-enfants-a-risque",
    date: "2020-03-19",
    checked: "2026-12-01",
  },
  /** The PCO list the livret points to (p. 6): « L’adresse de la PCO de votre territoire est consultable ici ». */
  listePco: {
    title: "Adresses et téléphones des plateformes de coordination et d’orientation (PCO)",
    publisher: "Assurance Maladie (ameli.fr)",
    url: "https://www.ameli.fr/content/adresses-et-telephones-plateformes-de-coordination-et-d-orientation-pco",
    date: "2024-03-25",
    checked: "2026-12-01",
  },
  /** « Ce forfait permet aux familles de ne plus payer les consultations des professionnels non conventionnés. » */
  forfaitPco: {
    title: "Plateforme de coordination et d’orientation (PCO)",
    publisher: "Maison de l’autisme (maisondelautisme.gouv.fr)",
    url: "https://maisondelautisme.gouv.fr/fiches-pratiques/plateforme-coordination-et-d-orientation/",
    date: "2023-09-25",
    checked: "2026-12-01",
  },
} as const satisfies Record<string, DevelopmentSource>;

/** Autisme Info Service, « appel gratuit et anonyme » (number as on the Maison de l’autisme site, read 2026-12-01). */
export const AUTISME_INFO_SERVICE = {
  name: "Autisme Info Service",
  phone: "0 800 71 40 40",
  tel: "+33800714040",
  contactUrl: "https://www.autismeinfoservice.fr/contact",
} as const;
