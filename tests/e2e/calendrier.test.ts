import { readFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import ICAL from "ical.js";
import { addDays } from "../../src/domain/dates.js";
import { computeCalendar } from "../../src/domain/calendar/index.js";
import { splitAgenda } from "../../src/domain/calendar/agenda.js";
import { withBirthForecast } from "../../src/domain/calendar/from-profile.js";
import { clickLabel, expectNoAxeViolations, launchBrowser, newPhonePage, runToday, savePregnancyProfile, tabTo } from "./support.js";

const baseUrl = inject("baseUrl");
const today = runToday();
const terme = addDays(today, 150);
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe("Calendrier", () => {
  // Three pages, two with axe, an export and notifications: 52 s in a CI run, over the 90 s default at a load of 25-30.
  it("shows what to do now, explains an event, marks it done, adds an appointment, exports an .ics that ical.js reads", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    await savePregnancyProfile(page, baseUrl, terme);

    // The home page reminds this week's events.
    await page.goto(baseUrl);
    await page.getByRole("heading", { name: "Cette semaine" }).waitFor();

    await page.goto(`${baseUrl}/calendrier`);
    await page.getByRole("heading", { name: "Mon calendrier", level: 1 }).waitFor();
    const expected = computeCalendar(
      withBirthForecast({ pregnancy: { terme, fetuses: 1, rank: 1, unmarriedParents: false, gestationalDiabetesRisk: false }, children: [] }),
    );
    const agenda = splitAgenda(expected, today, new Set());
    const nowTitles = await page.getByRole("region", { name: "À faire maintenant" }).locator("h3").allInnerTexts();
    expect(nowTitles).toEqual(agenda.now.map((e) => e.title));
    expect(nowTitles.length).toBeGreaterThan(0);
    await expectNoAxeViolations(page);

    // Open the first event: explanation, source, then mark it done.
    const first = agenda.now[0]!;
    await page.getByRole("region", { name: "À faire maintenant" }).getByRole("link", { name: first.title }).first().click();
    await page.getByRole("heading", { name: first.title, level: 1 }).waitFor();
    await page.getByText(first.description).waitFor();
    await page.getByText("Source de la règle").waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Marquer comme fait" }).click();
    expect(await page.getByRole("button", { name: "Marquer comme à faire" }).getAttribute("aria-pressed")).toBe("true");
    await page.goBack();
    await page.getByRole("heading", { name: "Mon calendrier", level: 1 }).waitFor();
    expect(await page.getByRole("region", { name: "À faire maintenant" }).locator("h3").allInnerTexts()).not.toContain(first.title);

    // A personal appointment: a bad date is refused in French, a good one is listed.
    await page.getByLabel("Rendez-vous", { exact: true }).fill("Cours de préparation");
    await page.getByRole("button", { name: "Ajouter au calendrier" }).click();
    await page.getByText("Indiquez une date réelle").waitFor();
    await page.locator('input[name="rdv-date"]').fill(addDays(today, 10));
    await page.getByRole("button", { name: "Ajouter au calendrier" }).click();
    await page.getByText("Rendez-vous ajouté.").waitFor();
    expect(await page.getByRole("region", { name: "À venir (2 prochains mois)" }).innerText()).toContain("Cours de préparation");

    // Export: every computed event and the appointment, as all-day events with stable UIDs.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Télécharger mon calendrier (.ics)" }).click()]);
    const file = join(mkdtempSync(join(tmpdir(), "ics-")), "cal.ics");
    await download.saveAs(file);
    const vevents = new ICAL.Component(ICAL.parse(readFileSync(file, "utf8"))).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(vevents).toHaveLength(expected.length + 1);
    for (const event of expected) {
      const found = vevents.find((v) => v.uid === `${event.id}@127.0.0.1`);
      expect(found?.summary, event.id).toBe(event.title);
      expect(found?.startDate.toString()).toBe(event.start);
    }
    expect(vevents.some((v) => v.summary === "Cours de préparation" && v.startDate.toString() === addDays(today, 10))).toBe(true);

    // Subscription: a webcal link carrying only the dates, with the note of what it reveals.
    const feed = await page.getByRole("link", { name: "S'abonner : Grossesse en cours" }).getAttribute("href");
    expect(feed).toMatch(new RegExp(`^webcal://127\\.0\\.0\\.1:\\d+/api/v1/calendar\\.ics\\?terme=${terme}&rang=1&multiple=1&rappels=`));
    await page.getByText("Un lien d'abonnement contient la date du terme").waitFor();
    await expectNoAxeViolations(page);

    // Notifications, computed on the device, chosen by the parent: tomorrow's appointment is announced once.
    await context.grantPermissions(["notifications"]);
    await page.getByLabel("Rendez-vous", { exact: true }).fill("Prise de sang");
    await page.locator('input[name="rdv-date"]').fill(addDays(today, 1));
    await page.getByRole("button", { name: "Ajouter au calendrier" }).click();
    await page.getByText("Rendez-vous ajouté.").waitFor();
    await page.getByRole("button", { name: "Activer les notifications" }).click();
    await page.getByText("Notifications activées").waitFor();
    await page.goto(baseUrl);
    await page.getByRole("heading", { name: "Cette semaine" }).waitFor();
    const shown = async () => page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => n.body));
    // One notification after the other (each awaited by the app): the appointment's may not be the first shown.
    await expect.poll(shown).toContain("Demain : Prise de sang");
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);

  it("works with the keyboard only: month view and marking done", async () => {
    const { context, page } = await newPhonePage(browser);
    await page.goto(`${baseUrl}/profil`);
    await clickLabel(page, "Enfant(s) né(s)");
    await page.locator('input[name="child-0-birth"]').fill(addDays(today, -40));
    await page.getByRole("button", { name: "Enregistrer et voir mon parcours" }).click();
    await page.getByRole("heading", { name: "Mon parcours", level: 1 }).waitFor();
    await page.goto(`${baseUrl}/calendrier`);
    await page.getByRole("heading", { name: "Mon calendrier", level: 1 }).waitFor();
    const caption = await page.locator(".mj-month-label").innerText();
    await tabTo(page, (el) => el.tag === "button" && el.text === "Mois suivant");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator(".mj-month-label").innerText()).not.toBe(caption);
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator(".mj-month-label").innerText()).toBe(caption);
    // The first « Marquer comme fait » is in « Pas encore fait » (an exam of the first days, never marked done) or « À faire maintenant ».
    const open = 'section[aria-labelledby="pas-encore-fait"] h3, section[aria-labelledby="maintenant"] h3';
    const before = await page.locator(open).count();
    await page.locator("main h1").focus();
    await tabTo(page, (el) => el.tag === "button" && el.text.startsWith("Marquer comme fait"));
    await page.keyboard.press("Enter");
    await page.waitForFunction(([selector, n]) => document.querySelectorAll(selector as string).length === (n as number) - 1, [open, before] as const);
    await context.close();
  });
});
