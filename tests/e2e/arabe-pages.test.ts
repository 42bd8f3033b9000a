import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { expectNoAxeViolations, launchBrowser, newPhonePage } from "./support.js";
import { translation } from "./catalogue-text.js";

/**
 * Issue 14: « Arabic is right-to-left end to end: no horizontal overflow at 390 px, axe-core clean ». Every page built
 * in Arabic (dist/ar, the pages a link or a QR code opens), plus an article (rendered on the device in Arabic), on a
 * phone, once the app runs: right to left, nothing wider than the screen, axe clean.
 */
const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

function builtPages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => `/${relative("dist", join(entry.parentPath, entry.name)).replace(/\.html$/, "")}`)
    .sort();
}

describe("every page in Arabic on a phone", () => {
  // The embedded questionnaire has no header (partners' sites): it is checked like the others.
  // The translated articles are among the built pages (pre-rendered in Arabic); listed too, should that change.
  const pages = [...new Set([...builtPages("dist/ar"), "/ar", "/ar/articles/sommeil-bebe-securite", "/ar/articles/baby-blues-depression-post-partum"])];
  // One phone for every page (as a parent going from page to page); one test per page, each with its own time limit:
  // in one test, the 30 pages' axe runs took 468 s of its 600 on a loaded machine.
  let phone: Awaited<ReturnType<typeof newPhonePage>>;
  beforeAll(async () => {
    phone = await newPhonePage(browser);
  });
  afterAll(() => phone?.context.close());

  it("covers every page built in Arabic", () => expect(pages.length).toBeGreaterThan(25));

  it.each(pages)("%s reads right to left, fits 390 px and is axe clean", async (path) => {
    const { page, problems } = phone;
    await page.goto(`${baseUrl}${path}`);
    await page.locator("main h1").first().waitFor();
    // The app has started (it adopted or rendered the page, fetched what it needs): what a person uses.
    await page.waitForLoadState("networkidle");
    const seen = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const overflowing = [...document.querySelectorAll("body *")]
        .filter((el) => {
          const box = el.getBoundingClientRect();
          return box.width > 0 && (box.right > width + 1 || box.left < -1) && getComputedStyle(el).position !== "fixed";
        })
        .filter((el) => !el.closest(".fr-sr-only, .fr-modal:not(.fr-modal--opened), [hidden], .fr-collapse:not(.fr-collapse--expanded)"))
        .slice(0, 3)
        .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`);
      return {
        lang: document.documentElement.lang,
        dir: document.documentElement.dir,
        direction: getComputedStyle(document.querySelector("main")!).direction,
        overflow: document.documentElement.scrollWidth - width,
        overflowing,
      };
    });
    expect({ lang: seen.lang, dir: seen.dir, direction: seen.direction }).toEqual({ lang: "ar", dir: "rtl", direction: "rtl" });
    expect(seen.overflow, `wider than the phone (${seen.overflowing.join(", ")})`).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
    expect(problems.splice(0), "errors in the page").toEqual([]);
  });

  it("shows a stage in Arabic: its name, its period, the essentials' key messages and cards in Arabic, the others in French marked as French", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    try {
      // As served, before any script: the essentials' key messages are in Arabic already (the page does not change
      // language under the reader once the app runs).
      const served = await (await fetch(`${baseUrl}/ar/parcours/trois-premiers-mois`)).text();
      expect(served).toContain("لا تهزّي الرضيع أبدًا.");
      expect(served).toMatch(/<div id="root"[^>]* data-translation="[^"]+"/);
      await page.goto(`${baseUrl}/ar/parcours/trois-premiers-mois`);
      // Pre-rendered in Arabic, before any script: the stage's name and description come with the page.
      await page.getByRole("heading", { level: 1, name: translation("ar", "Ses 3 premiers mois") }).waitFor();
      expect(await page.locator("main .fr-text--lead").first().innerText()).toBe(
        translation("ar", "Faire connaissance avec son bébé, prendre soin de soi, l'entretien postnatal précoce et les premiers vaccins."),
      );
      // The essentials' key messages, in Arabic, once the app has taken the page over with the translation.
      const essential = page.locator(".mj-key-messages li", { has: page.locator('a[href="/ar/articles/bebe-secoue-pleurs"]') });
      await expect.poll(() => essential.locator("span[lang]").first().getAttribute("lang")).toBe("ar");
      expect(await essential.locator("span[lang]").first().innerText()).toBe(
        "لا تهزّي الرضيع أبدًا. إذا بلغت أقصى طاقتك، ضعيه على ظهره في سريره، واخرجي من الغرفة، واتصلي بشخص ما.",
      );
      // An article not translated yet: its French words, marked French for screen readers and voices.
      const french = page.locator(".mj-key-messages li", { has: page.locator('a[href="/ar/articles/air-interieur-bebe"]') });
      expect(await french.locator("span[lang]").first().getAttribute("lang")).toBe("fr");
      expect(await french.locator("span[lang]").first().getAttribute("dir")).toBe("ltr");
      // The cards: the essential's title in Arabic, the theme filters and the themes in Arabic.
      const card = page.locator(".fr-card", { has: page.locator('a[href="/ar/articles/bebe-secoue-pleurs"]') });
      expect(await card.locator(".fr-card__title span").getAttribute("lang")).toBe("ar");
      expect(await card.locator(".fr-card__title").innerText()).toContain("عندما يبكي الطفل كثيرًا");
      expect(await card.locator(".fr-card__detail").innerText()).toContain(translation("ar", "Santé mentale et moral"));
      expect(await page.locator('input[name="theme-sommeil"] + label').innerText()).toBe(translation("ar", "Sommeil"));
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

/**
 * The script font is asked for with the page (preloaded), not when the first layout finds Arabic text: then it came
 * after the first paint, the text was drawn with the system's font and moved when the font arrived (Lighthouse counted
 * the shift on the Arabic stage page, 0.09), and the whole page was laid out again. French pages ask for no script font.
 */
describe("the Arabic font comes with the page", () => {
  /** The script fonts the served document preloads. */
  const preloadedFonts = (html: string) =>
    [...html.matchAll(/<link rel="preload" href="(\/fonts\/[^"]+)" as="font" type="font\/woff2" crossorigin="anonymous" \/>/g)].map((m) => m[1]);

  it("is preloaded by the documents of Arabic and Dari pages, pre-rendered or rendered by the server, and by no French page", async () => {
    const place = (await (await fetch(`${baseUrl}/api/v1/places?lat=48.8566&lon=2.3522&limit=1`)).json()) as { features: { properties: { id: string } }[] };
    const placePath = `/autour-de-moi/lieu/${encodeURIComponent(place.features[0]!.properties.id)}`;
    const served = async (path: string) => {
      const response = await fetch(`${baseUrl}${path}`);
      expect(response.status, path).toBe(200);
      return preloadedFonts(await response.text());
    };
    const arabic = ["/fonts/arabe-400.woff2", "/fonts/arabe-700.woff2"];
    for (const path of ["/ar", "/ar/parcours/suite-grossesse", "/prs/parcours/suite-grossesse", `/ar${placePath}`])
      expect(await served(path), path).toEqual(arabic);
    expect(await served("/uk/parcours")).toEqual(["/fonts/cyrillique-400.woff2", "/fonts/cyrillique-700.woff2"]);
    for (const path of ["/", "/parcours/suite-grossesse", "/en/parcours", placePath, "/recherche?q=allaitement"]) expect(await served(path), path).toEqual([]);
  });

  it("draws an Arabic stage page with the font fetched once, by the preload, and a French page fetches no script font", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    try {
      await page.goto(`${baseUrl}/ar/parcours/suite-grossesse`);
      await page.locator("main h1").waitFor();
      await page.waitForLoadState("networkidle");
      const seen = await page.evaluate(async () => {
        await document.fonts.ready;
        const h1 = document.querySelector("main h1")!;
        const style = getComputedStyle(h1);
        return {
          // Each file fetched once, by the preload ("link"): a preload that did not match the stylesheet's request
          // (another address, no CORS mode) would be fetched a second time, by the stylesheet ("css").
          requests: performance
            .getEntriesByType("resource")
            .filter((entry) => new URL(entry.name).pathname.startsWith("/fonts/") && entry.name.endsWith(".woff2"))
            .map((entry) => `${new URL(entry.name).pathname} ${(entry as PerformanceResourceTiming).initiatorType}`)
            .sort(),
          // Both faces used by the page's text (regular and bold): neither preload is wasted.
          faces: [...document.fonts]
            .filter((face) => face.family.replace(/"/g, "") === "Marianne" && /U\+6\d\d/i.test(face.unicodeRange))
            .map((face) => `${face.weight} ${face.status}`)
            .sort(),
          fontFamily: style.fontFamily,
          drawn: document.fonts.check(`${style.fontWeight} ${style.fontSize} Marianne`, h1.textContent!),
        };
      });
      expect(seen).toEqual({
        requests: ["/fonts/arabe-400.woff2 link", "/fonts/arabe-700.woff2 link"],
        faces: ["400 loaded", "700 loaded"],
        fontFamily: expect.stringMatching(/^Marianne\b/),
        drawn: true,
      });

      await page.goto(`${baseUrl}/parcours/suite-grossesse`);
      await page.getByRole("heading", { level: 1, name: "Suite et fin de grossesse" }).waitFor();
      await page.waitForLoadState("networkidle");
      expect(
        await page.evaluate(() => performance.getEntriesByType("resource").filter((entry) => new URL(entry.name).pathname.startsWith("/fonts/")).length),
      ).toBe(0);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
