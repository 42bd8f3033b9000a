import type { EpdsBandId, EpdsScore } from "./score.js";

/**
 * What to do after an EPDS result: an ordered list of next steps and the kinds of places to show on the map.
 *
 * Rules:
 * - `safetyFlag` (item 10 above 0) puts the crisis lines first (3114, 15, 112, 114 by SMS), then a
 *   professional the same day, whatever the total. Mon soutien psy is not offered there: the scheme is
 *   for mild to moderate distress, not for suicidal thoughts.
 * - Otherwise the steps follow the band, and the crisis lines come last, always present.
 * - « Allô, parents en crise » never comes before 3114 and 15: it answers about one call in four
 *   (issue 13), so it closes the list, after the crisis lines.
 * - "second-parent" (father or co-parent): the scale's French wording is validated for mothers only
 *   (see content/epds/README.md); orientation is adapted: the family doctor rather than the midwife,
 *   the early postnatal interview as the mother's appointment that the co-parent can join, and no
 *   Maman Blues (a peer association of mothers).
 *
 * Sources (read 2026-11-22; hours re-checked 2026-12-01):
 * - 3114: national suicide-prevention line, free, confidential, professionals, metropole and overseas,
 *   24/7 (service-public.fr A15206; ARS Mayotte page « 3114, le numéro national de prévention du
 *   suicide »: « Horaires : 24h/24 et 7j/7 »; 3114.fr « Que se passe-t-il quand je contacte le 3114 ? »:
 *   continuity 24h/24, answered usually within 10 minutes). 15 SAMU, 112 European emergency number.
 * - 114: emergency by SMS for deaf and hard-of-hearing people, extended to people who cannot speak
 *   (domestic violence), 24/7.
 * - Allô Parents Bébé 0 800 00 3456 (Enfance et Partage): parents and future parents of children aged
 *   0–3, free, anonymous. Its official page (alloparentsbebe.org) could not be read on 2026-12-01; the
 *   only hours found are from 2008–2015 press (Mon–Fri 10–13 h and 17–21 h), so none are given.
 * - Allô, parents en crise 0 805 382 300 (FNEPE, since 2020), listed by the official EPDS widget. Its
 *   opening hours were cut when public funding was suspended; in 2024, 1 047 of 4 209 calls could be
 *   answered (Le Monde « Darons Daronnes » newsletter, 2025, read through a mirror). Its current hours
 *   could not be read on an official page (2026-12-01): none are given.
 * - Mon soutien psy: up to 12 sessions a year with a partner psychologist, reimbursed, for mild to
 *   moderate distress, with direct access (no prescription needed) (ARS Centre-Val de Loire page « Le
 *   dispositif Mon soutien psy », 2025).
 * - Maman Blues: volunteer peer-support association for maternal difficulty and postnatal depression
 *   (forum, local referents, groups); not a crisis line and no phone line (maman-blues.fr « Pourquoi un
 *   tel site », re-read 2026-12-01: association since 2006, forum since 2004).
 * - EPNP: early postnatal interview, weeks 4–8 after birth, « obligatoire » since 1 July 2022 (CSP
 *   L2122-1 as amended by LFSS 2022 art. 86, read 2026-12-01): it must be offered; for the parent it is a
 *   right. The article names « les éventuels besoins de la femme ou du conjoint », hence the co-parent.
 * - Repeating the EPDS after two weeks in doubtful cases: RCPsych notes printed with the scale.
 */

export type EpdsAudience = "mere" | "second-parent";

/** Kinds of places the map can show for this result. */
export type PlaceType = "pmi" | "cmp" | "psychiatrie-perinatale";

export type OrientationStepId =
  | "appeler-3114"
  | "appeler-15"
  | "appeler-112"
  | "sms-114"
  | "professionnel-sante"
  | "epnp"
  | "pmi"
  | "mon-soutien-psy"
  | "allo-parents-bebe"
  | "allo-parents-en-crise"
  | "maman-blues"
  | "refaire-epds";

export interface OrientationStep {
  id: OrientationStepId;
  kind: "urgence" | "soin" | "ecoute" | "entraide" | "suivi";
  title: string;
  text: string;
  /** Number as written for people ("0 800 00 3456"). */
  phone?: string;
  /** Number to dial (`tel:`) or to text (`sms:`), digits only. */
  tel?: string;
  sms?: string;
  /** Map filter this step leads to. */
  placeType?: PlaceType;
}

