import { z } from "zod";
import { isCommuneCode } from "../geo/insee.js";
import type { Contract } from "../api/contract.js";
import { PARENT_MESSAGES as M } from "../parent-messages.js";
import { MOMENTS, SHARED_BANDS } from "./choices.js";

/**
 * Call-back requests after the EPDS (issue 17): the HTTP contract shared by the server routes, the OpenAPI
 * document and the browser (pure zod, no I/O). What is stored and the legal frame, with their sources: docs/rappel.md
 * (minimal data, routing by département through a table we maintain, encryption at rest, purge, GDPR art. 9, HDS).
 * The crisis path (3114 / 15 / 112) always comes first in the interface: a call-back never replaces it. Requests
 * are never routed to « 1000 jours blues » (docs/rappel.md: no confirmed human call-back behind it in 2026).
 *
 * Public (no account):
 * - `GET  /api/v1/rappel/couverture?departement=XX` → {@link coverageSchema}. `covered` is false when no enabled
 *   service answers for the département, and also when call-backs are not configured on this server; `retention`
 *   gives the configured deletion delays, for the consent text.
 * - `POST /api/v1/rappel/demandes` body {@link newCallbackRequestSchema} → 201 {@link createdCallbackSchema};
 *   400 invalid input (French problem+json with `errors` by field); 409 no service for the département (or
 *   call-backs not configured on this server); 413 body too large; 429 rate limited (Retry-After).
 * - `DELETE /api/v1/rappel/demandes/:id` with header {@link CANCEL_TOKEN_HEADER} → 204; a wrong token, an unknown
 *   id or a request already deleted all give the same 404 (no existence leak). The token cancels, it reads nothing.
 *
 * Back office (session cookie + `x-csrf-token` on changes, as the rest of /api/v1/pilotage), accounts of role
 * `departemental` (one département) only; the national administrator manages the services table but never
 * reads requests:
 * - `GET  /api/v1/pilotage/rappels` → {@link inboxSchema} (the account's département only; every read audited);
 * - `GET  /api/v1/pilotage/rappels/:id` → {@link callbackRequestSchema} (404 for another département's request);
 * - `POST /api/v1/pilotage/rappels/:id/statut` body {@link statusChangeSchema} → {@link callbackRequestSchema};
 *   409 when the request is already closed;
 * - `GET  /api/v1/pilotage/rappels/barometre?indicator=epp|epnp` → {@link departementBarometerSchema} (read-only);
 * - `GET  /api/v1/pilotage/services-rappel` → {@link servicesListSchema} (national administrator);
 * - `GET  /api/v1/pilotage/services-rappel/:departement` → {@link callbackServiceSchema} (404 when none);
 * - `PUT  /api/v1/pilotage/services-rappel/:departement` body {@link callbackServiceInputSchema} → {@link callbackServiceSchema}.
 */

export { CANCEL_TOKEN_HEADER } from "./cancel-token.js";

/**
 * The role of the accounts of a département's call-back service (PMI, or a partner service a national
 * administrator enabled): in `GET /api/v1/pilotage/session`, `account.role === "departemental"` and
 * `account.departement` holds its code (null for every other role). These accounts see the call-back inbox
 * and their département's barometer, nothing else of the back office.
 */
export const DEPARTEMENTAL_ROLE = "departemental";

export { MOMENT_LABELS, MOMENTS, SHARED_BANDS, type Moment } from "./choices.js";

export const CALLBACK_STATUSES = ["new", "contacted", "closed"] as const;
export type CallbackStatus = (typeof CALLBACK_STATUSES)[number];
export const STATUS_LABELS: Record<CallbackStatus, string> = { new: "Nouvelle", contacted: "Contactée", closed: "Clôturée" };

export const OUTCOMES = ["reached", "unreachable", "oriented"] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OUTCOME_LABELS: Record<Outcome, string> = { reached: "Personne jointe", unreachable: "Injoignable", oriented: "Orientée vers un autre service" };

