import { z } from "zod";
import { isValidIsoDate } from "../dates.js";
import { situationIds } from "../content/taxonomy.js";

/** Shape of a saved profile, checked when a backup file is imported. */
export const PROFILE_VERSION = 1;

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
  multiple: z.boolean(),
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
