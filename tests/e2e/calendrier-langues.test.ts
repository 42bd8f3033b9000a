import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { addDays } from "../../src/domain/dates.js";
import { computeCalendar } from "../../src/domain/calendar/index.js";
import { splitAgenda } from "../../src/domain/calendar/agenda.js";
import { withBirthForecast } from "../../src/domain/calendar/from-profile.js";
import { localizeEventText } from "../../src/domain/calendar/translation.js";
import { localeByCode, type TranslationLanguage } from "../../src/domain/content/languages.js";
import { expectNoAxeViolations, launchBrowser, newPhonePage, runToday, savePregnancyProfile } from "./support.js";

/**
 * Issue 14: the calendar in the parent's language on a phone (390 × 844). The screen's words come from the interface
 * catalogue, the events' titles and explanations from content/traductions/<langue>/calendrier.json: nothing is left in
 * French (a French word on these screens fails), Arabic reads right to left without overflow, axe-clean, and the event
 * page can be listened to in its language.
 */
const baseUrl = inject("baseUrl");
const today = runToday();
const terme = addDays(today, 150);
const events = computeCalendar(
  withBirthForecast({ pregnancy: { terme, fetuses: 1, rank: 1, unmarriedParents: false, gestationalDiabetesRisk: false }, children: [] }),
);
const agenda = splitAgenda(events, today, new Set());

function calendarIn(language: TranslationLanguage) {
  const { texts } = JSON.parse(readFileSync(`content/traductions/${language}/calendrier.json`, "utf8")) as { texts: Record<string, string> };
  return { templates: texts, lang: localeByCode(language).lang };
}

/** The interface catalogue's translation of a French message (src/web/locales). */
function catalogue(language: string, id: string): string {
  const po = readFileSync(`src/web/locales/${language}.po`, "utf8");
  const block = po.split(/\n\s*\n/).find((b) => b.includes(`msgid ${JSON.stringify(id)}`));
  const m = block && /msgstr (".*")/.exec(block);
  if (!m) throw new Error(`${language}: no « ${id} »`);
  return JSON.parse(m[1]!) as string;
}
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

async function layout(page: Page) {
  return page.evaluate(() => ({
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  }));
}

/**
 * The calendar's own texts on screen (headings, buttons, labels, summaries, badges, lines): one with no Arabic letter
 * is left in French. Not the calendar's: the DSFR breadcrumb's button and the « Autour de moi » links (extracted with
 * their own pages).
 */
async function textsWithoutArabic(page: Page): Promise<string[]> {
  return page.locator("main").evaluate((main) =>
    [...main.querySelectorAll("h1, h2, h3, button, label, summary, option, .fr-badge, p")]
      .filter((e) => !e.closest('nav, [data-testid="nearby"]'))
      .map((e) => (e as HTMLElement).innerText.trim())
      .filter((text) => /[A-Za-zÀ-ÿ]{3,}/.test(text) && !/[\u0600-\u06FF]/.test(text)),
  );
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe("Calendrier in Arabic and in English", () => {
  it("shows the month and the agenda in Arabic, right to left, no French left, no overflow at 390 px, axe-clean", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    await savePregnancyProfile(page, baseUrl, terme);
    const arabic = calendarIn("ar");

    await page.goto(`${baseUrl}/ar/calendrier`);
    await page.getByRole("heading", { name: catalogue("ar", "Mon calendrier"), level: 1 }).waitFor();
    const now = page.getByRole("region", { name: catalogue("ar", "À faire maintenant") });
    const expected = agenda.now.map((e) => localizeEventText(e, arabic).title);
    expect(expected.length).toBeGreaterThan(0);
    await now.locator("h3").first().getByText(expected[0]!).waitFor(); // the translation is loaded on demand
    expect(await now.locator("h3").allInnerTexts()).toEqual(expected);
    expect(await layout(page)).toEqual({ lang: "ar", dir: "rtl", overflow: expect.any(Number) });
    expect((await layout(page)).overflow, "horizontal overflow").toBeLessThanOrEqual(0);
    expect(await textsWithoutArabic(page)).toEqual([]);

    // The month view: the month named in Arabic, the buttons' arrows pointing the reading direction.
    const month = page.getByRole("region", { name: catalogue("ar", "Vue du mois") });
    const previous = month.getByRole("button", { name: catalogue("ar", "Mois précédent") });
    expect(await previous.evaluate((b) => getComputedStyle(b, "::before").transform)).toBe("matrix(-1, 0, 0, 1, 0, 0)");
    const label = await month.locator(".mj-month-label").innerText();
    expect(label).toBe(new Intl.DateTimeFormat("ar", { month: "long", year: "numeric", timeZone: "UTC" }).format(Date.parse(`${today.slice(0, 7)}-01`)));
    await month.getByRole("button", { name: catalogue("ar", "Mois suivant") }).click();
    expect((await layout(page)).overflow, "horizontal overflow after moving a month").toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);

    // An event page in Arabic: its title and explanation, its review status, and « Écouter » in Arabic.
    const first = agenda.now[0]!;
    await now.getByRole("link", { name: expected[0]! }).first().click();
    const text = localizeEventText(first, arabic);
    await page.getByRole("heading", { name: text.title, level: 1 }).waitFor();
    expect(await page.getByTestId("event-description").innerText()).toBe(text.description);
    await page.getByTestId("translation-status").getByText("(traduction à relire)").waitFor();
    const listen = catalogue("ar", "Écouter<0> : lire cette page à voix haute</0>").split("<0>")[0]!;
    await page.getByRole("button", { name: new RegExp(`^${escape(listen)}`) }).waitFor();
    expect(await textsWithoutArabic(page)).toEqual([]);
    expect((await layout(page)).overflow, "horizontal overflow on the event page").toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("opens the same event page in English: translated title, explanation and listen control", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    await savePregnancyProfile(page, baseUrl, terme);
    const first = agenda.now[0]!;
    const text = localizeEventText(first, calendarIn("en"));
    expect(text.translated).toBe(true);
    await page.goto(`${baseUrl}/en/calendrier/evenement/${encodeURIComponent(first.id)}`);
    await page.getByRole("heading", { name: text.title, level: 1 }).waitFor();
    expect(text.title).not.toBe(first.title);
    expect(await page.getByTestId("event-description").innerText()).toBe(text.description);
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    const listen = catalogue("en", "Écouter<0> : lire cette page à voix haute</0>").split("<0>")[0]!;
    await page.getByRole("button", { name: new RegExp(`^${escape(listen)}`) }).waitFor();
    await page.getByRole("heading", { name: catalogue("en", "Source de la règle") }).waitFor();
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
    await context.close();
  });
});
