import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { clickLabel, expectNoAxeViolations, launchBrowser, newContext, newDataDir, newPhonePage, type RunningServer, startServer } from "./support.js";

/**
 * Issue 14, on a phone: the call-back request in Turkish, on the real server with a département's service enabled
 * (texts, the form's refusals coming from the domain's rules, the consent with its French reference one tap away),
 * and react-dsfr's own labels (header menu, close, search, footer) in Arabic, pre-rendered and running. Any French
 * word left in these screens fails the test; French the page shows on purpose is marked `lang="fr"` and set aside.
 */
const root = fileURLToPath(new URL("../../", import.meta.url));
const ADMIN = { email: "admin@sante.gouv.fr", password: "phrase de passe nationale 2026" };

let dataDir: string;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  dataDir = newDataDir("mille-jours-rappel-langues-");
  const created = spawnSync(process.execPath, ["--import", "tsx", "src/cli/admin-create.ts", "--email", ADMIN.email, "--nom", "Administration nationale"], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" },
    input: `${ADMIN.password}\n`,
    encoding: "utf8",
  });
  if (created.status !== 0) throw new Error(`admin-create a échoué : ${created.stderr}`);
  server = await startServer({ dataDir, env: { CALLBACK_KEYS: `k1:${randomBytes(32).toString("base64")}` } });
  browser = await launchBrowser();
  // The national administrator enables the Rhône's service (as in the back office).
  const admin = await newContext(browser);
  const login = await admin.request.post(`${server.url}/api/v1/pilotage/session`, { data: ADMIN });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const enabled = await admin.request.put(`${server.url}/api/v1/pilotage/services-rappel/69`, {
    data: {
      name: "PMI du Rhône",
      email: "rappels@pmi-rhone.example",
      openingHours: "du lundi au vendredi, de 9 h à 17 h",
      responseDelayHours: 48,
      enabled: true,
    },
    headers: { "x-csrf-token": csrfToken },
  });
  expect(enabled.status()).toBe(200);
  await admin.close();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** French words of the interface, as they would show if a text were not translated. */
const FRENCH =
  /\b(vous|votre|Votre|Vos|vos|être|Où|demande|Demande|Envoyer|Vérifier|Vérifiez|Continuer|Changer|Fermer|Rechercher|Accessibilité|Masquer|Indiquez|Choisissez|Numéro|Prénom|rappel|jours|heures)\b/;

/** The visible text of a part of the page, without what is in French on purpose (`lang="fr"`: data, the reference text). */
function textOf(page: Page, selector: string): Promise<string> {
  return page.locator(selector).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('[lang="fr"], [hidden], .mj-honeypot').forEach((e) => e.remove());
    return copy.textContent ?? "";
  });
}