/** A département code of the INSEE COG (01…95, 2A, 2B, 971…976); whether it exists is checked by the server. */
export const departementCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^(0[1-9]|[1-8]\d|9[0-5]|2[AB]|97[1-6])$/, { error: "Code de département invalide : attendu 01 à 95, 2A, 2B ou 971 à 976." });

/**
 * A French telephone number, normalised to its 10-digit national form (`0612345678`). Accepted: spaces, dots,
 * dashes, brackets, `+33` / `0033` (with or without « (0) » after it), and the overseas country codes (+262 La Réunion and Mayotte, +269 Mayotte,
 * +590 Guadeloupe, +594 Guyane, +596 Martinique) followed by the 9 national digits. Refused: 08 numbers
 * (special-rate services, not a person) and anything that is not 10 digits starting with 0.
 * Source: ARCEP, plan national de numérotation (10-digit numbers, 0 + 9 digits; 08 = numéros spéciaux) [U].
 */
export function normalisePhone(raw: string): string | null {
  const compact = raw.replace(/[\s.\-()\u00a0]/g, "");
  let national: string;
  // « +33 (0)6 … »: the trunk 0 some people keep in brackets after the country code.
  const international = /^(?:\+|00)(33|262|269|590|594|596)0?(\d{9})$/.exec(compact);
  if (international) national = `0${international[2]}`;
  else if (/^0\d{9}$/.test(compact)) national = compact;
  else return null;
  return /^0[1-79]\d{8}$/.test(national) ? national : null;
}

export const phoneSchema = z
  .string()
  .max(30, { error: M["callback.phone.too-long"] })
  .transform((raw, ctx) => {
    const phone = normalisePhone(raw);
    if (phone === null) {
      ctx.addIssue({ code: "custom", message: M["callback.phone.invalid"] });
      return z.NEVER;
    }
    return phone;
  });

const isoDate = z.iso.date({ error: M["callback.date.invalid"] });

/**
 * The body of `POST /api/v1/rappel/demandes`. Minimal data only (docs/rappel.md, « Parcours des données »). Its messages are
 * parent messages (src/domain/parent-messages.ts): the browser shows them in the parent's language.
 */
export const newCallbackRequestSchema = z.strictObject({
  /** First name or pseudonym: what the caller will ask for. */
  name: z
    .string()
    .trim()
    .min(1, { error: M["callback.name.missing"] })
    .max(60, { error: M["callback.name.too-long"] })
    // Something the caller can read out: not only invisible characters (zero-width space…) or symbols, and no
    // control characters (line breaks, tabs, NUL). Any script is welcome, joiners too (ZWNJ in Persian names).
    .refine((name) => !/\p{Cc}/u.test(name), { error: M["callback.name.control"] })
    .refine((name) => name === "" || /[\p{L}\p{N}]/u.test(name), { error: M["callback.name.no-letter"] }),
  phone: phoneSchema,
  moments: z
    .array(z.enum(MOMENTS, { error: M["callback.moment.unknown"] }))
    .min(1, { error: M["callback.moments.missing"] })
    .max(MOMENTS.length)
    .refine((m) => new Set(m).size === m.length, { error: M["callback.moments.repeated"] }),
  /** INSEE commune code (COG): it gives the département, hence the service. */
  commune: z.string().trim().toUpperCase().refine(isCommuneCode, { error: M["callback.commune.invalid"] }),
  /** Only behind a separate box: the band and the date of the result, never the answers. */
  sharedResult: z.strictObject({ band: z.enum(SHARED_BANDS, { error: M["callback.band.unknown"] }), date: isoDate }).optional(),
  consent: z.literal(true, { error: M["callback.consent.missing"] }),
  /** Honeypot: a field hidden from people (off-screen, `tabindex=-1`, `autocomplete=off`); anything in it is refused. */
  siteWeb: z.string().max(200).optional(),
});
export type NewCallbackRequest = z.input<typeof newCallbackRequestSchema>;

