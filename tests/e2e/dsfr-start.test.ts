import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page, Route } from "playwright-core";
import { expectNoAxeViolations, launchBrowser, newPhonePage, tabTo } from "./support.js";

/**
 * DSFR's own script starts when needed (src/web/dsfr-start.ts): at the first touch or key press, or once the browser
 * is idle. These tests hold that script on the network, act on the page meanwhile, then let it arrive: what was asked
 * before it ran is done once it runs, by touch and by keyboard.
 */
const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** DSFR's script, held on the network until `release` (no service worker: it would fetch it out of the page's sight). */
async function holdDsfrScript(page: Page): Promise<{ requested: Promise<void>; release: () => Promise<void> }> {
  let route: Route | undefined;
  let requested!: () => void;
  const asked = new Promise<void>((resolve) => (requested = resolve));
  await page.route(/\/assets\/dsfr\.module-[\w-]+\.js$/, (r) => {
    route = r;
    requested();
  });
  return { requested: asked, release: async () => void (await asked, await route!.continue()) };
}

const dsfrRunning = (page: Page) => page.evaluate(() => document.documentElement.getAttribute("data-fr-js") === "true");

describe("DSFR's script, started when needed", () => {
  it("keeps a tap on the header's menu made before the script runs, then opens the menu; Escape closes it", async () => {
    const { context, page, problems } = await newPhonePage(browser, { serviceWorkers: "block" });
    const script = await holdDsfrScript(page);
    await page.goto(`${baseUrl}/calendrier`);
    await page.locator("main h1").first().waitFor();
    const menu = page.locator("button.fr-btn--menu");
    await menu.tap();
    await script.requested; // the touch asked for it
    expect(await dsfrRunning(page)).toBe(false);
    expect(await page.locator(".fr-header__menu.fr-modal--opened").count()).toBe(0);
    await script.release();
    const close = page.locator(".fr-header__menu button.fr-btn--close");
    await close.waitFor({ state: "visible" });
    expect(await dsfrRunning(page)).toBe(true);
    await page.keyboard.press("Escape");
    await close.waitFor({ state: "hidden" });
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("fr-btn--menu"))).toBe(true);
    // The menu opens again by touch, the script running.
    await menu.tap();
    await close.waitFor({ state: "visible" });
    await close.tap();
    await close.waitFor({ state: "hidden" });
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("keeps the language selector opened with the keyboard before the script runs", async () => {
    const { context, page, problems } = await newPhonePage(browser, { serviceWorkers: "block", viewport: { width: 1280, height: 900 } });
    const script = await holdDsfrScript(page);
    await page.goto(`${baseUrl}/post-partum`);
    await page.locator("main h1").first().waitFor();
    await tabTo(page, (el) => el.tag === "button" && el.text.startsWith("FR"));
    await page.keyboard.press("Enter");
    await script.requested;
    const selector = page.locator("button.fr-translate__btn").first();
    expect(await selector.getAttribute("aria-expanded")).toBe("false");
    await script.release();
    // Once the script runs and has reached the button (a loaded phone can take seconds: the poll limit is in vitest.config.ts).
    await expect.poll(() => selector.getAttribute("aria-expanded")).toBe("true");
    expect(await selector.evaluate((button) => [...button.attributes].some((a) => a.name.startsWith("data-fr-js-")))).toBe(true);
    await page.locator("a.fr-translate__language[hreflang=ar]").first().waitFor({ state: "visible" });
    await tabTo(page, (el) => el.tag === "a" && el.text === "AR - العربية", 6);
    await page.keyboard.press("Enter");
    await page.waitForURL(`${baseUrl}/ar/post-partum`);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("follows the system's theme turned dark while the page is open, without any action", async () => {
    const { context, page, problems } = await newPhonePage(browser, { colorScheme: "light" });
    await page.goto(`${baseUrl}/parcours`);
    await page.locator("main h1").first().waitFor();
    // The app sets the theme as it starts (react-dsfr); DSFR's script has not started yet.
    await page.waitForFunction(() => document.documentElement.getAttribute("data-fr-theme") === "light");
    await page.emulateMedia({ colorScheme: "dark" });
    await page.waitForFunction(() => document.documentElement.getAttribute("data-fr-theme") === "dark");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("starts on its own once the page is loaded and quiet, without any action", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    await page.goto(`${baseUrl}/autour-de-moi`);
    await page.locator("main h1").first().waitFor();
    await page.waitForFunction(() => document.documentElement.getAttribute("data-fr-js") === "true");
    expect(problems).toEqual([]);
    await context.close();
  });
});
