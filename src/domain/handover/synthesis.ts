import { z } from "zod";
import { formatFrenchDate, isValidIsoDate } from "../dates.js";
import { EPNP_GUIDE, EPP_GUIDE, INTERVIEW_GUIDES } from "../interviews/themes.js";

/**
 * The synthesis of an entretien prénatal or postnatal précoce, written with the parent during the interview
 * and owned by the parent: printed, or handed over to their phone by link or QR code, where it is kept as a
 * note. Nothing of it is stored on a server. Short fields: it must fit in a QR code a phone reads easily.
 */
const isoDate = z.string().refine(isValidIsoDate, { message: "date invalide" });
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `${max} caractères au plus` });

/** Sized so that the whole synthesis, as one note of the parent's calendar, stays under its 2 000 characters. */
export const SYNTHESIS_LIMITS = { text: 400, contact: 60, appointment: 120, contacts: 4, appointments: 6 } as const;
export const NOTE_MAX_LENGTH = 2000;

/** Themes a synthesis may name: the private ones (violences) never travel to the parent's document. */
export const themeIds = [...new Set([...EPP_GUIDE.themes, ...EPNP_GUIDE.themes].filter((t) => !t.private).map((t) => t.id))] as [string, ...string[]];

export const synthesisSchema = z.strictObject({
  interview: z.enum(["epp", "epnp"]),
  /** Day of the interview. */
  date: isoDate,
  /** Themes talked about (ids of the guide's themes). */
  themes: z.array(z.enum(themeIds)).max(themeIds.length),
  /** « Ce qui compte pour vous ». */
  priorities: text(SYNTHESIS_LIMITS.text),
  /** « Vos besoins, ce qui aiderait ». */
  needs: text(SYNTHESIS_LIMITS.text),
  contacts: z.array(z.strictObject({ who: text(SYNTHESIS_LIMITS.contact).min(1), how: text(SYNTHESIS_LIMITS.contact) })).max(SYNTHESIS_LIMITS.contacts),
  appointments: z.array(z.strictObject({ date: isoDate, what: text(SYNTHESIS_LIMITS.appointment).min(1) })).max(SYNTHESIS_LIMITS.appointments),
});
export type Synthesis = z.infer<typeof synthesisSchema>;

export function themeTitle(interview: Synthesis["interview"], id: string): string {
  const guide = interview === "epp" ? EPP_GUIDE : EPNP_GUIDE;
  return guide.themes.find((t) => t.id === id)?.title ?? id;
}

/** A personal appointment of the parent's calendar (the app's own shape, kept on the device). */
export interface NoteAppointment {
  id: string;
  title: string;
  date: string;
  note: string;
}

/**
 * What a received synthesis becomes on the parent's phone: one dated note in the calendar (« Mes
 * rendez-vous »), plus one appointment per next appointment written down. Ids come from the interview, so
 * scanning the same code twice replaces instead of duplicating. Saved with the parent's other data, it is
 * exported, imported and erased with it.
 */
export function synthesisAsAppointments(synthesis: Synthesis): NoteAppointment[] {
  const guide = INTERVIEW_GUIDES[synthesis.interview];
  const base = `synthese-${synthesis.interview}-${synthesis.date}`;
  const lines: string[] = [];
  if (synthesis.priorities) lines.push(`Ce qui compte pour vous : ${synthesis.priorities}`);
  if (synthesis.needs) lines.push(`Vos besoins, ce qui aiderait : ${synthesis.needs}`);
  if (synthesis.contacts.length) lines.push(`À contacter : ${synthesis.contacts.map((c) => (c.how ? `${c.who} (${c.how})` : c.who)).join(" ; ")}`);
  // The next appointments are saved as appointments of their own (below), each on its day.
  if (synthesis.themes.length) lines.push(`Thèmes abordés : ${synthesis.themes.map((id) => themeTitle(synthesis.interview, id)).join(", ")}`);
  return [
    { id: base, title: `Synthèse de l'${guide.title.toLowerCase()}`, date: synthesis.date, note: lines.join("\n").slice(0, NOTE_MAX_LENGTH) },
    ...synthesis.appointments.map((a, i) => ({
      id: `${base}-rdv-${i + 1}`,
      title: a.what,
      date: a.date,
      note: `Noté lors de l'${guide.title.toLowerCase()} du ${formatFrenchDate(synthesis.date)}.`,
    })),
  ];
}
