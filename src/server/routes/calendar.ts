import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { computeCalendar } from "../../domain/calendar/index.js";
import { CALENDAR_RULES_STAMP, icsCalendarName, icsEntryFromEvent, toIcs } from "../../domain/calendar/ics.js";
import { FRENCH_CALENDAR, localizeEventText, type CalendarLanguage, type LocalizedEventText } from "../../domain/calendar/translation.js";
import { isTranslationLanguage, localeByCode, type ContentLanguage, type TranslationBundle, type TranslationLanguage } from "../../domain/content/schema.js";

import { isoDateInTimeZone } from "../../domain/dates.js";
import { icsResponse, serviceContract } from "../../domain/api/service.js";
import { problemSchema } from "../problem.js";
import { InvalidInputError } from "../../domain/errors.js";
import { calendarInputFromFeedQuery } from "../../domain/calendar/from-feed-query.js";

const pick = ({ title, description }: LocalizedEventText) => ({ title, description });

/** UIDs carry the configured public host name (PUBLIC_URL), never the request's Host, which any client sets. */
export const DEFAULT_UID_DOMAIN = "mille-jours.local";

/**
 * The calendar routes; `translations` (content/traductions, validated at start-up) write the events in the `langue`
 * asked for, French where a text is not translated.
 */
export function calendarRoutes(
  uidDomain: string = DEFAULT_UID_DOMAIN,
  translations: ReadonlyMap<TranslationLanguage, TranslationBundle> = new Map(),
): FastifyPluginAsyncZod {
  const languageOf = (langue: ContentLanguage | undefined): CalendarLanguage =>
    langue === undefined || !isTranslationLanguage(langue)
      ? FRENCH_CALENDAR
      : { templates: translations.get(langue)?.calendar?.texts ?? null, lang: localeByCode(langue).lang };
  return async (app) => {
    const schema = (summary: string, ok: typeof icsResponse | (typeof serviceContract)["GET /calendar"]["response"]) => ({
      summary,
      tags: ["calendrier"],
      description:
        "Une seule date parmi terme, ddr et naissance (AAAA-MM-JJ). rang : rang de l'enfant (1 = premier). multiple : nombre de bébés. langue : la langue des titres et explications (fr par défaut ; le français quand un texte n'est pas traduit). Rien n'est enregistré ; seul le chemin de la requête est journalisé.",
      querystring: serviceContract["GET /calendar"].query,
      response: { 200: ok, 400: problemSchema },
    });

    app.get(
      "/calendar",
      { schema: schema("Le calendrier des 1000 jours calculé depuis une date, en JSON", serviceContract["GET /calendar"].response) },
      async (request, reply) => {
        const result = calendarInputFromFeedQuery(request.query, isoDateInTimeZone(new Date(), "Europe/Paris"));
        if ("error" in result) throw new InvalidInputError(result.error);
        reply.header("cache-control", "private, max-age=3600");
        const language = languageOf(request.query.langue);
        return { evenements: computeCalendar(result.input).map((event) => ({ ...event, ...pick(localizeEventText(event, language)) })) };
      },
    );

    app.get(
      "/calendar.ics",
      { schema: schema("Le même calendrier au format iCalendar (RFC 5545), pour l'importer ou s'y abonner", icsResponse) },
      async (request, reply) => {
        const result = calendarInputFromFeedQuery(request.query, isoDateInTimeZone(new Date(), "Europe/Paris"));
        if ("error" in result) throw new InvalidInputError(result.error);
        const language = languageOf(request.query.langue);
        const ics = toIcs(
          computeCalendar(result.input).map((event) => icsEntryFromEvent(event, language)),
          {
            calendarName: icsCalendarName(language),
            stamp: CALENDAR_RULES_STAMP,
            reminder: request.query.rappels,
            uidDomain,
          },
        );
        return reply
          .header("content-type", "text/calendar; charset=utf-8")
          .header("content-disposition", 'attachment; filename="mille-jours.ics"')
          .header("cache-control", "private, max-age=3600")
          .send(ics);
      },
    );
  };
}
