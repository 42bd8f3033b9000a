import { addDays, addYears, compareDates, daysBetween, isValidIsoDate, type IsoDate } from "../dates.js";
import type { SituationId } from "../content/taxonomy.js";
import { hasSameDayBirths, MAX_BABIES, PROFILE_VERSION } from "./limits.js";
import type { Pregnancy, Profile } from "./schema.js";
import { isBornOf, termeFromDdr } from "../journey/pregnancy.js";

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
  message: string;
}

export type ProfileResult = { ok: true; profile: Profile } | { ok: false; errors: FieldError[] };

/** A terme more than 42 weeks ahead cannot be a current pregnancy (typo in the year, most often). */
export const MAX_DAYS_TO_TERME = 42 * 7;
/** A pregnancy may last until 42 SA (terme + 7 days); past two weeks the baby is surely born. */
export const MAX_DAYS_PAST_TERME = 14;
export const MAX_CHILD_AGE_YEARS = 18;

const DATE_FORMAT_MESSAGE = "Cette date n'existe pas ou est incomplète (par exemple le 30 février) : vérifiez le jour, le mois et l'année.";

export function checkTerme(terme: string, today: IsoDate): string | null {
  if (!isValidIsoDate(terme)) return DATE_FORMAT_MESSAGE;
  const daysAhead = daysBetween(today, terme);
  if (daysAhead > MAX_DAYS_TO_TERME) return "La date du terme est à plus de 42 semaines d'aujourd'hui : vérifiez l'année saisie.";
  if (daysAhead < -MAX_DAYS_PAST_TERME)
    return "La date du terme est passée depuis plus de 2 semaines : si votre bébé est né, indiquez plutôt sa date de naissance.";
  return null;
}

export function checkDdr(ddr: string, today: IsoDate): string | null {
  if (!isValidIsoDate(ddr)) return DATE_FORMAT_MESSAGE;
  if (compareDates(ddr, today) > 0) return "La date des dernières règles ne peut pas être dans le futur.";
  const termeError = checkTerme(termeFromDdr(ddr), today);
  return termeError
    ? "Avec cette date des dernières règles, le terme serait passé depuis plus de 2 semaines : vérifiez la date, ou indiquez la date de naissance si votre bébé est né."
    : null;
}

export function checkBirthDate(birthDate: string, today: IsoDate): string | null {
  if (!isValidIsoDate(birthDate)) return DATE_FORMAT_MESSAGE;
  if (compareDates(birthDate, today) > 0)
    return "La date de naissance ne peut pas être dans le futur : pour une grossesse en cours, indiquez la date du terme.";
  if (compareDates(birthDate, addYears(today, -MAX_CHILD_AGE_YEARS)) < 0)
    return "Cette date de naissance est trop ancienne (plus de 18 ans) : vérifiez l'année.";
  return null;
}

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
  if (!draft.project && !draft.pregnancy && draft.children.length === 0)
    errors.push({ field: "situation", message: "Choisissez au moins une situation : projet d'enfant, grossesse en cours ou enfant né." });
  if (draft.project && draft.pregnancy)
    errors.push({ field: "situation", message: "Choisissez soit « projet d'enfant », soit « grossesse en cours », pas les deux." });

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
    const error = dateKind === "terme" ? checkTerme(date, today) : checkDdr(date, today);
    if (error) errors.push({ field: "pregnancy.date", message: error });
    if (!Number.isInteger(babies) || babies < 1 || babies > MAX_BABIES)
      errors.push({ field: "pregnancy.babies", message: "Indiquez le nombre de bébés attendus (de 1 à 8)." });
    else if (!error) pregnancy = dateKind === "terme" ? { terme: date, ddr: null, babies } : { terme: termeFromDdr(date), ddr: date, babies };
  }

  draft.children.forEach((child, index) => {
    const error = checkBirthDate(child.birthDate, today);
    if (error) errors.push({ field: `children.${index}.birthDate`, message: error });
    if (child.expectedTerme) {
      const termeError = !isValidIsoDate(child.expectedTerme)
        ? DATE_FORMAT_MESSAGE
        : child.expectedTerme <= child.birthDate
          ? "Le terme prévu d'un bébé né prématurément est après sa date de naissance."
          : daysBetween(child.birthDate, child.expectedTerme) > 20 * 7
            ? "Le terme prévu est à plus de 20 semaines de la naissance : vérifiez les dates."
            : null;
      if (termeError) errors.push({ field: `children.${index}.expectedTerme`, message: termeError });
    }
    if (child.firstName.length > 60) errors.push({ field: `children.${index}.firstName`, message: "Le prénom est trop long (60 caractères au plus)." });
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
