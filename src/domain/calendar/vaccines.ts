import { compareDates, type IsoDate } from "../dates.js";
import { SOURCES } from "./sources.js";
import type { CalendarEvent, CalendarSubject, PlaceType, RuleSource } from "./types.js";
import { text, type CalendarText, type CalendarTextKey } from "./texts.js";
import { ageMonthsBetween, atAgeMonths, makeEvent, monthOfLife, type DateWindow } from "./windows.js";

/**
 * The infant vaccination schedule, by birth cohort. A child keeps the schedule of its cohort:
 *
 * - born from 1 January 2025: 11 compulsory vaccinations with meningococci A, C, W, Y and B
 *   (MenB at 3, 5, 12 months; MenACWY at 6 and 12 months) — vaccination-info-service.fr
 *   (https://vaccination-info-service.fr, read 2026-11-22); vivamagazine.fr
 *   (2025-01), linternaute.com (2024-12).
 * - born from 1 January 2018 to 31 December 2024: the 11 compulsory vaccinations of the law of
 *   30 December 2017, with MenC at 5 and 12 months (vaccination-info-service.fr; omedit-nag.fr,
 *   2024-08-08); MenB recommended, not compulsory, since the 2022 schedule published on 25 April
 *   2022 (egora.fr, 2022-05-04). vivamagazine.fr also says children born from July 2023 "devront
 *   satisfaire à l'obligation" for the 5 serogroups and that MenC doses given from 2025 use the
 *   ACWY vaccine: we keep the cohort schedule as the rule (decree: births from 1 January 2025) and
 *   tell parents, on the meningococcal doses due from 2025, to ask about ACWY and the MenB catch-up.
 * - born before 2018: outside the first 1000 days today; only DTP was compulsory. No events.
 *
 * A recommendation that came during a cohort's life (MenB in April 2022, rotavirus in July 2022)
 * is shown when the series' first dose falls due on or after the date of the recommendation.
 * Premature babies follow their real age (vaccination-info-service.fr, rotavirus page).
 */

export type VaccineCohort = "2025" | "2018-2024" | "avant-2018";

export const COHORT_2025_FROM: IsoDate = "2025-01-01";
export const COHORT_2018_FROM: IsoDate = "2018-01-01";
/** Calendrier des vaccinations 2022, published 25 April 2022: MenB for every infant. */
export const MENB_RECOMMENDED_SINCE: IsoDate = "2022-04-25";
/** HAS recommendation on rotavirus vaccination, published 12 July 2022. */
export const ROTAVIRUS_RECOMMENDED_SINCE: IsoDate = "2022-07-12";
/** From 2025 the meningococcal doses use the ACWY vaccine (vivamagazine.fr). */
const ACWY_VACCINE_FROM: IsoDate = "2025-01-01";

export function vaccineCohort(birth: IsoDate): VaccineCohort {
  if (compareDates(birth, COHORT_2025_FROM) >= 0) return "2025";
  if (compareDates(birth, COHORT_2018_FROM) >= 0) return "2018-2024";
  return "avant-2018";
}

interface Visit {
  ruleId: string;
  title: CalendarText;
  window: (birth: IsoDate) => DateWindow;
  /** The vaccines given at this visit (a list in texts.ts). */
  vaccines: CalendarText;
  meningococcal: boolean;
}

function visit(months: number, vaccines: CalendarTextKey, meningococcal = false): Visit {
  return {
    ruleId: `vaccins-${months}-mois`,
    title: text("vaccins-mois.title", { months }),
    window: (b) => atAgeMonths(b, months),
    vaccines: text(vaccines),
    meningococcal,
  };
}

const MMR2: Visit = {
  ruleId: "vaccins-16-18-mois",
  title: text("vaccins-16-18-mois.title"),
  window: (b) => ageMonthsBetween(b, 16, 18),
  vaccines: text("vaccins.liste.16-18-mois"),
  meningococcal: false,
};

/** Compulsory visits for children born from 1 January 2025. */
export const SCHEDULE_2025: readonly Visit[] = [
  visit(2, "vaccins.liste.2-mois"),
  visit(3, "vaccins.liste.2025-3-mois", true),
  visit(4, "vaccins.liste.4-mois"),
  visit(5, "vaccins.liste.2025-5-mois", true),
  visit(6, "vaccins.liste.2025-6-mois", true),
  visit(11, "vaccins.liste.11-mois"),
  visit(12, "vaccins.liste.2025-12-mois", true),
  MMR2,
];

/** Compulsory visits for children born from 2018 to 2024. */
export const SCHEDULE_2018: readonly Visit[] = [
  visit(2, "vaccins.liste.2-mois"),
  visit(4, "vaccins.liste.4-mois"),
  visit(5, "vaccins.liste.2018-5-mois", true),
  visit(11, "vaccins.liste.11-mois"),
  visit(12, "vaccins.liste.2018-12-mois", true),
  MMR2,
];

