import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import fr from "../../content/epds/fr.json";
import { expectNoAxeViolations, clickLabel, launchBrowser, newPhonePage, tabTo } from "./support.js";

const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** Answers the current question with the keyboard: Tab into the radio group, arrows to the option, Enter. */
async function answerWithKeyboard(page: Page, optionIndex: number) {
  await tabTo(page, (el) => el.tag === "input" && el.type === "radio");
  for (let i = 0; i < optionIndex; i++) await page.keyboard.press("ArrowDown");
  if (optionIndex === 0) await page.keyboard.press("Space");
  await page.keyboard.press("Enter");
}

describe("the EPDS self-questionnaire", () => {
  it("is done keyboard-only; an item-10 answer shows the help panel first; no answer leaves the page", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    await page.goto(`${baseUrl}/post-partum`);
    await page.getByRole("heading", { name: "Comment allez-vous depuis la naissance ?", level: 1 }).waitFor();
    await expectNoAxeViolations(page);

    const requests: string[] = [];
    page.on("request", (request) => requests.push(`${request.method()} ${request.url()} ${request.postData() ?? ""}`));

    await tabTo(page, (el) => el.tag === "button" && el.text === "Commencer le questionnaire");
    await page.keyboard.press("Enter");
    await page.getByText("Question 1 sur 10").waitFor();
    await expectNoAxeViolations(page);

    // Nothing chosen: a clear message, and the question stays.
    await tabTo(page, (el) => el.tag === "button" && el.text === "Suivant");
    await page.keyboard.press("Enter");
    await page.getByText("Choisissez la réponse la plus proche de ce que vous avez ressenti.").waitFor();

    for (let question = 1; question <= 9; question++) {
      await page.getByText(`Question ${question} sur 10`).waitFor();
      await answerWithKeyboard(page, 0);
    }
    // Back to question 9 and forward again: the answer was kept.
    await page.getByText("Question 10 sur 10").waitFor();
    await tabTo(page, (el) => el.tag === "button" && el.text === "Précédent");
    await page.keyboard.press("Enter");
    await page.getByText("Question 9 sur 10").waitFor();
    expect(await page.locator('form.mj-epds input[type="radio"]:checked').count()).toBe(1);
    await tabTo(page, (el) => el.tag === "button" && el.text === "Suivant");
    await page.keyboard.press("Enter");

    // Item 10: "Presque jamais" (1 point).
    await page.getByText("Question 10 sur 10").waitFor();
    const option = page.locator("label").filter({ hasText: "Presque jamais" });
    const index = await page
      .locator("form.mj-epds .fr-radio-group label")
      .evaluateAll((labels) => labels.findIndex((l) => /Presque jamais/.test(l.textContent ?? "")));
    expect(await option.count()).toBe(1);
    await answerWithKeyboard(page, index);

    await page.getByRole("heading", { name: "Résultat du questionnaire", level: 1 }).waitFor();
    const firstHeading = await page.locator("main h2").first().innerText();
    expect(firstHeading).toMatch(/Vous n'êtes pas seule : de l'aide, tout de suite/);
    // The focus is moved by an effect that runs after the result shows.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toMatch(/Vous n'êtes pas seule/);
    expect(await page.locator('a[href="tel:3114"]').first().isVisible()).toBe(true);
    expect(await page.locator('a[href="sms:114"]').count()).toBeGreaterThan(0);
    // A phone pictogram beside each help line of the safety panel (decorative: its text says it), and « Écouter ».
    const safetyItems = page.locator("section.mj-safety li");
    expect(await safetyItems.count()).toBeGreaterThan(0);
    expect(await safetyItems.locator('img[data-picto="appel"][alt=""]').count()).toBe(await safetyItems.count());
    await page.getByRole("button", { name: /^Écouter/ }).waitFor();
    await expectNoAxeViolations(page);

    // The parent path sent nothing: no request with a body, no API call, only the app's own files.
    expect(requests.filter((r) => !r.startsWith("GET "))).toEqual([]);
    expect(requests.filter((r) => r.includes("/api/"))).toEqual([]);
    expect(requests.every((r) => r.includes(baseUrl))).toBe(true);

    // A PDF made in the browser, to show a professional.
    const [pdf] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Télécharger en PDF" }).click()]);
    expect(pdf.suggestedFilename()).toMatch(/^epds-\d{4}-\d{2}-\d{2}\.pdf$/);
    const stream = await pdf.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(bytes.length).toBeGreaterThan(1000);

    // Saved only on request, then shown in the history and deletable.
    await page.getByRole("button", { name: "Enregistrer sur cet appareil" }).click();
    await page.getByRole("link", { name: "Voir mon historique" }).click();
    await page.getByRole("heading", { name: "Mon historique post-partum", level: 1 }).waitFor();
    expect(await page.locator("tbody tr").count()).toBe(1);
    // First option of items 1–9 (points as stored in the content, whatever their order) + 1 point on item 10.
    const expectedTotal = fr.items.slice(0, 9).reduce((sum, item) => sum + item.options[0]!.points, 0) + 1;
    expect(await page.locator("tbody").innerText()).toContain(`${expectedTotal} / 30 (question 10`);
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: /^Supprimer le résultat du/ }).click();
    await page.getByText("Aucun résultat enregistré.").waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it("in Arabic: the page, the result and the history read right to left in Arabic; the EPDS itself stays a validated version", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    await page.goto(`${baseUrl}/ar/post-partum`);
    await page.getByRole("heading", { name: "كيف حالكم منذ الولادة؟", level: 1 }).waitFor();
    expect(
      await page.evaluate(() => [
        document.documentElement.lang,
        document.documentElement.dir,
        document.documentElement.scrollWidth - document.documentElement.clientWidth,
      ]),
    ).toEqual(["ar", "rtl", 0]);
    const intro = await page.locator("main").innerText();
    // The safety line, translated, with its numbers; the EPDS is not machine-translated: the page says so and offers French or English.
    expect(intro).toContain("إذا كانت تراودكم أفكار سوداوية الآن");
    expect(await page.locator('main a[href="tel:3114"]').innerText()).toBe("3114");
    expect(intro).toContain("لا توجد بعدُ نسخة معتمدة من هذا الاستبيان بلغتكم");
    expect(intro).not.toContain("Comment allez-vous");
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "بدء الاستبيان" }).click();
    // The questions are the validated French version, marked as French and left to right inside the Arabic page.
    await page.getByText("Question 1 sur 10").waitFor();
    expect(await page.locator("form.mj-epds").evaluate((f) => [f.getAttribute("lang"), getComputedStyle(f).direction])).toEqual(["fr-FR", "ltr"]);
    for (let q = 1; q <= 10; q++) {
      await page.getByText(`Question ${q} sur 10`).waitFor();
      // Items 1–9: the last option; item 10: « Presque jamais » (1 point), which brings the help panel first.
      await (
        q === 10 ? page.locator("form.mj-epds label").filter({ hasText: "Presque jamais" }) : page.locator("form.mj-epds .fr-radio-group label").last()
      ).click();
      await page.getByRole("button", { name: q === 10 ? "Voir le résultat" : "Suivant" }).click();
    }
    // Item 10 above 0: the help panel first, in Arabic, then the result in Arabic and the orientation from the Arabic content.
    await page.getByRole("heading", { name: "نتيجة الاستبيان", level: 1 }).waitFor();
    expect(await page.locator("main h2").first().innerText()).toBe("لستِ وحدكِ: المساعدة متاحة الآن");
    await page.getByRole("link", { name: "الاتصال بالرقم 3114" }).first().waitFor();
    const result = await page.locator("main").innerText();
    // Last options of items 1–9 + 1 point on item 10: below the screening threshold, said in Arabic.
    const total = fr.items.slice(0, 9).reduce((sum, item) => sum + item.options.at(-1)!.points, 0) + 1;
    expect(total).toBeLessThan(11);
    expect(result).toContain(`${total} من 30`);
    expect(result).toContain("لا تُظهر إجاباتكم علامات واضحة على الاكتئاب");
    expect(result).toContain("درجة أقل من عتبة الكشف");
    // The help lines' translation arrives with the language's content (French until then).
    await expect.poll(() => page.locator('section.mj-safety li[lang="ar"]').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "الحفظ على هذا الجهاز" }).click();
    await page.getByRole("link", { name: "عرض سجلّي" }).click();
    await page.getByRole("heading", { name: "سجلّي لما بعد الولادة", level: 1 }).waitFor();
    expect(await page.locator("main").innerText()).toContain("(السؤال 10: أفكار إيذاء النفس)");
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("professional mode: the patient answers in English, the midwife reads French, nothing is stored", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    await page.goto(`${baseUrl}/post-partum/professionnel`);
    await page.getByLabel("Langue de la version validée").selectOption("en");
    await page.getByRole("button", { name: "Tendre la tablette : commencer" }).click();
    await page.getByText("Question 1 of 10").waitFor();
    expect(await page.locator("form[lang]").getAttribute("lang")).toBe("en-GB");
    for (let q = 1; q <= 10; q++) {
      await page.getByText(`Question ${q} of 10`).waitFor();
      await page.locator("form.mj-epds .fr-radio-group label").last().click();
      await page.getByRole("button", { name: q === 10 ? "See the result" : "Next" }).click();
    }
    await page.getByText("Please hand the tablet back to the professional.").waitFor();
    await page.getByRole("button", { name: "Je suis le professionnel : voir les réponses" }).click();
    await page.getByRole("heading", { name: "Réponses du questionnaire (mode professionnel)" }).waitFor();
    const table = await page.locator("tbody").innerText();
    expect(table).toContain("Il m’est arrivé de penser à me faire du mal");
    expect(await page.locator("main").innerText()).toMatch(/Score total : \d+ \/ 30/);
    await expectNoAxeViolations(page);
    const stored = await page.evaluate(async () => {
      const request = indexedDB.open("mille-jours");
      const db: IDBDatabase = await new Promise((resolve) => (request.onsuccess = () => resolve(request.result)));
      if (!db.objectStoreNames.contains("epds")) return 0;
      return new Promise<number>(
        (resolve) => (db.transaction("epds").objectStore("epds").count().onsuccess = (e) => resolve((e.target as IDBRequest<number>).result)),
      );
    });
    expect(stored).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("can be embedded by a partner site", async () => {
    // Pre-rendered: the questionnaire's heading is painted before any script runs.
    const served = await (await fetch(`${baseUrl}/integration/epds`)).text();
    expect(served).toMatch(/<h1[^>]*>Comment allez-vous depuis la naissance\s?\?<\/h1>/);
    expect(served).not.toContain("<header");
    const { context, page } = await newPhonePage(browser);
    const response = await page.goto(`${baseUrl}/integration/epds?source=Maternité%20test`);
    expect(response?.headers()["content-security-policy"]).toContain("frame-ancestors 'self'");
    await page.getByRole("heading", { name: "Comment allez-vous depuis la naissance ?" }).waitFor();
    expect(await page.locator("header").count()).toBe(0);
    await page.getByText("intégré par Maternité test").waitFor();
    await clickLabel(page, "English");
    await page.getByRole("button", { name: "Commencer le questionnaire" }).click();
    await page.getByText("Question 1 of 10").waitFor();
    await expectNoAxeViolations(page);
    await context.close();
  });
});
