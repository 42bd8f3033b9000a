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
    const done = () => {
      critical.remove();
      resolve();
    };
    full.addEventListener("load", done, { once: true });
    // Without the whole stylesheet, the critical one keeps the page readable: never block the app on it,
    // neither when it fails nor when a poor connection stalls it (it still takes over if it arrives).
    full.addEventListener("error", () => resolve(), { once: true });
    setTimeout(resolve, STALLED_AFTER_MS);
    // Same place in the cascade as the critical stylesheet: before the icons and the app's own styles.
    critical.before(full);
  });
  return ready;
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
