import { addDays, addYears, compareDates, daysBetween, isValidIsoDate, type IsoDate } from "../dates.js";
import type { SituationId } from "../content/taxonomy.js";
import { hasSameDayBirths, MAX_BABIES, PROFILE_VERSION } from "./limits.js";
import type { Pregnancy, Profile } from "./schema.js";
import { isBornOf, termeFromDdr } from "../journey/pregnancy.js";
import { PROFILE_MESSAGES, type ProfileMessageCode } from "./messages.js";

/**
 * The parent's profile. It lives only on the device (IndexedDB); this module validates it,
 * whether it comes from the form or from an imported file.
 */
export type { Child, Pregnancy, Profile } from "./schema.js";

/** What the onboarding form holds before validation: raw strings as typed. */
export interface ProfileDraft {
  project: "reflexion" | "essai" | null;
  calendar?: Profile["calendar"];
  pregnancy: null | { dateKind: "terme" | "ddr"; date: string; /** Number of babies expected (1 to 8). */ babies: number };
  children: { id: string; firstName: string; birthDate: string; expectedTerme?: string }[];
  situations: SituationId[];
}

export interface FieldError {
  /** Form field the message belongs to, e.g. `pregnancy.date`, `children.1.birthDate`. */
  field: string;
  /** In French; the browser shows the message of `code` in the parent's language (src/domain/parent-messages.ts). */
  message: string;
  code?: ProfileMessageCode;
}

export type ProfileResult = { ok: true; profile: Profile } | { ok: false; errors: FieldError[] };

/** A terme more than 42 weeks ahead cannot be a current pregnancy (typo in the year, most often). */
export const MAX_DAYS_TO_TERME = 42 * 7;
/** A pregnancy may last until 42 SA (terme + 7 days); past two weeks the baby is surely born. */
export const MAX_DAYS_PAST_TERME = 14;
export const MAX_CHILD_AGE_YEARS = 18;

/** A field's error, its French text and its code. */
const fieldError = (field: string, code: ProfileMessageCode): FieldError => ({ field, message: PROFILE_MESSAGES[code], code });
const text = (code: ProfileMessageCode | null) => (code ? PROFILE_MESSAGES[code] : null);

function termeProblem(terme: string, today: IsoDate): ProfileMessageCode | null {
  if (!isValidIsoDate(terme)) return "date.nonexistent";
  const daysAhead = daysBetween(today, terme);
  if (daysAhead > MAX_DAYS_TO_TERME) return "profile.terme.too-far";
  if (daysAhead < -MAX_DAYS_PAST_TERME) return "profile.terme.past";
  return null;
}

function ddrProblem(ddr: string, today: IsoDate): ProfileMessageCode | null {
  if (!isValidIsoDate(ddr)) return "date.nonexistent";
  if (compareDates(ddr, today) > 0) return "profile.ddr.future";
  return termeProblem(termeFromDdr(ddr), today) ? "profile.ddr.terme-past" : null;
}

function birthDateProblem(birthDate: string, today: IsoDate): ProfileMessageCode | null {
  if (!isValidIsoDate(birthDate)) return "date.nonexistent";
  if (compareDates(birthDate, today) > 0) return "profile.birth.future";
  if (compareDates(birthDate, addYears(today, -MAX_CHILD_AGE_YEARS)) < 0) return "profile.birth.too-old";
  return null;
}

/** The French message of a refused terme (null when it is plausible). */
export const checkTerme = (terme: string, today: IsoDate): string | null => text(termeProblem(terme, today));
export const checkDdr = (ddr: string, today: IsoDate): string | null => text(ddrProblem(ddr, today));
export const checkBirthDate = (birthDate: string, today: IsoDate): string | null => text(birthDateProblem(birthDate, today));

/**
 * A saved pregnancy is over once a child born of it is in the profile, or two weeks after its terme
 * (a pregnancy lasts at most 42 SA, {@link MAX_DAYS_PAST_TERME}). Its advice is then no longer shown.
 */
export function isPregnancyOver(profile: Pick<Profile, "pregnancy" | "children">, today: IsoDate): boolean {
  const pregnancy = profile.pregnancy;
  if (!pregnancy) return false;
  return profile.children.some((child) => isBornOf(pregnancy, child)) || daysBetween(pregnancy.terme, today) > MAX_DAYS_PAST_TERME;
}

