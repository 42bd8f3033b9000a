import { addDays, type IsoDate } from "../dates.js";
import { SOURCES } from "./sources.js";
import { developmentPage } from "./development.js";
import type { CalendarEvent, CalendarSubject } from "./types.js";
import { text, type CalendarText } from "./texts.js";
import { ageMonthsBetween, makeEvent, monthOfLife, weekOfLife, yearOfLife, type DateWindow } from "./windows.js";

/**
 * The compulsory health exams of the first 3 years (CSP art. R2132-1), in the list in force since
 * 1 January 2025: the exam "before the end of the 1st month" was removed (décret and arrêté, JO of
 * 16 November 2024; service-public.fr F967, https://www.service-public.fr/particuliers/vosdroits/F967,
 * relayed by info-chalon.com 2024-12-27). 13 exams before age 3, three of them with
 * a certificat de santé (8 days, 9th month, 24th/25th month: R2132-2).
 *
 * The list applies to every child, whatever its birth date: the calendar is about the exams still
 * to come, and the removed 1-month exam no longer exists for anyone.
 *
 * Windows: "au cours du Ne mois" = from age (N−1) months to age N months − 1 day (the literal
 * reading, [U]: practice and the carnet de santé say "vers N mois"); "dans les 8 jours qui suivent la
 * naissance" = day of birth to day 8; "au cours de la 2e semaine" = days 7–13; "entre 16 et 18
 * mois" = from 16 months to 18 months − 1 day; "au cours du 24e ou du 25e mois" = from 23 months
 * to 25 months − 1 day; "au cours de la 3e année" = from 2 years to 3 years − 1 day.
 * Children born prematurely follow their real age (no corrected age for these exams).
 */

export interface ChildExamRule {
  ruleId: string;
  title: CalendarText;
  window: (birth: IsoDate) => DateWindow;
  healthCertificate: boolean;
}

export const CHILD_EXAMS: readonly ChildExamRule[] = [
  { ruleId: "examen-8-jours", title: text("examen-8-jours.title"), window: (b) => ({ start: b, end: addDays(b, 8) }), healthCertificate: true },
  { ruleId: "examen-2e-semaine", title: text("examen-2e-semaine.title"), window: (b) => weekOfLife(b, 2), healthCertificate: false },
  ...[2, 3, 4, 5, 6, 9, 12, 13].map((month) => ({
    ruleId: `examen-${month}e-mois`,
    title: text("examen-mois.title", { month }),
    window: (b: IsoDate) => monthOfLife(b, month),
    healthCertificate: month === 9,
  })),
  { ruleId: "examen-16-18-mois", title: text("examen-16-18-mois.title"), window: (b) => ageMonthsBetween(b, 16, 18), healthCertificate: false },
  {
    ruleId: "examen-24-25-mois",
    title: text("examen-24-25-mois.title"),
    window: (b) => ({ start: monthOfLife(b, 24).start, end: monthOfLife(b, 25).end }),
    healthCertificate: true,
  },
  { ruleId: "examen-3e-annee", title: text("examen-3e-annee.title"), window: (b) => yearOfLife(b, 3), healthCertificate: false },
];

function description(rule: ChildExamRule): CalendarText {
  if (rule.ruleId === "examen-8-jours") return text("examen-enfant.description.8-jours");
  // From 9 months, the exams fall in an age band of the development grid: the parent can bring the check's summary.
  if (!DEVELOPMENT_EXAMS.has(rule.ruleId)) return text("examen-enfant.description");
  return text(rule.healthCertificate ? "examen-enfant.description.certificat-developpement" : "examen-enfant.description.developpement");
}

/** Exams held at an age of the development grid (from 6 months, src/domain/calendar/development.ts). */
const DEVELOPMENT_EXAMS = new Set(["examen-9e-mois", "examen-12e-mois", "examen-13e-mois", "examen-16-18-mois", "examen-24-25-mois", "examen-3e-annee"]);

const VITAMIN_EXAMS = new Set(["examen-8-jours", "examen-2e-semaine", "examen-2e-mois"]);

export function childExamEvents(subject: CalendarSubject, birth: IsoDate, premature: boolean): CalendarEvent[] {
  return CHILD_EXAMS.map((rule) =>
    makeEvent(subject, rule.ruleId, rule.window(birth), {
      title: rule.title,
      description: description(rule),
      kind: "suivi-medical",
      compulsory: true,
      audience: ["enfant"],
      articles: [
        "examens-sante-enfant",
        // Vitamin K doses in the first month and daily vitamin D are checked at these first exams.
        ...(VITAMIN_EXAMS.has(rule.ruleId) ? ["vitamines-d-et-k-bebe"] : []),
        ...(premature ? ["prematurite-premiers-mois"] : []),
      ],
      placeTypes: rule.ruleId === "examen-8-jours" ? ["maternite", "pediatre", "medecin-generaliste", "pmi"] : ["pediatre", "medecin-generaliste", "pmi"],
      source: SOURCES.examensEnfant,
      healthCertificate: rule.healthCertificate,
      ...(DEVELOPMENT_EXAMS.has(rule.ruleId) ? { page: developmentPage(subject, "/developpement") } : {}),
    }),
  );
}
