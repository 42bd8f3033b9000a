import { daysBetween, type IsoDate } from "../dates.js";

/** ISO weekday: 1 = Monday … 7 = Sunday. Computed from day counts, so no time zone is involved. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** 1 January 2024 was a Monday. */
const A_MONDAY: IsoDate = "2024-01-01";

export function isoWeekday(date: IsoDate): IsoWeekday {
  const offset = daysBetween(A_MONDAY, date);
  return ((((offset % 7) + 7) % 7) + 1) as IsoWeekday;
}

export function isSaturday(date: IsoDate): boolean {
  return isoWeekday(date) === 6;
}

export function isSunday(date: IsoDate): boolean {
  return isoWeekday(date) === 7;
}

export function isWeekend(date: IsoDate): boolean {
  return isoWeekday(date) >= 6;
}
