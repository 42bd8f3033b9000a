import { z } from "zod";
import { feedQuerySchema } from "../calendar/feed-query.js";
import { placeTypeIds } from "../geo/place-types.js";
import type { Contract } from "./contract.js";

/**
 * The service's own answers (issue 11): liveness and readiness (src/server/ops/health.ts) and the calendar
 * computed from one date (src/server/routes/calendar.ts) and the EPDS score (src/server/routes/epds.ts), as the API
 * sends them. Output-only schemas listing
 * every field the routes send, with no transform (the server checks its answers against them).
 */

export const healthSchema = z.object({
  status: z.literal("ok"),
  /** `pglite` or `postgres`. */
  database: z.string(),
  uptimeSeconds: z.number().int(),
});

/** One readiness check: passed or not, and why, in French. */
export const healthCheckSchema = z.object({ ok: z.boolean(), detail: z.string() });
export const readinessSchema = z.object({ status: z.literal("ready"), checks: z.record(z.string(), healthCheckSchema) });

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** An event of the calendar (src/domain/calendar/types.ts `CalendarEvent`). */
export const calendarEventSchema = z.object({
  id: z.string(),
  ruleId: z.string(),
  subject: z.string(),
  title: z.string(),
  description: z.string(),
  kind: z.enum(["suivi-medical", "demarche", "droit-conge", "vaccination"]),
  compulsory: z.boolean(),
  audience: z.array(z.enum(["mere", "second-parent", "enfant"])),
  start: isoDate,
  end: isoDate,
  articles: z.array(z.string()),
  placeTypes: z.array(z.enum(placeTypeIds)),
  source: z.object({ title: z.string(), publisher: z.string(), url: z.string(), date: isoDate, reference: z.string().optional() }),
  healthCertificate: z.boolean().optional(),
  page: z.string().optional(),
});
export const calendarSchema = z.object({ evenements: z.array(calendarEventSchema) });

/** The iCalendar file (RFC 5545), described by its content type. */
export const icsResponse = {
  description: "Le calendrier au format iCalendar (RFC 5545), en pièce jointe « mille-jours.ics »",
  content: { "text/calendar": { schema: z.string().describe("Fichier iCalendar (text/calendar; charset=utf-8)") } },
};

/** The EPDS score of `POST /epds/score` (src/domain/epds/score.ts and orientation.ts); nothing is stored. */
export const epdsScoreSchema = z.object({
  total: z.number().int(),
  questionDixPoints: z.number().int(),
  alerteSecurite: z.boolean(),
  niveau: z.object({ id: z.string(), libelle: z.string(), source: z.string() }),
  orientation: z.object({
    urgent: z.boolean(),
    steps: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(["urgence", "soin", "ecoute", "entraide", "suivi"]),
        title: z.string(),
        text: z.string(),
        phone: z.string().optional(),
        tel: z.string().optional(),
        sms: z.string().optional(),
        placeType: z.enum(placeTypeIds).optional(),
      }),
    ),
    placeTypes: z.array(z.enum(placeTypeIds)),
  }),
});

export const serviceContract = {
  "GET /health": { response: healthSchema },
  "GET /health/ready": { response: readinessSchema },
  "GET /calendar": { query: feedQuerySchema, response: calendarSchema },
  /** A file: no JSON answer. */
  "GET /calendar.ics": { query: feedQuerySchema },
  "POST /epds/score": { response: epdsScoreSchema },
} satisfies Contract;
