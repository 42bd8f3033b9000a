/**
 * Pages rendered at build time ship only the part of the DSFR stylesheet they use (the "critical"
 * stylesheet, marked with `data-full-href`), so that they paint sooner. The whole stylesheet is loaded when
 * the visitor goes further; it then replaces the critical one, which must not stay in the cascade (it would
 * come after the whole stylesheet and override rules it left out).
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
      // Applying a stylesheet that declares font faces makes the browser build its faces anew, all unloaded, the
      // critical stylesheet's too: the text was drawn for a frame in the fallback font and the page jumped (a returning
      // parent's home, CLS 0.10). The faces drawn now are kept by the page itself, which no stylesheet change resets.
      await keepLoadedMarianneFaces();
      full.media = "all";
      // The whole stylesheet declares the Marianne faces anew: remove the critical one only once they are loaded, or
      // the text would be drawn for a moment in a fallback font, wrapping differently, and the page would jump.
      await marianneLoaded();
      await released();
      critical.remove();
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

/** The files of the Marianne faces the critical stylesheets declare (scripts/vite-prerender.ts) or pages use first. */
const MARIANNE_FILES: Record<string, string> = {
  "400": "/dsfr/fonts/Marianne-Regular.woff2",
  "500": "/dsfr/fonts/Marianne-Medium.woff2",
  "700": "/dsfr/fonts/Marianne-Bold.woff2",
};

/**
 * The Marianne faces loaded from a stylesheet, added again to the page's own font set (same file, same descriptors,
 * already in the cache) and loaded: faces added by script outlive any stylesheet change and come after the
 * stylesheets' faces, so the text keeps its font while the stylesheets are swapped. Never fails.
 */
async function keepLoadedMarianneFaces(): Promise<void> {
  if (!("fonts" in document) || typeof FontFace === "undefined") return;
  const kept = [...document.fonts].filter(
    (face) =>
      face.family.replace(/["']/g, "") === "Marianne" &&
      face.style === "normal" &&
      face.status === "loaded" &&
      // The DSFR's own faces (every character); not another script's face declared under the same name (Arabic).
      face.unicodeRange === "U+0-10FFFF" &&
      MARIANNE_FILES[face.weight] !== undefined,
  );
  const copies = kept.map((face) => {
    // eslint-disable-next-line lingui/no-unlocalized-strings -- a font family and a CSS source, not text
    const copy = new FontFace("Marianne", `url(${MARIANNE_FILES[face.weight]}) format("woff2")`, {
      weight: face.weight,
      style: face.style,
      display: face.display,
    });
    document.fonts.add(copy);
    return copy.load();
  });
  const stalled = new Promise((resolve) => setTimeout(resolve, STALLED_AFTER_MS));
  await Promise.race([Promise.allSettled(copies), stalled]);
}

/** The Marianne faces pages use (regular, medium, bold) that are declared but not loaded yet, loaded; never fails. */
async function marianneLoaded(): Promise<void> {
  if (!("fonts" in document)) return;
  const pending = [...document.fonts].filter(
    (face) =>
      face.family.replace(/["']/g, "") === "Marianne" && face.style === "normal" && ["400", "500", "700"].includes(face.weight) && face.status !== "loaded",
  );
  const stalled = new Promise((resolve) => setTimeout(resolve, STALLED_AFTER_MS));
  await Promise.race([Promise.allSettled(pending.map((face) => face.load())), stalled]);
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
