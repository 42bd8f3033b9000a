import { z } from "zod";
import type { IsoDate } from "../dates.js";
import { profileFromDraft, type Profile, type ProfileDraft, type ProfileResult } from "../profile/profile.js";
import { MAX_BABIES } from "../profile/schema.js";

/**
 * A family's calendar inputs, as a professional enters them (`/professionnels/calendrier`) and as they travel
 * to the parent's phone in a link (see `link.ts`). It holds only what changes the calendar: no name, no address.
 * Validation is the profile's own (`profileFromDraft`): a hand-over never accepts what the profile form refuses.
 */
export interface FamilyDates {
  pregnancy: null | { dateKind: "terme" | "ddr"; date: string; babies: number };
  /** Children already born, oldest first or not: the calendar ranks them by birth date (twins share a date). */
  children: { birthDate: string; expectedTerme?: string }[];
  options: { unmarried: boolean; diabetesRisk: boolean; bcg: boolean };
}

/** The profile's own limit on babies expected. */
export { MAX_BABIES };
/** More would not fit in a QR code a phone reads easily, and no family calendar needs it. */
export const MAX_HANDED_CHILDREN = 10;

export const emptyFamilyDates: FamilyDates = {
  pregnancy: null,
  children: [],
  options: { unmarried: false, diabetesRisk: false, bcg: false },
};

/** Shape check only (dates are checked against today by the profile's rules). */
export const familyDatesSchema = z.strictObject({
  pregnancy: z.strictObject({ dateKind: z.enum(["terme", "ddr"]), date: z.string().max(10), babies: z.number().int().min(1).max(MAX_BABIES) }).nullable(),
  children: z.array(z.strictObject({ birthDate: z.string().max(10), expectedTerme: z.string().max(10).optional() })).max(MAX_HANDED_CHILDREN),
  options: z.strictObject({ unmarried: z.boolean(), diabetesRisk: z.boolean(), bcg: z.boolean() }),
});

/** The profile draft these dates describe: children get stable ids (`enfant-1`…) and no first name. */
export function draftFromFamilyDates(family: FamilyDates): ProfileDraft {
  const premature = family.children.some((c) => c.expectedTerme);
  return {
    project: null,
    pregnancy: family.pregnancy ? { dateKind: family.pregnancy.dateKind, date: family.pregnancy.date, babies: family.pregnancy.babies } : null,
    children: family.children.map((c, i) => ({
      id: `enfant-${i + 1}`,
      firstName: "",
      birthDate: c.birthDate,
      ...(c.expectedTerme ? { expectedTerme: c.expectedTerme } : {}),
    })),
    situations: premature ? ["prematurite"] : [],
    calendar: { ...family.options },
  };
}

/** Validates the dates with the profile's rules and returns the profile they make. */
export function profileFromFamilyDates(family: FamilyDates, today: IsoDate): ProfileResult {
  return profileFromDraft(draftFromFamilyDates(family), today);
}

/**
 * What a received profile becomes on a phone that already has one: the family's dates and calendar answers
 * replace the old ones; the parent's other answers (situations, first names of children born the same day) stay.
 */
export function mergeReceivedProfile(received: Profile, existing: Profile | null): Profile {
  if (!existing) return received;
  const twinsBorn = received.children.some((c, i) => received.children.findIndex((o) => o.birthDate === c.birthDate) !== i);
  const kept = existing.situations.filter((s) => s !== "grossesse-multiple" || twinsBorn);
  const situations = [...new Set([...kept, ...received.situations])];
  const children = received.children.map((child) => {
    const same = existing.children.filter((c) => c.birthDate === child.birthDate);
    const rank = received.children.filter((c) => c.birthDate === child.birthDate).indexOf(child);
    const previous = same[rank];
    return previous ? { ...child, id: previous.id, firstName: previous.firstName } : child;
  });
  return { ...received, project: null, situations, children };
}
