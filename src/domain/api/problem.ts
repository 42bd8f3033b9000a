import { z } from "zod";

/**
 * An error answer of the API: RFC 9457 problem details (application/problem+json) with a French `detail` a
 * person can act on; extension members pass through: `errors` lists field errors (`field`) or the lines of a
 * refused file (`line`, `column`). Built by src/server/problem.ts; the one schema of the server's error answers
 * (OpenAPI) and the browser's `Problem` type.
 */
export const problemErrorSchema = z.looseObject({
  field: z.string().optional(),
  line: z.number().int().nullable().optional(),
  column: z.string().optional(),
  message: z.string(),
});
export const problemSchema = z.looseObject({
  type: z.string(),
  status: z.number(),
  title: z.string(),
  detail: z.string(),
  errors: z.array(problemErrorSchema).optional(),
});
export type ProblemBody = z.infer<typeof problemSchema>;

/** A problem as the browser holds it (`type`, always sent by the server, may be left out of one made in a page: RFC 9457 reads it as « about:blank »). */
export type Problem = Pick<ProblemBody, "status" | "title" | "detail" | "errors"> & { type?: string };
