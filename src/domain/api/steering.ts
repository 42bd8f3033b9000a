import { z } from "zod";
import type { Contract } from "./contract.js";

/**
 * The back office's accounts and sessions (`/pilotage/session`, `/pilotage/comptes`): the roles, the account as
 * the API shows it, and the endpoints' shapes. Server: src/server/steering/session/ (routes, service, store);
 * browser: src/web/routes/pilotage/session.tsx and AccountsPage.tsx. See docs/steering.md.
 *
 * - `national`: national administrator (DGS/DGCS/SGMCAS): reads and edits everything, computes allocations,
 *   loads births tables and barometer files, manages accounts, reads the audit log;
 * - `regional`: agent of an ARS (`agency: "ars"`) or a DREETS (`agency: "dreets"`) of one region: reads and
 *   edits the projects of that region only;
 * - `observer`: read-only, of one region or (region null) of the whole country;
 * - `departemental`: agent of one département's call-back service (PMI or a partner service, issue 17): the
 *   call-back inbox of that département and its barometer, nothing else.
 */
export const ROLES = ["national", "regional", "observer", "departemental"] as const;
export type Role = (typeof ROLES)[number];
/** The roles of the regional steering (projects, allocations, national barometer): every role but `departemental`. */
export const STEERING_ROLES = ["national", "regional", "observer"] as const satisfies readonly Role[];
export const AGENCIES = ["ars", "dreets"] as const;
export type Agency = (typeof AGENCIES)[number];

/** An account as the API shows it (never its password hash). */
export const accountSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  agency: z.enum(AGENCIES).nullable(),
  region: z.string().nullable(),
  /** The département of a `departemental` account, null for the other roles. */
  departement: z.string().nullable(),
  active: z.boolean(),
});
export type Account = z.output<typeof accountSchema>;

/** The session: its account and the CSRF token to send in `x-csrf-token` on every change. */
export const sessionSchema = z.object({ account: accountSchema, csrfToken: z.string() });
export type Session = z.output<typeof sessionSchema>;

/** An answer with no body (204). */
export const noContentSchema = z.null().describe("Pas de contenu");

export const loginBodySchema = z.strictObject({ email: z.string().max(254), password: z.string().max(1000) });
export const passwordChangeSchema = z.strictObject({ current: z.string().max(1000), next: z.string().max(1000) });
export const accountPatchSchema = z.strictObject({ active: z.boolean().optional(), password: z.string().max(1000).optional() });
export const accountIdParamsSchema = z.strictObject({ id: z.string().max(20) });

export const accountsContract = {
  "POST /pilotage/session": { body: loginBodySchema, response: sessionSchema },
  "GET /pilotage/session": { response: sessionSchema },
  "DELETE /pilotage/session": { status: 204 },
  "DELETE /pilotage/sessions": { status: 204 },
  "PUT /pilotage/session/mot-de-passe": { body: passwordChangeSchema, status: 204 },
  "GET /pilotage/comptes": { response: z.array(accountSchema) },
  /** The body is checked by the account model (`newAccountSchema`, French field errors in a 422). */
  "POST /pilotage/comptes": { body: z.looseObject({}), response: accountSchema, status: 201 },
  "PATCH /pilotage/comptes/:id": { params: accountIdParamsSchema, body: accountPatchSchema, response: accountSchema },
} satisfies Contract;
