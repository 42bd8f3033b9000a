import { dsfrFaces, dsfrFontFile, firstPaintFaces, type DsfrFace } from "./dsfr-fonts.js";
import { localeFromPath, scriptFontFile, scriptFontOf } from "./i18n/locales.js";

/**
 * Pages rendered at build time ship only the part of the DSFR stylesheet they use (the "critical"
 * stylesheet, marked with `data-full-href`), so that they paint sooner. The whole stylesheet is loaded when
 * the visitor goes further; it then replaces the critical one, which must not stay in the cascade (it would
 * come after the whole stylesheet and override rules it left out).
 *
 * Neither declares a font face (scripts/vite-prerender.ts): the browser builds every face anew, unloaded, when a
 * stylesheet declaring faces comes or goes, and the text was drawn for a moment in the fallback font (a returning
 * parent's home jumped, CLS 0.10; the Arabic and Cyrillic faces were rebuilt too). The faces of the first paint stay in
 * their own stylesheet; the text keeps the font it is drawn with, Marianne or, on a first visit where Marianne came too
 * late, the fallback font (`font-display: optional`).
 */
let ready: Promise<void> | undefined;
const STALLED_AFTER_MS = 4000;

export function loadFullStylesheet(): Promise<void> {
  if (typeof document === "undefined") return Promise.resolve(); // build-time rendering
  ready ??= new Promise((resolve) => {
    const critical = document.querySelector<HTMLLinkElement>("link[data-full-href]");
    if (!critical) return resolve();
    const full = document.createElement("link");
    full.rel = "stylesheet";
    full.href = critical.dataset.fullHref!;
    // Fetched now but not applied: the first touch asks for it, and the page must not change under that finger.
    full.media = "print";
    const swap = async () => {
      await released();
      full.media = "all";
      critical.remove();
      await addLaterFaces();
      resolve();
    };
    full.addEventListener("load", () => void swap(), { once: true });
    // Without the whole stylesheet, the critical one keeps the page readable: never block the app on it,
    // neither when it fails nor when a poor connection stalls it (it still takes over if it arrives).
    full.addEventListener("error", () => resolve(), { once: true });
    setTimeout(resolve, STALLED_AFTER_MS);
    // Same place in the cascade as the critical stylesheet: before the icons and the app's own styles.
    critical.before(full);
  });
  return ready;
}

/**
 * Whether a finger, pen or mouse button is pressed on the page. A tap is a press then a release on the same
 * element: a stylesheet swapped in between moves the page under the finger, and the tap lands on what is there on
 * release (a « Commencer » that jumped 32 px up was tapped on the text below it, and nothing happened).
 */
let pressed = false;
if (typeof window !== "undefined") {
  addEventListener("pointerdown", () => (pressed = true), { capture: true, passive: true });
  for (const type of ["pointerup", "pointercancel"]) addEventListener(type, () => (pressed = false), { capture: true, passive: true });
}

/** Once no press is under way, and its click (dispatched right after the release) has been handled. */
function released(): Promise<void> {
  if (!pressed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      removeEventListener("pointerup", done, { capture: true });
      removeEventListener("pointercancel", done, { capture: true });
      clearTimeout(timer);
      setTimeout(resolve, 0);
    };
    addEventListener("pointerup", done, { capture: true });
    addEventListener("pointercancel", done, { capture: true });
    // A release the page never saw (outside the window): do not keep the critical stylesheet for ever.
    const timer = setTimeout(done, STALLED_AFTER_MS);
  });
}

/**
 * The DSFR faces pre-rendered pages leave out of CSS (medium, light, italics, Spectral: src/web/dsfr-fonts.ts), added
 * to the page's own font set, which no stylesheet change resets. Those the page's text uses are loaded first, so that
 * text is not drawn in the fallback font while its file comes; the others load when text needs them, as DSFR declares
 * them. None on a page drawn in the fallback font (Marianne came too late for the first paint): its text stays in that
 * font rather than change under the reader, in part or whole. Never fails.
 *
 * On a page in a language whose letters Marianne lacks, each Marianne face added has its script font's counterpart,
 * of the same weight and style (src/web/i18n/locales.ts: the regular or bold file): the browser picks a family's faces
 * by weight and style first, so the Arabic words of a medium-weight label found no Arabic face among the medium ones
 * and were drawn in the phone's font once Marianne's medium face came (the label widened under the reader).
 */
