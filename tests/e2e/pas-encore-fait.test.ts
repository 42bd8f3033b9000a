import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { addDays } from "../../src/domain/dates.js";
import { computeCalendar } from "../../src/domain/calendar/index.js";
import { canCatchUp, splitAgenda } from "../../src/domain/calendar/agenda.js";
import { withBirthForecast } from "../../src/domain/calendar/from-profile.js";
import { expectNoAxeViolations, launchBrowser, newPhonePage, runToday, savePregnancyProfile } from "./support.js";

const baseUrl = inject("baseUrl");
const today = runToday();
/** 22 SA today: the 4th month, when the entretien prénatal précoce is customary, is over. */
const terme = addDays(today, 287 - 22 * 7);
const EPP = "Entretien prénatal précoce (vers le 4e mois)";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe("an appointment never done is not « passé »", () => {
  it("at 22 SA the EPP stays « pas encore fait » with what to do now, until marked done or dismissed (kept on the device)", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    await savePregnancyProfile(page, baseUrl, terme);

    const events = computeCalendar(
      withBirthForecast({ pregnancy: { terme, fetuses: 1, rank: 1, unmarriedParents: false, gestationalDiabetesRisk: false }, children: [] }),
    ).map((e) => ({ ...e, catchUp: canCatchUp(e, false) }));
    const expectedLate = splitAgenda(events, today, new Set()).late.map((e) => e.title);
    expect(expectedLate).toContain(EPP);

    await page.goto(`${baseUrl}/calendrier`);
    const late = page.getByRole("region", { name: "Pas encore fait" });
    await late.waitFor();
    expect(await late.locator("h3").allInnerTexts()).toEqual(expectedLate);
    const epp = late.locator("li.mj-child-box").filter({ has: page.getByRole("link", { name: EPP }) });
    expect(await epp.innerText()).toMatch(/Pas encore fait[\s\S]*il n'est pas trop tard : prenez rendez-vous/i);
    expect(await page.locator("details.mj-details h4").allInnerTexts()).not.toContain(EPP);
    await expectNoAxeViolations(page);

    // The home page says so too.
    await page.goto(baseUrl);
    const week = page.getByRole("region", { name: "Cette semaine" });
    await week.waitFor();
    expect(await week.innerText()).toContain(
      `${expectedLate.length} étapes dont la période est passée ne sont pas encore faites : ${expectedLate[0]} (Grossesse)`,
    );

    // Its own page says so too, under a heading in order (a level-2 title right after the page's h1).
    await page.goto(`${baseUrl}/calendrier`);
    await late.getByRole("link", { name: EPP }).click();
    await page.getByRole("heading", { name: "Pas encore fait", level: 2 }).waitFor();
    await expectNoAxeViolations(page);

    // Dismissed: into the collapsed section, marked « Masqué », still there after a reload; then shown again.
    await page.goto(`${baseUrl}/calendrier`);
    await epp.getByRole("button", { name: `Ne plus afficher : ${EPP}` }).click();
    await page.waitForFunction((title) => ![...document.querySelectorAll("h3")].some((h) => h.textContent === title), EPP);
    await page.reload();
    await page.getByRole("heading", { name: "Mon calendrier", level: 1 }).waitFor();
    await page.locator("details.mj-details summary").click();
    const hidden = page.locator("details.mj-details li.mj-child-box").filter({ has: page.getByRole("link", { name: EPP }) });
    expect(await hidden.innerText()).toMatch(/Masqué/i);
    await hidden.getByRole("button", { name: `Afficher de nouveau : ${EPP}` }).click();
    await late.locator("h3", { hasText: EPP }).waitFor();

    // Marked done: into the past section, as done.
    await late.getByRole("button", { name: `Marquer comme fait : ${EPP}` }).click();
    await page.waitForFunction(
      (title) => ![...document.querySelectorAll('section[aria-labelledby="pas-encore-fait"] h3')].some((h) => h.textContent === title),
      EPP,
    );
    expect(await page.locator("details.mj-details h4").allInnerTexts()).toContain(EPP);
    expect(problems).toEqual([]);
    await context.close();
  });
});
