import type { CalendarEvent } from "../../../domain/calendar/types.js";
import { FORECAST_CHILD_PREFIX } from "../../../domain/calendar/from-profile.js";
import { daysInMonth, formatFrenchDate, type IsoDate } from "../../../domain/dates.js";
import type { Profile } from "../../../domain/profile/profile.js";

/** Whom a line is for: the pregnancy, the babies expected, or children already born (first name, else their rank). */
export type Who = { kind: "pregnancy" } | { kind: "expected"; count: number } | { kind: "children"; children: { firstName: string | null; rank: number }[] };

/** One printed line: an appointment, step or right, once for babies born the same day (twins, triplets). */
export interface PrintLine {
  key: string;
  start: IsoDate;
  end: IsoDate;
  title: string;
  who: Who;
  kind: CalendarEvent["kind"];
  compulsory: boolean;
}

/**
 * The lines of a family's printed calendar: events still open on `from` and starting by `to`, in date order.
 * The same rule on the same days for several children (twins) makes one line naming them together.
 */
export function printLines(events: readonly CalendarEvent[], profile: Profile, from: IsoDate, to: IsoDate): PrintLine[] {
  const lines = new Map<string, { event: CalendarEvent; subjects: string[] }>();
  for (const event of events) {
    if (event.end < from || event.start > to) continue;
    const key = `${event.ruleId}|${event.start}|${event.end}`;
    const line = lines.get(key);
    if (line) line.subjects.push(event.subject);
    else lines.set(key, { event, subjects: [event.subject] });
  }
  return [...lines.entries()]
    .map(([key, { event, subjects }]) => ({
      key,
      start: event.start,
      end: event.end,
      title: event.title,
      who: whoLabel(subjects, profile),
      kind: event.kind,
      compulsory: event.compulsory,
    }))
    .sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end) || a.title.localeCompare(b.title, "fr"));
}

function whoLabel(subjects: string[], profile: Profile): Who {
  if (subjects.includes("grossesse")) return { kind: "pregnancy" };
  const forecast = subjects.filter((s) => s.startsWith(`enfant-${FORECAST_CHILD_PREFIX}`));
  if (forecast.length) return { kind: "expected", count: forecast.length };
  return {
    kind: "children",
    children: subjects.map((s) => {
      const index = profile.children.findIndex((c) => `enfant-${c.id}` === s);
      return { firstName: profile.children[index]?.firstName || null, rank: index + 1 };
    }),
  };
}

const MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

/**
 * A window of days said as shortly, in French as a person would: « 12 mars 2027 », « mars 2027 » for a whole month,
 * « 3 → 23 octobre 2026 », « 19 décembre 2026 → 8 janvier 2027 ». The year is written once when it is the same.
 */
export function compactWindow(start: IsoDate, end: IsoDate): string {
  if (start === end) return formatFrenchDate(start);
  const [sy, sm, sd] = start.split("-").map(Number) as [number, number, number];
  const [ey, em, ed] = end.split("-").map(Number) as [number, number, number];
  const day = (d: number) => (d === 1 ? "1er" : String(d));
  if (sy === ey && sm === em && sd === 1 && ed === daysInMonth(ey, em)) return `${MONTHS[sm - 1]} ${sy}`;
  if (sy === ey && sm === em) return `${day(sd)} → ${day(ed)} ${MONTHS[em - 1]} ${ey}`;
  if (sy === ey) return `${day(sd)} ${MONTHS[sm - 1]} → ${day(ed)} ${MONTHS[em - 1]} ${ey}`;
  return `${day(sd)} ${MONTHS[sm - 1]} ${sy} → ${day(ed)} ${MONTHS[em - 1]} ${ey}`;
}