export interface EpdsOrientation {
  /** True when the crisis lines come first (item 10 above 0). */
  urgent: boolean;
  steps: OrientationStep[];
  placeTypes: PlaceType[];
}

const CRISIS_STEPS: readonly OrientationStep[] = [
  {
    id: "appeler-3114",
    kind: "urgence",
    title: "3114 : prévention du suicide",
    text: "Si vous pensez à vous faire du mal, appelez le 3114. Des professionnels vous répondent jour et nuit, 7 jours sur 7, gratuitement et en toute confidentialité, en métropole comme en outre-mer.",
    phone: "3114",
    tel: "3114",
  },
  {
    id: "appeler-15",
    kind: "urgence",
    title: "15 : SAMU",
    text: "En cas de danger immédiat pour vous ou pour votre enfant, appelez le 15.",
    phone: "15",
    tel: "15",
  },
  {
    id: "appeler-112",
    kind: "urgence",
    title: "112 : numéro d’urgence européen",
    text: "Le 112 répond depuis n’importe quel téléphone, partout en Europe.",
    phone: "112",
    tel: "112",
  },
  {
    id: "sms-114",
    kind: "urgence",
    title: "114 : urgence par SMS",
    text: "Si vous ne pouvez pas téléphoner (vous êtes sourd ou malentendant, ou quelqu’un vous empêche de parler), envoyez un SMS au 114, jour et nuit.",
    phone: "114",
    sms: "114",
  },
];

function professionalStep(audience: EpdsAudience, situation: EpdsBandId | "securite"): OrientationStep {
  const who = audience === "mere" ? "votre sage-femme ou votre médecin traitant" : "votre médecin traitant";
  const text: Record<EpdsBandId | "securite", string> = {
    securite: `Aujourd’hui même, parlez de ces pensées à un professionnel : ${who}, ou les urgences de l’hôpital le plus proche. Vous n’avez pas à attendre que cela passe.`,
    eleve: `Prenez rendez-vous dans les prochains jours avec ${who} et montrez-leur ce résultat. Ce questionnaire ne pose pas de diagnostic : un professionnel en parlera avec vous et vous proposera une aide adaptée.`,
    "a-surveiller": `Parlez-en à ${who}, au prochain rendez-vous ou en en prenant un. Votre score dépasse le seuil de dépistage utilisé en France : ce n’est pas un diagnostic, mais cela mérite d’en parler.`,
    faible: `Si vous ne vous sentez pas bien malgré ce score, parlez-en à ${who}. Vous savez mieux que ce questionnaire ce que vous vivez.`,
  };
  return { id: "professionnel-sante", kind: "soin", title: "En parler à un professionnel de santé", text: text[situation] };
}

function epnpStep(audience: EpdsAudience): OrientationStep {
  return {
    id: "epnp",
    kind: "soin",
    title: "L’entretien postnatal précoce",
    text:
      audience === "mere"
        ? "Entre la 4e et la 8e semaine après la naissance, un entretien avec une sage-femme ou un médecin vous est proposé pour parler de vous, de votre moral et de vos besoins. S’il n’a pas encore eu lieu, demandez-le."
        : "Entre la 4e et la 8e semaine après la naissance, un entretien avec une sage-femme ou un médecin est proposé à la mère. Vous pouvez y participer et y parler aussi de ce que vous vivez.",
  };
}

const PMI_STEP: OrientationStep = {
  id: "pmi",
  kind: "soin",
  title: "Le centre de PMI près de chez vous",
  text: "Les centres de protection maternelle et infantile (PMI) du département reçoivent gratuitement les futurs parents, les parents et les jeunes enfants. Vous pouvez y parler de votre moral, de la fatigue et de votre bébé.",
  placeType: "pmi",
};

const PSY_STEP: OrientationStep = {
  id: "mon-soutien-psy",
  kind: "soin",
  title: "Voir un psychologue avec Mon soutien psy",
  text: "Jusqu’à 12 séances par an chez un psychologue partenaire, remboursées par l’Assurance Maladie avec le dispositif « Mon soutien psy ». Vous pouvez prendre rendez-vous directement, sans ordonnance ; votre médecin ou votre sage-femme peut aussi vous conseiller.",
};

