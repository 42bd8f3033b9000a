import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { expectNoAxeViolations, launchBrowser, newPhonePage } from "./support.js";

/**
 * Issue 14: a parent searches in their own language. The articles are found by the words of their translation (the
 * essentials, fetched with the language's translations) and still by their French words; the cards show the
 * translated titles, and the articles not translated keep their French title, marked French.
 */
const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** The result cards' titles, with the language and direction they are marked with. */
function cards(page: Page) {
  return page
    .locator("main .fr-card__title span")
    .evaluateAll((spans) => spans.map((s) => ({ title: s.textContent, lang: s.getAttribute("lang"), dir: s.getAttribute("dir") })));
}

describe("search in the parent's language", () => {
  it("finds in English by English words, and by French words with the English titles", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    try {
      await page.goto(`${baseUrl}/en/recherche?q=sleep`);
      await page.locator(".fr-card__title", { hasText: "Putting your baby to sleep safely" }).waitFor();
      const found = await cards(page);
      expect(found.length).toBeGreaterThan(1);
      // Every article found by an English word is shown in English.
      expect(found.filter((c) => c.lang !== "en")).toEqual([]);
      expect(await page.getByRole("status").innerText()).toBe(`${found.length} articles for “sleep”`);
      await expectNoAxeViolations(page);

      // A French word still finds: the translated article under its English title, the others in French, marked so.
      await page.goto(`${baseUrl}/en/recherche?q=sommeil`);
      await page.locator(".fr-card__title", { hasText: "Putting your baby to sleep safely" }).waitFor();
      expect(await cards(page)).toContainEqual({ title: "Le sommeil de 1 à 3 ans : rituels, réveils de nuit et écrans", lang: "fr", dir: "ltr" });
      await page.locator(".fr-card__title a", { hasText: "Putting your baby to sleep safely" }).click();
      await page.waitForURL(`${baseUrl}/en/articles/sommeil-bebe-securite`);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("finds in Arabic by Arabic words typed in the search form, with or without the article « ال »", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    try {
      await page.goto(`${baseUrl}/ar/recherche`);
      await page.getByRole("heading", { level: 1, name: "بحث" }).waitFor();
      const input = page.locator('main input[name="q"]');
      await page.waitForFunction(() => !document.querySelector('main input[name="q"]')?.hasAttribute("disabled"));
      await input.fill("رضيع");
      await input.press("Enter");
      await page.waitForURL(/\/ar\/recherche\?q=/);
      await page.locator(".fr-card__title", { hasText: "نوم الرضيع بأمان" }).waitFor();
      const found = await cards(page);
      expect(found).toContainEqual({ title: "نوم الرضيع بأمان", lang: "ar", dir: "rtl" });
      expect(found.filter((c) => c.lang !== "ar")).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
      await expectNoAxeViolations(page);

      // With the article joined to the word, the same articles.
      await page.goto(`${baseUrl}/ar/recherche?q=${encodeURIComponent("الرضيع")}`);
      await page.locator(".fr-card__title", { hasText: "نوم الرضيع بأمان" }).waitFor();
      expect((await cards(page)).map((c) => c.title)).toEqual(found.map((c) => c.title));

      // French words still find, the French article marked French, left to right.
      await page.goto(`${baseUrl}/ar/recherche?q=sommeil`);
      await page.locator(".fr-card__title", { hasText: "نوم الرضيع بأمان" }).waitFor();
      expect(await cards(page)).toContainEqual({ title: "Le sommeil de 1 à 3 ans : rituels, réveils de nuit et écrans", lang: "fr", dir: "ltr" });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
