import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { addDays } from "../../src/domain/dates.js";
import { launchBrowser, newContext, newPhonePage, runToday, savePregnancyProfile } from "./support.js";

/**
 * Pre-rendered pages paint with the part of the DSFR stylesheet they use; the whole stylesheet comes when
 * the visitor goes further. These tests check both halves: the page is styled without any script and stays
 * on the critical stylesheet while only read, and once the visitor acts, only the whole stylesheet is left
 * (a critical one left behind would override its rules).
 */
const baseUrl = inject("baseUrl");

/** In the page, from its start: layout shifts without a recent input (what the CLS counts), in `window.shifts`. */
function recordLayoutShifts() {
  const shifts: number[] = [];
  Object.defineProperty(window, "shifts", { get: () => shifts });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
      if (!entry.hadRecentInput) shifts.push(entry.value);
  }).observe({ type: "layout-shift", buffered: true });
}

/**
 * From now on (from the first paint, on a page still loading), each frame, the size the page's titles' and paragraphs'
 * text takes (another font, another size), in `window.textSizes`.
 */
async function recordTextSizes(page: Page) {
  await page.evaluate(() => {
    const sizes: string[] = [];
    (window as unknown as { textSizes: string[] }).textSizes = sizes;
    const measure = () => {
      if (performance.getEntriesByName("first-contentful-paint").length === 0) return void requestAnimationFrame(measure);
      const size = [...document.querySelectorAll("main h1, main p")]
        .map((element) => {
          const range = document.createRange();
          range.selectNodeContents(element);
          const box = range.getBoundingClientRect();
          return `${box.width.toFixed(1)}×${box.height.toFixed(1)}`;
        })
        .join(" ");
      if (sizes.at(-1) !== size) sizes.push(size);
      requestAnimationFrame(measure);
    };
    measure();
  });
}
/** Whether the page's text in Marianne is drawn with it, not a fallback (the same measure as src/web/full-stylesheet.ts). */
const drawnInMarianne = (page: Page) =>
  page.evaluate(() => {
    const context = document.createElement("canvas").getContext("2d")!;
    const width = (font: string) => {
      context.font = font;
      return context.measureText("Les 1000 premiers jours de l'enfant").width;
    };
    return width("400 32px Marianne, monospace") !== width("400 32px monospace");
  });
const textSizes = (page: Page) => page.evaluate(() => (window as unknown as { textSizes: string[] }).textSizes);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** The faces of the first paint, then the page's critical rules with the address of the whole ones (scripts/vite-prerender.ts). */
const criticalLink =
  /<link rel="stylesheet" href="(\/dsfr\/dsfr\.faces\.[0-9a-f]{8}\.css)" \/>\s*<link rel="stylesheet" href="(\/dsfr\/dsfr\.critical\.[0-9a-f]{8}\.css)" data-full-href="(\/dsfr\/dsfr\.rules\.[0-9a-f]{8}\.css)" \/>/;

/** Pages a parent or a visitor lands on, pre-rendered from the route table (besides the home and stage pages). */
const landingPages = [
  "/parcours",
  "/calendrier",
  "/post-partum",
  "/autour-de-moi",
  "/profil",
  "/mes-donnees",
  "/recherche",
  "/barometre",
  "/articles/acide-folique",
  "/ar/articles/sommeil-bebe-securite",
];

