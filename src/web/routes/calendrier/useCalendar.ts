import { useMemo } from "react";
import { computeCalendar, type CalendarEvent } from "../../../domain/calendar/index.js";
import { sharedBirthSubjects } from "../../../domain/calendar/calendar.js";
import { canCatchUp, frenchList, groupAlike } from "../../../domain/calendar/agenda.js";
import { isPregnancyOver } from "../../../domain/profile/profile.js";
import { calendarInputFromProfile, FORECAST_CHILD_PREFIX, withBirthForecast } from "../../../domain/calendar/from-profile.js";
import type { Profile } from "../../../domain/profile/profile.js";
import type { PersonalAppointment } from "../../storage/local-db.js";
import { useParent } from "../../state/parent.js";

/** One line of the parent's calendar: a computed event or one of their own appointments. */
export interface AgendaItem {
  id: string;
  start: string;
  end: string;
  title: string;
  /** The person it is for; a birth's shared events (leave, mother's follow-up) are under the first twin. */
  subject: string;
  /** Everyone it concerns: each twin for a birth's shared events, otherwise just `subject`. */
  subjects: string[];
  /** The names of `subjects`: « Léa et Noé ». */
  subjectLabel: string;
  /** It can still be done once its window is over (see canCatchUp). */
  catchUp: boolean;
  /** Same key = the same step for another child (twins' vaccines): shown once with both names in reminders. */
  alikeKey: string;
  event?: CalendarEvent;
  appointment?: PersonalAppointment;
}

export const PERSONAL_SUBJECT = "perso";

export function subjectLabel(subject: string, profile: Profile): string {
  if (subject === "grossesse") return "Grossesse";
  if (subject === PERSONAL_SUBJECT) return "Mes rendez-vous";
  const childId = subject.replace(/^enfant-/, "");
  if (childId.startsWith(FORECAST_CHILD_PREFIX)) return "Bébé à naître (prévision depuis le terme)";
  const index = profile.children.findIndex((c) => c.id === childId);
  const child = profile.children[index];
  return child ? child.firstName || `Enfant ${index + 1}` : "Enfant";
}

/** The parent's whole calendar, computed on the device from the profile, plus personal appointments. */
export function useCalendar(): { items: AgendaItem[]; events: CalendarEvent[] } {
  const { profile, appointments, today } = useParent("profile", "appointments", "today");
  return useMemo(() => {
    if (!profile) return { items: [], events: [] };
    const input = withBirthForecast(calendarInputFromProfile(profile));
    const events = computeCalendar(input);
    const shared = sharedBirthSubjects(input);
    const pregnancyOver = isPregnancyOver(profile, today);
    const items: AgendaItem[] = [
      ...events.map((event) => {
        const subjects: string[] = shared.get(event.id) ?? [event.subject];
        return {
          id: event.id,
          start: event.start,
          end: event.end,
          title: event.title,
          subject: event.subject,
          subjects,
          subjectLabel: frenchList(subjects.map((s) => subjectLabel(s, profile))),
          alikeKey: `${event.ruleId}|${event.start}|${event.end}`,
          catchUp: canCatchUp(event, pregnancyOver),
          event,
        };
      }),
      ...appointments.map((appointment) => ({
        id: `${PERSONAL_SUBJECT}:${appointment.id}`,
        start: appointment.date,
        end: appointment.date,
        title: appointment.title,
        subject: PERSONAL_SUBJECT,
        subjects: [PERSONAL_SUBJECT],
        subjectLabel: subjectLabel(PERSONAL_SUBJECT, profile),
        alikeKey: `${PERSONAL_SUBJECT}:${appointment.id}`,
        catchUp: false,
        appointment,
      })),
    ];
    return { items, events };
  }, [profile, appointments, today]);
}

/** Calendar lines merged when they say the same thing for several children, with every name. */
export interface AlikeGroup {
  first: AgendaItem;
  items: AgendaItem[];
  label: string;
}

export function mergeAlike(items: readonly AgendaItem[]): AlikeGroup[] {
  return groupAlike(items, (item) => item.alikeKey).map((group) => ({
    first: group[0]!,
    items: group,
    label: frenchList(group.map((item) => item.subjectLabel)),
  }));
}
