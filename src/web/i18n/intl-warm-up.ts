/**
 * The first number or date formatter a page makes (`Intl.NumberFormat`, `Intl.DateTimeFormat`) reads the browser's
 * formatting data for its language: 15 to 30 ms of the main thread in Chromium on this machine, four times that on a
 * slow phone, and « Autour de moi » (its distances) and other pages paid it inside their first render (issue 19). The
 * browser reads these data once for the whole page, whichever thread asks: made first in a worker, the page's own
 * formatter then costs its main thread 0.3 ms (measured, `fr`). Started with the app, long before its first render; if
 * the worker cannot start (an old browser, the file not there offline), the page formats as before.
 */
export function warmUpIntl(lang: string): void {
  if (typeof Worker === "undefined" || !lang) return;
  try {
    new Worker(new URL("./intl-warm-up-worker.ts", import.meta.url), { name: lang });
  } catch {
    // No worker: the first formatter is made on the main thread, as without this.
  }
}
