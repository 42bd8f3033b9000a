import { z } from "zod";
import { isValidIsoDate } from "../dates.js";
import { situationIds } from "../content/taxonomy.js";
import { hasSameDayBirths, MAX_BABIES, PROFILE_VERSION } from "./limits.js";

/**
 * Shape of a saved profile, checked when a backup file is imported.
 * Version 2 (2026-12) records the number of babies expected; version 1 had a yes/no `multiple` flag
 * (read by {@link upgradeProfile}: "yes" becomes 2 babies).
 */
export { hasSameDayBirths, MAX_BABIES, PROFILE_VERSION };

const isoDate = z.string().refine(isValidIsoDate, { message: "date invalide" });

export const childSchema = z.strictObject({
  id: z.string().min(1).max(64),
  firstName: z.string().max(60),
  birthDate: isoDate,
  /** The due date of a baby born prematurely: rights counted from it stay put (maternity leave, for one). */
  expectedTerme: isoDate.optional(),
});
export type Child = z.infer<typeof childSchema>;

export const pregnancySchema = z.strictObject({
  terme: isoDate,
  /** Set when the parent gave the last period date and the terme was computed from it. */
  ddr: isoDate.nullable(),
  /** Number of babies expected: 1, 2 (twins), 3 (triplets)… */
  babies: z.number().int().min(1).max(MAX_BABIES),
});
export type Pregnancy = z.infer<typeof pregnancySchema>;

export const profileSchema = z.strictObject({
  version: z.literal(PROFILE_VERSION),
  /** "reflexion": thinking about a child; "essai": trying to conceive. */
  project: z.enum(["reflexion", "essai"]).nullable(),
  pregnancy: pregnancySchema.nullable(),
  children: z.array(childSchema).max(20),
  situations: z.array(z.enum(situationIds)),
  /** Answers that only change the calendar; absent from profiles saved before the calendar existed. */
  calendar: z
    .strictObject({
      /** Parents not married to each other → reconnaissance anticipée. */
      unmarried: z.boolean(),
      /** A risk factor of gestational diabetes → targeted glucose test. */
      diabetesRisk: z.boolean(),
      /** BCG recommended for the child (high tuberculosis risk, Guyane, Mayotte…). */
      bcg: z.boolean(),
    })
    .optional(),
});
export type Profile = z.infer<typeof profileSchema>;

/**
 * Brings a profile saved by an older version of the app (on the device or in a backup file) to the
 * current shape, before it is validated. Anything it does not recognise is returned unchanged, for the
 * schema to refuse with a precise message.
 * - version 1: `pregnancy.multiple` (yes/no) becomes `pregnancy.babies` (yes → 2, no → 1). A version 1
 *   profile whose pregnancy said "single" but that ticked the situation « Grossesse multiple » (a second
 *   checkbox of the old form, which did not change the calendar) is read as twins too, unless the
 *   profile already holds children born the same day (the situation then described them).
 */
export function upgradeProfile(raw: unknown): unknown {
  if (typeof raw !== "object" || raw === null || (raw as { version?: unknown }).version !== 1) return raw;
  const old = raw as Record<string, unknown> & { pregnancy?: unknown; situations?: unknown; children?: unknown };
  let pregnancy = old.pregnancy;
  if (typeof pregnancy === "object" && pregnancy !== null && "multiple" in pregnancy) {
    const { multiple, ...rest } = pregnancy as Record<string, unknown>;
    const situations = Array.isArray(old.situations) ? old.situations : [];
    const births = Array.isArray(old.children) ? old.children.map((c) => (c as { birthDate?: unknown })?.birthDate) : [];
    const ticked = situations.includes("grossesse-multiple") && !hasSameDayBirths(births);
    pregnancy = { ...rest, babies: multiple === true || ticked ? 2 : 1 };
  }
  return { ...old, version: PROFILE_VERSION, pregnancy };
}

/** A saved profile of any version the app has written, upgraded then validated. */
export const savedProfileSchema = z.preprocess(upgradeProfile, profileSchema);
