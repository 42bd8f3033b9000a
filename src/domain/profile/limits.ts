/**
 * The profile's version and limits, without the zod schema (schema.ts): the app's first load reads these, and zod
 * is loaded only to check a saved profile or a backup file.
 */
export const PROFILE_VERSION = 2;
/** "4 ou plus" in the form; the leave rules are the same from 3 babies (C. trav. art. L1225-18). */
export const MAX_BABIES = 8;

/** Whether two of these birth dates are the same day: twins (or more) are born. */
export function hasSameDayBirths(birthDates: readonly unknown[]): boolean {
  return birthDates.some((date, i) => birthDates.indexOf(date) !== i);
}