const ALLO_PARENTS_BEBE: OrientationStep = {
  id: "allo-parents-bebe",
  kind: "ecoute",
  title: "Allô Parents Bébé : 0 800 00 3456",
  text: "Une ligne d’écoute gratuite et anonyme pour les futurs parents et les parents d’enfants de 0 à 3 ans, tenue par l’association Enfance et Partage. Les horaires sont indiqués sur son site.",
  phone: "0 800 00 3456",
  tel: "0800003456",
};

const ALLO_PARENTS_EN_CRISE: OrientationStep = {
  id: "allo-parents-en-crise",
  kind: "ecoute",
  title: "Allô, parents en crise : 0 805 382 300",
  text: "Une ligne d’écoute gratuite pour les parents épuisés ou dépassés, tenue par la Fédération nationale des écoles des parents et des éducateurs (FNEPE). Ses horaires ont été réduits et elle ne peut répondre qu’à environ un appel sur quatre : si vous n’avez personne, ne restez pas seul, appelez le 3114 ou le 15.",
  phone: "0 805 382 300",
  tel: "0805382300",
};

const MAMAN_BLUES: OrientationStep = {
  id: "maman-blues",
  kind: "entraide",
  title: "Maman Blues : l’entraide entre mères",
  text: "Une association de mères qui sont passées par une difficulté maternelle ou une dépression postnatale : forum, groupes de parole et référentes près de chez vous (maman-blues.fr). Ce n’est pas une ligne d’urgence : en cas de crise, appelez le 3114 ou le 15.",
};

const REPEAT_STEP: OrientationStep = {
  id: "refaire-epds",
  kind: "suivi",
  title: "Refaire le questionnaire dans deux semaines",
  text: "L’humeur change d’une semaine à l’autre. Refaites ce questionnaire dans deux semaines, ou plus tôt si vous vous sentez moins bien.",
};

/**
 * Ordered next steps for a scored EPDS. Pass only a successful score: a rejected questionnaire has no
 * orientation (ask for the missing answers instead).
 */
export function orientationFor(result: EpdsScore, audience: EpdsAudience): EpdsOrientation {
  const { urgent, steps, placeTypes } = chooseSteps(result, audience);
  // Copies, so that a caller changing a step cannot change the next orientation.
  return { urgent, steps: steps.map((step) => ({ ...step })), placeTypes: [...placeTypes] };
}

function chooseSteps(result: EpdsScore, audience: EpdsAudience): EpdsOrientation {
  const peers = audience === "mere" ? [MAMAN_BLUES] : [];
  const crisis = [...CRISIS_STEPS];

  if (result.safetyFlag) {
    return {
      urgent: true,
      steps: [...crisis, professionalStep(audience, "securite"), epnpStep(audience), PMI_STEP, ALLO_PARENTS_BEBE, ...peers, ALLO_PARENTS_EN_CRISE],
      placeTypes: ["psychiatrie-perinatale", "cmp", "pmi"],
    };
  }

  switch (result.band) {
    case "eleve":
      return {
        urgent: false,
        steps: [professionalStep(audience, "eleve"), epnpStep(audience), PSY_STEP, PMI_STEP, ALLO_PARENTS_BEBE, ...peers, ...crisis, ALLO_PARENTS_EN_CRISE],
        placeTypes: ["psychiatrie-perinatale", "cmp", "pmi"],
      };
    case "a-surveiller":
      return {
        urgent: false,
        steps: [
          professionalStep(audience, "a-surveiller"),
          epnpStep(audience),
          PMI_STEP,
          ALLO_PARENTS_BEBE,
          ...peers,
          PSY_STEP,
          REPEAT_STEP,
          ...crisis,
          ALLO_PARENTS_EN_CRISE,
        ],
        placeTypes: ["pmi", "cmp"],
      };
    case "faible":
      return {
        urgent: false,
        steps: [REPEAT_STEP, professionalStep(audience, "faible"), epnpStep(audience), PMI_STEP, ALLO_PARENTS_BEBE, ...peers, ...crisis],
        placeTypes: ["pmi"],
      };
  }
}

/**
 * The help lines alone (crisis lines first, then the listening lines), for pages that show them apart
 * from a result: the call-back request's confirmation, or a département no call-back service covers.
 * The same steps as the orientation (one copy of their numbers and words).
 */
export function helplineSteps(): OrientationStep[] {
  return [...CRISIS_STEPS, ALLO_PARENTS_BEBE, ALLO_PARENTS_EN_CRISE].map((step) => ({ ...step }));
}