/** What the parent sees of the service: name, opening hours (free text), promised delay. */
export const publicServiceSchema = z.object({
  name: z.string(),
  openingHours: z.string(),
  responseDelayHours: z.number().int(),
});
export type PublicService = z.infer<typeof publicServiceSchema>;

/** How long the server keeps a request (its CALLBACK_*_RETENTION_DAYS settings): what the consent text tells the parent. */
export const retentionSchema = z.object({
  /** Days after the service closed it. */
  afterClosedDays: z.number().positive(),
  /** Days after it was sent, at the latest, closed or not. */
  maxDays: z.number().positive(),
});
export type Retention = z.infer<typeof retentionSchema>;

export const coverageQuerySchema = z.strictObject({ departement: departementCodeSchema });
export const coverageSchema = z.object({
  departement: z.string(),
  covered: z.boolean(),
  service: publicServiceSchema.nullable(),
  retention: retentionSchema,
});
export type Coverage = z.infer<typeof coverageSchema>;

/** 201 answer: keep `id` and `cancelToken` on the device (the only way to cancel); `expectedBy` = sent + delay. */
export const createdCallbackSchema = z.object({
  id: z.uuid(),
  cancelToken: z.string(),
  service: publicServiceSchema,
  expectedBy: z.iso.datetime(),
});
export type CreatedCallback = z.infer<typeof createdCallbackSchema>;

export const callbackIdParamsSchema = z.strictObject({ id: z.uuid({ error: "Identifiant de demande invalide." }) });

// --- Back office -------------------------------------------------------------------------------------

export const historyEntrySchema = z.object({
  at: z.iso.datetime(),
  /** Display name of the account, or « Parent » / « Système ». */
  actor: z.string(),
  action: z.enum(["created", "read", "contacted", "closed"]),
  detail: z.string().nullable(),
});

/** A request as the département's service sees it (decrypted). */
export const callbackRequestSchema = z.object({
  id: z.uuid(),
  departement: z.string(),
  createdAt: z.iso.datetime(),
  status: z.enum(CALLBACK_STATUSES),
  name: z.string(),
  phone: z.string(),
  moments: z.array(z.enum(MOMENTS)),
  commune: z.object({ code: z.string(), name: z.string().nullable() }),
  sharedResult: z.object({ band: z.enum(SHARED_BANDS), date: z.string() }).nullable(),
  outcome: z.enum(OUTCOMES).nullable(),
  attempts: z.number().int().nullable(),
  orientedTo: z.string().nullable(),
  /** When the retention job will delete it at the latest. */
  deleteBy: z.iso.datetime(),
  history: z.array(historyEntrySchema),
});
export type CallbackRequestView = z.infer<typeof callbackRequestSchema>;

export const inboxSchema = z.object({
  departement: z.string(),
  service: publicServiceSchema.extend({ enabled: z.boolean() }).nullable(),
  items: z.array(callbackRequestSchema),
  /** Requests that could not be decrypted (their key was removed from CALLBACK_KEYS): an operator's error, logged. */
  unreadable: z.number().int(),
});
export type Inbox = z.infer<typeof inboxSchema>;

