import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { expectNoAxeViolations, launchBrowser, newPhonePage, tabTo } from "./support.js";
import { locales } from "../../src/domain/content/languages.js";

/**
 * Issue 14: the app in each interface language, on a phone. One browser, one pass per language: address prefix,
 * `<html lang dir>`, the DSFR language selector (keyboard), no horizontal overflow, axe, right-to-left for Arabic and
 * Dari with their font, and the remembered choice.
 */
const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function documentLanguage(page: Page) {
  return page.evaluate(() => ({
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
    direction: getComputedStyle(document.body).direction,
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  }));
}

describe("interface languages", () => {
  it("opens every language from its address, with its lang and direction, readable on a phone", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    for (const locale of locales) {
      const home = `${baseUrl}${locale.prefix}/`;
      // Pre-rendered: right from the first byte, before any script.
      const html = await (await fetch(`${baseUrl}${locale.prefix}/parcours`)).text();
      expect(html, locale.code).toContain(`<html lang="${locale.lang}" dir="${locale.dir}"`);
      await page.goto(home);
      await page.locator("main h1").first().waitFor();
      const seen = await documentLanguage(page);
      expect(seen, locale.code).toMatchObject({ lang: locale.lang, dir: locale.dir, direction: locale.dir });
      expect(seen.overflow, `${locale.code}: horizontal overflow`).toBeLessThanOrEqual(0);
      // The selector's entries: the same page in each language, announced in that language.
      const entries = await page
        .locator("a.fr-translate__language")
        .first()
        .evaluate((first) =>
          [...first.closest("ul")!.querySelectorAll("a")].map((a) => ({
            href: a.getAttribute("href"),
            hreflang: a.getAttribute("hreflang"),
            lang: a.lang,
            current: a.getAttribute("aria-current"),
          })),
        );
      expect(entries).toEqual(locales.map((l) => ({ href: `${l.prefix}/`, hreflang: l.lang, lang: l.lang, current: l.code === locale.code ? "true" : null })));
      if (locale.dir === "rtl") {
        // Marianne has no Arabic letters: the self-hosted Noto Sans Arabic face, declared for the Arabic block only, is used.
        const arabicFont = await page.evaluate(async () => {
          await document.fonts.ready;
          return {
            check: document.fonts.check("16px Marianne", "العربية"),
            loaded: [...document.fonts].some((f) => f.status === "loaded" && f.unicodeRange.includes("U+600")),
          };
        });
        expect(arabicFont, locale.code).toEqual({ check: true, loaded: true });
        // Arrows point the way one reads.
        const arrow = await page
          .locator(".fr-card__title a")
          .first()
          .evaluate((a) => getComputedStyle(a, "::after").transform);
        expect(arrow, locale.code).toBe("matrix(-1, 0, 0, 1, 0, 0)");
      }
      await expectNoAxeViolations(page);
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it("switches language with the keyboard from the header, keeps the prefix in links and remembers the choice", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${baseUrl}/parcours`);
    await page.locator("main h1").first().waitFor();
    // The menu button works once the DSFR script has started on the page (it marks the document).
    await page.waitForFunction(() => document.documentElement.getAttribute("data-fr-js") === "true");
    await tabTo(page, (el) => el.tag === "button" && el.text.startsWith("FR"));
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("button.fr-translate__btn").first().getAttribute("aria-expanded")).toBe("true");
    // The open menu shows once the whole DSFR stylesheet is there (it follows the first key press); a person waits for it.
    await page.locator("a.fr-translate__language[hreflang=ar]").first().waitFor({ state: "visible" });
    await tabTo(page, (el) => el.tag === "a" && el.text === "AR - العربية", 6);
    await page.keyboard.press("Enter");
    await page.waitForURL(`${baseUrl}/ar/parcours`);
    await page.locator("main h1").first().waitFor();
    expect(await documentLanguage(page)).toMatchObject({ lang: "ar", dir: "rtl" });
    // Links inside the app keep the language.
    const nav = await page.locator("#fr-header-main-navigation a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    expect(nav.every((href) => href?.startsWith("/ar/"))).toBe(true);
    await page.locator("#fr-header-main-navigation a").nth(1).click();
    await page.waitForURL(`${baseUrl}/ar/calendrier`);
    expect(await documentLanguage(page)).toMatchObject({ lang: "ar", dir: "rtl" });
    // Two Tab presses within one frame with the menu open (a quick keyboard user on a slow phone): the menu closes,
    // and DSFR's second check no longer reads a closed menu (scripts/vite-dsfr-fixes.ts; `problems` stays empty).
    await page.locator("button.fr-translate__btn").first().click();
    await expect.poll(() => page.locator("button.fr-translate__btn").first().getAttribute("aria-expanded")).toBe("true");
    await page.evaluate(async () => {
      (document.activeElement as HTMLElement | null)?.blur();
      for (let i = 0; i < 2; i++) document.documentElement.dispatchEvent(new KeyboardEvent("keydown", { key: "Tab", keyCode: 9, bubbles: true }));
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    });
    await expect.poll(() => page.locator("button.fr-translate__btn").first().getAttribute("aria-expanded")).toBe("false");
    // The home page opens again in the chosen language; French, once chosen, stays French.
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(`${baseUrl}/ar/`);
    await page.locator("a.fr-translate__language[hreflang=fr]").first().dispatchEvent("click");
    await page.waitForURL(`${baseUrl}/`);
    await page.goto(`${baseUrl}/`);
    await page.locator("main h1").first().waitFor();
    expect(page.url()).toBe(`${baseUrl}/`);
    // Offline, a page in a language opens from the service worker (the shell, with that language's catalogue).
    await page.goto(`${baseUrl}/ar/`);
    await page.locator("main h1").first().waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready);
    await context.setOffline(true);
    await page.goto(`${baseUrl}/ar/parcours`);
    await page.getByRole("heading", { level: 1, name: "مساري" }).waitFor();
    await expect.poll(() => documentLanguage(page)).toMatchObject({ lang: "ar", dir: "rtl", direction: "rtl" }); // the shell, offline: set by the app
    await context.setOffline(false);
    expect(problems).toEqual([]);
    await context.close();
  });
});
