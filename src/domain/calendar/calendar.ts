import { compareDates } from "../dates.js";
import { isBornOf } from "../journey/pregnancy.js";
import { childExamEvents } from "./child-exams.js";
import { developmentCheckEvents } from "./development.js";
import { leaveEvents } from "./leave.js";
import { birthDeclarationEvent, motherFollowUpEvents } from "./postnatal.js";
import { pregnancyEvents } from "./pregnancy.js";
import type { CalendarEvent, CalendarInput, CalendarSubject, ChildInput, PregnancyInput } from "./types.js";
import { vaccineEvents } from "./vaccines.js";

/**
 * The whole calendar of a household, from its profile. Pure: the same input always gives the same
 * events with the same ids, sorted by first day then id. Past events are kept (the caller filters
 * with `today`).
 *
 * - The pregnancy gives its follow-up and steps (subject "grossesse"), plus a forecast of the
 *   leave computed from the terme, until a child born of this pregnancy is in the profile (a child
 *   born after the pregnancy's DDR, or whose expectedTerme is the pregnancy's terme). The pre-birth
 *   events of the pregnancy never move: a premature birth only moves what comes after the birth.
 * - Each birth (one child, or twins/triplets sharing a birth date) gives the parents' leave and the
 *   mother's follow-up once, under the subject of the child with the smallest id.
 * - Each child gives its birth declaration, health exams and vaccines.
 */
export function computeCalendar(input: CalendarInput): CalendarEvent[] {
  const events: CalendarEvent[] = [];
  if (input.pregnancy) events.push(...pregnancyCalendar(input.pregnancy, input.children));
  for (const group of birthGroups(input.children)) events.push(...birthCalendar(group));
  for (const child of input.children) events.push(...childCalendar(child));

  const ids = new Set<string>();
  for (const event of events) {
    if (ids.has(event.id)) throw new RangeError(`Duplicate calendar event id ${event.id} (two children with the same id?)`);
    ids.add(event.id);
  }
  return events.sort(compareEvents);
}

export function compareEvents(a: CalendarEvent, b: CalendarEvent): number {
  return compareDates(a.start, b.start) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function childSubject(child: Pick<ChildInput, "id">): CalendarSubject {
  return `enfant-${child.id}`;
}

function pregnancyCalendar(pregnancy: PregnancyInput, children: readonly ChildInput[]): CalendarEvent[] {
  const events = pregnancyEvents(pregnancy);
  if (!children.some((child) => isBornOf(pregnancy, child)))
    events.push(...leaveEvents({ subject: "grossesse", presumedBirth: pregnancy.terme, birth: null, rank: pregnancy.rank, babies: pregnancy.fetuses }));
  return events;
}

/**
 * Children born together: same birth date and a sibling count above 0. Each group is sorted by id;
 * a single child is a group of one.
 */
export function birthGroups(children: readonly ChildInput[]): ChildInput[][] {
  const byId = (a: ChildInput, b: ChildInput) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const groups = new Map<string, ChildInput[]>();
  for (const child of [...children].sort(byId)) {
    const key = child.siblingsBornSameDay > 0 ? `multiple:${child.birthDate}` : `single:${child.id}`;
    groups.set(key, [...(groups.get(key) ?? []), child]);
  }
  return [...groups.values()];
}

/**
 * The events a birth gives once for all its children (the parents' leave, the mother's follow-up) are
 * listed under the first child's subject; for twins and more they concern each child of the birth.
 * Event id → every subject it belongs to (only for births of two children or more).
 */
export function sharedBirthSubjects(input: CalendarInput): Map<string, CalendarSubject[]> {
  const shared = new Map<string, CalendarSubject[]>();
  for (const group of birthGroups(input.children)) {
    if (group.length < 2) continue;
    for (const event of birthCalendar(group)) shared.set(event.id, group.map(childSubject));
  }
  return shared;
}

function birthCalendar(group: readonly ChildInput[]): CalendarEvent[] {
  const first = group[0];
  if (!first) return [];
  const subject = childSubject(first);
  const babies = Math.max(group.length, ...group.map((c) => c.siblingsBornSameDay + 1));
  const rank = Math.min(...group.map((c) => c.rank));
  const presumedBirth = group.find((c) => c.expectedTerme !== null)?.expectedTerme ?? first.birthDate;
  return [
    ...leaveEvents({
      subject,
      presumedBirth,
      birth: first.birthDate,
      rank,
      babies,
      neonatalHospitalization: group.some((c) => c.neonatalHospitalization === true),
    }),
    ...motherFollowUpEvents({ subject, birth: first.birthDate, rank, postnatalRiskFactors: group.some((c) => c.postnatalRiskFactors === true) }),
  ];
}

function childCalendar(child: ChildInput): CalendarEvent[] {
  const subject = childSubject(child);
  const premature = child.expectedTerme !== null && compareDates(child.birthDate, child.expectedTerme) < 0;
  return [
    birthDeclarationEvent(subject, child.birthDate),
    ...childExamEvents(subject, child.birthDate, premature),
    ...vaccineEvents({ subject, birth: child.birthDate, bcgRecommended: child.bcgRecommended }),
    ...developmentCheckEvents(subject, child),
  ];
}
