import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { addDays, addMonths } from "../../src/domain/dates.js";
import { articlesForStage } from "../../src/domain/journey/articles.js";
import type { ContentBundle } from "../../src/domain/content/schema.js";
import { clickLabel, expectNoAxeViolations, launchBrowser, newPhonePage, runToday, tabTo } from "./support.js";

const baseUrl = inject("baseUrl");
const today = runToday();
/** A due date that puts the pregnancy at exactly 20 SA today (terme = DDR + 287 days). */
const termeAt20Sa = addDays(today, 287 - 20 * 7);

let browser: Browser;
let content: ContentBundle;
beforeAll(async () => {
  browser = await launchBrowser();
  content = (await (await fetch(`${baseUrl}/api/v1/content`)).json()) as ContentBundle;
});
afterAll(() => browser?.close());

function expectedTitles(stage: Parameters<typeof articlesForStage>[1], situations: Parameters<typeof articlesForStage>[2] = []) {
  return articlesForStage(content.articles, stage, situations)
    .map((a) => a.title)
    .sort();
}

describe("a new user declares a pregnancy at 20 SA", () => {
  it("lands on « Suite et fin de grossesse » with the articles of that stage, axe-clean", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    await page.goto(baseUrl);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await expectNoAxeViolations(page);

    await page.getByRole("link", { name: "Commencer" }).click();
    await page.getByRole("heading", { name: "Faisons connaissance" }).waitFor();
    await clickLabel(page, "Grossesse en cours");
    await page.locator('input[name="pregnancy-date"]').fill(termeAt20Sa);
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Enregistrer et voir mon parcours" }).click();

    await page.getByRole("heading", { name: "Mon parcours", level: 1 }).waitFor();
    const track = page.getByRole("region", { name: "Grossesse en cours" });
    expect(await track.innerText()).toContain("20 SA — étape : Suite et fin de grossesse");
    expect(await track.locator('[aria-current="step"]').innerText()).toContain("Suite et fin de grossesse");
    await expectNoAxeViolations(page);

    await track.getByRole("link", { name: "Ce qui compte maintenant" }).click();
    await page.getByRole("heading", { name: "Suite et fin de grossesse", level: 1 }).waitFor();
    const cards = await page.locator(".fr-card__title").allInnerTexts();
    expect(cards.map((t) => t.trim()).sort()).toEqual(expectedTitles("suite-grossesse"));
    expect(cards.join("\n")).toContain("entretien prénatal précoce");
    await expectNoAxeViolations(page);

    // Reading an article marks it read; a favourite shows in the favourites filter.
    await page.locator(".fr-card__title a").first().click();
    await page.getByRole("button", { name: "Favori" }).click();
    expect(await page.getByRole("button", { name: "Favori" }).getAttribute("aria-pressed")).toBe("true");
    await expectNoAxeViolations(page);
    await page.goBack();
    await clickLabel(page, "Mes favoris seulement");
    await page.getByText("1 article", { exact: true }).waitFor();
    expect(await page.locator(".fr-badge", { hasText: /^Lu$/ }).count()).toBe(1);

    // The profile survives a reload (IndexedDB).
    await page.goto(`${baseUrl}/parcours`);
    await page.getByRole("region", { name: "Grossesse en cours" }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe("a parent of twins born 5 months ago", () => {
  it("sees two tracks on « De ses 4 mois à 1 an », and the prematurity article when it applies", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    const birth = addMonths(today, -5);
    await page.goto(`${baseUrl}/profil`);
    await clickLabel(page, "Enfant(s) né(s)");
    await page.getByLabel("Prénom de l'enfant 1 (facultatif)").fill("Léa");
    await page.getByLabel("Date de naissance de l'enfant 1").fill(birth);
    await page.getByRole("button", { name: "Ajouter un enfant" }).click();
    await page.getByLabel("Prénom de l'enfant 2 (facultatif)").fill("Noé");
    expect(await page.getByLabel("Date de naissance de l'enfant 2").inputValue()).toBe(birth);
    await clickLabel(page, "Naissance prématurée");
    await page.getByRole("button", { name: "Enregistrer et voir mon parcours" }).click();

    await page.getByRole("heading", { name: "Mon parcours", level: 1 }).waitFor();
    for (const name of ["Léa (naissance multiple)", "Noé (naissance multiple)"]) {
      const track = page.getByRole("region", { name });
      expect(await track.innerText()).toContain("5 mois — étape : De ses 4 mois à 1 an");
    }
    await expectNoAxeViolations(page);
    await page.getByRole("region", { name: "Léa (naissance multiple)" }).getByRole("link", { name: "Ce qui compte maintenant" }).click();
    await page.getByRole("heading", { name: "De ses 4 mois à 1 an", level: 1 }).waitFor();
    const cards = (await page.locator(".fr-card__title").allInnerTexts()).map((t) => t.trim());
    expect(cards.sort()).toEqual(expectedTitles("quatre-mois-un-an", ["prematurite"]));
    expect(cards.some((t) => /prématur/i.test(t))).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe("invalid dates", () => {
  it("explains in French and keeps the form", async () => {
    const { context, page } = await newPhonePage(browser);
    await page.goto(`${baseUrl}/profil`);
    await clickLabel(page, "Grossesse en cours");
    await page.locator('input[name="pregnancy-date"]').fill(addDays(today, 400));
    await page.getByRole("button", { name: "Enregistrer et voir mon parcours" }).click();
    await page.getByText("La date du terme est à plus de 42 semaines d'aujourd'hui : vérifiez l'année saisie.").first().waitFor();
    expect(page.url()).toBe(`${baseUrl}/profil`);
    await expectNoAxeViolations(page);
    await context.close();
  });
});

describe("the same pregnancy journey with the keyboard only", () => {
  it("reaches the stage page without a mouse", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    await page.goto(baseUrl);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await tabTo(page, (el) => el.tag === "a" && el.text === "Commencer");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Faisons connaissance" }).waitFor();
    await tabTo(page, (el) => el.name === "pregnancy");
    await page.keyboard.press("Space");
    await tabTo(page, (el) => el.name === "pregnancy-date");
    // Headless Chromium on Linux orders the date segments the en-US way (mm/dd/yyyy) whatever the locale;
    // a French browser shows jj/mm/aaaa. The keys are the same, only their order differs.
    const [year, month, day] = termeAt20Sa.split("-");
    await page.keyboard.type(`${month}${day}${year}`);
    expect(await page.locator('input[name="pregnancy-date"]').inputValue()).toBe(termeAt20Sa);
    await tabTo(page, (el) => el.tag === "button" && el.text === "Enregistrer et voir mon parcours");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Mon parcours", level: 1 }).waitFor();
    // Focus moved to the new page's heading for screen readers (by the page's effect, which runs after it shows).
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("Mon parcours");
    await tabTo(page, (el) => el.tag === "a" && el.text === "Ce qui compte maintenant");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Suite et fin de grossesse", level: 1 }).waitFor();
    await tabTo(page, (el) => el.name === "theme-alimentation");
    await page.keyboard.press("Space");
    // The filter applies in a render of its own, later on a loaded machine.
    const cards = async () => (await page.locator(".fr-card__title").allInnerTexts()).map((t) => t.trim()).sort();
    await expect.poll(cards).toEqual(
      articlesForStage(content.articles, "suite-grossesse", [])
        .filter((a) => a.themes.includes("alimentation"))
        .map((a) => a.title)
        .sort(),
    );
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe("an essential in another language", () => {
  it("shows the English text with its review status and the French original one tap away; an untranslated article falls back to French with a note; French never downloads translations", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    const translationRequests: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/api/v1/traductions/")) translationRequests.push(new URL(request.url()).pathname);
    });

    // A French visit loads no other language.
    await page.goto(`${baseUrl}/articles/declaration-grossesse`);
    await page.getByRole("heading", { level: 1, name: "Déclarer sa grossesse : avant la fin de la 14e semaine" }).waitFor();
    await page.waitForLoadState("networkidle");
    expect(translationRequests).toEqual([]);
    expect(await page.getByTestId("translation-status").count()).toBe(0);

    await page.goto(`${baseUrl}/en/articles/declaration-grossesse`);
    const title = page.getByRole("heading", { level: 1, name: "Declaring your pregnancy: before the end of week 14" });
    await title.waitFor();
    expect(await title.locator("span").getAttribute("lang")).toBe("en");
    const status = page.getByTestId("translation-status");
    expect(await status.innerText()).toContain("Translation to be reviewed (machine-assisted)");
    expect(await status.innerText()).toContain("Traduction à relire");
    expect(await page.locator('.mj-article-body[lang="en"]').innerText()).toContain(
      "14th week of amenorrhoea (14 weeks after the first day of your last period)",
    );
    // Sources stay the French official pages.
    expect(await page.locator("#sources + ul a").first().getAttribute("href")).toBe(
      "https://www.ameli.fr/assure/droits-demarches/famille/maternite-paternite-adoption/grossesse",
    );
    // The served article shows before the app starts and fetches the translation: polled, then once more when the
    // page is settled (the translation fetched once).
    await expect.poll(() => translationRequests).toEqual(["/api/v1/traductions/en"]);
    await expectNoAxeViolations(page);
    expect(translationRequests).toEqual(["/api/v1/traductions/en"]);

    const original = status.getByRole("link", { name: "Read the original in French" });
    expect(await original.getAttribute("hreflang")).toBe("fr");
    await original.click();
    await page.getByRole("heading", { level: 1, name: "Déclarer sa grossesse : avant la fin de la 14e semaine" }).waitFor();
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe("/articles/declaration-grossesse");

    // Arabic: the text right to left, its status in Arabic.
    await page.goto(`${baseUrl}/ar/articles/sommeil-bebe-securite`);
    await page.getByRole("heading", { level: 1, name: "نوم الرضيع بأمان" }).waitFor();
    expect(await page.locator('#lecture-article-corps[lang="ar"]').getAttribute("dir")).toBe("rtl");
    expect(await page.getByTestId("translation-status").innerText()).toContain("ترجمة بمساعدة آلية، في انتظار المراجعة");
    await expectNoAxeViolations(page);

    // Not translated: the French text, never a blank, with the note in both languages.
    await page.goto(`${baseUrl}/en/articles/acide-folique`);
    const note = page.getByTestId("translation-fallback");
    await note.waitFor();
    expect(await note.innerText()).toContain("This article is not translated into English yet. Here is the French version.");
    expect(await note.innerText()).toContain("Cet article n'est pas encore traduit");
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Acide folique : à commencer avant la grossesse");
    expect((await page.locator(".mj-article-body").innerText()).length).toBeGreaterThan(200);
    await expectNoAxeViolations(page);

    expect(problems).toEqual([]);
    await context.close();
  });
});
