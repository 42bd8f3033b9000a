import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { PurgeCSS } from "purgecss";
import type { Plugin, Rollup } from "vite";
import type { RenderedRoot } from "../src/web/page-document.js";
import type { ScriptFont } from "../src/domain/content/languages.js";
import { dsfrFaces, firstPaintFaces, type DsfrFace } from "../src/web/dsfr-fonts.js";

const dsfrStylesheetLink = /<link rel="stylesheet" href="(\/dsfr\/dsfr\.min\.css[^"]*)" \/>/;
const dsfrHeadMarker = /[ \t]*<!-- DSFR favicons, fonts and stylesheets[^>]*-->\n?/;

/**
 * The DSFR links of every page (favicons, the two preloaded Marianne faces, the DSFR and icon stylesheets), added
 * here rather than written in index.html: react-dsfr's build commands append `?v=` / `?hash=` to every `/dsfr/` link
 * they find there. Those query strings made each of these files a different URL from the one the service worker
 * precached (offline, pages lost their style) and from the one the stylesheet asks for (the preloaded fonts were
 * fetched twice). The files are served with `no-cache` and precached with their revision: no query is needed.
 */
export function dsfrHead(): Plugin {
  const tags = [
    '<link rel="apple-touch-icon" href="/dsfr/favicon/apple-touch-icon.png" />',
    '<link rel="icon" href="/dsfr/favicon/favicon.svg" type="image/svg+xml" />',
    '<link rel="shortcut icon" href="/dsfr/favicon/favicon.ico" type="image/x-icon" />',
    "<!-- The fonts start downloading with the page, not after the stylesheet. -->",
    ...firstPaintFaces.map((file) => `<link rel="preload" href="/dsfr/fonts/${file}.woff2" as="font" type="font/woff2" crossorigin="anonymous" />`),
    '<link rel="stylesheet" href="/dsfr/dsfr.min.css" />',
    '<link rel="stylesheet" href="/dsfr/utility/icons/icons.min.css" />',
  ];
  return {
    name: "mille-jours-dsfr-head",
    transformIndexHtml: {
      order: "pre",
      handler(html) {
        if (!dsfrHeadMarker.test(html)) throw new Error("index.html : commentaire « DSFR favicons, fonts and stylesheets » introuvable");
        return html.replace(dsfrHeadMarker, tags.map((tag) => `    ${tag}\n`).join(""));
      },
    },
  };
}

/**
 * Writes the pages rendered at build time by `build/ssr/prerender.js` into their own HTML files, so that they
 * paint before any script runs: every route of the app's route table whose path parameters are known at build
 * time (src/web/prerender.tsx), as a first visit sees it, with this build's content. A place's page and search
 * results are rendered by the server with their data (src/server/request-pages.ts): for them the build writes each
 * route's template, linking its critical stylesheet, to `build/ssr/request-pages.json`. Other paths (a device's
 * calendar event, the back office) get `shell.html`, the page without pre-rendered content, so that a deep link
 * never flashes another page.
 *
 * Each route's pages link only the DSFR rules they can use, as served and once the app runs (one "critical"
 * stylesheet per route: the home page's is a fifth of the whole): `src/web/full-stylesheet.ts` swaps in the
 * whole rules when the visitor does anything else. Neither declares a font face: the faces of the first paint have a
 * stylesheet of their own, which stays (see `splitFontFaces`). `shell.html` keeps the whole stylesheet as DSFR writes
 * it and preloads the app's modules, which it needs at once.
 */
