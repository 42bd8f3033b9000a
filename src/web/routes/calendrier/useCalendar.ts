import { useMemo } from "react";
import { useLingui } from "@lingui/react/macro";
import { computeCalendar, sharedBirthSubjects } from "../../../domain/calendar/calendar.js";
import type { CalendarEvent } from "../../../domain/calendar/types.js";
import { canCatchUp, groupAlike } from "../../../domain/calendar/agenda.js";
import { FRENCH_CALENDAR, localizeEventText, type CalendarLanguage } from "../../../domain/calendar/translation.js";
import { localeByCode, type ContentLanguage, type TranslationStatus } from "../../../domain/content/languages.js";
import { useContentLanguage, useTranslationBundle } from "../../state/translations.js";
import { namesList } from "./labels.js";
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
  /** In the reader's language where translated (content/traductions/<langue>/calendrier.json), French otherwise. */
  title: string;
  /** The event's explanation, in the same language as `title` (empty for a personal appointment). */
  description: string;
  /** A computed event shown in French in another language (not translated, or the translation not loaded): say so. */
  fallback: boolean;
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

/** The name of a calendar's person (or of the pregnancy, or of the parent's own appointments), in the active language. */
export function useSubjectLabel(): (subject: string, profile: Profile) => string {
  const { t } = useLingui();
  return (subject, profile) => {
    if (subject === "grossesse") return t`Grossesse`;
    if (subject === PERSONAL_SUBJECT) return t`Mes rendez-vous`;
    const childId = subject.replace(/^enfant-/, "");
    if (childId.startsWith(FORECAST_CHILD_PREFIX)) return t`Bébé à naître (prévision depuis le terme)`;
    const index = profile.children.findIndex((c) => c.id === childId);
    const child = profile.children[index];
    const number = index + 1;
    return child ? child.firstName || t`Enfant ${number}` : t`Enfant`;
  };
}

/**
 * The calendar's texts in the reader's language: the translation bundle's (loaded on demand, kept on the device),
 * French until it is there or when the language has none. `status` is the translation's review status.
 */
export function useCalendarLanguage(): { language: ContentLanguage; calendar: CalendarLanguage; status: TranslationStatus | null } {
  const language = useContentLanguage();
  const translation = useTranslationBundle(language);
  // A bundle kept on the device by an older version has no calendar texts: French, with the note.
  const texts = translation.status === "ready" ? (translation.bundle.calendar ?? null) : null;
  return useMemo(
    () => ({
      language,
      calendar: texts ? { templates: texts.texts, lang: localeByCode(language).lang } : FRENCH_CALENDAR,
      status: texts?.translation ?? null,
    }),
    [language, texts],
  );
}

/** The parent's whole calendar, computed on the device from the profile, plus personal appointments. */
export function useCalendar(): { items: AgendaItem[]; events: CalendarEvent[] } {
  const { profile, appointments, today } = useParent("profile", "appointments", "today");
  const { language, calendar } = useCalendarLanguage();
  const subjectLabel = useSubjectLabel();
  const { i18n } = useLingui();
  return useMemo(() => {
    if (!profile) return { items: [], events: [] };
    const input = withBirthForecast(calendarInputFromProfile(profile));
    const events = computeCalendar(input);
    const shared = sharedBirthSubjects(input);
    const pregnancyOver = isPregnancyOver(profile, today);
    const items: AgendaItem[] = [
      ...events.map((event) => {
        const subjects: string[] = shared.get(event.id) ?? [event.subject];
        const text = localizeEventText(event, calendar);
        return {
          id: event.id,
          start: event.start,
          end: event.end,
          title: text.title,
          description: text.description,
          fallback: language !== "fr" && !text.translated,
          subject: event.subject,
          subjects,
          subjectLabel: namesList(subjects.map((s) => subjectLabel(s, profile))),
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
        description: "",
        fallback: false,
        subject: PERSONAL_SUBJECT,
        subjects: [PERSONAL_SUBJECT],
        subjectLabel: subjectLabel(PERSONAL_SUBJECT, profile),
        alikeKey: `${PERSONAL_SUBJECT}:${appointment.id}`,
        catchUp: false,
        appointment,
      })),
    ];
    return { items, events };
    // i18n.locale: the subjects' names follow the interface's language.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [profile, appointments, today, calendar, language, i18n.locale]);
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
    label: namesList(group.map((item) => item.subjectLabel)),
  }));
}