/** MenB, recommended (not compulsory) for the 2018–2024 cohort. */
export const MENB_RECOMMENDED: readonly { months: number; dose: CalendarText }[] = [
  { months: 3, dose: text("vaccin-menb.dose-1") },
  { months: 5, dose: text("vaccin-menb.dose-2") },
  { months: 12, dose: text("vaccin-menb.rappel") },
];

const VACCINE_PLACES: PlaceType[] = ["pediatre", "medecin-generaliste", "pmi", "sage-femme", "centre-vaccination"];

function compulsoryVisitEvent(subject: CalendarSubject, birth: IsoDate, v: Visit, source: RuleSource, cohort: VaccineCohort): CalendarEvent {
  const window = v.window(birth);
  const acwyNote = cohort === "2018-2024" && v.meningococcal && compareDates(window.start, ACWY_VACCINE_FROM) >= 0;
  return makeEvent(subject, v.ruleId, window, {
    title: v.title,
    description: text(acwyNote ? "vaccins.description.acwy" : "vaccins.description", { vaccines: v.vaccines }),
    kind: "vaccination",
    compulsory: true,
    audience: ["enfant"],
    articles: ["premiers-vaccins"],
    placeTypes: VACCINE_PLACES,
    source,
  });
}

function menBRecommendedEvents(subject: CalendarSubject, birth: IsoDate): CalendarEvent[] {
  if (compareDates(atAgeMonths(birth, 3).start, MENB_RECOMMENDED_SINCE) < 0) return [];
  return MENB_RECOMMENDED.map(({ months, dose }) =>
    makeEvent(subject, `vaccin-menb-${months}-mois`, atAgeMonths(birth, months), {
      title: text("vaccin-menb.title", { months }),
      description: text("vaccin-menb.description", { dose }),
      kind: "vaccination",
      compulsory: false,
      audience: ["enfant"],
      articles: ["premiers-vaccins"],
      placeTypes: VACCINE_PLACES,
      source: SOURCES.meningocoqueB2022,
    }),
  );
}

// Rotavirus (recommended): Rotarix at 2 and 3 months, or RotaTeq at 2, 3 and 4 months; the first
// dose can be given until 4 months; finish before 6 (Rotarix) or 8 months (RotaTeq); same vaccine
// throughout (vaccination-info-service.fr, read 2026-11-22; HAS, 2022-07-12). The event is the start of the series:
// from 2 months to the day before 4 months.
export function rotavirusWindow(birth: IsoDate): DateWindow {
  return ageMonthsBetween(birth, 2, 4);
}

function rotavirusEvent(subject: CalendarSubject, birth: IsoDate): CalendarEvent {
  return makeEvent(subject, "vaccin-rotavirus", rotavirusWindow(birth), {
    title: text("vaccin-rotavirus.title"),
    description: text("vaccin-rotavirus.description"),
    kind: "vaccination",
    compulsory: false,
    audience: ["enfant"],
    articles: ["premiers-vaccins"],
    placeTypes: VACCINE_PLACES,
    source: SOURCES.rotavirus,
  });
}

// BCG (recommended for children at high risk of tuberculosis): from 1 month, ideally during the
// 2nd month (vaccination-info-service.fr, read 2026-11-22). Before leaving the maternity in Guyane,
// Mayotte, or with a recent case at home: said in the text (the calendar has no address).
function bcgEvent(subject: CalendarSubject, birth: IsoDate): CalendarEvent {
  return makeEvent(subject, "vaccin-bcg", monthOfLife(birth, 2), {
    title: text("vaccin-bcg.title"),
    description: text("vaccin-bcg.description"),
    kind: "vaccination",
    compulsory: false,
    audience: ["enfant"],
    articles: ["premiers-vaccins"],
    placeTypes: ["pmi", "centre-vaccination", "pediatre", "medecin-generaliste"],
    source: SOURCES.bcg,
  });
}

export interface VaccineInput {
  subject: CalendarSubject;
  birth: IsoDate;
  bcgRecommended: boolean;
}

export function vaccineEvents({ subject, birth, bcgRecommended }: VaccineInput): CalendarEvent[] {
  const cohort = vaccineCohort(birth);
  const events: CalendarEvent[] = [];
  if (cohort === "2025") {
    events.push(...SCHEDULE_2025.map((v) => compulsoryVisitEvent(subject, birth, v, SOURCES.vaccins2025, cohort)));
    events.push(rotavirusEvent(subject, birth));
  } else if (cohort === "2018-2024") {
    events.push(...SCHEDULE_2018.map((v) => compulsoryVisitEvent(subject, birth, v, SOURCES.vaccins2018, cohort)));
    events.push(...menBRecommendedEvents(subject, birth));
    if (compareDates(rotavirusWindow(birth).start, ROTAVIRUS_RECOMMENDED_SINCE) >= 0) events.push(rotavirusEvent(subject, birth));
  }
  if (bcgRecommended) events.push(bcgEvent(subject, birth));
  return events;
}
