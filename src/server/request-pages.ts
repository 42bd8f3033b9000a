import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { apiUrl } from "../domain/api/contract.js";
import { locales } from "../domain/content/languages.js";
import type { ContentBundle } from "../domain/content/schema.js";

/**
 * Pages whose parameters the build cannot know (a place of the index, a search's query) rendered at request time,
 * with their data, by the same render module the build uses for the other pages (`build/ssr/prerender.js`, React's
 * `prerender` of the app): the place's name or the first results paint with the HTML and the route's critical
 * stylesheet, before any script, and the app takes the page over unchanged (`data-served`, `data-query`,
 * `data-content` on `#root`, src/web/main.tsx). Any path this does not render (an unknown place, a query too long,
 * a render that fails) gets the shell as before: never an error page because of the address.
 */
export interface RequestPages {
  /** The routes it renders, in every language (`/autour-de-moi/lieu/:placeId`, `/en/autour-de-moi/lieu/:placeId`…). */
  readonly paths: string[];
  /** The page's whole document for `url` (path and query as requested), or null: serve the shell. */
  render(url: string): Promise<string | null>;
}

export interface RequestPageData {
  /** The content bundle as `GET /api/v1/content` answers it (null while it is not loaded). */
  content(): Promise<ContentBundle | null>;
  /** A place as `GET /api/v1/places/{id}` answers it, or null when the index has no such place. */
  place?: ((id: string) => unknown) | undefined;
}

interface RenderModule {
  renderRequestPage(url: string, template: string, content: ContentBundle, served: Readonly<Record<string, unknown>> | null): Promise<string>;
}

/** Longer queries and addresses are served the shell (the app searches them itself). */
const MAX_QUERY_LENGTH = 200;
const MAX_URL_LENGTH = 2000;
/** Pages rendered from the content alone (a search) kept, by content version and address: the same words are searched often. */
const KEPT_PAGES = 200;

/** What a route's page is rendered with, or null when the server does not render it (the shell is served). */
type Loader = (params: Record<string, string>, query: URLSearchParams, localePrefix: string) => { served: Record<string, unknown> | null } | null;

function loaders(data: RequestPageData): Record<string, Loader> {
  return {
    "/autour-de-moi/lieu/:placeId": ({ placeId = "" }) => {
      const place = data.place?.(placeId);
      // Unknown: the shell, whose page says « Lieu introuvable » as before.
      return place ? { served: { [apiUrl("/places/:id", { id: placeId })]: place } } : null;
    },
    // French only: in another language the results also search the translations, which the app fetches.
    "/recherche": (_, query, localePrefix) => {
      const q = query.get("q")?.trim() ?? "";
      return localePrefix === "" && q !== "" && q.length <= MAX_QUERY_LENGTH ? { served: null } : null;
    },
  };
}

/**
 * The renderer of the build in `renderDir` (`build/ssr`: the render module and `request-pages.json`, the template of
 * each route with its critical stylesheet, written by scripts/vite-prerender.ts); null without a build.
 */
export function requestPages(renderDir: string, data: RequestPageData, log: (message: string) => void): RequestPages | null {
  const manifest = join(renderDir, "request-pages.json");
  const module = join(renderDir, "prerender.js");
  if (!existsSync(manifest) || !existsSync(module)) return null;
  const templates = (JSON.parse(readFileSync(manifest, "utf8")) as { templates: Record<string, string> }).templates;
  const load = loaders(data);
  const routes = Object.keys(templates)
    .filter((route) => route in load)
    .map((route) => ({ route, pattern: routePattern(route), template: templates[route]!, loader: load[route]! }));
  let renderModule: Promise<RenderModule> | null = null;
  const kept = new Map<string, string>();
  return {
    paths: routes.flatMap(({ route }) => locales.map((l) => `${l.prefix}${route}`)),
    async render(url) {
      if (url.length > MAX_URL_LENGTH) return null;
      const [path = "/", search = ""] = splitUrl(url);
      const prefix = locales.find((l) => l.prefix !== "" && (path === l.prefix || path.startsWith(`${l.prefix}/`)))?.prefix ?? "";
      const inApp = path.slice(prefix.length);
      for (const { route, pattern, template, loader } of routes) {
        const match = pattern.exec(inApp);
        if (!match) continue;
        const params = decodedParams(match.groups ?? {});
        if (!params) return null;
        const loaded = loader(params, new URLSearchParams(search), prefix);
        if (!loaded) return null;
        try {
          const content = await data.content();
          if (!content) return null;
          const key = loaded.served ? null : `${content.version} ${url}`;
          const known = key ? kept.get(key) : undefined;
          if (known) {
            kept.delete(key!); // most recently used last: the oldest goes first
            kept.set(key!, known);
            return known;
          }
          renderModule ??= import(pathToFileURL(module).href) as Promise<RenderModule>;
          const page = await (await renderModule).renderRequestPage(url, template, content, loaded.served);
          if (key) {
            kept.set(key, page);
            if (kept.size > KEPT_PAGES) kept.delete(kept.keys().next().value!);
          }
          return page;
        } catch (error) {
          // Logs never hold a query string (it can carry what a parent searched for).
          log(`${route} : rendu impossible, la page est servie par shell.html (${String(error).replaceAll(url, path)})`);
          return null;
        }
      }
      return null;
    },
  };
}

/** `/autour-de-moi/lieu/:placeId` → a regular expression with one named group per parameter (one path segment each). */
function routePattern(route: string): RegExp {
  const source = route
    .split("/")
    .map((segment) => (segment.startsWith(":") ? `(?<${segment.slice(1)}>[^/]+)` : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("/");
  return new RegExp(`^${source}$`);
}

function splitUrl(url: string): [string, string] {
  const mark = url.indexOf("?");
  return mark === -1 ? [url, ""] : [url.slice(0, mark), url.slice(mark)];
}

/** Path parameters decoded as the router decodes them; null when one is not valid percent-encoding. */
function decodedParams(groups: Record<string, string | undefined>): Record<string, string> | null {
  const params: Record<string, string> = {};
  try {
    for (const [name, value] of Object.entries(groups)) params[name] = decodeURIComponent(value ?? "");
  } catch {
    return null;
  }
  return params;
}