describe("the call-back request and react-dsfr's labels in the parent's language", () => {
  it("asks for a call-back in Turkish: every text, the form's refusals and the consent, nothing left in French", { timeout: 240_000 }, async () => {
    const { context, page, problems } = await newPhonePage(browser);
    await page.goto(`${server.url}/tr/post-partum/rappel`);
    await page.getByRole("heading", { level: 1, name: "Bir uzman tarafından geri aranmak" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("tr");
    expect(await textOf(page, "main")).not.toMatch(FRENCH);
    await expectNoAxeViolations(page);

    // A name no commune has: said in Turkish; then Lyon, whose département has a service.
    await page.locator('input[name="rappel-commune"]').fill("Zzyzx");
    await page.getByRole("button", { name: "Devam" }).click();
    await page.getByText("« Zzyzx » ile eşleşen bir belediye (commune) yok.", { exact: false }).waitFor();
    await page.locator('input[name="rappel-commune"]').fill("Lyon");
    await page.getByRole("button", { name: "Devam" }).click();
    await page.getByRole("heading", { level: 2, name: "Talebiniz" }).waitFor();
    // The service's own words (its opening hours) are the département's, in French, marked as such.
    await page.locator('span[lang="fr"]', { hasText: "du lundi au vendredi" }).first().waitFor();
    await page.getByText("Kim okur:", { exact: false }).waitFor();
    await page.getByText("en geç gönderilmesinden 90 gün sonra", { exact: false }).waitFor();
    expect(await textOf(page, "main")).not.toMatch(FRENCH);

    // The consent's French text, the reference one, is one tap away, in French.
    await page.getByText("Bu metni Fransızca okuyun (esas metin)").click();
    const reference = page.locator('details.mj-consent-reference [lang="fr"]');
    await reference.getByText("Qui la lit :", { exact: false }).waitFor();
    expect(await reference.innerText()).toMatch(/au plus tard 90 jours après l'envoi/);

    // Nothing filled: the domain's refusals, in Turkish, in the summary that takes the focus.
    await page.getByRole("button", { name: "Talebimi kontrol et" }).click();
    await page.getByText("4 bilginin düzeltilmesi gerekiyor").waitFor();
    for (const message of ["Bir ad veya takma ad girin.", "Geri aranmak için en az bir zaman seçin.", "Talebin gönderilmesi için onayınız gerekiyor."])
      await page.getByRole("listitem").filter({ hasText: message }).first().waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent ?? "")).toMatch(/düzeltilmesi gerekiyor/);
    expect(await textOf(page, "main")).not.toMatch(FRENCH);
    await expectNoAxeViolations(page);

    // A phone number that is not one: the shared schema's refusal, in Turkish beside the field.
    await page.locator('input[name="name"]').fill("Ayşe");
    await page.locator('input[name="phone"]').fill("12345");
    await clickLabel(page, "Sabah");
    await clickLabel(page, "Geri aranmak için talebimin PMI du Rhône hizmetine gönderilmesini kabul ediyorum.");
    await page.getByRole("button", { name: "Talebimi kontrol et" }).click();
    await page.getByText("Bir bilginin düzeltilmesi gerekiyor").waitFor();
    await page.locator(".fr-input-group--error").getByText("Geçersiz telefon numarası", { exact: false }).waitFor();

    // Corrected: the recap, in Turkish, with the moment in Turkish.
    await page.locator('input[name="phone"]').fill("06 12 34 56 78");
    await page.getByRole("button", { name: "Talebimi kontrol et" }).click();
    await page.getByRole("heading", { level: 2, name: "Gönderilecekleri kontrol edin" }).waitFor();
    const recap = await page.getByTestId("recapitulatif").innerText();
    expect(recap).toMatch(/Tercih edilen zamanlar\s+Sabah/);
    expect(recap).toMatch(/Paylaşılmadı/);
    expect(await textOf(page, "main")).not.toMatch(FRENCH);
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("names react-dsfr's header and footer controls in Arabic, in the pre-rendered page and once it runs", async () => {
    // Before any script: the page as served.
    const html = await (await fetch(`${server.url}/ar/`)).text();
    expect(html).toMatch(/<button[^>]*class="fr-btn--menu fr-btn"[^>]*title="القائمة"[^>]*>القائمة<\/button>/);
    expect(html).toMatch(/title="إغلاق"[^>]*>إغلاق<\/button>/);
    expect(html).toContain("إمكانية الوصول : مطابق جزئيًا");
    expect(html).not.toMatch(/>(Menu|Fermer|Rechercher)</);
    expect(html).not.toMatch(/Accessibilité|Sauf mention explicite|Accès rapide/);

    const { context, page, problems } = await newPhonePage(browser);
    await page.goto(`${server.url}/ar/`);
    await page.locator("main h1").first().waitFor();
    await page.waitForFunction(() => document.documentElement.getAttribute("data-fr-js") === "true");
    const menu = page.locator("button.fr-btn--menu");
    expect((await menu.innerText()).trim()).toBe("القائمة");
    await menu.click();
    const close = page.locator(".fr-header__menu button.fr-btn--close");
    await close.waitFor({ state: "visible" });
    expect((await close.innerText()).trim()).toBe("إغلاق");
    expect(await page.locator("#fr-header-main-navigation").getAttribute("aria-label")).toBe("القائمة الرئيسية");
    await close.click();
    expect(await page.locator(".fr-skiplinks nav").getAttribute("aria-label")).toBe("وصول سريع");
    expect((await page.locator("button.fr-btn--search").innerText()).trim()).toBe("بحث");
    const footer = await page.locator("footer").innerText();
    expect(footer).toContain("إمكانية الوصول : مطابق جزئيًا");
    expect(footer).toContain("رخصة etalab-2.0");
    expect(`${await textOf(page, "header")} ${footer}`).not.toMatch(FRENCH);
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
    await context.close();
  });
});
