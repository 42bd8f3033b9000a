import { addDays, compareDates, daysBetween, type IsoDate } from "../dates.js";

/**
 * French convention: the due date (terme) is the first day of the last period (DDR) + 41 weeks
 * of amenorrhoea (SA) = 287 days, where the international rule uses 40 weeks.
 * Source: SocialGouv/1000jours `GROSSESSE_TOTAL_SEMAINES_SA = 41`; French practice (calculer.com « 41 SA ou 39 semaines de
 * grossesse », may.app « En France … 41 SA », read 2026-11-22).
 */
export const TERME_DAYS_AFTER_DDR = 287;

export function termeFromDdr(ddr: IsoDate): IsoDate {
  return addDays(ddr, TERME_DAYS_AFTER_DDR);
}

export function ddrFromTerme(terme: IsoDate): IsoDate {
  return addDays(terme, -TERME_DAYS_AFTER_DDR);
}

export interface GestationalAge {
  /** Completed weeks of amenorrhoea (SA). */
  weeks: number;
  /** Days beyond the completed weeks (0–6). */
  days: number;
}

/** SA = floor((today − DDR) / 7), with the remaining days. Negative before the DDR. */
export function gestationalAge(terme: IsoDate, today: IsoDate): GestationalAge {
  const totalDays = daysBetween(ddrFromTerme(terme), today);
  const weeks = Math.floor(totalDays / 7);
  return { weeks, days: totalDays - weeks * 7 };
}

/** "20 SA + 3 jours" — the way French maternity staff write it. */
export function formatGestationalAge({ weeks, days }: GestationalAge): string {
  return days === 0 ? `${weeks} SA` : `${weeks} SA + ${days} jour${days > 1 ? "s" : ""}`;
}

/**
 * Whether a child was born of this pregnancy: born after its first day (the DDR), or recorded with its
 * terme as due date (a premature baby). An older brother or sister was born before the DDR.
 */
export function isBornOf(pregnancy: { terme: IsoDate }, child: { birthDate: IsoDate; expectedTerme?: IsoDate | null | undefined }): boolean {
  return child.expectedTerme === pregnancy.terme || compareDates(child.birthDate, ddrFromTerme(pregnancy.terme)) >= 0;
}
