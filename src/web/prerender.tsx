import { prerenderToNodeStream } from "react-dom/static";
import { createRoutesFromChildren, Link, StaticRouter, type RouteObject } from "react-router";
import { setLink } from "@codegouvfr/react-dsfr/link";
import { setUseLang } from "@codegouvfr/react-dsfr/spa";
import { I18nProvider } from "@lingui/react";
import { activateLocale, i18n } from "./i18n/i18n.js";
import { fontStylesheet, localeFromPath } from "./i18n/locales.js";
import { followActiveLocaleInDsfr } from "./i18n/dsfr-labels.js";
import { locales, type Locale } from "../domain/content/languages.js";
import { App, embedRoutes, pageRoutes } from "./App.js";
import { ContentProvider } from "./state/content.js";
import { ParentProvider } from "./state/parent.js";
import { stageIds } from "../domain/content/taxonomy.js";
import type { ContentBundle } from "../domain/content/schema.js";

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
function parameterValues(content: ContentBundle): Record<string, string[]> {
  return { stageId: [...stageIds], articleId: content.articles.map((a) => a.id) };
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

/**
 * Articles are pre-rendered in French only: in another language, an article is rendered on the device (by the
 * shell, as the service worker serves it), from the content in that language.
 */
const prerenderedInEveryLanguage = (route: string) => !route.startsWith("/articles/");

/** A page's address in a language: the French one is unprefixed; a language's home is `/en` (served at `/en/` too). */
function localePath(locale: Locale, path: string): string {
  return locale.prefix === "" ? path : path === "/" ? locale.prefix : `${locale.prefix}${path}`;
}

/** Every page a visitor can land on whose content is known at build time, from the app's route table. */
export function prerenderedPages(content: ContentBundle): PrerenderedPage[] {
  const values = parameterValues(content);
  const pages: PrerenderedPage[] = [];
  const visit = (routes: RouteObject[]) =>
    routes.forEach((route) => {
      if (route.children) visit(route.children);
      const pattern = route.path;
      if (!pattern || pattern.includes("*") || (route.handle as { prerender?: boolean } | undefined)?.prerender === false) return;
      let paths = [pattern];
      for (const [, name] of pattern.matchAll(/:(\w+)/g)) {
        const known = values[name!];
        if (!known) return;
        paths = paths.flatMap((path) => known.map((value) => path.replace(`:${name}`, encodeURIComponent(value))));
      }
      const inLanguages: readonly Locale[] = prerenderedInEveryLanguage(pattern) ? locales : [locales[0]];
      for (const locale of inLanguages)
        pages.push(
          ...paths.map((path) => ({ route: pattern, path: localePath(locale, path), lang: locale.lang, dir: locale.dir, font: fontStylesheet(locale) })),
        );
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
export async function renderPage(url: string, content: ContentBundle, { started = false } = {}): Promise<{ html: string; usedContent: boolean }> {
  const locale = localeFromPath(url);
  await activateLocale(locale);
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
  if (failure) throw new Error(`Rendu de ${url} impossible à la construction`, { cause: failure });
  const chunks: Buffer[] = [];
  for await (const chunk of prelude) chunks.push(Buffer.from(chunk as Uint8Array));
  return { html: Buffer.concat(chunks).toString("utf8"), usedContent };
}
