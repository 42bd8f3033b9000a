import { isValidIsoDate } from "../dates.js";

/** Lengths a personal appointment keeps (the form's `maxLength`, the backup file's schema). */
export const APPOINTMENT_LIMITS = { id: 64, title: 200, note: 2000 } as const;

/** An appointment the parent adds to the calendar; it stays on the device (IndexedDB, backup file). */
export interface PersonalAppointment {
  id: string;
  title: string;
  /** YYYY-MM-DD */
  date: string;
  note: string;
}

/** What the « Ajouter un rendez-vous » form holds before validation: raw strings as typed. */
export interface AppointmentDraft {
  title: string;
  date: string;
  note: string;
}

export interface AppointmentError {
  field: "title" | "date";
  message: string;
}

/**
 * The appointment a draft describes (title and note trimmed and cut to their limits), or the first field to correct
 * with its French message. `id` is chosen by the caller (a random UUID on the device).
 */
export function appointmentFromDraft(draft: AppointmentDraft, id: string): { appointment: PersonalAppointment } | { error: AppointmentError } {
  const title = draft.title.trim();
  if (!title) return { error: { field: "title", message: "Donnez un nom au rendez-vous." } };
  if (!isValidIsoDate(draft.date)) return { error: { field: "date", message: "Indiquez une date réelle (par exemple le 14/01/2027)." } };
  return {
    appointment: { id, title: title.slice(0, APPOINTMENT_LIMITS.title), date: draft.date, note: draft.note.trim().slice(0, APPOINTMENT_LIMITS.note) },
  };
}
