import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import AxeBuilder from "@axe-core/playwright";
import { expect, inject } from "vitest";
import { isoDateInTimeZone, type IsoDate } from "../../src/domain/dates.js";

export { newDataDir, startServer, type RunningServer } from "../support/server.js";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../support/chromium.js";

export { CHROMIUM_PATH };
const E2E_CHROMIUM_ARGS = [...CHROMIUM_ARGS, "--lang=fr-FR"];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: E2E_CHROMIUM_ARGS, headless: true });
}

/**
 * The run's clock (tests/setup/server.ts): one instant chosen by the setup. The tests' "today" is its day in Paris, and
 * every page's clock starts from it: a run that crosses midnight does not see the date change between a test's
 * expectations and what its pages compute (« Demain : … », the agenda, a child's age).
 */
const clock = inject("e2eClock");

/** Today for the whole run, in Paris: the day every page of the run sees too (`newContext`). */
export function runToday(): IsoDate {
  return isoDateInTimeZone(new Date(clock.instant), "Europe/Paris");
}

/**
 * Moves the page's `Date` (`Date.now()`, `new Date()`, `Date()`) by `shift` ms; nothing else. Playwright's own clock
 * (`context.clock`, any of its methods) replaces the timers, requestAnimationFrame and the whole `performance` object
 * (its getEntries* then answer nothing, which first-paint reads) and a fixed time stops Leaflet's animations, which
 * measure themselves with `Date`. Not in workers: the service worker and the Intl warm-up worker compute no date.
 */
function shiftDate(shift: number): void {
  const NativeDate = Date;
  const now = () => NativeDate.now() + shift;
  function ShiftedDate(this: unknown, ...args: unknown[]): unknown {
    if (!new.target) return new NativeDate(now()).toString();
    return Reflect.construct(NativeDate, args.length === 0 ? [now()] : args, new.target);
  }
  Object.setPrototypeOf(ShiftedDate, NativeDate); // Date.parse, Date.UTC
  ShiftedDate.prototype = NativeDate.prototype;
  ShiftedDate.now = now;
  globalThis.Date = ShiftedDate as unknown as DateConstructor;
}

/**
 * Every browser context of the e2e tests is made here: its pages' clocks read the run's instant at the moment the setup
 * chose it, and run on from there (the same for every context, so time never goes back from one to the next).
 */
export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await context.addInitScript(shiftDate, clock.instant - clock.chosenAt);
  return context;
}

/** A phone-sized French browser context, failing the test on any page error or CSP violation; `options` add to or replace its settings. */
export async function newPhonePage(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await newContext(browser, { locale: "fr-FR", timezoneId: "Europe/Paris", viewport: { width: 390, height: 844 }, hasTouch: true, ...options });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" && !/Failed to load resource|ERR_CONNECTION_REFUSED|net::ERR/.test(message.text()))
      problems.push(`console: ${message.text()}`);
  });
  return { context, page, problems };
}

/** axe-core on the current page: no violation of WCAG 2.x A/AA rules. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  // The page settled (its lazy code and data fetched), then the page itself there: axe takes seconds on a loaded
  // machine, and a page still putting late-arriving parts in place was seen without its h1 in the middle of it.
  await page.waitForLoadState("networkidle");
  await page.locator("main h1").first().waitFor();
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join(" | ")}`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/**
 * The app has taken the page over: a pre-rendered page is served with its form controls disabled (greyed), enabled
 * by the app once it has hydrated (App.tsx), which takes seconds on a loaded machine.
 */
export async function waitForApp(page: Page): Promise<void> {
  await page.locator("main h1").first().waitFor();
  await appTookOver(page);
}

const appTookOver = (page: Page) => page.waitForFunction(() => document.querySelector("[data-avant-app]") === null, undefined, { timeout: 60_000 });

/**
 * The app has created its database on the device (with its « profile » store), so that a test can write into it.
 * Polled with expect.poll, not waitForFunction (which takes an async predicate's promise as a true value at once).
 * The database is opened without creating it (an upgrade is aborted, left to the app) and closed at once: a
 * connection left open would block the app's own upgrade.
 */
export async function waitForAppDatabase(page: Page): Promise<void> {
  const ready = () =>
    page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          const open = indexedDB.open("mille-jours");
          open.onupgradeneeded = () => open.transaction!.abort();
          open.onerror = () => resolve(false);
          open.onsuccess = () => {
            const found = open.result.objectStoreNames.contains("profile");
            open.result.close();
            resolve(found);
          };
        }),
    );
  await expect.poll(ready, { message: "the app's database on the device" }).toBe(true);
}

/**
 * Puts a saved profile on the device as the app (or an older version of it) would have: on « Mes données », once the app
 * has created its database (a pre-rendered page would otherwise let this create an empty one), then closes the
 * connection (left open, it would block the app's own upgrade of the database).
 */
export async function saveProfileOnDevice(page: Page, baseUrl: string, profile: unknown): Promise<void> {
  await page.goto(`${baseUrl}/mes-donnees`);
  await page.getByRole("heading", { name: "Mes données", level: 1 }).waitFor();
  await page.locator('input[type="file"]:enabled').waitFor();
  await waitForAppDatabase(page);
  await page.evaluate(async (saved) => {
    const request = indexedDB.open("mille-jours");
    const db: IDBDatabase = await new Promise((resolve) => (request.onsuccess = () => resolve(request.result)));
    await new Promise((resolve) => (db.transaction("profile", "readwrite").objectStore("profile").put(saved, "current").onsuccess = resolve));
    db.close();
    localStorage.setItem("mille-jours:donnees-enregistrees", "1");
  }, profile);
}

/** Presses Tab until the focused element matches, as a keyboard-only user would. */
export async function tabTo(
  page: Page,
  matches: (el: { tag: string; text: string; label: string; type: string; name: string }) => boolean,
  max = 80,
): Promise<void> {
  // A pre-rendered page's controls are served disabled until the app has taken it over: Tab passes them by until then
  // (a person waits for them to be usable).
  await appTookOver(page);
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      if (!a) return { tag: "", text: "", label: "", type: "", name: "" };
      const labelled = a.id ? (document.querySelector(`label[for="${a.id}"]`)?.textContent ?? "") : "";
      return {
        tag: a.tagName.toLowerCase(),
        text: (a.textContent ?? "").trim().replace(/\s+/g, " "),
        label: (a.getAttribute("aria-label") ?? labelled).trim().replace(/\s+/g, " "),
        type: a.getAttribute("type") ?? "",
        name: a.getAttribute("name") ?? "",
      };
    });
    if (matches(el)) return;
    seen.push(`${el.tag}[${el.name || el.type}] "${el.text || el.label}"`.slice(0, 80));
  }
  throw new Error(`Focus never reached the expected element; went through: ${seen.join(" → ")}`);
}

/** Clicks the label of a DSFR checkbox or radio (the input itself is visually hidden). */
export async function clickLabel(page: Page, text: string): Promise<void> {
  await page.locator("label").filter({ hasText: text }).first().click();
}

/** Saves a pregnancy (its terme) through the profile form, as a parent would, and waits for « Mon parcours ». */
export async function savePregnancyProfile(page: Page, baseUrl: string, terme: string): Promise<void> {
  await page.goto(`${baseUrl}/profil`);
  await clickLabel(page, "Grossesse en cours");
  await page.locator('input[name="pregnancy-date"]').fill(terme);
  await page.getByRole("button", { name: "Enregistrer et voir mon parcours" }).click();
  await page.getByRole("heading", { name: "Mon parcours", level: 1 }).waitFor();
}
