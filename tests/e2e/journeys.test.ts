import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import PO from "pofile";
import { parse } from "yaml";
import type { Browser, Page } from "playwright-core";
import { locales } from "../../src/domain/content/languages.js";
import { addDays } from "../../src/domain/dates.js";
import { clickLabel, expectNoAxeViolations, launchBrowser, newPhonePage, runToday } from "./support.js";

/**
 * Issue 14: every language has its journey — onboarding → stage → article → calendar → listen, then offline —
 * on a phone, in that language end to end. The words looked for are read from the language's own catalogue and
 * content, so the test follows their wording, and fails if a page shows the French instead.
 */
const baseUrl = inject("baseUrl");
const today = runToday();
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A French interface text in a language, from its catalogue (src/web/locales). */
function catalogue(code: string): (french: string) => string {
  const texts = new Map<string, string>();
  for (const item of PO.parse(readFileSync(`src/web/locales/${code}.po`, "utf8")).items) if (item.msgstr[0]) texts.set(item.msgid, item.msgstr[0]);
  return (french) => {
    const text = texts.get(french);
    if (!text) throw new Error(`« ${french} » has no ${code} translation`);
    return text;
  };
}

/** The title of a translated article (content/traductions/<langue>/<id>.md). */
function articleTitle(code: string, id: string): string {
  const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(`content/traductions/${code}/${id}.md`, "utf8"))?.[1] ?? "";
  const { title } = parse(front) as { title?: string };
  if (!title) throw new Error(`no ${code} title for ${id}`);
  return title;
}

/** A calendar event's text in a language (content/traductions/<langue>/calendrier.json). */
function calendarText(code: string, key: string): string {
  const { texts } = JSON.parse(readFileSync(`content/traductions/${code}/calendrier.json`, "utf8")) as { texts: Record<string, string> };
  return texts[key]!;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

async function expectPageInLanguage(page: Page, lang: string, dir: string): Promise<void> {
  // Polled: the app sets the document's language in an effect, run just after the page it renders shows.
  await expect
    .poll(
      () =>
        page.evaluate(() => [
          document.documentElement.lang,
          document.documentElement.dir,
          document.documentElement.scrollWidth - document.documentElement.clientWidth,
        ]),
      { message: page.url() },
    )
    .toEqual([lang, dir, 0]);
}

describe("a family's journey in its language", () => {
  it.each(locales.filter((l) => l.prefix).map((l) => [l.code, l] as const))(
    "%s: onboarding, stage, article, calendar, listen, offline",
    async (code, locale) => {
      const t = catalogue(code);
      const { context, page, problems } = await newPhonePage(browser);
      const at = (path: string) => `${baseUrl}${locale.prefix}${path}`;

      // Onboarding: a pregnancy due in 150 days (about 18 weeks: the early prenatal interview is due).
      await page.goto(at("/profil"));
      await clickLabel(page, t("Grossesse en cours"));
      await page.locator('input[name="pregnancy-date"]').fill(addDays(today, 150));
      await page.getByRole("button", { name: t("Enregistrer et voir mon parcours") }).click();
      await page.waitForURL(at("/parcours"));
      await page.getByRole("heading", { name: t("Mon parcours"), level: 1 }).waitFor();
      await expectPageInLanguage(page, locale.lang, locale.dir);

      // A stage page, then an essential article in the language, with « Écouter ».
      await page.goto(at("/parcours/debut-grossesse"));
      await page.locator("main h1").waitFor();
      await expectPageInLanguage(page, locale.lang, locale.dir);
      await page.goto(at("/articles/entretien-prenatal-precoce"));
      await page.getByRole("heading", { name: articleTitle(code, "entretien-prenatal-precoce"), level: 1 }).waitFor();
      const listen = page.getByRole("button", { name: new RegExp(`^${t("Écouter<0> : lire cette page à voix haute</0>").replace(/<\/?0>.*$/s, "")}`) });
      await listen.waitFor();
      await expectPageInLanguage(page, locale.lang, locale.dir);

      // The calendar lists the interview in the language; its page reads aloud too.
      await page.goto(at("/calendrier"));
      const interview = calendarText(code, "entretien-prenatal-precoce.title");
      await page.getByRole("link", { name: interview }).first().click();
      await page.getByRole("heading", { name: interview, level: 1 }).waitFor();
      await listen.waitFor();
      await expectNoAxeViolations(page);
      // Listen: the device reads in the language, or says in the language that it has no voice for it (after waiting
      // up to 5 s for the browser to list its voices, as headless Chromium lists none).
      await listen.click();
      const noVoice = t(
        "Votre appareil n'a pas de voix en {language} pour lire cette page. Vous pouvez en ajouter une dans les réglages de l'appareil (synthèse vocale, ou « voix » dans l'accessibilité), puis revenir ici.",
      ).split("{language}")[0]!;
      await expect
        .poll(() => page.locator(".mj-read-aloud [role=status]").textContent())
        .toMatch(new RegExp(`^(${escapeRegExp(t("Lecture en cours."))}|${escapeRegExp(noVoice.trim())})`));

      // Offline, the same page opens again in the language.
      await page.evaluate(() => navigator.serviceWorker.ready);
      await context.setOffline(true);
      await page.reload();
      await page.getByRole("heading", { name: interview, level: 1 }).waitFor();
      await expectPageInLanguage(page, locale.lang, locale.dir);
      expect(problems).toEqual([]);
      await context.close();
    },
  );
});
