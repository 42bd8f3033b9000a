import { addDays, addMonths, compareDates, daysBetween, type IsoDate } from "../dates.js";
import { lastOfJoursOuvrables, jourOuvrableOnOrAfter } from "./holidays.js";
import { SOURCES } from "./sources.js";
import type { CalendarEvent, CalendarSubject } from "./types.js";
import { makeEvent, maxDate, type DateWindow } from "./windows.js";
import { text, type CalendarText } from "./texts.js";

/**
 * Parents' leave around a birth, for employees of the private sector (the rules of civil servants,
 * the self-employed and jobseekers are close but not identical; the texts say so).
 */

// --- Maternity leave -------------------------------------------------------------------------------
// C. trav. art. L1225-17 to L1225-19, service-public.fr F2265 (https://www.service-public.fr/particuliers/vosdroits/F2265,
// read 2026-11-22): prenatal + postnatal
// weeks: 1st or 2nd child 6 + 10; 3rd child or more 8 + 18; twins 12 + 22; triplets or more 24 + 22.
// "3rd child" means the household already has two children (rank ≥ 3). Multiples win over rank.

export interface MaternityWeeks {
  prenatal: number;
  postnatal: number;
}

export function maternityLeaveWeeks(rank: number, babies: number): MaternityWeeks {
  if (babies >= 3) return { prenatal: 24, postnatal: 22 };
  if (babies === 2) return { prenatal: 12, postnatal: 22 };
  if (rank >= 3) return { prenatal: 8, postnatal: 18 };
  return { prenatal: 6, postnatal: 10 };
}

export interface MaternityLeaveInput {
  /** The due date the leave was planned from. */
  presumedBirth: IsoDate;
  /** The real birth date; null while pregnant (the leave is then forecast from the due date). */
  birth: IsoDate | null;
  rank: number;
  babies: number;
  /** The baby was hospitalised after a birth more than 6 weeks early. */
  neonatalHospitalization?: boolean;
}

export interface MaternityLeave extends DateWindow {
  weeks: MaternityWeeks;
  /** Days added because the baby, born more than 6 weeks early, was hospitalised. */
  extraDays: number;
}

/**
 * The leave runs back from the presumed date; the postnatal part starts on the day of birth.
 * - Late birth: the prenatal part runs until the birth, the postnatal part is not shortened
 *   (C. trav. art. L1225-21).
 * - Early birth: the total is not shortened, the unused prenatal weeks are added after the birth
 *   (L1225-20; F2265). The start stays where it was planned: a pre-birth event does not move.
 * - Birth before the leave began: the whole leave runs from the birth; when the birth came more
 *   than 6 weeks early and the baby was hospitalised, the days from the birth to the planned start
 *   are added (L1225-20, al. 2; AP-HP Robert-Debré neonatology "Congés" page). Without the
 *   hospitalisation flag we do not add them (conservative).
 */
export function maternityLeaveWindow(input: MaternityLeaveInput): MaternityLeave {
  const weeks = maternityLeaveWeeks(input.rank, input.babies);
  const plannedStart = addDays(input.presumedBirth, -weeks.prenatal * 7);
  const totalDays = (weeks.prenatal + weeks.postnatal) * 7;
  const birth = input.birth ?? input.presumedBirth;
  if (compareDates(birth, input.presumedBirth) >= 0) return { start: plannedStart, end: addDays(birth, weeks.postnatal * 7 - 1), weeks, extraDays: 0 };
  if (compareDates(birth, plannedStart) >= 0) return { start: plannedStart, end: addDays(plannedStart, totalDays - 1), weeks, extraDays: 0 };
  const extraDays = input.neonatalHospitalization && daysBetween(birth, input.presumedBirth) > 6 * 7 ? daysBetween(birth, plannedStart) : 0;
  return { start: birth, end: addDays(birth, totalDays - 1 + extraDays), weeks, extraDays };
}

function durationText(rank: number, babies: number, weeks: MaternityWeeks): CalendarText {
  const values = { weeks: weeks.prenatal + weeks.postnatal, prenatal: weeks.prenatal, postnatal: weeks.postnatal };
  if (babies >= 3) return text("conge-maternite.duree.triples", values);
  if (babies === 2) return text("conge-maternite.duree.jumeaux", values);
  return text(rank >= 3 ? "conge-maternite.duree.rang-3" : "conge-maternite.duree.rang-1-2", values);
}

function maternityLeaveEvent(subject: CalendarSubject, input: MaternityLeaveInput): CalendarEvent {
  const leave = maternityLeaveWindow(input);
  const { prenatal, postnatal } = leave.weeks;
  const early = input.birth !== null && compareDates(input.birth, input.presumedBirth) < 0;
  const birth = early
    ? leave.extraDays > 0
      ? text("conge-maternite.naissance-tot-hospitalisation", { days: leave.extraDays })
      : text("conge-maternite.naissance-tot")
    : text("conge-maternite.au-moins-8-semaines");
  return makeEvent(subject, "conge-maternite", leave, {
    title: text("conge-maternite.title", { weeks: prenatal + postnatal }),
    description: text("conge-maternite.description", { duration: durationText(input.rank, input.babies, leave.weeks), birth }),
    kind: "droit-conge",
    compulsory: false,
    audience: ["mere"],
    articles: [
      "conge-maternite",
      "grossesse-travail-droits",
      ...(input.babies > 1 ? ["grossesse-multiple-suivi"] : []),
      ...(early ? ["prematurite-premiers-mois"] : []),
    ],
    placeTypes: ["cpam"],
    source: SOURCES.congeMaternite,
  });
}

