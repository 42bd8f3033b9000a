import { addDays, addMonths, compareDates, daysBetween, monthsBetween, type IsoDate } from "../dates.js";
import { gestationalAge, type GestationalAge } from "../journey/pregnancy.js";
import { stageForChild } from "../journey/stages.js";
import type { StageId } from "../content/taxonomy.js";

/**
 * Corrected age (âge corrigé) of a child born prematurely.
 *
 * - Premature = born before 37 SA + 0 day (HAS 2020 speaks of « prématurés < 37 SA »).
 * - Corrected age = real age − (40 SA − gestational age at birth). No official text fixes 40 rather than
 *   41 SA (the French terme is DDR + 41 SA): 40 SA is the usual reference of neonatology and is kept in
 *   this one constant. Counting from it, the corrected age is the age counted from the day the baby
 *   reached 40 SA, « corrected birth date » here.
 * - Used for development only, and only « avant deux ans » of real age: livret 2024, p. 4, « Pour
 *   l’enfant né prématuré, il convient de prendre en compte l’âge corrigé avant deux ans (mais ne pas
 *   considérer a priori la prématurité comme seule explication) ». Medical exams and vaccines keep the
 *   real age (src/domain/calendar/child-exams.ts, vaccines.ts).
 * - The gestational age at birth comes from the due date the profile holds (`expectedTerme`, French
 *   terme = DDR + 287 days): GA at birth = birth − DDR.
 */
export const CORRECTION_REFERENCE_DAYS = 40 * 7;
export const PREMATURE_BEFORE_DAYS = 37 * 7;
export const CORRECTION_UNTIL_MONTHS = 24;

export interface ChildBirth {
  birthDate: IsoDate;
  /** The due date of a baby born before it (the profile's `expectedTerme`). */
  expectedTerme?: IsoDate | null | undefined;
}

/** Gestational age on the day of birth, or null when the profile holds no due date. */
export function gestationalAgeAtBirth(child: ChildBirth): (GestationalAge & { totalDays: number }) | null {
  if (!child.expectedTerme) return null;
  const ga = gestationalAge(child.expectedTerme, child.birthDate);
  return { ...ga, totalDays: ga.weeks * 7 + ga.days };
}

export function isPremature(child: ChildBirth): boolean {
  const ga = gestationalAgeAtBirth(child);
  return ga !== null && ga.totalDays < PREMATURE_BEFORE_DAYS;
}

/** Days taken off the real age: 40 SA − GA at birth for a premature baby, 0 otherwise. */
export function correctionDays(child: ChildBirth): number {
  const ga = gestationalAgeAtBirth(child);
  return ga !== null && ga.totalDays < PREMATURE_BEFORE_DAYS ? CORRECTION_REFERENCE_DAYS - ga.totalDays : 0;
}

/** The day the corrected age is 0: the day the baby reached 40 SA. */
export function correctedBirthDate(child: ChildBirth): IsoDate {
  return addDays(child.birthDate, correctionDays(child));
}

/** The first day the corrected age is no longer used: the second birthday (real age). */
export function correctionEndDate(child: ChildBirth): IsoDate {
  return addMonths(child.birthDate, CORRECTION_UNTIL_MONTHS);
}

/** Whether development is read on the corrected age on `today`. */
export function isCorrectionActive(child: ChildBirth, today: IsoDate): boolean {
  return correctionDays(child) > 0 && compareDates(today, correctionEndDate(child)) < 0;
}

/** An age in completed calendar months and the days beyond them; `totalDays` < 0 before `from`. */
export interface Age {
  months: number;
  days: number;
  totalDays: number;
}

export function ageBetween(from: IsoDate, today: IsoDate): Age {
  const totalDays = daysBetween(from, today);
  if (totalDays < 0) return { months: 0, days: 0, totalDays };
  const months = monthsBetween(from, today);
  return { months, days: daysBetween(addMonths(from, months), today), totalDays };
}

export interface ChildAges {
  real: Age;
  /** Shown (and used for development) while the correction applies; null otherwise. */
  corrected: Age | null;
  premature: boolean;
  gestationalAgeAtBirth: GestationalAge | null;
  /** Weeks born before 40 SA (whole weeks, for the explanation). */
  correctionWeeks: number;
  /** The day the corrected age stops being used (second birthday), for a premature child. */
  correctionEnds: IsoDate | null;
}

export function childAges(child: ChildBirth, today: IsoDate): ChildAges {
  const premature = isPremature(child);
  const ga = gestationalAgeAtBirth(child);
  return {
    real: ageBetween(child.birthDate, today),
    corrected: isCorrectionActive(child, today) ? ageBetween(correctedBirthDate(child), today) : null,
    premature,
    gestationalAgeAtBirth: ga ? { weeks: ga.weeks, days: ga.days } : null,
    correctionWeeks: Math.floor(correctionDays(child) / 7),
    correctionEnds: premature ? correctionEndDate(child) : null,
  };
}

/** The age development is read on (completed months): corrected before 2 years for a premature baby, real otherwise. Negative before the corrected birth date. */
export function developmentAgeMonths(child: ChildBirth, today: IsoDate): number {
  const from = isCorrectionActive(child, today) ? correctedBirthDate(child) : child.birthDate;
  return compareDates(today, from) < 0 ? -1 : monthsBetween(from, today);
}

/** The day of the real age a development age of `months` is reached (null when the jump at 2 years skips it). */
export function developmentAgeReached(child: ChildBirth, months: number): IsoDate {
  const corrected = addMonths(correctedBirthDate(child), months);
  if (compareDates(corrected, correctionEndDate(child)) < 0) return corrected;
  const real = addMonths(child.birthDate, months);
  return compareDates(real, correctionEndDate(child)) >= 0 ? real : correctionEndDate(child);
}

/** « 9 mois », « 1 an et 2 mois », « 2 ans », « 3 semaines » (under a month): an age in words. */
export function formatAge(age: Age): string {
  if (age.totalDays < 0) return "avant terme";
  if (age.months === 0) {
    const weeks = Math.floor(age.days / 7);
    return weeks === 0 ? `${age.days} jour${age.days > 1 ? "s" : ""}` : `${weeks} semaine${weeks > 1 ? "s" : ""}`;
  }
  if (age.months < 24) {
    if (age.months < 12) return `${age.months} mois`;
    const rest = age.months - 12;
    return rest === 0 ? "1 an" : `1 an et ${rest} mois`;
  }
  const years = Math.floor(age.months / 12);
  const rest = age.months % 12;
  return rest === 0 ? `${years} ans` : `${years} ans et ${rest} mois`;
}

/**
 * The stage whose development articles (theme « éveil ») fit the child: by corrected age before 2 years for a
 * premature baby; the real stage before the corrected birth date and for every other child.
 */
export function developmentStage(child: ChildBirth, today: IsoDate): StageId | null {
  const real = stageForChild(child.birthDate, today);
  if (!isCorrectionActive(child, today)) return real;
  return stageForChild(correctedBirthDate(child), today) ?? real;
}