describe("first paint of pre-rendered pages", () => {
  it("links the critical stylesheet on pre-rendered pages and the whole one on the others", async () => {
    for (const path of ["/", "/parcours/suite-grossesse", ...landingPages]) {
      const html = await (await fetch(baseUrl + path)).text();
      expect(html, path).toMatch(criticalLink);
      expect(html, path).not.toContain('<link rel="modulepreload"'); // the app waits for the first paint
    }
    const shell = await (await fetch(`${baseUrl}/calendrier/evenement/epp`)).text(); // a device's own event: not known at build time
    expect(shell).not.toMatch(criticalLink);
    expect(shell).toMatch(/<link rel="stylesheet" href="\/dsfr\/dsfr\.min\.css/);
    expect(shell).toMatch(/<link rel="modulepreload" crossorigin href="\/assets\/main-[\w-]+\.js">/);
    // The home page's file is the home page's only: /index is an unknown path, not a second address of the home page
    // (its pre-rendered HTML would not match the « page introuvable » the app renders there).
    expect(await (await fetch(`${baseUrl}/index`)).text()).not.toMatch(criticalLink);
  });

  it("ships a critical stylesheet far smaller than the whole one, and the two preloaded faces in a stylesheet of their own", async () => {
    const html = await (await fetch(baseUrl)).text();
    const [, facesHref, criticalHref, fullHref] = criticalLink.exec(html)!;
    const critical = await (await fetch(baseUrl + criticalHref)).text();
    const full = await (await fetch(baseUrl + fullHref)).text();
    expect(critical.length).toBeLessThan(full.length / 2);
    expect(critical).toContain(".fr-header");
    expect(critical).not.toContain(".fr-card--horizontal"); // no such card on these pages
    // The stylesheets swapped declare no face: the browser would build every face anew (src/web/full-stylesheet.ts).
    expect(critical).not.toContain("@font-face");
    expect(full).not.toContain("@font-face");
    expect(full).toContain(".fr-btn--secondary");
    const faces = await (await fetch(baseUrl + facesHref)).text();
    const declared = [...faces.matchAll(/@font-face\{[^}]*\}/g)].map(([face]) => ({
      file: /url\("?fonts\/([\w-]+\.woff2)/.exec(face)?.[1],
      display: /font-display:\s*(\w+)/.exec(face)?.[1],
    }));
    expect(declared.sort((a, b) => a.file!.localeCompare(b.file!))).toEqual([
      { file: "Marianne-Bold.woff2", display: "optional" },
      { file: "Marianne-Regular.woff2", display: "optional" },
    ]);
    const preloaded = [...html.matchAll(/<link rel="preload" href="\/dsfr\/fonts\/([\w-]+\.woff2)" as="font"/g)].map((m) => m[1]).sort();
    expect(preloaded).toEqual(["Marianne-Bold.woff2", "Marianne-Regular.woff2"]);
  });

  it("is styled before any script runs", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/parcours/suite-grossesse`);
    const styles = await page.evaluate(() => ({
      font: getComputedStyle(document.body).fontFamily,
      title: getComputedStyle(document.querySelector(".fr-header__service-title")!).fontWeight,
      skipLinks: getComputedStyle(document.querySelector(".fr-skiplinks")!).position,
    }));
    expect(styles.font).toMatch(/^Marianne/);
    expect(styles.title).toBe("700");
    expect(styles.skipLinks).toBe("absolute"); // hidden until focused, as DSFR places it
    await context.close();
  });

  it("reads with the critical stylesheet only, then swaps in the whole one and keeps the DSFR cascade", async () => {
    const html = await (await fetch(baseUrl)).text();
    const [, facesHref, criticalHref, fullHref] = criticalLink.exec(html)!;
    const critical = await (await fetch(baseUrl + criticalHref)).text();
    // The rule checked below is absent from the critical stylesheet, whose ".fr-btn" rule would win over it.
    expect(critical).not.toContain(".fr-btn--secondary");

    const { context, page, problems } = await newPhonePage(browser);
    const requested: string[] = [];
    page.on("request", (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(`${baseUrl}/parcours/suite-grossesse`);
    await page.locator("#fr-theme-modal").waitFor({ state: "attached" }); // added once the app has hydrated the page
    await page.getByRole("heading", { name: "L'essentiel à cette étape" }).waitFor(); // content arrived
    expect(requested).not.toContain(fullHref);
    expect(await page.locator("link[data-full-href]").count()).toBe(1);
    // Content rendered after the first paint is styled by the critical stylesheet: the call-out's DSFR frame.
    const callout = page.locator("main .fr-callout").first();
    expect(await callout.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe("rgba(0, 0, 0, 0)");

    await page.getByRole("link", { name: "Mes données" }).first().click();
    await page.waitForFunction(() => !document.querySelector("link[data-full-href]"));
    const sheets = await page.evaluate(() =>
      [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => new URL((l as HTMLLinkElement).href).pathname),
    );
    expect(sheets.filter((s) => s.startsWith("/dsfr/dsfr."))).toEqual([facesHref, fullHref]);
    expect(sheets.indexOf(fullHref!)).toBeLessThan(sheets.findIndex((s) => s.startsWith("/assets/")));

    // A page loaded within the app, with a secondary button: outlined, not filled.
    const upload = page.locator("main .fr-btn--secondary").first();
    await upload.waitFor();
    expect(await upload.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgba(0, 0, 0, 0)");

    // The display settings, added once the app runs, open from the footer.
    await page.getByRole("button", { name: "Paramètres d'affichage" }).click();
    await page.getByRole("dialog", { name: "Paramètres d'affichage" }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it("loads the whole stylesheet at once on a device with saved data, whose pages differ from the pre-rendered ones", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    await context.addInitScript(() => localStorage.setItem("mille-jours:donnees-enregistrees", "1"));
    await page.goto(`${baseUrl}/parcours/suite-grossesse`);
    await page.waitForFunction(() => !document.querySelector("link[data-full-href]")); // no touch, no key
    await page.getByRole("heading", { name: "Suite et fin de grossesse", level: 1 }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it("a returning parent keeps the served page on screen until the app shows it whole, never « Chargement… » in its place", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    const inDays = (days: number) => addDays(runToday(), days);
    await savePregnancyProfile(page, baseUrl, inDays(100)); // saved data: pre-rendered pages are rendered afresh
    await (await context.newCDPSession(page)).send("Emulation.setCPUThrottlingRate", { rate: 4 });
    // From the served page on: every moment the page had no title, or said it was loading.
    await page.addInitScript(() =>
      document.addEventListener("DOMContentLoaded", () => {
        const seen = { served: document.querySelector("main h1"), lost: [] as string[] };
        (window as unknown as { seen: typeof seen }).seen = seen;
        new MutationObserver(() => {
          const status = document.querySelector("main [role=status]")?.textContent ?? "";
          if (!document.querySelector("main h1") || /Chargement/.test(status)) seen.lost.push(status || "no h1");
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      }),
    );
    for (const path of ["/articles/vitamines-d-et-k-bebe", "/parcours/suite-grossesse", "/calendrier", "/post-partum", "/profil"]) {
      await page.goto(baseUrl + path);
      // The app has rendered the page afresh (the served title replaced by its own).
      await page.waitForFunction(() => !(window as unknown as { seen: { served: Element } }).seen.served.isConnected, undefined, { timeout: 60_000 });
      await page.waitForLoadState("networkidle");
      expect(await page.evaluate(() => (window as unknown as { seen: { lost: string[] } }).seen.lost), path).toEqual([]);
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it("does not move once painted: what the app adds above the content is styled by the critical stylesheet", async () => {
    for (const path of ["/", "/parcours/suite-grossesse"]) {
      const { context, page, problems } = await newPhonePage(browser);
      // Where the header, the main area and the title are in the served page (critical stylesheet, no script yet).
      await page.addInitScript(() =>
        document.addEventListener("DOMContentLoaded", () => {
          const top = (selector: string) => Math.round(document.querySelector(selector)!.getBoundingClientRect().top);
          (window as unknown as { served: number[] }).served = [top("header"), top("main"), top("main h1")];
        }),
      );
      await page.goto(baseUrl + path);
      await page.locator("#fr-theme-modal").waitFor({ state: "attached" }); // hydrated
      await page.waitForLoadState("networkidle");
      expect(await page.locator("link[data-full-href]").count(), path).toBe(1);
      const now = await page.evaluate(() => ["header", "main", "main h1"].map((s) => Math.round(document.querySelector(s)!.getBoundingClientRect().top)));
      expect(now, `${path}: header, main and title where they were painted`).toEqual(
        await page.evaluate(() => (window as unknown as { served: number[] }).served),
      );
      expect(problems).toEqual([]);
      await context.close();
    }
  });

  it("pre-renders every page a visitor lands on, with its title and content, and the app adopts it without painting it again", async () => {
    for (const path of landingPages) {
      const html = await (await fetch(baseUrl + path)).text();
      // Painted before any script; an article's title sits in a span carrying its language (read aloud in that language).
      expect(html, path).toMatch(/<main[^>]*>[\s\S]*<h1[^>]*>(?:<span[^>]*>)?[^<]+(?:<\/span>)?<\/h1>/);
      const { context, page, problems } = await newPhonePage(browser);
      await page.addInitScript(() => {
        document.addEventListener("DOMContentLoaded", () => {
          (window as unknown as { served: Element[] }).served = [...document.querySelectorAll("main h1, main p:not([role=status])")];
        });
      });
      await page.addInitScript(recordLayoutShifts);
      await page.goto(baseUrl + path);
      await page.locator("#fr-theme-modal").waitFor({ state: "attached" }); // hydrated
      await page.waitForLoadState("networkidle");
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
      const kept = await page.evaluate(() => {
        const served = (window as unknown as { served: Element[] }).served;
        return served.length > 0 && served.filter((element) => element.isConnected).length === served.length;
      });
      expect(kept, `${path}: the served title and paragraphs are still the ones on screen`).toBe(true);
      const shifted = await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts.reduce((sum, value) => sum + value, 0));
      expect(shifted, `${path}: layout shift after the first paint`).toBeLessThan(0.1);
      expect(await page.locator("link[data-full-href]").count(), `${path}: critical stylesheet only`).toBe(1);
      expect(problems, path).toEqual([]);
      await context.close();
    }
  });

  it("a returning parent's home: the week's agenda and the tracks arrive together, nothing already painted moves", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    const inDays = (days: number) => addDays(runToday(), days);
    await savePregnancyProfile(page, baseUrl, inDays(100));
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.addInitScript(recordLayoutShifts);
    await page.goto(`${baseUrl}/`);
    await page.locator("main section h2").first().waitFor(); // the tracks
    await page.waitForLoadState("networkidle");
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const shifted = await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts.reduce((sum, value) => sum + value, 0));
    expect(shifted, "layout shift on a returning parent's home").toBeLessThan(0.1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("adopts the pre-rendered page on a repeat visit too, with the content already on the device", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    // A slow phone's processor: the device copy of the content then arrives while the page is hydrating.
    await (await context.newCDPSession(page)).send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await page.addInitScript(() =>
      document.addEventListener("DOMContentLoaded", () => {
        (window as unknown as { served: Element | null }).served = document.querySelector("main p.fr-text--lead");
      }),
    );
    for (const visit of [1, 2]) {
      await page.goto(`${baseUrl}/parcours/suite-grossesse`);
      await page.getByRole("heading", { name: "L'essentiel à cette étape" }).waitFor(); // content rendered
      await page.waitForLoadState("networkidle");
      const kept = await page.evaluate(() => (window as unknown as { served: Element | null }).served === document.querySelector("main p.fr-text--lead"));
      expect(kept, `visit ${visit}: the served paragraph is still the one on screen`).toBe(true);
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it("fetches the content once on a first visit of a page rendered with it, keeps it on the device, and reopens offline", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    await page.goto(`${baseUrl}/parcours/suite-grossesse`);
    await page.getByRole("heading", { name: "L'essentiel à cette étape" }).waitFor(); // adopted with the content
    await page.waitForLoadState("load");
    // The provider's refresh after load reused the boot's fetch: it saved that bundle on the device.
    const served = await page.evaluate(() => document.getElementById("root")!.dataset.content);
    // Polled from here (waitForFunction takes a returned promise as a true value) and read without creating the
    // database nor keeping it open: a connection left open by the test blocks the app's own upgrade of the database.
    await expect
      .poll(
        () =>
          page.evaluate(
            (version) =>
              new Promise<boolean>((resolve) => {
                const open = indexedDB.open("mille-jours");
                open.onupgradeneeded = () => open.transaction!.abort(); // not there yet: leave it to the app
                open.onerror = () => resolve(false);
                open.onsuccess = () => {
                  const db = open.result;
                  const done = (saved: boolean) => (db.close(), resolve(saved));
                  if (!db.objectStoreNames.contains("content")) return done(false);
                  const get = db.transaction("content").objectStore("content").get("bundle");
                  get.onsuccess = () => done((get.result as { version?: string } | undefined)?.version === version);
                  get.onerror = () => done(false);
                };
              }),
            served,
          ),
        { timeout: 30_000 },
      )
      .toBe(true);
    await page.waitForLoadState("networkidle");
    // Counted by the page itself (resource timing): once the service worker controls the page, its fetches pass
    // through the worker and are no longer reported as the page's own requests.
    const contentRequests = await page.evaluate(
      () => performance.getEntriesByType("resource").filter((entry) => new URL(entry.name).pathname === "/api/v1/content").length,
    );
    expect(contentRequests, "requests to /api/v1/content on a first visit").toBe(1);

    // Offline, the page and its content come back from the device (service worker + saved bundle).
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller)
        await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
    });
    await context.setOffline(true);
    await page.reload();
    await page.getByRole("heading", { name: "L'essentiel à cette étape" }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it("turns dark as soon as the app runs on a phone set to dark, with the critical stylesheet alone", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto(`${baseUrl}/parcours/suite-grossesse`);
    await page.locator("#fr-theme-modal").waitFor({ state: "attached" }); // hydrated
    await page.waitForFunction(() => document.documentElement.getAttribute("data-fr-theme") === "dark");
    expect(await page.locator("link[data-full-href]").count()).toBe(1);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = background.match(/\d+/g)!.map(Number);
    expect(r! + g! + b!, `body background ${background}`).toBeLessThan(150);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("keeps the page still under the finger: the whole stylesheet the first touch asks for waits for the release", async () => {
    // The flaky offline e2e: the service worker, once in control, serves the whole stylesheet at once, so it arrived
    // between the press and the release of a tap on « Commencer »; swapped in then (fonts drawn in a fallback for a
    // moment), the page moved 32 px up, the release landed on the text below and nothing happened.
    const { context, page, problems } = await newPhonePage(browser);
    await page.goto(baseUrl);
    await page.locator("#fr-theme-modal").waitFor({ state: "attached" }); // hydrated
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller)
        await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
    });
    const start = page.getByRole("link", { name: "Commencer" });
    const before = (await start.boundingBox())!;
    await page.mouse.move(before.x + before.width / 2, before.y + before.height / 2);
    await page.mouse.down();
    // The whole stylesheet has arrived while the finger is still down…
    await page.waitForFunction(() => !!document.querySelector<HTMLLinkElement>('link[href^="/dsfr/dsfr.rules."]')?.sheet);
    await page.waitForTimeout(300); // a few frames: time for a swap to show, were it made
    // …and nothing moved: the critical stylesheet is still the one applied.
    expect(await page.locator("link[data-full-href]").count()).toBe(1);
    expect(await start.boundingBox()).toEqual(before);
    await page.mouse.up();
    await page.getByRole("heading", { name: "Faisons connaissance", level: 1 }).waitFor(); // the tap was a tap
    await page.waitForFunction(() => !document.querySelector("link[data-full-href]")); // then swapped in
    expect(problems).toEqual([]);
    await context.close();
  });

  it("keeps the text in its font while the whole stylesheet takes over: never a frame drawn in the fallback font", async () => {
    // Applying a stylesheet that declares font faces makes the browser build every face anew, unloaded, the critical
    // stylesheet's too: the text was drawn in the fallback font until the files were read again, and the page jumped
    // (a returning parent's home, CLS 0.10 on a quiet machine). The Arabic page's faces (Noto Sans Arabic, declared as
    // Marianne for the Arabic letters) were built anew too. The font files are slowed here, after the first load, so
    // that such a frame cannot be missed.
    for (const path of ["/calendrier", "/ar/parcours/suite-grossesse"]) {
      const { context, page, problems } = await newPhonePage(browser, { serviceWorkers: "block" });
      // Painted in Marianne: on a loaded machine a first load's Marianne files can miss the first paint, and the page
      // then rightly keeps the fallback font and adds no face (full-stylesheet.ts); the second load reads them from the
      // browser's cache (no route yet: routing turns that cache off).
      for (let load = 1; ; load++) {
        await page.goto(baseUrl + path);
        await page.locator("#fr-theme-modal").waitFor({ state: "attached" }); // hydrated
        await page.waitForLoadState("networkidle");
        await page.evaluate(() => document.fonts.ready);
        if (load === 3 || (await drawnInMarianne(page))) break;
      }
      expect(await drawnInMarianne(page), `${path}: drawn in Marianne`).toBe(true);
      await page.route(/\/fonts\//, async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        await route.continue();
      });
      await recordTextSizes(page);
      await page.keyboard.press("Shift"); // asks for the whole stylesheet
      await page.waitForFunction(() => !document.querySelector("link[data-full-href]"));
      // The whole stylesheet's other faces are there for what comes next (a button's medium weight): added once the
      // faces the page's text uses have loaded (each file slowed by 1 s, longer on a loaded machine).
      await expect
        .poll(() => page.evaluate(() => [...document.fonts].some((face) => face.family.replace(/"/g, "") === "Marianne" && face.weight === "500")), {
          message: `${path}: Marianne medium declared`,
        })
        .toBe(true);
      await page.waitForTimeout(1500); // longer than the slowed files: a fallback frame would have been drawn and measured
      expect(await textSizes(page), `${path}: text sizes frame by frame during the swap`).toHaveLength(1);
      expect(problems, path).toEqual([]);
      await context.close();
    }
  });

  it("a first visit whose Marianne files come late paints at once in the fallback font, and the text never moves", async () => {
    // On a slow line, or a loaded phone, the two Marianne files came after the first paint: the page was drawn in the
    // fallback font and its paragraphs wrapped anew when they arrived (layout shift 0.15 to 0.19 on « Mes données »,
    // 0.15 on « Autour de moi »). The faces of the first paint are `font-display: optional`: the text stays in the
    // font it was painted with, also when the whole stylesheet takes over.
    for (const path of ["/mes-donnees", "/autour-de-moi"]) {
      const { context, page, problems } = await newPhonePage(browser, { serviceWorkers: "block" });
      await page.route(/\/dsfr\/fonts\/Marianne-(Regular|Bold)\.woff2$/, async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await route.continue();
      });
      await page.addInitScript(recordLayoutShifts);
      await page.goto(baseUrl + path, { waitUntil: "domcontentloaded" }); // the load event waits for the preloaded fonts
      await recordTextSizes(page);
      await page.locator("#fr-theme-modal").waitFor({ state: "attached" }); // hydrated
      // Both files have arrived.
      await page.waitForFunction(
        () => performance.getEntriesByType("resource").filter((entry) => /\/Marianne-(Regular|Bold)\.woff2$/.test(entry.name)).length === 2,
      );
      await page.waitForLoadState("networkidle");
      const painted = await page.evaluate(() => ({
        firstPaint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Infinity,
        fontsArrived: Math.min(
          ...performance
            .getEntriesByType("resource")
            .filter((entry) => /\/Marianne-(Regular|Bold)\.woff2$/.test(entry.name))
            .map((entry) => (entry as PerformanceResourceTiming).responseEnd),
        ),
      }));
      expect(painted.firstPaint, `${path}: painted before the late fonts arrived`).toBeLessThan(painted.fontsArrived);
      // The whole stylesheet takes over (a key press): the text keeps its font there too.
      await page.keyboard.press("Shift");
      await page.waitForFunction(() => !document.querySelector("link[data-full-href]"));
      await page.waitForLoadState("networkidle");
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      expect(await textSizes(page), `${path}: text sizes from the first paint on`).toHaveLength(1);
      const shifts = await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts);
      expect(shifts, `${path}: layout shifts after the first paint`).toEqual([]);
      expect(problems, path).toEqual([]);
      await context.close();
    }
  });

  it("opens the next page even when the whole stylesheet never arrives (stalled connection)", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    await page.route("**/dsfr/dsfr.rules.*", () => undefined); // never answered
    await page.goto(baseUrl);
    await page.locator("#fr-theme-modal").waitFor({ state: "attached" }); // hydrated: the link below navigates in the app
    await page.getByRole("link", { name: "Commencer" }).click();
    await page.getByRole("heading", { name: "Faisons connaissance" }).waitFor();
    expect(await page.locator("link[data-full-href]").count()).toBe(1); // still styled by the critical stylesheet
    expect(problems).toEqual([]);
    await context.close();
  });
});
