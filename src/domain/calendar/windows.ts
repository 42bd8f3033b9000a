import { addDays, addMonths, addYears, compareDates, type IsoDate } from "../dates.js";
import { ddrFromTerme } from "../journey/pregnancy.js";
import type { CalendarEvent, CalendarSubject } from "./types.js";
import { frenchCalendarText, type CalendarText } from "./texts.js";

/** An inclusive window of calendar days. */
export interface DateWindow {
  start: IsoDate;
  end: IsoDate;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) >= 0 ? a : b;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) <= 0 ? a : b;
}

/** The overlap of two windows, or null when they do not meet. */
export function intersect(a: DateWindow, b: DateWindow): DateWindow | null {
  const start = maxDate(a.start, b.start);
  const end = minDate(a.end, b.end);
  return compareDates(start, end) <= 0 ? { start, end } : null;
}

// ---------------------------------------------------------------------------------------------
// Pregnancy: weeks of amenorrhoea (SA) and months of pregnancy

/** The day a pregnancy reaches `weeks` SA + `days` days (DDR = 0 SA + 0). */
export function saDay(terme: IsoDate, weeks: number, days = 0): IsoDate {
  return addDays(ddrFromTerme(terme), weeks * 7 + days);
}

/**
 * Conception date (début de grossesse): DDR + 14 days, the French convention (terme = DDG + 39
 * weeks; see TERME_DAYS_AFTER_DDR in src/domain/journey/pregnancy.ts).
 */
export function ddgFromTerme(terme: IsoDate): IsoDate {
  return addDays(ddrFromTerme(terme), 14);
}

/**
 * Month `n` (1–9) of pregnancy, as legal texts count them: from DDG + (n−1) calendar months to the
 * day before DDG + n months. [U] no official text converts months to weeks ("end of the 3rd month ≈ 15 SA" is a
 * convention): this
 * mapping gives about that (end of month 3 between 14 SA + 5 days and 15 SA, as calendar months
 * vary), month 9 ends within a day or two of the terme, and it is kept in this one function so that it can be changed in one place.
 */
export function pregnancyMonth(terme: IsoDate, n: number): DateWindow {
  const ddg = ddgFromTerme(terme);
  return { start: addMonths(ddg, n - 1), end: addDays(addMonths(ddg, n), -1) };
}

// ---------------------------------------------------------------------------------------------
// Child: age windows

/** "Au cours du Ne mois" of life: from age (n−1) months to age n months − 1 day. */
export function monthOfLife(birth: IsoDate, n: number): DateWindow {
  return { start: addMonths(birth, n - 1), end: addDays(addMonths(birth, n), -1) };
}

/** "Au cours de la Ne semaine" of life: from day 7(n−1) to day 7n − 1 (day of birth = day 0). */
export function weekOfLife(birth: IsoDate, n: number): DateWindow {
  return { start: addDays(birth, 7 * (n - 1)), end: addDays(birth, 7 * n - 1) };
}

/** From the start of week `from` to the end of week `to` after birth (ordinal weeks, day of birth = day 0). */
export function weeksOfLife(birth: IsoDate, from: number, to: number): DateWindow {
  return { start: weekOfLife(birth, from).start, end: weekOfLife(birth, to).end };
}

/** "Au cours de la Ne année": from age (n−1) years to age n years − 1 day. */
export function yearOfLife(birth: IsoDate, n: number): DateWindow {
  return { start: addYears(birth, n - 1), end: addDays(addYears(birth, n), -1) };
}

/** "Entre A et B mois": from age A months to age B months − 1 day (the conservative reading). */
export function ageMonthsBetween(birth: IsoDate, from: number, to: number): DateWindow {
  return { start: addMonths(birth, from), end: addDays(addMonths(birth, to), -1) };
}

/** A vaccine "à N mois": from age N months to the day before age N + 1 months. */
export function atAgeMonths(birth: IsoDate, months: number): DateWindow {
  return ageMonthsBetween(birth, months, months + 1);
}

// ---------------------------------------------------------------------------------------------

/** An event's fields, its title and description given as texts of the catalogue (texts.ts), written in French here. */
export type EventFields = Omit<CalendarEvent, "id" | "subject" | "ruleId" | "start" | "end" | "title" | "description" | "texts"> & {
  title: CalendarText;
  description: CalendarText;
};

/** Builds an event with its stable id `${subject}:${ruleId}`. */
export function makeEvent(subject: CalendarSubject, ruleId: string, window: DateWindow, fields: EventFields): CalendarEvent {
  if (compareDates(window.start, window.end) > 0) throw new RangeError(`Empty window for ${subject}:${ruleId}: ${window.start} > ${window.end}`);
  const { title, description, ...rest } = fields;
  return {
    id: `${subject}:${ruleId}`,
    ruleId,
    subject,
    start: window.start,
    end: window.end,
    title: frenchCalendarText(title),
    description: frenchCalendarText(description),
    texts: { title, description },
    ...rest,
  };
}
