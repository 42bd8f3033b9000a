import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { expectNoAxeViolations, launchBrowser, newPhonePage } from "./support.js";

/** Issue 14: FALC follows the easy-to-read rules, large type included, on a phone. */
const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** The size and line height of the main text's paragraphs and list items, as drawn. */
async function readingType(page: Page) {
  return page.evaluate(() => {
    // Badges are labels, not reading text (they keep the DSFR's size).
    const seen = [...document.querySelectorAll("main p:not(.fr-badge), main li")].filter((el) => el.getClientRects().length > 0 && el.textContent!.trim());
    return {
      count: seen.length,
      smallest: Math.min(...seen.map((el) => parseFloat(getComputedStyle(el).fontSize))),
      tightest: Math.min(...seen.map((el) => parseFloat(getComputedStyle(el).lineHeight) / parseFloat(getComputedStyle(el).fontSize))),
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    };
  });
}

describe("FALC on a phone", () => {
  it("sets every reading text in large type (20 px or more, well spaced), where French keeps the DSFR's 16 px, and still fits 390 px", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    try {
      await page.goto(`${baseUrl}/articles/bebe-secoue-pleurs`);
      await page.locator(".mj-article-body p").first().waitFor();
      expect(
        await page
          .locator(".mj-article-body p")
          .first()
          .evaluate((p) => getComputedStyle(p).fontSize),
      ).toBe("16px");

      for (const path of ["/falc/articles/bebe-secoue-pleurs", "/falc/parcours/trois-premiers-mois", "/falc/"]) {
        await page.goto(`${baseUrl}${path}`);
        await page.locator("main h1").first().waitFor();
        if (path.includes("articles")) await page.getByTestId("translation-status").waitFor();
        expect(await page.evaluate(() => document.documentElement.lang), path).toBe("fr-x-falc");
        // The app may still be putting the language's texts in place (a loaded machine): the page's reading text first.
        await expect.poll(async () => (await readingType(page)).count, { message: path }).toBeGreaterThan(3);
        const type = await readingType(page);
        expect(type.smallest, `${path}: smallest reading text (px)`).toBeGreaterThanOrEqual(20);
        expect(type.tightest, `${path}: line spacing`).toBeGreaterThanOrEqual(1.5);
        expect(type.overflow, path).toBeLessThanOrEqual(0);
        await expectNoAxeViolations(page);
      }
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
