import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expectNoAxeViolations, launchBrowser, newPhonePage } from "./support.js";
import { frenchNotes, translationLabels } from "../../src/domain/content/translation-labels.js";

/**
 * Issue 14, offline: a family given a link in its language opens it on a phone that only ever showed the French app
 * (the service worker installed by a French visit), with no connection. The interface's other languages are precached
 * with the app; the translated articles and the script fonts are not (they come with a first visit in the language).
 * And when a language's catalogue is not on the device either (a cache that lacks it), the page shows French, says so
 * in both languages, is marked French for screen readers, and turns to the language once the connection is back.
 */
const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** A French first visit: the service worker controls the page, its precache complete. */
async function frenchVisit(page: Page): Promise<void> {
  await page.goto(`${baseUrl}/parcours`);
  await page.getByRole("heading", { level: 1, name: "Mon parcours" }).waitFor();
  await serviceWorkerInControl(page);
}

async function serviceWorkerInControl(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
  });
}

async function documentLanguage(page: Page) {
  return page.evaluate(() => ({
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
    direction: getComputedStyle(document.querySelector("main")!).direction,
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  }));
}

/**
 * The Arabic script font (Noto Sans Arabic, declared as Marianne for the Arabic letters: scripts/vite-fonts.ts): its
 * faces the document has and their state, whether the browser says the h1's text is drawn with loaded fonts, and the
 * width of that text as drawn (the system font's differs).
 */
