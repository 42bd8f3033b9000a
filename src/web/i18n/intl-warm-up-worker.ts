/**
 * Started by intl-warm-up.ts, in a thread of its own: makes one number and one date formatter for the page's language
 * (its tag is the worker's name), then ends. The browser keeps the formatting data it read for the whole page.
 */
const tag = self.name;
try {
  new Intl.NumberFormat(tag).format(0);
  new Intl.DateTimeFormat(tag).format(0);
} catch {
  // A tag the browser does not know: nothing to prepare, the page formats as before.
}
close();