async function addLaterFaces(): Promise<void> {
  if (!("fonts" in document) || typeof FontFace === "undefined" || !drawnInMarianne()) return;
  const used = usedFaces();
  const script = scriptFontOf(localeFromPath(servedPath)); // the language the document was served in links its font
  // The script font's letters (the `unicode-range` of its stylesheet's faces, declared as Marianne: scripts/vite-fonts.ts).
  const scriptRange = [...document.fonts].find((face) => face.family.replace(/["']/g, "") === "Marianne" && face.unicodeRange !== ALL_CHARACTERS)?.unicodeRange;
  const faces = dsfrFaces
    .filter((face) => !firstPaintFaces.includes(face.file))
    .flatMap((face) => {
      const descriptors = { weight: String(face.weight), style: face.style, display: "swap" } as const;
      const fonts = [new FontFace(face.family, source(dsfrFontFile(face)), descriptors)];
      // Added after Marianne's face: the later face of a family is tried first for the letters it covers.
      if (script && scriptRange && face.family === "Marianne")
        fonts.push(new FontFace(face.family, source(scriptFontFile(script, face.weight < 600 ? 400 : 700)), { ...descriptors, unicodeRange: scriptRange }));
      return fonts.map((font) => ({ face, font }));
    });
  const stalled = new Promise((resolve) => setTimeout(resolve, STALLED_AFTER_MS));
  const needed = faces.filter(({ face }) => used.has(faceKey(face))).map(({ font }) => font.load());
  await Promise.race([Promise.allSettled(needed), stalled]);
  for (const { font } of faces) document.fonts.add(font);
}

const ALL_CHARACTERS = "U+0-10FFFF";
// eslint-disable-next-line lingui/no-unlocalized-strings -- a CSS source, not text
const source = (file: string) => `url(${file}) format("woff2")`;

const faceKey = ({ family, weight, style }: Pick<DsfrFace, "family" | "weight" | "style">) => `${family} ${weight} ${style}`;

/** The family, weight and style of every text the page shows (as far as the DSFR's faces go). */
function usedFaces(): Set<string> {
  const used = new Set<string>();
  for (const element of document.body.querySelectorAll("*")) {
    if (![...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim())) continue;
    const style = getComputedStyle(element);
    const family = style.fontFamily.split(",")[0]!.replace(/["']/g, "").trim();
    if (family === "Marianne" || family === "Spectral")
      used.add(faceKey({ family, weight: Number(style.fontWeight), style: style.fontStyle === "italic" ? "italic" : "normal" }));
  }
  return used;
}

/** Whether text in Marianne is drawn with it (its regular face loaded in time for the first paint), not a fallback. */
function drawnInMarianne(): boolean {
  const context = document.createElement("canvas").getContext("2d");
  if (!context) return false;
  const width = (font: string) => {
    context.font = font;
    // eslint-disable-next-line lingui/no-unlocalized-strings -- a sample to measure, not text shown
    return context.measureText("Les 1000 premiers jours de l'enfant").width;
  };
  // eslint-disable-next-line lingui/no-unlocalized-strings -- CSS fonts, not text
  return width("400 32px Marianne, monospace") !== width("400 32px monospace");
}

/** The whole stylesheet if something asked for it already, else nothing to wait for. */
export function requestedFullStylesheet(): Promise<void> {
  return ready ?? Promise.resolve();
}

// Each pre-rendered page links the critical stylesheet of its own route: it holds the rules of that page only.
const servedPath = typeof location === "undefined" ? "" : location.pathname;

/** What a page loaded on demand waits for: nothing more on the page the document was served for, else the whole stylesheet. */
export function stylesheetForPage(): Promise<void> {
  if (typeof document === "undefined") return Promise.resolve(); // build-time rendering
  return location.pathname === servedPath ? requestedFullStylesheet() : loadFullStylesheet();
}
