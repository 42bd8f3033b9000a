import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { PurgeCSS } from "purgecss";
import type { Plugin, Rollup } from "vite";

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
    ...criticalFonts.map((font) => `<link rel="preload" href="/dsfr/fonts/${font}" as="font" type="font/woff2" crossorigin="anonymous" />`),
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
 * Writes the pages rendered at build time by `build/ssr/prerender.js` (home and stage pages) into
 * their own HTML files, so that they paint before any script runs. Other paths get `shell.html`,
 * the page without pre-rendered content, so that a deep link never flashes another page.
 *
 * Pre-rendered pages link only the DSFR rules they can use, as served and once the app runs with the content (one
 * "critical" stylesheet shared by them, a quarter of the whole): `src/web/full-stylesheet.ts` swaps in the
 * whole one when the visitor does anything else. `shell.html` keeps the whole stylesheet and preloads the
 * app's modules, which it needs at once.
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

      const { renderPage, prerenderedPaths } = (await import(pathToFileURL(module).href)) as {
        renderPage(url: string, content?: unknown): Promise<string>;
        prerenderedPaths: string[];
      };
      const content: unknown = JSON.parse(readFileSync("build/content.json", "utf8")); // written by `npm run content:build`
      const pages = new Map<string, string>();
      const withContent: string[] = [];
      for (const path of prerenderedPaths) {
        pages.set(path, html.replace('<div id="root"></div>', `<div id="root">${await renderPage(path)}</div>`));
        withContent.push(await renderPage(path, content));
      }

      const css = await criticalRules([...pages.values(), ...withContent], readFileSync(`public${fullHref.split("?")[0]}`, "utf8"));
      const fileName = `dsfr/dsfr.critical.${createHash("sha256").update(css).digest("hex").slice(0, 8)}.css`;
      this.emitFile({ type: "asset", fileName, source: css });
      const criticalLink = `<link rel="stylesheet" href="/${fileName}" data-full-href="${fullHref}" />`;

      for (const [path, page] of pages) {
        const source = page.replace(dsfrStylesheetLink, criticalLink);
        if (path === "/") index.source = source;
        else this.emitFile({ type: "asset", fileName: `${path.slice(1)}.html`, source });
      }
    },
  };
}

/** Font faces the first paint waits for; the others (medium weight, italics) come with the whole stylesheet. */
const criticalFonts = ["Marianne-Regular.woff2", "Marianne-Bold.woff2"];

/**
 * The DSFR rules whose selectors can match the given pages, with the states DSFR's script and the pages'
 * buttons set (dark theme, opened menu, expanded section, pressed filter), and only the font faces preloaded
 * by index.html: on a slow line, each other face would delay the first paint.
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
  return result.css.replace(/@font-face\{[^}]*\}/g, (face) => (criticalFonts.some((font) => face.includes(`/${font}`)) ? face : ""));
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