async function arabicFont(page: Page) {
  return page.evaluate(() => {
    const h1 = document.querySelector("main h1")!;
    const range = document.createRange();
    range.selectNodeContents(h1);
    const style = getComputedStyle(h1);
    return {
      faces: [...document.fonts]
        .filter((face) => face.family.replace(/"/g, "") === "Marianne" && /U\+6\d\d/i.test(face.unicodeRange))
        .map((face) => `${face.weight} ${face.status}`)
        .sort(),
      drawn: document.fonts.check(`${style.fontWeight} ${style.fontSize} Marianne`, h1.textContent!),
      width: Math.round(range.getBoundingClientRect().width),
    };
  });
}

async function offline(context: BrowserContext, page: Page): Promise<void> {
  await context.setOffline(true);
  expect(
    await page.evaluate(() =>
      fetch("/api/v1/health").then(
        () => "up",
        () => "down",
      ),
    ),
  ).toBe("down");
}

describe("a language first opened offline, after a French visit", () => {
  it("shows the Arabic interface from the device, an Arabic article not yet downloaded in French with an honest note, and switches language offline", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    try {
      await frenchVisit(page);
      await offline(context, page);

      // A link in Arabic, opened without a connection: the app's shell and the Arabic catalogue come from the device.
      await page.goto(`${baseUrl}/ar/parcours`);
      await page.getByRole("heading", { level: 1, name: "مساري" }).waitFor();
      await expect.poll(() => documentLanguage(page)).toMatchObject({ lang: "ar", dir: "rtl", direction: "rtl", overflow: 0 });
      expect(await page.locator("#fr-header-main-navigation a").first().textContent()).toBe("مساري");
      await expectNoAxeViolations(page);

      // The article's Arabic text was never downloaded: the French text, never a blank, and the note does not claim
      // that it is not translated: it says why, in Arabic and in French.
      await page.goto(`${baseUrl}/ar/articles/sommeil-bebe-securite`);
      const note = page.getByTestId("translation-fallback");
      await note.waitFor();
      expect(await note.locator('p[lang="ar"]').innerText()).toBe(translationLabels.ar.unavailable);
      expect(await note.locator('p[lang="fr"]').innerText()).toBe(frenchNotes.unavailable);
      expect(await note.innerText()).not.toContain(translationLabels.ar.fallback);
      expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Coucher bébé en sécurité");
      expect((await page.locator(".mj-article-body").innerText()).length).toBeGreaterThan(200);
      await expect.poll(() => documentLanguage(page)).toMatchObject({ dir: "rtl", overflow: 0 });
      await expectNoAxeViolations(page);

      // Back online, the same page fetches the Arabic text by itself.
      await context.setOffline(false);
      await page.getByRole("heading", { level: 1, name: "نوم الرضيع بأمان" }).waitFor();
      await page.getByTestId("translation-status").waitFor();
      expect(await page.getByTestId("translation-fallback").count()).toBe(0);

      // A French page, offline, switched to Ukrainian from the header's selector on the phone (menu, then selector).
      await offline(context, page);
      await page.goto(`${baseUrl}/parcours`);
      await page.getByRole("heading", { level: 1, name: "Mon parcours" }).waitFor();
      await page.waitForFunction(() => document.documentElement.getAttribute("data-fr-js") === "true");
      await page.getByRole("button", { name: "Menu" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.locator("button.fr-translate__btn").click();
      await dialog.locator("a.fr-translate__language[hreflang=uk]").click();
      await page.waitForURL(`${baseUrl}/uk/parcours`);
      await page.getByRole("heading", { level: 1, name: "Мій шлях" }).waitFor();
      await expect.poll(() => documentLanguage(page)).toMatchObject({ lang: "uk", dir: "ltr", overflow: 0 });
      // Remembered on the device, offline too: the home page opens in Ukrainian.
      await page.goto(`${baseUrl}/`);
      await page.waitForURL(`${baseUrl}/uk/`);
      await page.locator("main h1").first().waitFor();
      await expect.poll(() => documentLanguage(page)).toMatchObject({ lang: "uk" });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("shows French with a note in both languages when the Arabic catalogue is not on the device, and Arabic once back online", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    try {
      await frenchVisit(page);
      // A device whose cache lacks the Arabic catalogue (evicted, or cut short): its sections are taken out.
      const removed = await page.evaluate(async () => {
        const gone: string[] = [];
        for (const name of await caches.keys()) {
          const cache = await caches.open(name);
          for (const request of await cache.keys()) {
            if (!/\/assets\/[\w-]+\.js/.test(request.url)) continue;
            const text = await (await cache.match(request))!.text();
            // A section of a catalogue is a module made of one JSON object; the Arabic one has « مساري » (my journey).
            if (!/^var \w+=JSON\.parse\(/.test(text) || !text.includes("مساري")) continue;
            gone.push(request.url);
            await cache.delete(request);
          }
        }
        return gone;
      });
      expect(removed.length, "the Arabic shell section was found in the precache").toBeGreaterThan(0);
      // Nor in the browser's HTTP cache, where the service worker's own download left a copy.
      await (await context.newCDPSession(page)).send("Network.clearBrowserCache");
      await offline(context, page);

      await page.goto(`${baseUrl}/ar/parcours`);
      await page.getByRole("heading", { level: 1, name: "Mon parcours" }).waitFor();
      const note = page.getByTestId("catalogue-fallback");
      await note.waitFor();
      expect(await note.locator('[lang="ar"]').innerText()).toBe(translationLabels.ar.interfaceUnavailable);
      expect(await note.locator('[lang="fr"]').innerText()).toBe(frenchNotes.interfaceUnavailable);
      expect(await note.locator('[lang="ar"]').getAttribute("dir")).toBe("rtl");
      // French words, read as French: the page says so, and reads left to right (the app's effect sets the document's
      // language just after the page shows: polled).
      await expect.poll(() => documentLanguage(page)).toMatchObject({ lang: "fr", dir: "ltr", direction: "ltr", overflow: 0 });
      // The French address still carries the language: links stay under /ar/.
      expect(await page.locator("#fr-header-main-navigation a").first().getAttribute("href")).toBe("/ar/parcours");
      await expectNoAxeViolations(page);

      // The connection comes back (the browser says so with an « online » event, which Playwright's emulation does not
      // send): the catalogue is fetched and the page turns to Arabic, without a reload.
      await context.setOffline(false);
      await page.evaluate(() => dispatchEvent(new Event("online")));
      await page.getByRole("heading", { level: 1, name: "مساري" }).waitFor();
      await expect.poll(() => documentLanguage(page)).toMatchObject({ lang: "ar", dir: "rtl", direction: "rtl" });
      expect(await note.count()).toBe(0);
      expect(await page.locator("#fr-header-main-navigation a").first().textContent()).toBe("مساري");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe("the connection coming back", () => {
  it("takes the offline notes away without a reload: the offline banner in French, and in Arabic the banner and the article's note", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    try {
      await frenchVisit(page);
      await offline(context, page);
      await page.goto(`${baseUrl}/parcours`);
      await page.getByRole("heading", { level: 1, name: "Mon parcours" }).waitFor();
      const banner = page.getByText("Vous êtes hors ligne : vous consultez la dernière version enregistrée sur cet appareil.");
      await banner.waitFor();
      // Marks this very document: a reload would lose it.
      await page.evaluate(() => Object.assign(window, { sameDocument: true }));

      await context.setOffline(false);
      await banner.waitFor({ state: "detached" });
      await page.getByRole("heading", { level: 1, name: "Mon parcours" }).waitFor();
      expect(await page.evaluate(() => "sameDocument" in window)).toBe(true);

      // An Arabic article opened offline, its translation not yet on the device: the banner and the article's note,
      // both gone once the connection is back, the Arabic text in their place.
      await offline(context, page);
      await page.goto(`${baseUrl}/ar/articles/sommeil-bebe-securite`);
      const arabicBanner = page.getByText("أنتم غير متصلين: تطّلعون على آخر نسخة محفوظة على هذا الجهاز.");
      await arabicBanner.waitFor();
      await page.getByTestId("translation-fallback").waitFor();
      // The Arabic font was never on this device: its stylesheet failed, the letters are drawn with the system's.
      expect((await arabicFont(page)).faces.filter((face) => face.endsWith("loaded"))).toEqual([]);
      await page.evaluate(() => Object.assign(window, { sameDocument: true }));
      await context.setOffline(false);
      // The browser says the connection is back (Playwright's emulation does not send the event).
      await page.evaluate(() => dispatchEvent(new Event("online")));
      await page.getByRole("heading", { level: 1, name: "نوم الرضيع بأمان" }).waitFor();
      await page.getByTestId("translation-fallback").waitFor({ state: "detached" });
      await arabicBanner.waitFor({ state: "detached" });
      // …and the Arabic font is fetched and applied to this very page.
      await expect.poll(async () => (await arabicFont(page)).faces).toEqual(["400 loaded", "700 loaded"]);
      const recovered = await arabicFont(page);
      expect(recovered.drawn).toBe(true);
      expect(await page.evaluate(() => "sameDocument" in window)).toBe(true);
      await expectNoAxeViolations(page);

      // Drawn as on a page opened online with its font: the same title takes the same width.
      const online = await context.newPage();
      await online.goto(`${baseUrl}/ar/articles/sommeil-bebe-securite`);
      await online.getByRole("heading", { level: 1, name: "نوم الرضيع بأمان" }).waitFor();
      await online.evaluate(() => document.fonts.ready);
      expect((await arabicFont(online)).width).toBe(recovered.width);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe("the script font of a language used online", () => {
  it("is kept on the device: the next Arabic page opened offline is drawn with it", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    try {
      // A first visit in Arabic (a link given by a midwife): the font comes with the page, before the service worker
      // controls it.
      await page.goto(`${baseUrl}/ar/parcours`);
      await page.getByRole("heading", { level: 1, name: "مساري" }).waitFor();
      await expect.poll(async () => (await arabicFont(page)).faces).toEqual(["400 loaded", "700 loaded"]);
      const drawnOnline = (await arabicFont(page)).width;
      await serviceWorkerInControl(page);
      // The app keeps the stylesheet and its font files for offline use once the worker controls the page.
      await expect
        .poll(() =>
          page.evaluate(async () =>
            Promise.all(["/fonts/arabe.css", "/fonts/arabe-400.woff2", "/fonts/arabe-700.woff2"].map(async (url) => Boolean(await caches.match(url)))),
          ),
        )
        .toEqual([true, true, true]);

      // Days later, offline, the browser's own caches long emptied (a phone frees them): only what the service worker
      // keeps is there.
      const devtools = await context.newCDPSession(page);
      await devtools.send("Network.clearBrowserCache");
      await devtools.send("Network.setCacheDisabled", { cacheDisabled: true });
      await offline(context, page);
      await page.goto(`${baseUrl}/ar/parcours`);
      await page.getByRole("heading", { level: 1, name: "مساري" }).waitFor();
      await expect.poll(async () => (await arabicFont(page)).faces).toEqual(["400 loaded", "700 loaded"]);
      const offlineFont = await arabicFont(page);
      expect(offlineFont.drawn).toBe(true);
      expect(offlineFont.width).toBe(drawnOnline);
      await expect.poll(() => documentLanguage(page)).toMatchObject({ lang: "ar", dir: "rtl", overflow: 0 });
      await expectNoAxeViolations(page);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