// --- Birth leave and paternity leave -------------------------------------------------------------
// C. trav. art. L3142-4: 3 days of birth leave, counted in jours ouvrables, starting on the day of
// birth or the first jour ouvrable after it, at the employee's choice (fr.adp.com, 2024-09). We
// start on the day of birth when it is a jour ouvrable, otherwise on the next one.
// C. trav. art. L1225-35, L1225-35-1, D1225-8; décret 2021-574; service-public.fr F3156
// (https://www.service-public.fr/particuliers/vosdroits/F3156, read 2026-11-22): 25 calendar days of
// paternity and childcare leave, 32 for multiple births; the first 4 days follow the birth leave at
// once and are compulsory (7 days without work); the remaining 21 (28) days, in one or two periods
// of at least 5 days, within 6 months of the birth. Conservative reading of "dans les 6 mois":
// the last day is the day before the child is 6 months old.

export function birthLeaveWindow(birth: IsoDate): DateWindow {
  const start = jourOuvrableOnOrAfter(birth);
  return { start, end: lastOfJoursOuvrables(start, 3) };
}

export interface PaternityLeave {
  totalDays: number;
  remainingDays: number;
  birthLeave: DateWindow;
  compulsory: DateWindow;
  remaining: DateWindow;
  /** The earliest day on which the whole paternity leave can be over. */
  earliestEnd: IsoDate;
}

export function paternityLeave(birth: IsoDate, babies: number): PaternityLeave {
  const totalDays = babies > 1 ? 32 : 25;
  const birthLeave = birthLeaveWindow(birth);
  const compulsory = { start: addDays(birthLeave.end, 1), end: addDays(birthLeave.end, 4) };
  const remaining = { start: addDays(compulsory.end, 1), end: addDays(addMonths(birth, 6), -1) };
  return { totalDays, remainingDays: totalDays - 4, birthLeave, compulsory, remaining, earliestEnd: addDays(birthLeave.end, totalDays) };
}

function paternityEvents(subject: CalendarSubject, birth: IsoDate, babies: number): CalendarEvent[] {
  const leave = paternityLeave(birth, babies);
  const common = {
    kind: "droit-conge" as const,
    audience: ["second-parent" as const],
    articles: ["conge-paternite-naissance", "second-parent-premiers-jours"],
  };
  return [
    makeEvent(subject, "conge-naissance-3-jours", leave.birthLeave, {
      ...common,
      title: text("conge-naissance-3-jours.title"),
      description: text("conge-naissance-3-jours.description"),
      compulsory: true,
      placeTypes: [],
      source: SOURCES.congeNaissance3Jours,
    }),
    makeEvent(subject, "conge-paternite-4-jours", leave.compulsory, {
      ...common,
      title: text("conge-paternite-4-jours.title"),
      description: text("conge-paternite-4-jours.description"),
      compulsory: true,
      placeTypes: ["cpam"],
      source: SOURCES.congePaternite,
    }),
    makeEvent(subject, "conge-paternite-suite", leave.remaining, {
      ...common,
      title: text("conge-paternite-suite.title", { days: leave.remainingDays }),
      description: text(babies > 1 ? "conge-paternite-suite.description.multiple" : "conge-paternite-suite.description", { days: leave.remainingDays }),
      compulsory: false,
      placeTypes: ["cpam"],
      source: SOURCES.congePaternite,
    }),
  ];
}

