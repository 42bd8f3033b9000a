import { z } from "zod";
import { FIRST_EPP_YEAR, INDICATORS, MAX_YEAR, MIN_OBSERVATION_YEAR } from "./barometer.js";
import { findDepartement } from "./territories.js";

/**
 * The barometer's values as zod schemas, apart from its rules (`barometer.ts`), which the public barometer page
 * imports: a module that defines schemas builds them, and loads zod, wherever it is imported (issue 19).
 */
const yearSchema = (min: number) =>
  z
    .int({ error: "Année : nombre entier attendu." })
    .min(min, { error: `L'année doit être comprise entre ${min} et ${MAX_YEAR}.` })
    .max(MAX_YEAR, { error: `L'année doit être comprise entre ${min} et ${MAX_YEAR}.` });

const departementSchema = z
  .string({ error: "Département : code attendu." })
  .refine((c) => findDepartement(c) !== undefined, { error: "Département inconnu (code officiel géographique)." });

/** An observation received through the API (the CSV parser, `parseBarometerCsv`, gives line-by-line messages instead). */
export const observationSchema = z
  .strictObject({
    indicator: z.enum(INDICATORS, { error: "Indicateur inconnu : EPP ou EPNP." }),
    departement: departementSchema,
    year: yearSchema(MIN_OBSERVATION_YEAR),
    numerator: z.int({ error: "Numérateur : nombre entier attendu." }).min(0, { error: "Le numérateur ne peut pas être négatif." }),
    denominator: z.int({ error: "Dénominateur : nombre entier attendu." }).min(1, { error: "Le dénominateur doit être au moins 1." }),
  })
  .refine((o) => o.numerator <= o.denominator, { path: ["numerator"], error: "Le numérateur dépasse le dénominateur : un taux ne peut pas dépasser 100 %." });

export const departmentTargetSchema = z.strictObject({
  indicator: z.enum(INDICATORS, { error: "Indicateur inconnu : EPP ou EPNP." }),
  departement: departementSchema,
  year: yearSchema(FIRST_EPP_YEAR),
  percent: z
    .number({ error: "Objectif : nombre attendu." })
    .min(0, { error: "L'objectif est un pourcentage entre 0 et 100." })
    .max(100, { error: "L'objectif est un pourcentage entre 0 et 100." }),
});
