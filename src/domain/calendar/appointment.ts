import { isValidIsoDate } from "../dates.js";

/** The form's messages for a parent, under their stable codes (part of src/domain/parent-messages.ts). */
export const APPOINTMENT_MESSAGES = {
  "appointment.title.missing": "Donnez un nom au rendez-vous.",
  "appointment.date.invalid": "Indiquez une date réelle (par exemple le 14/01/2027).",
} as const satisfies Record<string, string>;

type AppointmentMessageCode = keyof typeof APPOINTMENT_MESSAGES;

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
  /** In French; the browser shows the message of `code` in the parent's language (src/domain/parent-messages.ts). */
  message: string;
  code: AppointmentMessageCode;
}

const error = (field: AppointmentError["field"], code: AppointmentMessageCode) => ({ error: { field, message: APPOINTMENT_MESSAGES[code], code } });

/**
 * The appointment a draft describes (title and note trimmed and cut to their limits), or the first field to correct
 * with its French message. `id` is chosen by the caller (a random UUID on the device).
 */
export function appointmentFromDraft(draft: AppointmentDraft, id: string): { appointment: PersonalAppointment } | { error: AppointmentError } {
  const title = draft.title.trim();
  if (!title) return error("title", "appointment.title.missing");
  if (!isValidIsoDate(draft.date)) return error("date", "appointment.date.invalid");
  return {
    appointment: { id, title: title.slice(0, APPOINTMENT_LIMITS.title), date: draft.date, note: draft.note.trim().slice(0, APPOINTMENT_LIMITS.note) },
  };
}
