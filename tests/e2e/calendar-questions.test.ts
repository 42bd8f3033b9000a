import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { addDays } from "../../src/domain/dates.js";
import { clickLabel, expectNoAxeViolations, launchBrowser, newPhonePage, runToday } from "./support.js";

const baseUrl = inject("baseUrl");
const today = runToday();
const RECOGNITION = "Reconnaître l'enfant avant la naissance (parents non mariés)";
const GLUCOSE = "Test du diabète de grossesse (24 à 28 SA)";
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe("the questions that change the calendar are asked with the profile", () => {
  it("onboarding asks « pas mariés » and the diabetes risk; the calendar then has the reconnaissance anticipée and the glucose test", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    await page.goto(`${baseUrl}/profil`);
    // Nothing to ask before the situation is known.
    expect(await page.getByRole("group", { name: /Pour un calendrier juste/ }).count()).toBe(0);
    await clickLabel(page, "Grossesse en cours");
    await page.locator('input[name="pregnancy-date"]').fill(addDays(today, 150));
    await page.getByRole("group", { name: /Pour un calendrier juste/ }).waitFor();
    await clickLabel(page, "Nous ne sommes pas mariés");
    await clickLabel(page, "J'ai un facteur de risque de diabète de grossesse");
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Enregistrer et voir mon parcours" }).click();
    await page.getByRole("heading", { name: "Mon parcours", level: 1 }).waitFor();

    await page.goto(`${baseUrl}/calendrier`);
    await page.getByRole("heading", { name: "Mon calendrier", level: 1 }).waitFor();
    const titles = await page.locator("main h3, main h4").allInnerTexts();
    expect(titles).toContain(RECOGNITION);
    expect(titles).toContain(GLUCOSE);
    // The same answers, shown where the calendar is refined.
    expect(await page.getByLabel("Nous ne sommes pas mariés").isChecked()).toBe(true);

    // Back in the profile, the answers are kept and can be changed.
    await page.goto(`${baseUrl}/profil`);
    expect(await page.getByLabel("Nous ne sommes pas mariés").isChecked()).toBe(true);
    await clickLabel(page, "Nous ne sommes pas mariés");
    await page.getByRole("button", { name: "Enregistrer et voir mon parcours" }).click();
    await page.getByRole("heading", { name: "Mon parcours", level: 1 }).waitFor();
    await page.goto(`${baseUrl}/calendrier`);
    await page.getByRole("heading", { name: "Mon calendrier", level: 1 }).waitFor();
    expect(await page.locator("main h3, main h4").allInnerTexts()).not.toContain(RECOGNITION);
    expect(problems).toEqual([]);
    await context.close();
  });
});
