import { parseTemplate, templateArguments, TemplateSyntaxError } from "../content/message-template.js";
import { CALENDAR_TEXTS, frenchCalendarText, renderCalendarText, type CalendarTemplates, type CalendarText } from "./texts.js";
import type { CalendarEvent } from "./types.js";

/**
 * The calendar in another language: the texts of `content/traductions/<langue>/calendrier.json` (checked at build by
 * {@link calendarTranslationErrors}) written with each event's computed values. A text whose translation is missing
 * is shown in French, whole, and says so (`translated: false`): never a blank, never half a sentence.
 */

/** The language a calendar is written in: its templates (null for French) and its BCP-47 tag (plurals, numbers). */
export interface CalendarLanguage {
  templates: CalendarTemplates | null;
  lang: string;
}

export const FRENCH_CALENDAR: CalendarLanguage = { templates: null, lang: "fr" };

/** A text in `language`, or in French when it is not translated. */
export function calendarText(calendarText: CalendarText, language: CalendarLanguage): { text: string; translated: boolean } {
  const translated = language.templates ? renderCalendarText(calendarText, language.templates, language.lang) : null;
  return translated === null ? { text: frenchCalendarText(calendarText), translated: false } : { text: translated, translated: true };
}

export interface LocalizedEventText {
  title: string;
  description: string;
  /** Both title and description are in the language asked for (false for French, and for a text not translated). */
  translated: boolean;
}

export function localizeEventText(event: Pick<CalendarEvent, "texts">, language: CalendarLanguage): LocalizedEventText {
  const title = calendarText(event.texts.title, language);
  const description = calendarText(event.texts.description, language);
  return { title: title.text, description: description.text, translated: title.translated && description.translated };
}

/** A problem of a translation file, in French, naming the key. */
export interface CalendarTranslationError {
  key: string;
  message: string;
}

/**
 * What is wrong with a language's calendar texts against the French ones: a key missing or unknown, an empty text, a
 * template that does not parse, or placeholders that differ from the French (`{exam}` dropped, `{mois}` invented).
 */
export function calendarTranslationErrors(texts: Readonly<Record<string, unknown>>): CalendarTranslationError[] {
  const errors: CalendarTranslationError[] = [];
  for (const key of Object.keys(CALENDAR_TEXTS))
    if (!(key in texts)) errors.push({ key, message: "manquant : chaque texte du calendrier français doit être traduit (src/domain/calendar/texts.ts)" });
  for (const [key, value] of Object.entries(texts)) {
    const french = (CALENDAR_TEXTS as Record<string, string>)[key];
    if (french === undefined) {
      errors.push({ key, message: "clé inconnue : les clés sont celles de src/domain/calendar/texts.ts" });
      continue;
    }
    if (typeof value !== "string" || value.trim() === "") {
      errors.push({ key, message: "ne doit pas être vide : écrivez la traduction" });
      continue;
    }
    try {
      parseTemplate(value);
    } catch (error) {
      if (!(error instanceof TemplateSyntaxError)) throw error;
      errors.push({ key, message: `texte mal formé : ${error.message}` });
      continue;
    }
    const expected = templateArguments(french);
    const found = templateArguments(value);
    if (expected.join() !== found.join()) {
      const show = (names: string[]) => (names.length ? names.map((n) => `{${n}}`).join(", ") : "aucune");
      errors.push({ key, message: `variables différentes du français : attendu ${show(expected)}, trouvé ${show(found)}` });
    }
  }
  return errors;
}
