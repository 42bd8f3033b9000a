import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { addDays } from "../../src/domain/dates.js";
import { computeCalendar } from "../../src/domain/calendar/index.js";
import { monthGrid, thisWeek } from "../../src/domain/calendar/agenda.js";
import { calendarInputFromProfile, withBirthForecast } from "../../src/domain/calendar/from-profile.js";
import { isWeekend } from "../../src/domain/calendar/weekdays.js";
import type { Profile } from "../../src/domain/profile/profile.js";
import { expectNoAxeViolations, launchBrowser, newPhonePage, runToday, saveProfileOnDevice } from "./support.js";

const baseUrl = inject("baseUrl");
const today = runToday();
const birth = addDays(today, -60);
/** Parents of 2-month-old twins whose profile still holds the pregnancy they declared before the birth. */
const profile: Profile = {
  version: 2,
  project: null,
  pregnancy: { terme: addDays(birth, 10), ddr: null, babies: 2 },
  children: [
    { id: "lea", firstName: "Léa", birthDate: birth },
    { id: "noe", firstName: "Noé", birthDate: birth },
  ],
  situations: ["grossesse-multiple"],
};
const events = computeCalendar(withBirthForecast(calendarInputFromProfile(profile)));

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const saveProfile = (page: Page, saved: unknown) => saveProfileOnDevice(page, baseUrl, saved);

describe("parents of twins", () => {
  it("home: no pregnancy advice two months after the birth; « Cette semaine » lists each step once, with both names", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    await saveProfile(page, profile);
    await page.goto(baseUrl);
    await page.getByRole("heading", { name: "Cette semaine" }).waitFor();
    await page.getByRole("heading", { name: /^Léa \(naissance multiple\)/ }).waitFor();
    expect(await page.locator("main h2").allInnerTexts()).not.toContainEqual(expect.stringMatching(/Grossesse/));

    const week = thisWeek(events, today, new Set());
    const twinSteps = week.filter((e) => e.subject === "enfant-lea" && week.some((o) => o.subject === "enfant-noe" && o.ruleId === e.ruleId));
    expect(twinSteps.length, "a step of both twins falls this week").toBeGreaterThan(0);
    const lines = await page.getByRole("region", { name: "Cette semaine" }).locator("li").allInnerTexts();
    expect(new Set(lines).size).toBe(lines.length);
    for (const step of twinSteps.slice(0, 3)) {
      const line = lines.filter((l) => l.startsWith(step.title));
      expect(line, step.title).toHaveLength(1);
      expect(line[0]).toContain("Léa et Noé");
    }
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("calendar: the shared leave shows under each twin's filter", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    await saveProfile(page, profile);
    await page.goto(`${baseUrl}/calendrier`);
    await page.getByRole("heading", { name: "Mon calendrier", level: 1 }).waitFor();
    const leave = events.find((e) => e.ruleId === "conge-paternite-suite")!;
    expect(leave.subject).toBe("enfant-lea"); // listed once, under the first twin
    for (const name of ["Léa", "Noé"]) {
      await page.getByLabel("Afficher le calendrier de").selectOption({ label: name });
      const titles = await page.locator("main section h3, main details h4").allInnerTexts();
      expect(titles, name).toContain(leave.title);
      const line = page
        .locator("main li")
        .filter({ has: page.getByRole("link", { name: leave.title, exact: true }) })
        .first();
      expect(await line.innerText()).toContain("Léa et Noé");
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it("month view on a 390 px phone: a list of the days with events, weekends included, nothing off-screen", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    await saveProfile(page, profile);
    await page.goto(`${baseUrl}/calendrier`);
    await page.getByRole("heading", { name: "Vue du mois" }).waitFor();
    expect(await page.locator(".mj-month table").isVisible()).toBe(false);

    // Move on to a month where something starts or ends on a weekend.
    let [year, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
    const daysWithEvents = () =>
      monthGrid(events, year, month)
        .flat()
        .filter((d) => d.date && d.events.some((e) => e.start === d.date || e.end === d.date))
        .map((d) => d.date!);
    const label = page.locator(".mj-month-label");
    for (let i = 0; i < 12 && !daysWithEvents().some(isWeekend); i++) {
      const shown = await label.innerText();
      await page.getByRole("button", { name: "Mois suivant" }).click();
      // The next month is drawn before it is read (a loaded machine renders it later than the click returns).
      await expect.poll(() => label.innerText()).not.toBe(shown);
      [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
    }
    const expected = daysWithEvents();
    const weekendDay = expected.find(isWeekend)!;
    expect(weekendDay).toBeDefined();

    const days = page.locator(".mj-month-list > ul > li");
    expect(await days.count()).toBe(expected.length);
    const weekendLine = days.nth(expected.indexOf(weekendDay));
    expect(await weekendLine.innerText()).toMatch(new RegExp(`^(sam|dim)\\. ${Number(weekendDay.slice(8))} `));
    for (let i = 0; i < expected.length; i++) {
      const box = (await days.nth(i).boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await weekendLine.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(mkdtempSync(join(tmpdir(), "mois-")), "vue-mois-390.png") });
    await expectNoAxeViolations(page);

    // On a wide screen, the 7-day table, all columns on screen.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.locator(".mj-month table").waitFor();
    const headers = page.locator(".mj-month th");
    expect(await headers.count()).toBe(7);
    const last = (await headers.nth(6).boundingBox())!;
    expect(last.x + last.width).toBeLessThanOrEqual(1280);
    expect(problems).toEqual([]);
    await context.close();
  });
});
