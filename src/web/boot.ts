import { loadFullStylesheet } from "./full-stylesheet.js";
import { localeFromPath } from "./i18n/locales.js";
import { rememberedLocale, rememberLocale } from "./i18n/preference.js";
import { warmUpIntl } from "./i18n/intl-warm-up.js";
// DSFR's script starts at the first touch or key press, and a click on its buttons is held until it runs: from here on.
import "./dsfr-start.js";
// In the page itself (a <link> in the HTML), not with the app: pre-rendered pages need it to paint.
import "./app.css";

/**
 * Entry point. A page rendered at build time is readable as soon as its HTML and critical stylesheet
 * arrive: the app is fetched once that page has painted, so that it does not compete with the first paint
 * on a slow connection. An empty page (`shell.html`) needs the app at once. The whole DSFR stylesheet
 * follows the visitor's first touch or key press (or a page that needs it, see App.tsx and main.tsx).
 */
// The home page opens in the language this device chose (docs/langues.md): the installed app starts at `/`. Only the
// home page: any other French address was given as French, and the selector is one tap away.
const remembered = location.pathname === "/" ? rememberedLocale() : null;
// A link opened in a language is that person's choice. Remembered here, before any tap can be handled: the app
// starts later, and remembering then overwrote a language picked in the meantime.
const opened = localeFromPath(location.pathname);
if (opened.prefix) rememberLocale(opened);
if (remembered && remembered.prefix) location.replace(`${remembered.prefix}/${location.search}${location.hash}`);

function start(): void {
  // The language's formatting data are read in a worker while the app loads, not in its first render.
  warmUpIntl(opened.lang);
  void import("./main.js");
}

const prerendered = document.getElementById("root")?.hasChildNodes() ?? false;
if (remembered?.prefix) {
  // Leaving: nothing to start.
} else if (!prerendered) start();
// Two frames: the first paint has been committed.
else requestAnimationFrame(() => requestAnimationFrame(start));

// A language picked in the header's selector is remembered here rather than by the app, so that a tap on a
// pre-rendered page before the app has started (a plain link then) is remembered too.
addEventListener(
  "click",
  (event) => {
    const link = (event.target as Element | null)?.closest?.("a.fr-translate__language");
    if (link instanceof HTMLAnchorElement) rememberLocale(localeFromPath(new URL(link.href).pathname));
  },
  { capture: true },
);

for (const type of ["pointerdown", "keydown"]) addEventListener(type, () => void loadFullStylesheet(), { once: true, passive: true, capture: true });