export function prerenderPages(): Plugin {
  return {
    name: "mille-jours-prerender",
    apply: "build",
    enforce: "post",
    async generateBundle(_options, bundle) {
      const index = bundle["index.html"];
      const module = "build/ssr/prerender.js";
      if (!index || index.type !== "asset" || !existsSync(module)) return;
      const html = String(index.source);
      const fullHref = dsfrStylesheetLink.exec(html)?.[1];
      if (!fullHref) throw new Error("index.html: lien vers /dsfr/dsfr.min.css introuvable");
      this.emitFile({ type: "asset", fileName: "shell.html", source: html.replace("</head>", `${appPreloads(bundle)}</head>`) });

      const { renderPage, prerenderedPages, requestRenderedRoutes, pageDocument } = (await import(pathToFileURL(module).href)) as {
        renderPage(
          url: string,
          content: unknown,
          options?: { started?: boolean; translations?: unknown[]; served?: Record<string, unknown> | null },
        ): Promise<{ html: string; usedContent: boolean; translation: string | null }>;
        prerenderedPages(
          content: unknown,
          translations: unknown[],
        ): { route: string; path: string; lang: string; dir: "ltr" | "rtl"; font: ScriptFont | null }[];
        requestRenderedRoutes(content: unknown): { route: string; samples: { url: string; served: Record<string, unknown> | null }[] }[];
        pageDocument(template: string, root: RenderedRoot): string;
      };
      const content: unknown = JSON.parse(readFileSync("build/content.json", "utf8")); // written by `npm run content:build`
      // Each language's translations (build/content-<langue>.json, same step): its translated articles are pre-rendered in it.
      const translations: unknown[] = readdirSync("build")
        .filter((file) => /^content-[\w-]+\.json$/.test(file))
        .map((file) => JSON.parse(readFileSync(`build/${file}`, "utf8")) as unknown);
      const { faces, rules } = splitFontFaces(readFileSync(`public${fullHref.split("?")[0]}`, "utf8"));
      const emitted = new Set<string>();
      /** A stylesheet of this build, named after its content. */
      const emitCss = (name: string, source: string) => {
        const fileName = `dsfr/dsfr.${name}.${createHash("sha256").update(source).digest("hex").slice(0, 8)}.css`;
        if (!emitted.has(fileName)) this.emitFile({ type: "asset", fileName, source });
        emitted.add(fileName);
        return fileName;
      };
      const facesLink = `<link rel="stylesheet" href="/${emitCss("faces", faces)}" />`;
      const rulesHref = `/${emitCss("rules", rules)}`;
      const routes = new Map<string, { path: string; page: string; running: string }[]>();
      for (const { route, path, lang, dir, font } of prerenderedPages(content, translations)) {
        // A page that cannot render without a browser (it reads `window` as it renders) is served by the shell.
        const served = await renderPage(path, content, { translations }).catch((error: unknown) => {
          this.warn(`${path} : pas de pré-rendu, la page sera servie par shell.html (${String((error as Error).cause ?? error)})`);
          return null;
        });
        if (!served) continue;
        // The app hydrates a page rendered with the content once it has this very version (src/web/main.tsx).
        // A translated article, once it has that very version of the language's translation too.
        const page = pageDocument(html, {
          html: served.html,
          lang,
          dir,
          font,
          content: served.usedContent ? (content as { version: string }).version : null,
          translation: served.translation,
        });
        const running = (await renderPage(path, content, { started: true, translations })).html;
        routes.set(route, [...(routes.get(route) ?? []), { path, page, running }]);
      }
      // Pages the server renders at request time (src/server/request-pages.ts): samples, as served and running, for
      // their route's critical stylesheet only.
      const samples = new Map<string, string[]>();
      for (const { route, samples: urls } of requestRenderedRoutes(content)) {
        for (const { url, served } of urls) {
          const page = pageDocument(html, {
            ...(await renderPage(url, content, { served })),
            lang: "fr",
            dir: "ltr",
            font: null,
            content: null,
            translation: null,
          });
          const running = (await renderPage(url, content, { started: true, served })).html;
          samples.set(route, [...(samples.get(route) ?? []), page, running]);
        }
      }

      const requestTemplates: Record<string, string> = {};
      for (const route of new Set([...routes.keys(), ...samples.keys()])) {
        const pages = routes.get(route) ?? [];
        const css = await criticalRules([...pages.flatMap((p) => [p.page, p.running]), ...(samples.get(route) ?? [])], rules);
        const criticalLink = `${facesLink}\n    <link rel="stylesheet" href="/${emitCss("critical", css)}" data-full-href="${rulesHref}" />`;
        for (const { path, page } of pages) {
          const source = page.replace(dsfrStylesheetLink, criticalLink);
          if (path === "/") index.source = source;
          else this.emitFile({ type: "asset", fileName: `${path.slice(1)}.html`, source });
        }
        if (samples.has(route)) requestTemplates[route] = html.replace(dsfrStylesheetLink, criticalLink);
      }
      // Read by the server with the render module (not a file of dist/: nothing to serve or precache).
      writeFileSync("build/ssr/request-pages.json", JSON.stringify({ templates: requestTemplates }));
    },
  };
}

/**
 * The DSFR rules whose selectors can match the given pages, with the states DSFR's script and the pages'
 * buttons set (dark theme, opened menu, expanded section, pressed filter). `css` declares no font face.
 */
