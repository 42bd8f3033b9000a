import type { RuleSource } from "../calendar/types.js";

/**
 * Themes of the entretien prénatal précoce (EPP) and of the entretien postnatal précoce (EPNP), as the
 * official recommendations ask to cover them, for the professionals' guide (`/professionnels/entretiens`).
 * A theme is a prompt for a conversation, never a label put on the family.
 */
export type InterviewKind = "epp" | "epnp";

export interface InterviewTheme {
  id: string;
  title: string;
  /** What to explore, in plain words (the professional's reminder). */
  hint: string;
  /**
   * Never written on what the parent takes home (printed or on the phone): a partner who reads « violences »
   * there could put her in danger. The professional keeps it in their own file.
   */
  private?: boolean;
}

export interface InterviewGuide {
  kind: InterviewKind;
  title: string;
  /** When and by whom, as the law says it. */
  when: string;
  themes: InterviewTheme[];
  sources: RuleSource[];
  /** What could not be read from the primary source, said plainly. */
  sourceNote?: string;
}

/** The 2020 version (EPP) read on Légifrance; the EPNP paragraph was added by loi 2021-1754 art. 86, in force 1 July 2022. */
const CSP_L2122_1: RuleSource = {
  title: "Code de la santé publique, article L2122-1 (entretien prénatal précoce ; entretien postnatal précoce ajouté au 1er juillet 2022)",
  publisher: "Légifrance",
  url: "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000041398008/",
  date: "2020-05-01",
  reference: "CSP L2122-1 (loi 2019-1446 art. 62 ; loi 2021-1754 art. 86)",
};

export const EPP_GUIDE: InterviewGuide = {
  kind: "epp",
  title: "Entretien prénatal précoce",
  when: "Obligatoirement proposé dès la déclaration de grossesse, en pratique dès le 4e mois ; réalisé par une sage-femme ou un médecin, seule ou en couple, 45 minutes à 1 heure.",
  themes: [
    { id: "sante", title: "La santé globale", hint: "Comment la personne se sent, physiquement et moralement ; ses antécédents qui comptent pour elle." },
    {
      id: "suivi",
      title: "Le suivi de grossesse et le projet de naissance",
      hint: "Où en est le suivi, qui suit la grossesse, ce que la personne souhaite pour la naissance.",
    },
    {
      id: "informations",
      title: "Les questions et les besoins d'information",
      hint: "Ce qui inquiète ou reste flou ; ce que la personne veut savoir, dans sa langue si besoin.",
    },
    {
      id: "parentalite",
      title: "Devenir parent",
      hint: "Ce que les parents souhaitent apprendre ; les séances de préparation à la naissance et à la parentalité proposées.",
    },
    { id: "entourage", title: "L'entourage et le couple", hint: "Qui peut aider au quotidien ; l'isolement ; le co-parent et sa place." },
    { id: "conditions", title: "Les conditions de vie", hint: "Logement, ressources, travail, droits ouverts (CAF, assurance maladie)." },
    { id: "psychique", title: "La santé psychique", hint: "Stress, tristesse, sommeil, antécédents de dépression ; ce qui a aidé par le passé." },
    { id: "addictions", title: "Tabac, alcool et autres produits", hint: "Consommations et envie d'aide pour les réduire ou arrêter." },
    { id: "violences", title: "Les violences", hint: "Question posée à toutes, de façon systématique et répétée, en entretien individuel.", private: true },
    {
      id: "apres-naissance",
      title: "Préparer l'après-naissance",
      hint: "Retour à la maison, alimentation du bébé et allaitement, fatigue, entretien postnatal précoce à venir.",
    },
    {
      id: "orientation",
      title: "Les professionnels et lieux proches",
      hint: "L'offre locale (PMI, maternité, sage-femme, lieux d'accueil) et, avec l'accord de la personne, la transmission d'informations utiles.",
    },
  ],
  sources: [
    {
      title: "Préparation à la naissance et à la parentalité (PNP) — §4 Entretien précoce individuel ou en couple, annexe 2 (exemple de guide d'entretien)",
      publisher: "Haute Autorité de santé (copie lue sur Scribd)",
      url: "https://fr.scribd.com/document/368422487/Preparation-a-La-Naissance-Et-a-La-Parentalite",
      date: "2005-11-01",
    },
    {
      title: "L'entretien prénatal précoce, un accompagnement désormais obligatoire pour les futurs parents",
      publisher: "Assurance maladie (ameli.fr)",
      url: "https://www.ameli.fr/sage-femme/actualites/lentretien-prenatal-precoce-un-accompagnement-desormais-obligatoire-pour-les-futurs-parents",
      date: "2020-09-01",
    },
    {
      title:
        "Accompagnement médico-psycho-social des femmes, des parents et de leur enfant, en situation de vulnérabilité, pendant la grossesse et en postnatal",
      publisher: "Haute Autorité de santé (compte rendu d'Infirmiers.com)",
      url: "https://static3.infirmiers.com/ipa-specialites/ipde/les-recommandations-de-la-has-pour-accompagner-la-grossesse-des-femmes-en-situation-de-vulnerabilite",
      date: "2024-02-09",
    },
    CSP_L2122_1,
  ],
  sourceNote:
    "Thèmes repris de la liste d'ameli.fr (1er septembre 2020) et du sommaire de la recommandation HAS de 2005 ; le corps du §4 de la HAS n'a pas pu être relu. Le repérage systématique des violences vient de la recommandation HAS du 9 février 2024 (lue dans des comptes rendus).",
};