export const statusChangeSchema = z
  .strictObject({
    status: z.enum(["contacted", "closed"], { error: "Statut inconnu : contacted ou closed." }),
    outcome: z.enum(OUTCOMES, { error: "Issue inconnue : reached, unreachable ou oriented." }).optional(),
    attempts: z.number().int().min(1).max(50).optional(),
    orientedTo: z.string().trim().min(2).max(200).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.status === "closed" && !v.outcome)
      ctx.addIssue({ code: "custom", path: ["outcome"], message: "Indiquez l'issue pour clôturer : personne jointe, injoignable ou orientée." });
    if (v.status === "contacted" && v.outcome) ctx.addIssue({ code: "custom", path: ["outcome"], message: "L'issue ne s'indique qu'à la clôture." });
    if (v.outcome === "unreachable" && !v.attempts) ctx.addIssue({ code: "custom", path: ["attempts"], message: "Indiquez le nombre de tentatives d'appel." });
    if (v.outcome === "oriented" && !v.orientedTo)
      ctx.addIssue({ code: "custom", path: ["orientedTo"], message: "Indiquez vers quel service la personne a été orientée." });
    if (v.orientedTo && v.outcome !== "oriented")
      ctx.addIssue({ code: "custom", path: ["orientedTo"], message: "« Orientée vers » ne s'indique qu'avec l'issue oriented." });
  });
export type StatusChange = z.infer<typeof statusChangeSchema>;

export const callbackServiceInputSchema = z.strictObject({
  name: z.string().trim().min(2).max(120),
  /** The service's shared mailbox: it receives « une nouvelle demande vous attend », never personal data. */
  email: z
    .string()
    .trim()
    .max(254)
    .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, { error: "Adresse électronique invalide." }),
  openingHours: z.string().trim().min(2).max(300),
  responseDelayHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 14),
  enabled: z.boolean(),
});
export type CallbackServiceInput = z.infer<typeof callbackServiceInputSchema>;

export const callbackServiceSchema = callbackServiceInputSchema.extend({
  departement: z.string(),
  updatedAt: z.iso.datetime(),
  updatedBy: z.string(),
});
export type CallbackService = z.infer<typeof callbackServiceSchema>;

export const servicesListSchema = z.object({ items: z.array(callbackServiceSchema) });
export const departementParamsSchema = z.strictObject({ departement: departementCodeSchema });

/** The département's EPP/EPNP barometer, read-only (same figures as the national dashboard). */
export const departementBarometerQuerySchema = z.strictObject({ indicator: z.enum(["epp", "epnp"]).default("epp") });
export const departementBarometerSchema = z.object({
  departement: z.string(),
  nom: z.string(),
  indicator: z.enum(["epp", "epnp"]),
  points: z.array(
    z.object({
      year: z.number().int(),
      numerator: z.number().int(),
      denominator: z.number().int(),
      percent: z.number(),
      changePoints: z.number().nullable(),
      targetPercent: z.number().nullable(),
      targetSource: z.enum(["departemental", "national"]).nullable(),
      gapPoints: z.number().nullable(),
    }),
  ),
  /** True when some figures come from `npm run demo:barometre` (made-up). */
  fictitious: z.boolean(),
});
export type DepartementBarometer = z.infer<typeof departementBarometerSchema>;

/** The endpoints above by « METHOD /path » (src/domain/api/contract.ts), for the browser's client. */
export const callbackContract = {
  "GET /rappel/couverture": { query: coverageQuerySchema, response: coverageSchema },
  "POST /rappel/demandes": { body: newCallbackRequestSchema, response: createdCallbackSchema, status: 201 },
  "DELETE /rappel/demandes/:id": { params: callbackIdParamsSchema, status: 204 },
  "GET /pilotage/rappels": { response: inboxSchema },
  "GET /pilotage/rappels/barometre": { query: departementBarometerQuerySchema, response: departementBarometerSchema },
  "GET /pilotage/rappels/:id": { params: callbackIdParamsSchema, response: callbackRequestSchema },
  "POST /pilotage/rappels/:id/statut": { params: callbackIdParamsSchema, body: statusChangeSchema, response: callbackRequestSchema },
  "GET /pilotage/services-rappel": { response: servicesListSchema },
  "GET /pilotage/services-rappel/:departement": { params: departementParamsSchema, response: callbackServiceSchema },
  "PUT /pilotage/services-rappel/:departement": { params: departementParamsSchema, body: callbackServiceInputSchema, response: callbackServiceSchema },
} satisfies Contract;
