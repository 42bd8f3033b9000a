import { z } from "zod";
import { MAX_BABIES } from "../profile/limits.js";
import type { Reminder } from "./ics.js";
import { contentLanguages, type ContentLanguage } from "../content/languages.js";

/**
 * The query string of the calendar feed (`GET /api/v1/calendar(.ics)?terme=…&rang=…&multiple=…&rappels=…`): the one
 * definition the server validates (`querystring` of the route, so the OpenAPI describes it) and the browser builds
 * its subscription links with (`feed-links.ts`, through its type only: the browser does without zod). Parameter names
 * are French, as in the published API. `langue` writes the events in one of the app's languages
 * (content/traductions/<langue>/calendrier.json), French when absent.
 */
export const FEED_REMINDERS = ["aucun", "jour-meme", "semaine-avant"] as const satisfies readonly Reminder[];
/** The child's rank (1 = first child) the leave rules read; 20 is far above any real family. */
export const MAX_FEED_RANK = 20;

const dateParam = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "format attendu : AAAA-MM-JJ" });

export const feedQuerySchema = z.strictObject({
  terme: dateParam.optional(),
  ddr: dateParam.optional(),
  naissance: dateParam.optional(),
  rang: z.coerce.number().int().min(1).max(MAX_FEED_RANK).default(1),
  multiple: z.coerce.number().int().min(1).max(MAX_BABIES).default(1),
  rappels: z.enum(FEED_REMINDERS).default("aucun"),
  langue: z.enum(contentLanguages as [ContentLanguage, ...ContentLanguage[]], { message: `langue inconnue : ${contentLanguages.join(", ")}` }).optional(),
});
/** A parsed feed query: the dates as given (the route checks them against today), the defaults filled in. */
export type FeedQuery = z.output<typeof feedQuerySchema>;

/** Reads a query string (with or without `?`) as the route does; the French message of the first problem otherwise. */
export function parseFeedQuery(search: string): { query: FeedQuery } | { error: string } {
  const params = new URLSearchParams(search);
  const record: Record<string, string> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    if (values.length > 1) return { error: `${key} : une seule valeur attendue` };
    record[key] = values[0]!;
  }
  const parsed = feedQuerySchema.safeParse(record);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    return { error: issue!.path.length > 0 ? `${issue!.path.join(".")} : ${issue!.message}` : issue!.message };
  }
  return { query: parsed.data };
}