/** Validates what the parent typed and builds the profile, with one French message per faulty field. */
export function profileFromDraft(draft: ProfileDraft, today: IsoDate): ProfileResult {
  const errors: FieldError[] = [];
  if (!draft.project && !draft.pregnancy && draft.children.length === 0) errors.push(fieldError("situation", "profile.situation.missing"));
  if (draft.project && draft.pregnancy) errors.push(fieldError("situation", "profile.situation.both"));

  let pregnancy: Pregnancy | null = null;
  // The birth ends the pregnancy: once its baby is entered, the pregnancy is not kept (nor checked).
  const pregnancyTerme =
    draft.pregnancy &&
    (draft.pregnancy.dateKind === "terme" ? draft.pregnancy.date : isValidIsoDate(draft.pregnancy.date) ? termeFromDdr(draft.pregnancy.date) : "");
  const born =
    pregnancyTerme !== null &&
    isValidIsoDate(pregnancyTerme) &&
    draft.children.some((child) => isValidIsoDate(child.birthDate) && isBornOf({ terme: pregnancyTerme }, child));
  if (draft.pregnancy && !born) {
    const { dateKind, date, babies } = draft.pregnancy;
    const error = dateKind === "terme" ? termeProblem(date, today) : ddrProblem(date, today);
    if (error) errors.push(fieldError("pregnancy.date", error));
    if (!Number.isInteger(babies) || babies < 1 || babies > MAX_BABIES) errors.push(fieldError("pregnancy.babies", "profile.babies.range"));
    else if (!error) pregnancy = dateKind === "terme" ? { terme: date, ddr: null, babies } : { terme: termeFromDdr(date), ddr: date, babies };
  }

  draft.children.forEach((child, index) => {
    const error = birthDateProblem(child.birthDate, today);
    if (error) errors.push(fieldError(`children.${index}.birthDate`, error));
    if (child.expectedTerme) {
      const termeError: ProfileMessageCode | null = !isValidIsoDate(child.expectedTerme)
        ? "date.nonexistent"
        : child.expectedTerme <= child.birthDate
          ? "profile.expected-terme.before-birth"
          : daysBetween(child.birthDate, child.expectedTerme) > 20 * 7
            ? "profile.expected-terme.too-far"
            : null;
      if (termeError) errors.push(fieldError(`children.${index}.expectedTerme`, termeError));
    }
    if (child.firstName.length > 60) errors.push(fieldError(`children.${index}.firstName`, "profile.first-name.too-long"));
  });

  if (errors.length > 0) return { ok: false, errors };
  // « Grossesse multiple » follows the facts (babies expected, children born the same day): it is not a
  // second question that could disagree with the number of babies.
  const situations: SituationId[] = [...new Set(draft.situations)].filter((s) => s !== "grossesse-multiple");
  if ((pregnancy?.babies ?? 1) > 1 || hasSameDayBirths(draft.children.map((c) => c.birthDate))) situations.push("grossesse-multiple");
  return {
    ok: true,
    profile: {
      version: PROFILE_VERSION,
      project: draft.project,
      pregnancy,
      children: draft.children.map((c) => ({
        id: c.id,
        firstName: c.firstName.trim(),
        birthDate: c.birthDate,
        ...(c.expectedTerme ? { expectedTerme: c.expectedTerme } : {}),
      })),
      situations,
      ...(draft.calendar ? { calendar: draft.calendar } : {}),
    },
  };
}

/** The reverse of {@link profileFromDraft}, to edit a saved profile. */
export function draftFromProfile(profile: Profile): ProfileDraft {
  return {
    project: profile.project,
    pregnancy: profile.pregnancy
      ? profile.pregnancy.ddr
        ? { dateKind: "ddr", date: profile.pregnancy.ddr, babies: profile.pregnancy.babies }
        : { dateKind: "terme", date: profile.pregnancy.terme, babies: profile.pregnancy.babies }
      : null,
    children: profile.children.map((c) => ({ ...c })),
    situations: [...profile.situations],
    ...(profile.calendar ? { calendar: { ...profile.calendar } } : {}),
  };
}

/** Latest plausible terme, used as the `max` of the date field. */
export function latestTerme(today: IsoDate): IsoDate {
  return addDays(today, MAX_DAYS_TO_TERME);
}
