import { z } from "zod";

/**
 * An error answer of the API: RFC 9457 problem details (application/problem+json) with a French `detail` a
 * person can act on; extension members (`errors` by field when a form was refused…) pass through. Built by src/server/problem.ts.
 */
export const problemSchema = z.looseObject({ type: z.string(), status: z.number(), title: z.string(), detail: z.string() });
export type ProblemBody = z.infer<typeof problemSchema>;
