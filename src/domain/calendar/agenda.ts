import { addDays, type IsoDate } from "../dates.js";
import type { CalendarEvent, EventKind } from "./types.js";
import { isoWeekday } from "./weekdays.js";

/** Anything with a window of days: computed events and the parent's own appointments. */
export interface Dated {
  id: string;
  start: IsoDate;
  end: IsoDate;
  /**
   * It can still be done once its window is over (an exam, a vaccine, a step): it then stays « pas
   * encore fait » until the parent marks it done or dismisses it. See {@link canCatchUp}.
   */
  catchUp?: boolean;
}

export interface Agenda<E extends Dated> {
  /** Window over, not done nor dismissed, and it can still be done: « pas encore fait ». */
  late: E[];
  /** Open today and not done: what to do now. */
  now: E[];
  /** Starting within the next `soonDays` days. */
  soon: E[];
  /** Starting later. */
  later: E[];
  /** Marked done or dismissed, or over and no longer possible (a leave not taken). */
  past: E[];
}

/**
 * Sorts a calendar into "pas encore fait", "à faire maintenant", "à venir", "plus tard" and "passés ou
 * faits". `settled` holds the ids the parent marked done or dismissed: only those, and what can no
 * longer be done, go to the past. An exam whose window is over but that was never done is not « passé ».
 */
export function splitAgenda<E extends Dated>(events: readonly E[], today: IsoDate, settled: ReadonlySet<string>, soonDays = 60): Agenda<E> {
  const horizon = addDays(today, soonDays);
  const agenda: Agenda<E> = { late: [], now: [], soon: [], later: [], past: [] };
  for (const event of events) {
    if (isLate(event, today, settled)) agenda.late.push(event);
    else if (settled.has(event.id) || event.end < today) agenda.past.push(event);
    else if (event.start <= today) agenda.now.push(event);
    else if (event.start <= horizon) agenda.soon.push(event);
    else agenda.later.push(event);
  }
  const byStart = (a: E, b: E) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end) || a.id.localeCompare(b.id);
  agenda.late.sort(byStart); // the longest overdue first
  agenda.now.sort((a, b) => a.end.localeCompare(b.end) || byStart(a, b)); // the most urgent deadline first
  agenda.soon.sort(byStart);
  agenda.later.sort(byStart);
  agenda.past.sort((a, b) => byStart(b, a));
  return agenda;
}

/** « Pas encore fait »: its window is over, it can still be done, and it is neither done nor dismissed. */
export function isLate(event: Dated, today: IsoDate, settled: ReadonlySet<string>): boolean {
  return event.catchUp === true && event.end < today && !settled.has(event.id);
}

/**
 * Whether a calendar event can still be done once its window is over, so that it stays « pas encore
 * fait » rather than « passé »:
 * - a leave (congé) cannot: the right is lost when its window ends (C. trav. art. L1225-35-1, D1225-8);
 * - an event of the pregnancy can until the pregnancy is over (birth entered, or 2 weeks past the
 *   terme): the entretien prénatal précoce, for one, is customary in the 4th month but can still be held
 *   later in the pregnancy (Code de la santé publique art. L2122-1 sets no deadline);
 * - a child's exam or vaccine can be caught up (the calendrier des vaccinations has catch-up
 *   schedules); a step such as declaring the birth still has to be done when late (past the 5 days,
 *   through the court: Code civil art. 55);
 * - a development check cannot: once its age band is over, the next band's check replaces it.
 */
export function canCatchUp(event: Pick<CalendarEvent, "kind" | "subject"> & { page?: string | undefined }, pregnancyOver: boolean): boolean {
  if (event.kind === "droit-conge") return false;
  // A development check is replaced by the next age's (src/domain/calendar/development.ts): never « pas encore fait ».
  if (event.page?.startsWith("/developpement/reperage")) return false;
  if (event.subject === "grossesse") return !pregnancyOver;
  return true;
}

/** What to do now about an event whose window is over but that can still be done. */
export function catchUpAdvice(kind: EventKind): string {
  switch (kind) {
    case "vaccination":
      return "La date prévue est passée, mais un rattrapage est possible : parlez-en au médecin, à la sage-femme ou à la PMI, qui vous dira quand le faire.";
    case "demarche":
      return "Le délai prévu est passé, mais la démarche reste à faire : faites-la dès que possible ; la page de l'événement dit à qui vous adresser.";
    default:
      return "La période prévue est passée, mais il n'est pas trop tard : prenez rendez-vous dès que possible (médecin, sage-femme ou PMI).";
  }
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
