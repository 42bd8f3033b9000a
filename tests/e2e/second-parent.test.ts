import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import fr from "../../content/epds/fr.json";
import { epdsQuestionnaireSchema } from "../../src/domain/epds/schema.js";
import { withMasculineAgreement } from "../../src/domain/epds/agreement.js";
import { clickLabel, expectNoAxeViolations, launchBrowser, newPhonePage } from "./support.js";

const baseUrl = inject("baseUrl");
const validated = epdsQuestionnaireSchema.parse(fr);
const masculine = withMasculineAgreement(validated);
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** Answers every question with the option worth 0 points and returns the texts shown, question by question. */
async function answerAll(page: Page): Promise<string[]> {
  const shown: string[] = [];
  for (let question = 1; question <= 10; question++) {
    await page.getByText(`Question ${question} sur 10`).waitFor();
    const legend = page.locator("form.mj-epds legend");
    const labels = page.locator("form.mj-epds .fr-radio-group label");
    shown.push([await legend.innerText(), ...(await labels.allInnerTexts())].join("\n"));
    const zero = validated.items[question - 1]!.options.findIndex((o) => o.points === 0);
    await labels.nth(zero).click();
    await page.getByRole("button", { name: question === 10 ? "Voir le résultat" : "Suivant" }).click();
  }
  await page.getByRole("heading", { name: "Résultat du questionnaire", level: 1 }).waitFor();
  return shown;
}

describe("the EPDS on the second parent's path", () => {
  it("shows the items with the masculine agreement (same answers and points), and the history says who answered; « Supprimer » fits a 390 px screen", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    await page.goto(`${baseUrl}/post-partum`);
    await page.getByRole("heading", { name: "Comment allez-vous depuis la naissance ?", level: 1 }).waitFor();
    await clickLabel(page, "Le second parent");
    await page.getByRole("group", { name: /Les questions sont écrites/ }).waitFor();
    expect(await page.getByLabel("Au masculin (« je me suis senti »)").isChecked()).toBe(true);
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Commencer le questionnaire" }).click();
    const shown = await answerAll(page);
    for (const [i, text] of shown.entries()) {
      const item = masculine.items[i]!;
      expect(text).toContain(item.text);
      for (const option of item.options) expect(text).toContain(option.text);
      expect(text, `question ${i + 1}`).not.toMatch(
        /(?<!\p{L})(sentie|confiante|joyeuse|reprochée|inquiète|soucieuse|effrayée|paniquée|dépassée|malheureuse|heureuse)(?!\p{L})/u,
      );
    }
    expect(shown[1]).toContain("Je me suis senti confiant et joyeux en pensant à l’avenir");
    await page.getByRole("button", { name: "Enregistrer sur cet appareil" }).click();

    // The mother answers too, with the validated feminine wording.
    await page.getByRole("button", { name: "Recommencer" }).click();
    await clickLabel(page, "La mère");
    await expect.poll(() => page.getByRole("group", { name: /Les questions sont écrites/ }).count()).toBe(0);
    await page.getByRole("button", { name: "Commencer le questionnaire" }).click();
    const mother = await answerAll(page);
    expect(mother[1]).toContain("Je me suis sentie confiante et joyeuse en pensant à l’avenir");
    await page.getByRole("button", { name: "Enregistrer sur cet appareil" }).click();

    await page.getByRole("link", { name: "Voir mon historique" }).click();
    await page.getByRole("heading", { name: "Mon historique post-partum", level: 1 }).waitFor();
    const results = page.locator(".mj-narrow-only li");
    // Both taken today: their order among the same day's results is not the point.
    const cards = await results.allInnerTexts();
    expect(cards).toHaveLength(2);
    expect(cards.filter((c) => c.includes("· La mère"))).toHaveLength(1);
    expect(cards.filter((c) => c.includes("· Le second parent"))).toHaveLength(1);
    for (const button of await page.getByRole("button", { name: /^Supprimer le résultat du/ }).all()) {
      const box = (await button.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page);

    // On a wide screen, the table has the same column.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.locator(".mj-wide-only table").waitFor();
    expect(await page.locator(".mj-wide-only th").allInnerTexts()).toContain("Qui a répondu");
    expect(await page.locator(".mj-wide-only tbody").innerText()).toContain("Le second parent");
    expect(problems).toEqual([]);
    await context.close();
  });
});
