import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { addDays, formatFrenchDate } from "../../src/domain/dates.js";
import { clickLabel, expectNoAxeViolations, launchBrowser, newPhonePage, runToday, saveProfileOnDevice } from "./support.js";

const baseUrl = inject("baseUrl");
const today = runToday();
const terme = addDays(today, 180);
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function leaveTitles(page: Page): Promise<string[]> {
  await page.goto(`${baseUrl}/calendrier`);
  await page.getByRole("heading", { name: "Mon calendrier", level: 1 }).waitFor();
  return page.locator("main h3 a, main h4 a").filter({ hasText: "Congé maternité" }).allInnerTexts();
}

describe("triplets: the number of babies is asked once and reaches the calendar", () => {
  it("onboarding asks « Combien de bébés », once; triplets get 46 weeks of leave from 24 weeks before the terme", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    await page.goto(`${baseUrl}/profil`);
    await clickLabel(page, "Grossesse en cours");
    await page.locator('input[name="pregnancy-date"]').fill(terme);
    // One question about multiples, no « Grossesse multiple » checkbox (in the pregnancy or in the situations).
    expect(
      await page
        .locator("label")
        .filter({ hasText: /Grossesse multiple/i })
        .count(),
    ).toBe(0);
    await page.getByRole("group", { name: /Combien de bébés attendez-vous/ }).waitFor();
    await clickLabel(page, "Trois (triplés)");
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Enregistrer et voir mon parcours" }).click();
    await page.getByRole("heading", { name: "Mon parcours", level: 1 }).waitFor();
    await page.getByRole("region", { name: "Grossesse en cours (triplés)" }).waitFor();

    expect(await leaveTitles(page)).toEqual(["Congé maternité (46 semaines)"]);
    const leave = page.locator("main li").filter({ has: page.getByRole("link", { name: "Congé maternité (46 semaines)" }) });
    expect(await leave.innerText()).toContain(`du ${formatFrenchDate(addDays(terme, -24 * 7))}`);
    const feed = await page.getByRole("link", { name: "S'abonner : Grossesse en cours" }).getAttribute("href");
    expect(feed).toContain(`terme=${terme}&rang=1&multiple=3`);

    // Editing the profile shows the recorded answer.
    await page.goto(`${baseUrl}/profil`);
    expect(await page.getByLabel("Trois (triplés)").isChecked()).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("an older backup file (yes/no « multiple ») still imports, as twins", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    const file = join(mkdtempSync(join(tmpdir(), "v1-")), "ancienne-sauvegarde.json");
    writeFileSync(
      file,
      JSON.stringify({
        format: "mille-jours-sauvegarde",
        version: 1,
        exportedAt: "2026-11-01T10:00:00.000Z",
        profile: { version: 1, project: null, pregnancy: { terme, ddr: null, multiple: true }, children: [], situations: [] },
        marks: [],
      }),
    );
    await page.goto(`${baseUrl}/mes-donnees`);
    // The file picker answers once the app has taken the pre-rendered page over (it is served disabled).
    await page.locator('input[type="file"]:enabled').setInputFiles(file);
    await page.getByRole("button", { name: "Remplacer mes données" }).click();
    await page.getByText("Vos données ont été importées sur cet appareil.").waitFor();
    expect(await leaveTitles(page)).toEqual(["Congé maternité (34 semaines)"]);
    await page.goto(`${baseUrl}/profil`);
    expect(await page.getByLabel("Deux (jumeaux)").isChecked()).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("a profile saved on the device by the older version is read the same way", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    const old = { version: 1, project: null, pregnancy: { terme, ddr: null, multiple: true }, children: [], situations: ["grossesse-multiple"] };
    await saveProfileOnDevice(page, baseUrl, old);
    expect(await leaveTitles(page)).toEqual(["Congé maternité (34 semaines)"]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
