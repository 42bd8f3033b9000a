import { addDays, type IsoDate } from "../dates.js";
import type { CalendarEvent } from "./types.js";
import { CALENDAR_TEXTS, text, type CalendarText, type CalendarTextKey } from "./texts.js";
import { calendarText, FRENCH_CALENDAR, localizeEventText, type CalendarLanguage } from "./translation.js";

/**
 * A small RFC 5545 writer: all-day events as `VALUE=DATE` windows (DTEND is the day after the last day),
 * stable UIDs so that re-importing updates rather than duplicates, TEXT escaping, lines folded at
 * 75 octets (not characters: a French accent takes 2 octets), CRLF line ends.
 */
export interface IcsEntry {
  uid: string;
  title: string;
  description: string;
  start: IsoDate;
  /** Last day, inclusive. */
  end: IsoDate;
  categories?: string[];
  url?: string;
}

/**
 * DTSTAMP of the generated files: the day the calendar rules were last reviewed. Bump it when a rule
 * changes, so that subscribed calendars see the events as updated; the same input otherwise gives the same file.
 */
export const CALENDAR_RULES_STAMP = new Date(Date.UTC(2026, 10, 23));

export type Reminder = "aucun" | "jour-meme" | "semaine-avant";

export interface IcsOptions {
  calendarName: string;
  /** DTSTAMP of every event: fixed by the caller so that the same input gives the same file. */
  stamp: Date;
  reminder: Reminder;
  uidDomain: string;
}

export function escapeText(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/** Folds a content line so that no physical line exceeds 75 octets, never splitting a UTF-8 character. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = "";
  let size = 0;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with one space
    if (size + bytes > limit) {
      parts.push(current);
      current = "";
      size = 0;
    }
    current += char;
    size += bytes;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

const compactDate = (date: IsoDate) => date.replaceAll("-", "");
const compactStamp = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

function alarm(reminder: Reminder, title: string): string[] {
  if (reminder === "aucun") return [];
  // Relative to the start of an all-day event (midnight): 9:00 that day, or 9:00 one week before.
  const trigger = reminder === "jour-meme" ? "PT9H" : "-P6DT15H";
  return ["BEGIN:VALARM", "ACTION:DISPLAY", `DESCRIPTION:${escapeText(title)}`, `TRIGGER:${trigger}`, "END:VALARM"];
}

export function toIcs(entries: readonly IcsEntry[], options: IcsOptions): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Mille Jours//Calendrier des 1000 jours//FR",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(options.calendarName)}`,
  ];
  for (const entry of entries) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${entry.uid}@${options.uidDomain}`,
      `DTSTAMP:${compactStamp(options.stamp)}`,
      `DTSTART;VALUE=DATE:${compactDate(entry.start)}`,
      `DTEND;VALUE=DATE:${compactDate(addDays(entry.end, 1))}`,
      `SUMMARY:${escapeText(entry.title)}`,
      `DESCRIPTION:${escapeText(entry.description)}`,
      ...(entry.categories?.length ? [`CATEGORIES:${entry.categories.map(escapeText).join(",")}`] : []),
      ...(entry.url ? [`URL:${entry.url}`] : []),
      "TRANSP:TRANSPARENT",
      ...alarm(options.reminder, entry.title),
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}

/** French label of each kind of event, for screens and calendar files. */
export const eventKindLabels: Record<CalendarEvent["kind"], string> = {
  "suivi-medical": CALENDAR_TEXTS["type.suivi-medical"],
  demarche: CALENDAR_TEXTS["type.demarche"],
  "droit-conge": CALENDAR_TEXTS["type.droit-conge"],
  vaccination: CALENDAR_TEXTS["type.vaccination"],
};

/**
 * A computed event as an ICS entry: its explanation, whether it is compulsory, and its source; in `language` where
 * translated (src/domain/calendar/translation.ts), French otherwise.
 */
export function icsEntryFromEvent(event: CalendarEvent, language: CalendarLanguage = FRENCH_CALENDAR): IcsEntry {
  const label = (key: CalendarTextKey, values?: CalendarText["values"]) => calendarText(text(key, values), language).text;
  const { title, description } = localizeEventText(event, language);
  const status = label(event.compulsory ? "ics.obligatoire" : "ics.recommande");
  return {
    uid: event.id,
    title,
    description: `${description}\n${status}\n${label("ics.source", { publisher: event.source.publisher, url: event.source.url })}`,
    start: event.start,
    end: event.end,
    categories: [label(`type.${event.kind}`)],
  };
}

/** The calendar's name in calendar apps, in `language`. */
export function icsCalendarName(language: CalendarLanguage = FRENCH_CALENDAR): string {
  return calendarText(text("ics.nom"), language).text;
}
