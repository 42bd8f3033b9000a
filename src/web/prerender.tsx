import { prerenderToNodeStream } from "react-dom/static";
import { createRoutesFromChildren, Link, StaticRouter, type RouteObject } from "react-router";
import { setLink } from "@codegouvfr/react-dsfr/link";
import { setUseLang } from "@codegouvfr/react-dsfr/spa";
import { I18nProvider } from "@lingui/react";
import { activateLocale, i18n } from "./i18n/i18n.js";
import { fontStylesheet, localeFromPath, pathWithoutLocale } from "./i18n/locales.js";
import { followActiveLocaleInDsfr } from "./i18n/dsfr-labels.js";
import { locales, type Locale } from "../domain/content/languages.js";
import { App, embedRoutes, pageRoutes } from "./App.js";
import { ContentProvider } from "./state/content.js";
import { ParentProvider } from "./state/parent.js";
import { stageIds } from "../domain/content/taxonomy.js";
import type { ContentBundle, TranslationBundle } from "../domain/content/schema.js";
import { adoptTranslation } from "./state/translations.js";

// What `startReactDsfr` does in the browser: DSFR links render as router links (with their href).
setLink({ Link: Link as never });
// react-dsfr's own labels (menu, close…) follow the page's language, in our catalogues' words (i18n/dsfr-labels.tsx).
setUseLang({ useLang: () => i18n.locale });
followActiveLocaleInDsfr();

/**
 * The values of the path parameters known at build time. A route whose parameters are all listed here is
 * pre-rendered once per value; a route with another parameter (a device's calendar event, a place from the
 * database) or a catch-all is served by `shell.html`.
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
  /** The stylesheet of the language's script font (Arabic, Cyrillic), if any. */
  font: string | null;
}

/** Translated articles (the essentials) are pre-rendered in their language, with their translation; the others, in French only. */
const isArticle = (path: string) => path.startsWith("/articles/");

/** The translation of the page's language an article page is rendered with (none in French or for another page). */
function translationOf(locale: Locale, path: string, translations: readonly TranslationBundle[]): TranslationBundle | undefined {
  return isArticle(path) ? translations.find((t) => t.language === locale.code) : undefined;
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
          ...paths.map((path) => ({ route: pattern, path: localePath(locale, path), lang: locale.lang, dir: locale.dir, font: fontStylesheet(locale) })),
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
  { started = false, translations = [] }: { started?: boolean; translations?: readonly TranslationBundle[] } = {},
): Promise<{ html: string; usedContent: boolean; translation: string | null }> {
  const locale = localeFromPath(url);
  await activateLocale(locale);
  // A translated article is rendered in its language; every other page, as a first visit sees it before any translation.
  const translation = translationOf(locale, pathWithoutLocale(url), translations) ?? null;
  adoptTranslation(translation);
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
  if (failure) throw new Error(`Rendu de ${url} impossible à la construction`, { cause: failure });
  const chunks: Buffer[] = [];
  for await (const chunk of prelude) chunks.push(Buffer.from(chunk as Uint8Array));
  return { html: Buffer.concat(chunks).toString("utf8"), usedContent, translation: translation?.version ?? null };
}