// --- Congé supplémentaire de naissance (LFSS 2026) ----------------------------------------------
// Loi 2025-1403 art. 99; C. trav. art. L1225-46-2; C. sécu. soc. art. L331-8-1. The rule, as published on
// service-public.fr F39685 « Congé supplémentaire de naissance d'un salarié du secteur privé » (updated
// 2026-06-01, https://www.service-public.fr/particuliers/vosdroits/F39685; checked by the lead against
// F39685 and a CNAM notice on 2026-12-01):
// - children born from 1 January 2026, or born earlier when the birth was expected from that date
//   (loi 2025-1403 art. 99 X, read in C. sécu. soc. L331-8-1's nota on Légifrance);
// - 1 or 2 months per parent, in one block or two periods of one month, once the maternity or
//   paternity leave is used up (L1225-46-2 al. 1, via efl.fr 2026-01-22; caf.fr 2025-12-29);
// - open from 1 July 2026;
// - births from 1 January to 30 June 2026, and premature births of 2025 whose due date was from
//   1 January 2026: from 1 July 2026 until 31 March 2027;
// - births from 1 July 2026: within 9 months of the birth;
// - pay: 70 % of the net salary the 1st month, 60 % the 2nd (caf.fr 2025-12-29), on earnings taken into
//   account up to a ceiling (L331-8-1: « retenus dans la limite d'un plafond »): the monthly social
//   security ceiling, 4 005 € in 2026;
// - notice to the employer: 1 month, 15 days when the leave follows the paternity (or adoption) leave at
//   once (L1225-46-2 al. 5 allows the shorter notice; soip.fr gives 15 days).
// F39685 itself could not be read from this workspace (2026-12-01): the dates above are the lead's
// reading of it and agree with cerfrance22.fr (2026-01-27) and cc-desvressamer.fr.
// [U] choices: the whole leave must fit in the window (the 9-month window ends the day before the
// child is 9 months old); no extension for longer leave (multiple births, agreements: soip.fr mentions
// one, not found in an official text).
export const CONGE_NAISSANCE_BIRTHS_FROM: IsoDate = "2026-01-01";
export const CONGE_NAISSANCE_OPEN_FROM: IsoDate = "2026-07-01";
export const CONGE_NAISSANCE_TRANSITION_BIRTHS_UNTIL: IsoDate = "2026-06-30";
export const CONGE_NAISSANCE_TRANSITION_DEADLINE: IsoDate = "2027-03-31";
/** Plafond mensuel de la sécurité sociale 2026 (its French wording is in the texts, texts.ts). */
export { CONGE_NAISSANCE_CEILING_2026 } from "./texts.js";

export function congeNaissanceEligible(birth: IsoDate, presumedBirth: IsoDate): boolean {
  return compareDates(birth, CONGE_NAISSANCE_BIRTHS_FROM) >= 0 || compareDates(presumedBirth, CONGE_NAISSANCE_BIRTHS_FROM) >= 0;
}

/** Births of the first half of 2026, and premature 2025 births expected in 2026, have until 31 March 2027. */
export function congeNaissanceTransition(birth: IsoDate, presumedBirth: IsoDate): boolean {
  return congeNaissanceEligible(birth, presumedBirth) && compareDates(birth, CONGE_NAISSANCE_TRANSITION_BIRTHS_UNTIL) <= 0;
}

/** The last day the leave can be taken. */
export function congeNaissanceDeadline(birth: IsoDate, presumedBirth: IsoDate = birth): IsoDate {
  return congeNaissanceTransition(birth, presumedBirth) ? CONGE_NAISSANCE_TRANSITION_DEADLINE : addDays(addMonths(birth, 9), -1);
}

/** The window of one parent, from the end of their maternity/paternity leave; null when it is empty. */
export function congeNaissanceWindow(birth: IsoDate, previousLeaveEnd: IsoDate, presumedBirth: IsoDate = birth): DateWindow | null {
  const start = maxDate(addDays(previousLeaveEnd, 1), CONGE_NAISSANCE_OPEN_FROM);
  const end = congeNaissanceDeadline(birth, presumedBirth);
  return compareDates(start, end) <= 0 ? { start, end } : null;
}

function congeNaissanceEvents(subject: CalendarSubject, birth: IsoDate, presumedBirth: IsoDate, maternityEnd: IsoDate, paternityEnd: IsoDate): CalendarEvent[] {
  const when = text(congeNaissanceTransition(birth, presumedBirth) ? "conge-naissance-2026.periode-transition" : "conge-naissance-2026.periode-9-mois");
  const parents = [
    {
      ruleId: "conge-naissance-2026-mere" as const,
      audience: "mere" as const,
      after: maternityEnd,
    },
    {
      ruleId: "conge-naissance-2026-second-parent" as const,
      audience: "second-parent" as const,
      after: paternityEnd,
    },
  ];
  return parents.flatMap(({ ruleId, audience, after }) => {
    const window = congeNaissanceWindow(birth, after, presumedBirth);
    if (!window) return [];
    return [
      makeEvent(subject, ruleId, window, {
        title: text(`${ruleId}.title`),
        description: text(`${ruleId}.description`, { when }),
        kind: "droit-conge",
        compulsory: false,
        audience: [audience],
        articles: ["conge-paternite-naissance", "conge-maternite"],
        placeTypes: ["cpam"],
        source: SOURCES.congeNaissance2026,
      }),
    ];
  });
}

// --- All leave around one birth ------------------------------------------------------------------

export interface BirthLeaveInput {
  subject: CalendarSubject;
  /** The due date (the birth date when the due date is not known). */
  presumedBirth: IsoDate;
  /** The real birth date, or null for a forecast during the pregnancy. */
  birth: IsoDate | null;
  rank: number;
  babies: number;
  neonatalHospitalization?: boolean;
}

export function leaveEvents(input: BirthLeaveInput): CalendarEvent[] {
  const birth = input.birth ?? input.presumedBirth;
  const maternity = maternityLeaveWindow(input);
  const paternity = paternityLeave(birth, input.babies);
  return [
    maternityLeaveEvent(input.subject, input),
    ...paternityEvents(input.subject, birth, input.babies),
    ...(congeNaissanceEligible(birth, input.presumedBirth)
      ? congeNaissanceEvents(input.subject, birth, input.presumedBirth, maternity.end, paternity.earliestEnd)
      : []),
  ];
}
