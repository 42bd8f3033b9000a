import { nextTask } from "./next-task.js";

/**
 * DSFR's own script (`dsfr.module.js`: the header's menu, dialogs, collapses, the language menu, the display settings)
 * cost about as much main-thread time on start as the app's hydration, on every page, while a page needs none of it to
 * be read: its work is to answer the visitor's actions. It starts when needed ("idle until urgent"): at the first
 * touch, click or key press on the page, when the system's theme changes, or once the page has loaded and is quiet,
 * whichever comes first; in two steps (the script's evaluation, then its start), each in its own task.
 *
 * A click on one of its buttons before it runs (a tap while the script arrives on a slow connection, a screen reader's
 * click that comes without any key press) is held, then given again to that button once the script runs: it is not
 * lost.
 */

declare global {
  interface Window {
    dsfr?: { verbose: boolean; mode: string; start?: () => void };
  }
}

/** What DSFR's disclosure buttons (`aria-controls`) open: a collapse (menus, the language selector), a dialog, a tab. */
const DISCLOSED = ".fr-collapse, .fr-modal, .fr-tabs__panel";

let running = false;
let started: Promise<void> | undefined;
let held: HTMLElement | null = null;

/** DSFR's script, loaded and started (once); resolves when its components answer clicks. */
export function startDsfr(): Promise<void> {
  started ??= run();
  return started;
}

async function run(): Promise<void> {
  // As react-dsfr's startReactDsfr does: DSFR leaves the DOM to React ("react" mode).
  window.dsfr = { verbose: false, mode: "react" };
  // @ts-expect-error: react-dsfr ships DSFR's script without type declarations.
  await import("@codegouvfr/react-dsfr/dsfr/dsfr.module");
  // The start in a task of its own, after the evaluation's.
  await nextTask();
  window.dsfr.start!();
  running = true;
  removeEventListener("click", holdClick, { capture: true });
  const button = held;
  held = null;
  if (!button?.isConnected) return;
  // DSFR attaches its components to the page over the next frames (it marks each with a `data-fr-js-…` attribute):
  // a click given before it has reached the button would be lost, as it was under load. At most a second, then anyway.
  for (let frame = 0; frame < 60 && !attached(button); frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
  button.click();
}

const attached = (element: Element) => [...element.attributes].some((attribute) => attribute.name.startsWith("data-fr-js-"));

/** Before DSFR runs, a click on a button it handles: kept for when it runs (the last one only). */
function holdClick(event: MouseEvent): void {
  if (running) return;
  const button = (event.target as Element | null)?.closest?.("[aria-controls]");
  if (!(button instanceof HTMLElement)) return;
  const controlled = document.getElementById(button.getAttribute("aria-controls") ?? "");
  if (!controlled?.matches(DISCLOSED)) return;
  event.preventDefault();
  event.stopImmediatePropagation();
  held = button;
  void startDsfr();
}

/**
 * Without any action, it waits until the page has loaded and a few seconds have passed, then for an idle moment: the
 * first seconds are when a slow phone is busiest (hydration, the content read from the device, the whole stylesheet,
 * the fonts), and a page that is only read needs nothing of it (its buttons start it, see above).
 */
const AFTER_LOAD_MS = 3000;
const DARK_QUERY = "(prefers-color-scheme: dark)";

/** Once the page is loaded and quiet (the app has started: see App.tsx), if no action of the visitor started DSFR before. */
export function startDsfrWhenIdle(): void {
  if (started) return;
  const idle = (callback: () => void) =>
    "requestIdleCallback" in window ? requestIdleCallback(callback, { timeout: AFTER_LOAD_MS }) : setTimeout(callback, 0);
  const later = () => setTimeout(() => idle(() => void startDsfr()), AFTER_LOAD_MS);
  if (document.readyState === "complete") later();
  else addEventListener("load", later, { once: true });
}

if (typeof window !== "undefined") {
  addEventListener("click", holdClick, { capture: true });
  for (const type of ["pointerdown", "keydown"]) addEventListener(type, () => void startDsfr(), { once: true, passive: true, capture: true });
  // DSFR follows the system's light or dark theme while the page is open (its « Paramètres d'affichage »: système).
  matchMedia(DARK_QUERY).addEventListener("change", () => void startDsfr(), { once: true });
}
