import { prerenderToNodeStream } from "react-dom/static";
import { createRoutesFromChildren, Link, StaticRouter, type RouteObject } from "react-router";
import { setLink } from "@codegouvfr/react-dsfr/link";
import { setUseLang } from "@codegouvfr/react-dsfr/spa";
import { I18nProvider } from "@lingui/react";
import { activateLocale, i18n } from "./i18n/i18n.js";
import { localeFromPath, pathWithoutLocale, scriptFontOf } from "./i18n/locales.js";
import { followActiveLocaleInDsfr } from "./i18n/dsfr-labels.js";
import { locales, type Locale, type ScriptFont } from "../domain/content/languages.js";
import { App, embedRoutes, pageRoutes } from "./App.js";
import { ContentProvider } from "./state/content.js";
import { ParentProvider } from "./state/parent.js";
import { stageIds } from "../domain/content/taxonomy.js";
import type { ContentBundle, TranslationBundle } from "../domain/content/schema.js";
import { adoptTranslation } from "./state/translations.js";
import { adoptServedAnswers } from "./state/served-answers.js";
import { apiUrl } from "../domain/api/contract.js";
import { pageDocument } from "./page-document.js";
import type { PlaceFeature } from "../domain/api/places.js";

export { pageDocument };

// What `startReactDsfr` does in the browser: DSFR links render as router links (with their href).
setLink({ Link: Link as never });
// react-dsfr's own labels (menu, close…) follow the page's language, in our catalogues' words (i18n/dsfr-labels.tsx).
setUseLang({ useLang: () => i18n.locale });
followActiveLocaleInDsfr();

/**
 * The values of the path parameters known at build time. A route whose parameters are all listed here is
 * pre-rendered once per value; a route with another parameter (a device's calendar event; a place from the
 * database, which the server renders: `requestRenderedRoutes`) or a catch-all is served by `shell.html`.
 */
function parameterValues(content: ContentBundle, translation: TranslationBundle | undefined): Record<string, string[]> {
  return { stageId: [...stageIds], articleId: (translation ?? content).articles.map((a) => a.id) };
}

export interface PrerenderedPage {
  /** The route's path pattern (pages of one route share a critical stylesheet). */
  route: string;
  /** The page's address, with its language prefix (`/ar/parcours`). */
  path: string;
  /** `<html lang dir>` of the page. */
  lang: string;
  dir: "ltr" | "rtl";
  /** The language's script font (Arabic, Cyrillic), if any. */
  font: ScriptFont | null;
}

/** Translated articles (the essentials) are pre-rendered in their language, with their translation; the others, in French only. */
const isArticle = (path: string) => path.startsWith("/articles/");

/**
 * Stage pages show the essentials' key messages, titles and summaries: rendered with the translation too, they are in
 * the page's language before any script. Rendered without it, they were French until the app had fetched the
 * translation, then changed in place (a parent who reads no French saw French first, and the page moved under her).
 */
const isStage = (path: string) => /^\/parcours\/[^/]+$/.test(path);

/** The translation of the page's language an article or stage page is rendered with (none in French or for another page). */
function translationOf(locale: Locale, path: string, translations: readonly TranslationBundle[]): TranslationBundle | undefined {
  return isArticle(path) || isStage(path) ? translations.find((t) => t.language === locale.code) : undefined;
}

/** A page's address in a language: the French one is unprefixed; a language's home is `/en` (served at `/en/` too). */
function localePath(locale: Locale, path: string): string {
  return locale.prefix === "" ? path : path === "/" ? locale.prefix : `${locale.prefix}${path}`;
}

/** Every page a visitor can land on whose content is known at build time, from the app's route table. */
export function prerenderedPages(content: ContentBundle, translations: readonly TranslationBundle[] = []): PrerenderedPage[] {
  const pages: PrerenderedPage[] = [];
  const visit = (routes: RouteObject[]) =>
    routes.forEach((route) => {
      if (route.children) visit(route.children);
      const pattern = route.path;
      if (!pattern || pattern.includes("*") || (route.handle as { prerender?: boolean } | undefined)?.prerender === false) return;
      for (const locale of locales) {
        const translation = translationOf(locale, pattern, translations);
        if (isArticle(pattern) && locale.code !== "fr" && !translation) continue;
        const values = parameterValues(content, translation);
        let paths = [pattern];
        for (const [, name] of pattern.matchAll(/:(\w+)/g)) {
          const known = values[name!];
          if (!known) return;
          paths = paths.flatMap((path) => known.map((value) => path.replace(`:${name}`, encodeURIComponent(value))));
        }
        pages.push(
          ...paths.map((path) => ({ route: pattern, path: localePath(locale, path), lang: locale.lang, dir: locale.dir, font: scriptFontOf(locale) })),
        );
      }
    });
  visit(
    createRoutesFromChildren(
      <>
        {pageRoutes}
        {embedRoutes}
      </>,
    ),
  );
  return pages;
}

/**
 * Build-time rendering of a page as a first visit sees it (no saved data), with the content of this build, written
 * into the HTML so that the browser paints it before any JavaScript runs; the app then hydrates it (once the
 * content is on the device too when the page used it: `usedContent`). Waits for lazy pages, unlike renderToString.
 * `started`: the page as the running app shows it (not shipped, read only to know which DSFR rules it can use).
 */
