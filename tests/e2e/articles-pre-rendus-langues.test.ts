import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { expectNoAxeViolations, launchBrowser, newPhonePage } from "./support.js";
import { translationLabels } from "../../src/domain/content/translation-labels.js";

/**
 * Issue 14, pre-rendered pages per language: a translated article (an essential) is served in its language, painted
 * before any script (title, text, review status, `lang`/`dir`), and the app adopts it without painting it again,
 * with that very version of the translation (from the device on a repeat visit). An article without translation is
 * drawn by the app, in French with its note.
 */
const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const arabic = "/ar/articles/sommeil-bebe-securite";

describe("translated articles pre-rendered in their language", () => {
  it("serves the Arabic article in Arabic before any script: title, text, review status, lang and direction", async () => {
    const { context, page, problems } = await newPhonePage(browser, { javaScriptEnabled: false });
    try {
      await page.goto(baseUrl + arabic);
      expect(await page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }))).toEqual({ lang: "ar", dir: "rtl" });
      expect(await page.locator("main h1").innerText()).toBe("نوم الرضيع بأمان");
      expect(await page.locator("main h1 span").getAttribute("lang")).toBe("ar");
      const status = page.getByTestId("translation-status");
      expect((await status.locator('p[lang="ar"]').innerText()).trim()).toBe(translationLabels.ar.toReview);
      expect(await status.locator('p[lang="fr"]').innerText()).toBe("Traduction à relire");
      const body = page.locator("#lecture-article-corps");
      expect(await body.getAttribute("lang")).toBe("ar");
      expect(await body.innerText()).toMatch(/الموت المفاجئ غير المتوقع للرضيع/);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
      // The English and FALC versions too, each in its language.
      await page.goto(`${baseUrl}/en/articles/sommeil-bebe-securite`);
      expect(await page.locator("main h1").innerText()).toBe("Putting your baby to sleep safely");
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
      await page.goto(`${baseUrl}/falc/articles/sommeil-bebe-securite`);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("fr-x-falc");
      expect(await page.locator("main h1 span").getAttribute("lang")).toBe("fr-x-falc");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("is served with the versions of the content and of the translation it was rendered with; an article without translation is drawn by the app", async () => {
    const html = await (await fetch(baseUrl + arabic)).text();
    const root = /<div id="root" data-content="(\w+)" data-translation="(\w+)">/.exec(html);
    expect(root, "root marked with both versions").not.toBeNull();
    const translation = (await (await fetch(`${baseUrl}/api/v1/traductions/ar`)).json()) as { version: string };
    expect(root![2]).toBe(translation.version);
    // Not translated into Arabic: no Arabic page at build time, the shell (nothing in <main> before the app).
    const shell = await (await fetch(`${baseUrl}/ar/articles/sommeil-jeune-enfant`)).text();
    expect(shell).not.toMatch(/<h1/);
  });

  it("adopts the served Arabic article without painting it again, on a first visit and with the translation already on the device", async () => {
    for (const before of ["a first visit", "a stage page in Arabic seen before"]) {
      const { context, page, problems } = await newPhonePage(browser);
      try {
        if (before !== "a first visit") {
          // The stage page fetches the Arabic translation and keeps it on the device (without saving any data of the
          // parent's, which would make the app render pages afresh).
          await page.goto(`${baseUrl}/ar/parcours/trois-premiers-mois`);
          const essential = page.locator(".mj-key-messages li", { has: page.locator(`a[href="${arabic}"]`) });
          await expect.poll(() => essential.locator("span[lang]").first().getAttribute("lang")).toBe("ar");
        }
        await page.addInitScript(() =>
          document.addEventListener("DOMContentLoaded", () => {
            (window as unknown as { served: Element[] }).served = [...document.querySelectorAll("main h1, main p, #lecture-article-corps")];
          }),
        );
        await page.goto(baseUrl + arabic);
        await page.locator("#fr-theme-modal").waitFor({ state: "attached" }); // hydrated
        await page.waitForLoadState("networkidle");
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
        const kept = await page.evaluate(() => {
          const served = (window as unknown as { served: Element[] }).served;
          return served.length > 3 && served.every((element) => element.isConnected);
        });
        expect(kept, `${before}: the served title, paragraphs and text are still the ones on screen`).toBe(true);
        expect(await page.locator("main h1").innerText()).toBe("نوم الرضيع بأمان");
        expect(await page.getByTestId("translation-fallback").count()).toBe(0);
        await expectNoAxeViolations(page);
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });
});

describe("a translated article on a device with saved data", () => {
  it("is drawn again in its language, never in French meanwhile", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    try {
      // Opening an article marks it read: the device has saved data, and the app renders pages afresh.
      await page.goto(baseUrl + arabic);
      await page.locator("#fr-theme-modal").waitFor({ state: "attached" });
      await page.waitForLoadState("networkidle");
      await page.addInitScript(() => {
        const titles: string[] = [];
        Object.assign(window, { titles });
        new MutationObserver(() => {
          const title = document.querySelector("main h1")?.textContent;
          if (title && titles.at(-1) !== title) titles.push(title);
        }).observe(document, { subtree: true, childList: true, characterData: true });
      });
      await page.reload();
      await page.locator("#fr-theme-modal").waitFor({ state: "attached" });
      await page.getByTestId("translation-status").waitFor();
      await page.waitForLoadState("networkidle");
      expect(await page.locator("main h1").innerText()).toBe("نوم الرضيع بأمان");
      expect(await page.evaluate(() => (window as unknown as { titles: string[] }).titles)).not.toContain("Coucher bébé en sécurité");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
