import { addDays, addMonths, addYears, compareDates, type IsoDate } from "../dates.js";
import type { StageId } from "../content/schema.js";
import { gestationalAge } from "./pregnancy.js";

/**
 * Where a pregnancy or a child stands on the 1000-day journey.
 * Boundaries (all inclusive of their first day):
 * - pregnancy: before 16 SA → début de grossesse (the official app's 2nd-trimester mark,
 *   `GROSSESSE_TRIMESTRE_2_SEMAINES_SA = 16`); 16–36 SA → suite et fin; from 37 SA (full term) → accouchement;
 * - child: days 0–6 → accouchement et premiers jours; from day 7 to the day before 3 months → 3 premiers mois;
 *   3 months to the day before 1 year → 4 mois à 1 an; then 1–2 years; 2–3 years;
 *   from the 3rd birthday the 1000 days are over (null).
 * Ages are calendar ages from the real birth date (a premature baby's corrected age is explained in content).
 */
export const SECOND_TRIMESTER_SA = 16;
export const FULL_TERM_SA = 37;
export const FIRST_WEEK_DAYS = 7;

export function stageForPregnancy(terme: IsoDate, today: IsoDate): StageId {
  const { weeks } = gestationalAge(terme, today);
  if (weeks < SECOND_TRIMESTER_SA) return "debut-grossesse";
  if (weeks < FULL_TERM_SA) return "suite-grossesse";
  return "accouchement";
}

/** null when the child is not born yet on `today` or is 3 years old or more. */
export function stageForChild(birthDate: IsoDate, today: IsoDate): StageId | null {
  if (compareDates(today, birthDate) < 0) return null;
  if (compareDates(today, addDays(birthDate, FIRST_WEEK_DAYS)) < 0) return "accouchement";
  if (compareDates(today, addMonths(birthDate, 3)) < 0) return "trois-premiers-mois";
  if (compareDates(today, addYears(birthDate, 1)) < 0) return "quatre-mois-un-an";
  if (compareDates(today, addYears(birthDate, 2)) < 0) return "un-deux-ans";
  if (compareDates(today, addYears(birthDate, 3)) < 0) return "deux-trois-ans";
  return null;
}
