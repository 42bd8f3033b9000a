import { useMemo } from "react";
import { computeCalendar, type CalendarEvent } from "../../../domain/calendar/index.js";
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
  subject: string;
  subjectLabel: string;
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
  const { profile, appointments } = useParent();
  return useMemo(() => {
    if (!profile) return { items: [], events: [] };
    const events = computeCalendar(withBirthForecast(calendarInputFromProfile(profile)));
    const items: AgendaItem[] = [
      ...events.map((event) => ({
        id: event.id,
        start: event.start,
        end: event.end,
        title: event.title,
        subject: event.subject,
        subjectLabel: subjectLabel(event.subject, profile),
        event,
      })),
      ...appointments.map((appointment) => ({
        id: `${PERSONAL_SUBJECT}:${appointment.id}`,
        start: appointment.date,
        end: appointment.date,
        title: appointment.title,
        subject: PERSONAL_SUBJECT,
        subjectLabel: subjectLabel(PERSONAL_SUBJECT, profile),
        appointment,
      })),
    ];
    return { items, events };
  }, [profile, appointments]);
}