export const EPNP_GUIDE: InterviewGuide = {
  kind: "epnp",
  title: "Entretien postnatal précoce",
  when: "Obligatoirement proposé entre la 4e et la 8e semaine après l'accouchement, par une sage-femme ou un médecin ; un second peut être proposé entre la 10e et la 14e semaine (premier enfant, ou signes ou facteurs de risque de dépression du post-partum). C'est un échange, sans examen clinique.",
  themes: [
    { id: "vecu", title: "Le vécu de la naissance et des semaines qui ont suivi", hint: "Laisser raconter ; ce qui a été difficile, ce qui a fait du bien." },
    {
      id: "sante",
      title: "La santé physique et psychique",
      hint: "Fatigue, douleurs, humeur ; repérer les signes de dépression du post-partum (le questionnaire EPDS peut aider).",
    },
    { id: "addictions", title: "Tabac, alcool et autres produits", hint: "Une reprise depuis la naissance ; l'aide possible." },
    { id: "bebe", title: "Le bébé et les échanges avec lui", hint: "Comment il s'adapte, comment les parents le vivent et le comprennent." },
    { id: "rythmes", title: "Rythmes, sommeil et pleurs", hint: "Les nuits, les pleurs, ce qui aide ; ne jamais secouer un bébé." },
    { id: "alimentation", title: "L'alimentation du bébé et l'allaitement", hint: "Comment cela se passe ; soutien à l'allaitement si la mère le souhaite." },
    { id: "couple", title: "Le couple et le co-parent", hint: "La place de chacun, la fatigue partagée, la reprise de la sexualité et la contraception." },
    { id: "violences", title: "Les violences dans la famille", hint: "Question posée à tous, de façon systématique, en entretien individuel.", private: true },
    {
      id: "besoins",
      title: "Les besoins et la suite",
      hint: "Ce qui aiderait ; la suite de l'accompagnement commencé pendant la grossesse ; les lieux et professionnels à contacter.",
    },
  ],
  sources: [
    {
      title: "Entretien postnatal précoce — Préconisations pour la pratique clinique (E. Bleuzen, S. Benjilany, A. Gantois et al.)",
      publisher: "Collège national des sages-femmes de France (notice d'IPA, info-allaitement.org)",
      url: "https://info-allaitement.org/ressources-en-ligne/lentretien-postnatal-precoce-preconisations-du-college-national-des-sages-femmes",
      date: "2022-07-01",
    },
    CSP_L2122_1,
  ],
  sourceNote:
    "Le document du Collège national des sages-femmes n'a pas pu être lu lui-même : ses thèmes sont repris des comptes rendus publiés (IPA sur info-allaitement.org, Medscape du 28 octobre 2022) et sont à relire sur le texte original.",
};

export const INTERVIEW_GUIDES: Record<InterviewKind, InterviewGuide> = { epp: EPP_GUIDE, epnp: EPNP_GUIDE };
