import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { placesContract } from "../domain/api/places.js";
import type { EpdsQuestionnaire } from "../domain/epds/schema.js";
import type { ContentBundle, TranslationBundle, TranslationLanguage } from "../domain/content/schema.js";
import type { Database } from "./db/database.js";
import type { PublicServices } from "./security-headers.js";
import { contentRoutes } from "./routes/content.js";
import { epdsRoutes } from "./routes/epds.js";
import { calendarRoutes } from "./routes/calendar.js";
import { placesRoutes, type PlacesService } from "./places/index.js";
import { steeringRoutes, type SteeringOptions } from "./steering/index.js";
import { callbackPlugin, type CallbackOptions } from "./callback/index.js";

export interface ApiOptions {
  db: Database;
  /** EPDS questionnaires by language (`content/epds/`), for the scoring API; its routes are served when given. */
  epds?: ReadonlyMap<string, EpdsQuestionnaire> | undefined;
  /** Translated content by language (`content/traductions/`); without it every language falls back to French. */
  translations?: ReadonlyMap<TranslationLanguage, TranslationBundle> | undefined;
  /** The content bundle as served (`contentReader`), shared with the pages the server renders: one copy in memory. */
  content: () => Promise<ContentBundle | null>;
  /** External services the browser may use, told by /api/v1/config. */
  services: PublicServices;
  /** The places index ("Autour de moi"); its routes are served when given. */
  places?: PlacesService | undefined;
  /** Public address of the service (PUBLIC_URL): its host name signs the .ics UIDs. */
  publicUrl?: URL | null | undefined;
  steering: SteeringOptions;
  callback?: CallbackOptions | undefined;
}

/** Every route of the API, under /api/v1 (the operations' routes are installed by src/server/ops). */
export function apiRoutes(options: ApiOptions): FastifyPluginAsyncZod {
  const { db, epds, services, places, steering } = options;
  return async (api) => {
    api.get(
      "/config",
      {
        schema: {
          summary: "Services externes configurés (fond de carte, géocodage d'adresse)",
          tags: ["service"],
          response: { 200: placesContract["GET /config"].response },
        },
      },
      async () => services,
    );
    await api.register(contentRoutes(db, options.content, options.translations));
    if (epds) await api.register(epdsRoutes(epds));
    await api.register(calendarRoutes(options.publicUrl?.hostname || undefined, options.translations));
    if (places) await api.register(placesRoutes(db, places));
    await api.register(steeringRoutes(db, steering));
    await api.register(callbackPlugin(db, steering, options.callback ?? { keyring: null }));
  };
}
