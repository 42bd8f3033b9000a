import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { addDays } from "../../src/domain/dates.js";
import { clickLabel, expectNoAxeViolations, launchBrowser, newPhonePage, runToday } from "./support.js";

/** The facts corrected in issue 13 (« Faits à corriger »), as a parent reads them on a phone. */
const baseUrl = inject("baseUrl");
const today = runToday();
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe("Checked facts, on screen", () => {
  it("the EPP is marked Obligatoire, says the parent chooses, and cites the Code de la santé publique", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    await page.goto(`${baseUrl}/profil`);
    await clickLabel(page, "Grossesse en cours");
    await page.locator('input[name="pregnancy-date"]').fill(addDays(today, 150));
    await page.getByRole("button", { name: "Enregistrer et voir mon parcours" }).click();
    await page.getByRole("heading", { name: "Mon parcours", level: 1 }).waitFor();

    await page.goto(`${baseUrl}/calendrier/evenement/${encodeURIComponent("grossesse:entretien-prenatal-precoce")}`);
    await page.getByRole("heading", { name: "Entretien prénatal précoce (vers le 4e mois)", level: 1 }).waitFor();
    // Badges are shown in capitals (CSS): read their text content.
    const badges = await page.locator("main .fr-badges-group").textContent();
    expect(badges).toMatch(/Obligatoire/);
    expect(badges).not.toMatch(/Recommandé/);
    await page.getByText(/La loi le rend obligatoire : il doit vous être proposé, et c'est à vous de l'accepter/).waitFor();
    expect(await page.getByRole("link", { name: /Code de la santé publique, article L2122-1/ }).getAttribute("href")).toMatch(
      /^https:\/\/www\.legifrance\.gouv\.fr\//,
    );
    await expectNoAxeViolations(page);

    // The public barometer words them as the law does.
    await page.goto(`${baseUrl}/barometre`);
    await page.getByText(/sont obligatoires : la loi impose de les proposer à tous les futurs et jeunes parents/).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it("the food article says no raw-milk cheese before 5 years, and the vitamins article gives the doses", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    await page.goto(`${baseUrl}/articles/diversification-alimentaire`);
    await page.getByRole("heading", { name: "À éviter jusqu'à 5 ans" }).waitFor();
    await page.getByText(/pas avant 5 ans, ni en petite quantité/).waitFor();
    await expectNoAxeViolations(page);

    await page.goto(`${baseUrl}/articles/vitamines-d-et-k-bebe`);
    await page.getByRole("heading", { name: "Vitamine D et vitamine K : les gouttes de bébé", level: 1 }).waitFor();
    await page
      .getByText(/400 à 800 UI par jour/)
      .first()
      .waitFor();
    await page
      .getByText(/3e dose à 1 mois/)
      .first()
      .waitFor();
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
    await context.close();
  });
});
