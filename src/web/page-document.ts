import type { ScriptFont } from "../domain/content/languages.js";
import { scriptFontFile, scriptFontStylesheet, scriptFontWeights } from "./i18n/locales.js";

/**
 * The HTML document of a page rendered before it reaches the browser, at build time (scripts/vite-prerender.ts) or by
 * the server at request time (src/server/request-pages.ts, through the build's render module): the page's language
 * and direction from the first byte, its script font, and the rendered app in `#root` with what the app needs to take
 * it over unchanged (src/web/main.tsx). Plain string work: it runs in Node only.
 */
export interface RenderedRoot {
  /** The rendered app (inside `#root`). */
  html: string;
  lang: string;
  dir: "ltr" | "rtl";
  /** The language's script font, if any (Arabic, Cyrillic: letters Marianne lacks). */
  font: ScriptFont | null;
  /** The content version the page was rendered with (`data-content`): the app adopts the page once it has it. */
  content: string | null;
  /** The version of the language's translation an article was rendered with (`data-translation`). */
  translation: string | null;
  /** The query string the page was rendered for (`data-query`, `?q=…`): the app adopts it only at that very address. */
  query?: string | null;
  /** API answers the page was rendered with, by URL (`data-served`): the app starts from them instead of fetching. */
  served?: Readonly<Record<string, unknown>> | null;
}

/** `template`: the app's index.html (with the stylesheet links the page is to use) and an empty `<div id="root"></div>`. */
export function pageDocument(template: string, root: RenderedRoot): string {
  const attributes = [
    root.content ? ` data-content="${escapeAttribute(root.content)}"` : "",
    root.translation ? ` data-translation="${escapeAttribute(root.translation)}"` : "",
    root.query ? ` data-query="${escapeAttribute(root.query)}"` : "",
    root.served && Object.keys(root.served).length > 0 ? ` data-served="${escapeAttribute(JSON.stringify(root.served))}"` : "",
  ].join("");
  return template
    .replace('<html lang="fr"', `<html lang="${root.lang}" dir="${root.dir}"`)
    .replace("</head>", () => `${root.font ? scriptFontLinks(root.font) : ""}</head>`)
    .replace('<div id="root"></div>', () => `<div id="root"${attributes}>${inactiveUntilApp(root.html)}</div>`);
}

/**
 * The script font's stylesheet, and its files preloaded: asked for with the page, they are there for its first layout.
 * Asked for by that layout (the browser fetches a face when text needs it), they came after the first paint, drawn
 * with the system's font: the swap moved the text (the Arabic stage page's layout shift, 0.09) and laid the whole
 * page out again, a long task after the first paint. French pages preload none (their letters are Marianne's).
 */
function scriptFontLinks(font: ScriptFont): string {
  /* eslint-disable lingui/no-unlocalized-strings -- markup of the document's head, not text */
  const preloads = scriptFontWeights.map(
    (weight) => `<link rel="preload" href="${scriptFontFile(font, weight)}" as="font" type="font/woff2" crossorigin="anonymous" />\n`,
  );
  return `${preloads.join("")}<link rel="stylesheet" href="${scriptFontStylesheet(font)}" />\n`;
  /* eslint-enable lingui/no-unlocalized-strings */
}

/**
 * The page's form controls are disabled until the app has taken the page over (App.tsx enables them): an answer
 * typed or ticked before would be lost, or shown while the app does not know it. Links work as plain links.
 */
function inactiveUntilApp(html: string): string {
  const main = /<main[\s\S]*<\/main>/.exec(html);
  if (!main) return html;
  const inactive = main[0].replace(/<(input|select|textarea|button)\b([^>]*)>/g, (tag, name: string, attributes: string) =>
    /\sdisabled(=|\s|>|$)/.test(attributes) ? tag : `<${name} disabled="" data-avant-app=""${attributes}>`,
  );
  return html.replace(main[0], () => inactive);
}

/** A value inside a double-quoted attribute: the browser gives it back unchanged through `dataset`. */
function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
