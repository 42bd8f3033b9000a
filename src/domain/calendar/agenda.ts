import { addDays, type IsoDate } from "../dates.js";
import { isoWeekday } from "./weekdays.js";

/** Anything with a window of days: computed events and the parent's own appointments. */
export interface Dated {
  id: string;
  start: IsoDate;
  end: IsoDate;
}

export interface Agenda<E extends Dated> {
  /** Open today and not done: what to do now. */
  now: E[];
  /** Starting within the next `soonDays` days. */
  soon: E[];
  /** Starting later. */
  later: E[];
  /** Over, or marked done. */
  past: E[];
}

/** Sorts a calendar into "à faire maintenant", "à venir", "plus tard" and "passés". */
export function splitAgenda<E extends Dated>(events: readonly E[], today: IsoDate, done: ReadonlySet<string>, soonDays = 60): Agenda<E> {
  const horizon = addDays(today, soonDays);
  const agenda: Agenda<E> = { now: [], soon: [], later: [], past: [] };
  for (const event of events) {
    if (done.has(event.id) || event.end < today) agenda.past.push(event);
    else if (event.start <= today) agenda.now.push(event);
    else if (event.start <= horizon) agenda.soon.push(event);
    else agenda.later.push(event);
  }
  const byStart = (a: E, b: E) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end) || a.id.localeCompare(b.id);
  agenda.now.sort((a, b) => a.end.localeCompare(b.end) || byStart(a, b)); // the most urgent deadline first
  agenda.soon.sort(byStart);
  agenda.later.sort(byStart);
  agenda.past.sort((a, b) => byStart(b, a));
  return agenda;
}

/** Events open on at least one day of the week starting today (home page reminder). */
export function thisWeek<E extends Dated>(events: readonly E[], today: IsoDate, done: ReadonlySet<string>): E[] {
  const weekEnd = addDays(today, 6);
  return events.filter((e) => !done.has(e.id) && e.start <= weekEnd && e.end >= today).sort((a, b) => a.end.localeCompare(b.end));
}

/** The days of a month grid (Monday first), with the events open on each day. */
export function monthGrid<E extends Dated>(events: readonly E[], year: number, month: number): { date: IsoDate | null; events: E[] }[][] {
  const first = `${year}-${String(month).padStart(2, "0")}-01`;
  const dayOfWeek = isoWeekday(first) - 1; // Monday = 0
  const days: { date: IsoDate | null; events: E[] }[] = Array.from({ length: dayOfWeek }, () => ({ date: null, events: [] }));
  for (let date = first; date.slice(0, 7) === first.slice(0, 7); date = addDays(date, 1))
    days.push({ date, events: events.filter((e) => e.start <= date && e.end >= date) });
  while (days.length % 7 !== 0) days.push({ date: null, events: [] });
  return Array.from({ length: days.length / 7 }, (_, week) => days.slice(week * 7, week * 7 + 7));
}

/**
 * Items that say the same thing for several people (twins' vaccines, each under its own child): one
 * group per key, in the order of their first item, so that a reminder lists them once with every name.
 */
export function groupAlike<E>(items: readonly E[], keyOf: (item: E) => string): E[][] {
  const groups = new Map<string, E[]>();
  for (const item of items) {
    const key = keyOf(item);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups.values()];
}

/** « Léa », « Léa et Noé », « Léa, Noé et Zoé »: each name once. */
export function frenchList(names: readonly string[]): string {
  const unique = [...new Set(names)];
  return unique.length <= 1 ? (unique[0] ?? "") : `${unique.slice(0, -1).join(", ")} et ${unique.at(-1)}`;
}
