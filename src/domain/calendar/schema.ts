import { z } from "zod";
import { isValidIsoDate } from "../dates.js";
import type { CalendarInput } from "./types.js";

/** Validates a calendar input at the edge (API, ICS feed, device data) before computeCalendar. */
const isoDate = z.string().refine(isValidIsoDate, { message: "date invalide" });

export const pregnancyInputSchema = z.strictObject({
  terme: isoDate,
  fetuses: z.number().int().min(1).max(8),
  rank: z.number().int().min(1).max(20),
  unmarriedParents: z.boolean(),
  gestationalDiabetesRisk: z.boolean(),
});

export const childInputSchema = z.strictObject({
  /** Part of the event ids (`enfant-<id>:…`): no spaces, no colon. */
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[^\s:]+$/, { message: "identifiant sans espace ni deux-points" }),
  birthDate: isoDate,
  expectedTerme: isoDate.nullable(),
  rank: z.number().int().min(1).max(20),
  siblingsBornSameDay: z.number().int().min(0).max(7),
  bcgRecommended: z.boolean(),
  neonatalHospitalization: z.boolean().optional(),
  postnatalRiskFactors: z.boolean().optional(),
});

export const calendarInputSchema = z
  .strictObject({
    pregnancy: pregnancyInputSchema.nullable(),
    children: z.array(childInputSchema).max(20),
  })
  .refine((input) => new Set(input.children.map((c) => c.id)).size === input.children.length, {
    message: "deux enfants ont le même identifiant",
    path: ["children"],
  });

// The schema and the hand-written interface must describe the same data.
const _sameShape: z.ZodType<CalendarInput> = calendarInputSchema;
void _sameShape;
