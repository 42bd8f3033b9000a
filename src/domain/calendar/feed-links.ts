import type { IsoDate } from "../dates.js";
import type { ContentLanguage } from "../content/languages.js";
import type { FeedQuery } from "./feed-query.js";
import type { Reminder } from "./ics.js";
import type { CalendarInput } from "./types.js";

/**
 * The calendar feed's subscription links, as the browser writes them: the query string of `feed-query.ts`'s schema,
 * whose type alone is imported here, so that the calendar page does not load zod (issue 19).
 */
const KEYS = ["terme", "ddr", "naissance", "rang", "multiple", "rappels", "langue"] as const satisfies readonly (keyof FeedQuery)[];

/** The query string (without `?`) for a feed query, its parameters always in the same order. */
export function feedQueryString(query: FeedQuery): string {
  const params = new URLSearchParams();
  for (const key of KEYS) if (query[key] !== undefined) params.set(key, String(query[key]));
  return params.toString();
}

/**
 * One feed per pregnancy or birth date of the calendar input (twins share one), as the calendar on the device counts
 * them, in `language` (French, the default, is not written).
 */
export function feedsOfInput(
  input: CalendarInput,
  reminder: Reminder,
  language: ContentLanguage = "fr",
): { kind: "terme" | "naissance"; date: IsoDate; query: FeedQuery }[] {
  const feeds: { kind: "terme" | "naissance"; date: IsoDate; query: FeedQuery }[] = [];
  const langue = language === "fr" ? {} : { langue: language };
  if (input.pregnancy) {
    const { terme, rank, fetuses } = input.pregnancy;
    feeds.push({ kind: "terme", date: terme, query: { terme, rang: rank, multiple: fetuses, rappels: reminder, ...langue } });
  }
  for (const child of new Map(input.children.map((c) => [c.birthDate, c])).values())
    feeds.push({
      kind: "naissance",
      date: child.birthDate,
      query: { naissance: child.birthDate, rang: child.rank, multiple: child.siblingsBornSameDay + 1, rappels: reminder, ...langue },
    });
  return feeds;
}