export async function renderPage(
  url: string,
  content: ContentBundle,
  {
    started = false,
    translations = [],
    served = null,
  }: { started?: boolean; translations?: readonly TranslationBundle[]; served?: Readonly<Record<string, unknown>> | null } = {},
): Promise<{ html: string; usedContent: boolean; translation: string | null }> {
  const locale = localeFromPath(url);
  await activateLocale(locale);
  // A translated article, and a stage page with the essentials' translated texts, are rendered in their language; every
  // other page, as a first visit sees it before any translation.
  const translation = translationOf(locale, pathWithoutLocale(url), translations) ?? null;
  adoptTranslation(translation);
  adoptServedAnswers(served);
  let usedContent = false;
  let failure: unknown;
  const watched = new Proxy(content, {
    get(target, key, receiver) {
      usedContent = true;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  const { prelude } = await prerenderToNodeStream(
    <I18nProvider i18n={i18n}>
      <StaticRouter location={url} basename={locale.prefix || undefined}>
        <ContentProvider initial={watched}>
          <ParentProvider>
            <App started={started} />
          </ParentProvider>
        </ContentProvider>
      </StaticRouter>
    </I18nProvider>,
    {
      // One document, with no inline script (the CSP forbids them): React would otherwise send a large page in
      // pieces put in place by scripts.
      progressiveChunkSize: Number.POSITIVE_INFINITY,
      // A page that fails to render at build time would be served as an empty boundary for the browser to fill:
      // fail the build instead.
      onError(error) {
        failure ??= error;
      },
    },
  );
  adoptTranslation(null);
  adoptServedAnswers(null);
  if (failure) throw new Error(`Rendu de ${url} impossible à la construction`, { cause: failure });
  const chunks: Buffer[] = [];
  for await (const chunk of prelude) chunks.push(Buffer.from(chunk as Uint8Array));
  return { html: Buffer.concat(chunks).toString("utf8"), usedContent, translation: translation?.version ?? null };
}

/**
 * Pages the server renders at request time, with the data it has (src/server/request-pages.ts): a place's page with
 * the place from its index, search results with the content. Their parameters are not known at build time, so the
 * build renders samples of them (`samples`, not shipped) only to know which DSFR rules they use: their critical
 * stylesheet. `/recherche` without a query is pre-rendered like any page and shares that stylesheet.
 */
export function requestRenderedRoutes(content: ContentBundle): { route: string; samples: { url: string; served: Record<string, unknown> | null }[] }[] {
  const word = content.articles[0]?.title.split(/\s+/).find((w) => w.length > 4) ?? "grossesse";
  return [
    {
      route: "/autour-de-moi/lieu/:placeId",
      samples: [samplePlace(true), samplePlace(false)].map((place) => ({
        url: `/autour-de-moi/lieu/${encodeURIComponent(place.id)}`,
        served: { [apiUrl("/places/:id", { id: place.id })]: place },
      })),
    },
    { route: "/recherche", samples: [`/recherche?q=${encodeURIComponent(word)}`, "/recherche?q=zzzzzz"].map((url) => ({ url, served: null })) },
  ];
}

/** A place with every optional field set (phone, category, approximate position, update date) or none: its page's rules, for the critical stylesheet only. */
function samplePlace(full: boolean): PlaceFeature {
  /* eslint-disable lingui/no-unlocalized-strings -- sample data, rendered at build time to select CSS rules, never shown */
  const id = full ? "exemple:complet" : "exemple:minimal";
  return {
    type: "Feature",
    id,
    geometry: { type: "Point", coordinates: [2.35, 48.85] },
    properties: {
      id,
      type: full ? "pmi" : "inconnu",
      type_label: "Lieu",
      name: "Lieu",
      address: full ? "1 rue de l'Exemple" : null,
      postcode: full ? "75001" : null,
      commune_code: full ? "75101" : null,
      commune_name: full ? "Paris" : null,
      phone: full ? "01 00 00 00 00" : null,
      url: null,
      approximate: full,
      source: full ? "finess" : "autre",
      category: full ? "000" : null,
      category_label: full ? "Catégorie" : null,
      updated: full ? "2026-01-01" : null,
    },
  };
  /* eslint-enable lingui/no-unlocalized-strings */
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * A page rendered at request time (src/server/request-pages.ts), its whole document from `template` (index.html
 * linking the route's critical stylesheet). One render at a time: the language, the translation and the served
 * answers are this module's state while a page renders.
 */
export function renderRequestPage(url: string, template: string, content: ContentBundle, served: Readonly<Record<string, unknown>> | null): Promise<string> {
  const rendered = queue.then(async () => {
    const locale = localeFromPath(url);
    const page = await renderPage(url, content, { served });
    const query = url.includes("?") ? url.slice(url.indexOf("?")) : null;
    return pageDocument(template, {
      html: page.html,
      lang: locale.lang,
      dir: locale.dir,
      font: scriptFontOf(locale),
      content: page.usedContent ? content.version : null,
      translation: page.translation,
      query,
      served,
    });
  });
  queue = rendered.catch(() => undefined);
  return rendered;
}
