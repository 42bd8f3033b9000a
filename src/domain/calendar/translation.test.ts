import { describe, expect, it } from "vitest";
import { computeCalendar } from "./calendar.js";
import { icsCalendarName, icsEntryFromEvent } from "./ics.js";
import { CALENDAR_TEXTS } from "./texts.js";
import { calendarTranslationErrors, FRENCH_CALENDAR, localizeEventText, type CalendarLanguage } from "./translation.js";

/** A fake translation: every French template with its placeholders, marked so that a French leftover shows. */
const fakeTemplates = Object.fromEntries(Object.entries(CALENDAR_TEXTS).map(([key, french]) => [key, `[xx] ${french}`]));
const fake: CalendarLanguage = { templates: fakeTemplates, lang: "en" };

const input = {
  pregnancy: { terme: "2027-05-01", fetuses: 2, rank: 3, unmarriedParents: true, gestationalDiabetesRisk: true },
  children: [
    { id: "a", birthDate: "2025-02-10", expectedTerme: "2025-04-10", rank: 1, siblingsBornSameDay: 0, bcgRecommended: true, neonatalHospitalization: true },
    { id: "b", birthDate: "2024-09-01", expectedTerme: null, rank: 1, siblingsBornSameDay: 0, bcgRecommended: false },
  ],
};

describe("the calendar in another language", () => {
  it("writes every event's title and description from the language's texts, nested parts included", () => {
    const events = computeCalendar(input);
    expect(events.length).toBeGreaterThan(50);
    for (const event of events) {
      const text = localizeEventText(event, fake);
      expect(text.translated, event.id).toBe(true);
      expect(text.title.startsWith("[xx] "), event.id).toBe(true);
      expect(text.description.startsWith("[xx] "), event.id).toBe(true);
      // Nested texts (vaccine lists, the leave's parts) are translated too: only the marked text around French.
      expect(text.description.replaceAll("[xx] ", "")).toBe(event.description);
    }
  });
  it("is French, unchanged, without a translation", () => {
    for (const event of computeCalendar(input))
      expect(localizeEventText(event, FRENCH_CALENDAR)).toEqual({ title: event.title, description: event.description, translated: false });
  });
  it("falls back to the whole French text when one key, even a nested one, is missing", () => {
    const { ["vaccins.liste.2-mois"]: _dropped, ...partial } = fakeTemplates;
    const event = computeCalendar(input).find((e) => e.id === "enfant-a:vaccins-2-mois")!;
    expect(localizeEventText(event, { templates: partial, lang: "en" })).toEqual({
      title: `[xx] ${event.title}`,
      description: event.description,
      translated: false,
    });
  });
  it("writes the .ics entry and the calendar's name in the language", () => {
    const event = computeCalendar(input).find((e) => e.ruleId === "examen-prenatal-3")!;
    const entry = icsEntryFromEvent(event, fake);
    expect(entry.title).toBe("[xx] Examen prénatal n° 3 (5e mois)");
    expect(entry.description).toContain("[xx] Obligatoire.");
    expect(entry.description).toContain(`[xx] Source : ${event.source.publisher} – ${event.source.url}`);
    expect(entry.categories).toEqual(["[xx] Suivi médical"]);
    expect(icsCalendarName(fake)).toBe("[xx] Mille Jours – mes rendez-vous");
    expect(icsEntryFromEvent(event).title).toBe(event.title);
  });
});

describe("checking a translation of the calendar", () => {
  it("accepts the complete fake translation", () => {
    expect(calendarTranslationErrors(fakeTemplates)).toEqual([]);
  });
  it("names a missing key, an unknown key, an empty text, a bad template and different placeholders, in French", () => {
    const { ["vaccin-bcg.title"]: _missing, ...texts } = fakeTemplates;
    const errors = calendarTranslationErrors({
      ...texts,
      "vaccin-bcg.titre": "BCG",
      "vaccin-rotavirus.title": " ",
      "conge-maternite.title": "Maternity leave ({weeks weeks)",
      "examen-prenatal.title": "Prenatal exam {exam}",
      "vaccins-mois.title": "{mois} vaccines",
    });
    expect(errors).toHaveLength(6);
    expect(errors).toEqual(
      expect.arrayContaining([
        { key: "vaccin-bcg.title", message: expect.stringMatching(/^manquant/) },
        { key: "vaccin-bcg.titre", message: expect.stringMatching(/^clé inconnue/) },
        { key: "vaccin-rotavirus.title", message: "ne doit pas être vide : écrivez la traduction" },
        { key: "conge-maternite.title", message: expect.stringMatching(/^texte mal formé : /) },
        { key: "examen-prenatal.title", message: "variables différentes du français : attendu {exam}, {month}, trouvé {exam}" },
        { key: "vaccins-mois.title", message: "variables différentes du français : attendu {months}, trouvé {mois}" },
      ]),
    );
  });
});
