import type { Profile } from "../profile/profile.js";
import { isBornOf } from "../journey/pregnancy.js";
import type { CalendarInput } from "./types.js";

/**
 * The calendar input a profile describes. Ranks follow birth dates: a child's rank is 1 + the number
 * of children born strictly before (twins share their rank); an expected child comes after all born ones.
 */
export function calendarInputFromProfile(profile: Profile): CalendarInput {
  const options = profile.calendar ?? { unmarried: false, diabetesRisk: false, bcg: false };
  const rankOf = (birthDate: string) => 1 + profile.children.filter((c) => c.birthDate < birthDate).length;
  return {
    pregnancy: profile.pregnancy
      ? {
          terme: profile.pregnancy.terme,
          fetuses: profile.pregnancy.babies,
          rank: profile.children.length + 1,
          unmarriedParents: options.unmarried,
          gestationalDiabetesRisk: options.diabetesRisk,
        }
      : null,
    children: profile.children.map((child) => ({
      id: child.id,
      birthDate: child.birthDate,
      expectedTerme: child.expectedTerme ?? null,
      rank: rankOf(child.birthDate),
      siblingsBornSameDay: profile.children.filter((c) => c.birthDate === child.birthDate).length - 1,
      bcgRecommended: options.bcg,
    })),
  };
}

/** Id prefix of the children a pregnancy forecasts, born on the terme until the real birth is entered. */
export const FORECAST_CHILD_PREFIX = "a-naitre";

/**
 * Adds the expected baby (or babies), born on the terme, so that a pregnant parent also sees what comes
 * after the birth (declaration, leave, postnatal interviews, first exams and vaccines) as a forecast.
 * When the real birth date is entered, the real child replaces the forecast (no forecast once a child
 * born of the pregnancy is in the input).
 */
export function withBirthForecast(input: CalendarInput): CalendarInput {
  const pregnancy = input.pregnancy;
  if (!pregnancy || input.children.some((child) => isBornOf(pregnancy, child))) return input;
  const forecast = Array.from({ length: pregnancy.fetuses }, (_, i) => ({
    id: `${FORECAST_CHILD_PREFIX}-${i + 1}`,
    birthDate: pregnancy.terme,
    expectedTerme: pregnancy.terme,
    rank: pregnancy.rank,
    siblingsBornSameDay: pregnancy.fetuses - 1,
    bcgRecommended: input.children.some((c) => c.bcgRecommended),
  }));
  return { ...input, children: [...input.children, ...forecast] };
}
