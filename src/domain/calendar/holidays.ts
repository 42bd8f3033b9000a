import { addDays, type IsoDate } from "../dates.js";
import { isoWeekday } from "./weekdays.js";

/**
 * French public holidays (jours fériés), national metropolitan list of the Code du travail,
 * art. L3133-1: 1 January, Easter Monday, 1 May, 8 May, Ascension Thursday, Whit Monday, 14 July,
 * 15 August, 1 November, 11 November, 25 December.
 *
 * Not included, on purpose: Alsace-Moselle adds Good Friday and 26 December (local law, C. trav.
 * art. L3134-13), and each overseas territory adds the day of the abolition of slavery (its date
 * depends on the territory). The calendar has no address, so the deadlines it computes (birth
 * declaration) use this national list; a family there may have one day more, never one day less.
 */

function iso(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Easter Sunday in the Gregorian calendar (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

const cache = new Map<number, readonly IsoDate[]>();

/** The 11 national public holidays of a year, sorted. */
export function frenchPublicHolidays(year: number): IsoDate[] {
  let list = cache.get(year);
  if (!list) {
    const easter = easterSunday(year);
    list = [
      iso(year, 1, 1), // Jour de l'an
      addDays(easter, 1), // Lundi de Pâques
      iso(year, 5, 1), // Fête du travail
      iso(year, 5, 8), // Victoire 1945
      addDays(easter, 39), // Ascension
      addDays(easter, 50), // Lundi de Pentecôte
      iso(year, 7, 14), // Fête nationale
      iso(year, 8, 15), // Assomption
      iso(year, 11, 1), // Toussaint
      iso(year, 11, 11), // Armistice 1918
      iso(year, 12, 25), // Noël
    ].sort();
    cache.set(year, list);
  }
  return [...list];
}

export function isPublicHoliday(date: IsoDate): boolean {
  return frenchPublicHolidays(Number(date.slice(0, 4))).includes(date);
}

/**
 * A working day for administrative deadlines: neither Saturday, Sunday nor a public holiday.
 * Code civil art. 55 (birth declaration) extends a deadline that ends "un samedi, un dimanche ou un
 * jour férié ou chômé", so a Saturday can never be the extended last day.
 */
export function isWorkingDay(date: IsoDate): boolean {
  return isoWeekday(date) <= 5 && !isPublicHoliday(date);
}

/** Jour ouvrable (Code du travail counting): Monday to Saturday, except public holidays. */
export function isJourOuvrable(date: IsoDate): boolean {
  return isoWeekday(date) <= 6 && !isPublicHoliday(date);
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: IsoDate): IsoDate {
  let day = addDays(date, 1);
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/** `date` itself when it is a working day, otherwise the next one. */
export function workingDayOnOrAfter(date: IsoDate): IsoDate {
  return isWorkingDay(date) ? date : nextWorkingDay(date);
}

/** `date` itself when it is a jour ouvrable, otherwise the next one. */
export function jourOuvrableOnOrAfter(date: IsoDate): IsoDate {
  let day = date;
  while (!isJourOuvrable(day)) day = addDays(day, 1);
  return day;
}

/** The last day of a period of `count` jours ouvrables starting on `start` (itself a jour ouvrable). */
export function lastOfJoursOuvrables(start: IsoDate, count: number): IsoDate {
  let day = jourOuvrableOnOrAfter(start);
  for (let counted = 1; counted < count; counted += 1) day = jourOuvrableOnOrAfter(addDays(day, 1));
  return day;
}
