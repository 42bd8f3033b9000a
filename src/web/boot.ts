import { loadFullStylesheet } from "./full-stylesheet.js";
// In the page itself (a <link> in the HTML), not with the app: pre-rendered pages need it to paint.
import "./app.css";

/**
 * Entry point. A page rendered at build time is readable as soon as its HTML and critical stylesheet
 * arrive: the app is fetched once that page has painted, so that it does not compete with the first paint
 * on a slow connection. An empty page (`shell.html`) needs the app at once. The whole DSFR stylesheet
 * follows the visitor's first touch or key press (or a page that needs it, see App.tsx and main.tsx).
 */
function start(): void {
  void import("./main.js");
}

const prerendered = document.getElementById("root")?.hasChildNodes() ?? false;
if (!prerendered) start();
// Two frames: the first paint has been committed.
else requestAnimationFrame(() => requestAnimationFrame(start));

for (const type of ["pointerdown", "keydown"])
  addEventListener(type, () => void loadFullStylesheet(), { once: true, passive: true, capture: true });