async function criticalRules(pages: string[], css: string): Promise<string> {
  const [result] = await new PurgeCSS().purge({
    content: pages.map((raw) => ({ raw, extension: "html" })),
    css: [{ raw: css }],
    // Custom properties no kept rule reads go too (most of the DSFR palette): the whole stylesheet brings them.
    variables: true,
    safelist: { greedy: [/data-fr-theme/, /data-fr-js/, /--opened/, /--expanded/, /fr-collapsing/, /aria-pressed/, /aria-expanded/, /aria-current/] },
  });
  if (!result) throw new Error("PurgeCSS n'a rien produit pour la feuille de style DSFR");
  return result.css;
}

/**
 * The DSFR stylesheet split in two: its rules, and the faces of the first paint (src/web/dsfr-fonts.ts), the only
 * ones pre-rendered pages declare in CSS. Their stylesheet is linked by every such page and stays: the browser builds
 * every face anew, unloaded, when a stylesheet that declares faces comes or goes (Chromium: the text was drawn in the
 * fallback font for a moment, and the page jumped), so the critical and whole rules, which are swapped, declare none.
 * The other faces are added by script once the whole rules apply (src/web/full-stylesheet.ts).
 *
 * The faces of the first paint are `font-display: optional`: with their files preloaded, the browser holds the first
 * paint a short moment for them (Chromium: about 50 ms) and, if they come later (a first visit on a slow line), keeps
 * the fallback font for the page's life instead of swapping fonts under the reader (layout shift 0.15 to 0.19 on
 * « Mes données » with the files 1.5 s late). The next page loaded takes them from the cache.
 */
function splitFontFaces(css: string): { faces: string; rules: string } {
  const rules = [...css.matchAll(/@font-face\s*\{[^}]*\}/g)].map(([rule]) => ({ rule, face: dsfrFaceOf(rule) }));
  const key = ({ family, file, weight, style }: DsfrFace) => `${family} ${file} ${weight} ${style}`;
  const found = rules.map(({ face }) => key(face)).sort();
  const known = dsfrFaces.map(key).sort();
  if (found.join("\n") !== known.join("\n"))
    throw new Error(`Polices du DSFR : ${found.join(", ")} au lieu de ${known.join(", ")} (DSFR mis à jour ? revoir src/web/dsfr-fonts.ts)`);
  const faces = rules
    .filter(({ face }) => firstPaintFaces.includes(face.file))
    .map(({ rule }) =>
      /font-display:\s*\w+/.test(rule) ? rule.replace(/font-display:\s*\w+/, "font-display:optional") : rule.replace("}", ";font-display:optional}"),
    );
  return { faces: `${faces.join("\n")}\n`, rules: css.replace(/@font-face\s*\{[^}]*\}/g, "") };
}

/** A DSFR `@font-face` rule, read. */
function dsfrFaceOf(rule: string): DsfrFace {
  const family = /font-family:\s*["']?(\w+)/.exec(rule)?.[1];
  const file = /url\(\s*["']?fonts\/([\w-]+)\.woff2/.exec(rule)?.[1];
  const weight = Number(/font-weight:\s*(\d+)/.exec(rule)?.[1]);
  const style = /font-style:\s*(\w+)/.exec(rule)?.[1] ?? "normal";
  if ((family !== "Marianne" && family !== "Spectral") || !file || !weight || (style !== "normal" && style !== "italic"))
    throw new Error(`Police du DSFR illisible : ${rule} (DSFR mis à jour ? revoir src/web/dsfr-fonts.ts)`);
  return { family, file, weight, style };
}

/** `<link rel="modulepreload">` for the app's main module and what it imports, for pages that start it at once. */
function appPreloads(bundle: Rollup.OutputBundle): string {
  const main = Object.values(bundle).find((file) => file.type === "chunk" && file.facadeModuleId?.endsWith("/src/web/main.tsx"));
  if (!main || main.type !== "chunk") throw new Error("module principal src/web/main.tsx introuvable dans le bundle");
  const files = new Set<string>();
  const visit = (fileName: string) => {
    const chunk = bundle[fileName];
    if (files.has(fileName) || !chunk || chunk.type !== "chunk") return;
    files.add(fileName);
    if (chunk.isEntry) files.delete(fileName); // already in the page
    chunk.imports.forEach(visit);
  };
  visit(main.fileName);
  return [...files].map((file) => `<link rel="modulepreload" crossorigin href="/${file}">\n`).join("");
}
