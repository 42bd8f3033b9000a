import { writeFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { addDays } from "../../src/domain/dates.js";
import { clickLabel, expectNoAxeViolations, launchBrowser, newPhonePage, runToday, startServer, waitForApp } from "./support.js";

const today = runToday();
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe("offline", () => {
  it("reloads the shell, the parcours, articles and search with the server gone", async () => {
    const server = await startServer(); // our own server, to stop it mid-test
    const { context, page, problems } = await newPhonePage(browser);
    try {
      await page.goto(server.url);
      await page.getByRole("link", { name: "Commencer" }).waitFor();
      // First visit: wait until the service worker controls the page.
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
        if (!navigator.serviceWorker.controller)
          await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
      });
      await page.getByRole("link", { name: "Commencer" }).click();
      await clickLabel(page, "Enfant(s) né(s)");
      await page.locator('input[name="child-0-birth"]').fill(addDays(today, -20));
      await page.getByRole("button", { name: "Enregistrer et voir mon parcours" }).click();
      await page.getByRole("heading", { name: "Mon parcours", level: 1 }).waitFor();

      await server.stop();
      expect(
        await fetch(`${server.url}/api/v1/health`).then(
          () => "up",
          () => "down",
        ),
      ).toBe("down");

      await page.reload();
      await page.getByRole("heading", { name: "Mon parcours", level: 1 }).waitFor();
      expect(await page.getByRole("region", { name: "Enfant 1" }).innerText()).toContain("20 jours — étape : Ses 3 premiers mois");
      await page.getByText("Vous êtes hors ligne").waitFor();

      await page.goto(`${server.url}/parcours/trois-premiers-mois`);
      await page.getByRole("heading", { name: "Ses 3 premiers mois", level: 1 }).waitFor();
      await page.locator(".fr-card__title a").first().click();
      await page.getByText("Sources officielles").waitFor();

      await page.goto(`${server.url}/recherche?q=bebe secoue`);
      await page.locator(".fr-card__title", { hasText: /secou/i }).first().waitFor();
      await expectNoAxeViolations(page);

      // The whole EPDS questionnaire and its history, offline.
      await page.goto(`${server.url}/post-partum`);
      await page.getByRole("button", { name: "Commencer le questionnaire" }).click();
      for (let q = 1; q <= 10; q++) {
        await page.getByText(`Question ${q} sur 10`).waitFor();
        await page.locator("form.mj-epds .fr-radio-group label").first().click();
        await page.getByRole("button", { name: q === 10 ? "Voir le résultat" : "Suivant" }).click();
      }
      await page.getByRole("button", { name: "Enregistrer sur cet appareil" }).click();
      await page.getByRole("link", { name: "Voir mon historique" }).click();
      await page.getByRole("heading", { name: "Mon historique post-partum", level: 1 }).waitFor();
      expect(await page.locator("tbody tr").count()).toBe(1);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
      await server.stop();
    }
  }, 240_000); // its own server started (up to 100 s cold on a loaded machine), then a whole journey: over the 90 s default
});

/**
 * What a person sees offline: the page in Marianne with the DSFR look, not raw HTML in Times. The DSFR
 * stylesheet, the icon stylesheet and the fonts must be served by the service worker under the very URLs the
 * pages ask for.
 */
async function expectDsfrLook(page: Page, where: string): Promise<void> {
  await waitForApp(page);
  const look = await page.evaluate(async () => {
    await document.fonts.ready;
    const style = (selector: string, pseudo?: string) => {
      const element = document.querySelector(selector);
      return element ? getComputedStyle(element, pseudo) : null;
    };
    // A filled (primary) DSFR button in the page, if there is one.
    const primary = [...document.querySelectorAll<HTMLElement>("main .fr-btn")].find(
      (b) => !/fr-btn--(secondary|tertiary)/.test(b.className) && b.getClientRects().length > 0,
    );
    return {
      font: getComputedStyle(document.body).fontFamily,
      marianneLoaded: [...document.fonts].some((f) => f.family.replace(/"/g, "") === "Marianne" && f.weight === "400" && f.status === "loaded"),
      containerPadding: style("main.fr-container")?.paddingLeft,
      serviceTitleWeight: style(".fr-header__service-title")?.fontWeight,
      icon: style("[class*='fr-icon-']", "::before")?.maskImage ?? "none",
      button: primary ? getComputedStyle(primary).backgroundColor : null,
    };
  });
  expect(look.font, `${where}: font`).toMatch(/^Marianne/);
  expect(look.marianneLoaded, `${where}: Marianne regular loaded`).toBe(true);
  expect(look.containerPadding, `${where}: DSFR container`).toBe("16px");
  expect(look.serviceTitleWeight, `${where}: DSFR header`).toBe("700");
  expect(look.icon, `${where}: DSFR icon`).toMatch(/url\(.*\.svg/);
  if (look.button !== null) expect(look.button, `${where}: primary DSFR button`).toBe("rgb(0, 0, 145)");
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${where}: fits the phone's width`).toBeLessThanOrEqual(390);
}

describe("offline look", () => {
  it("keeps the DSFR style and the Marianne font on every pillar, loaded afresh with the server gone", async () => {
    const server = await startServer();
    const { context, page, problems } = await newPhonePage(browser);
    try {
      await page.goto(`${server.url}/profil`);
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
        if (!navigator.serviceWorker.controller)
          await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
      });
      await clickLabel(page, "Enfant(s) né(s)");
      await page.locator('input[name="child-0-birth"]').fill(addDays(today, -20));
      await page.getByRole("button", { name: "Enregistrer et voir mon parcours" }).click();
      await page.getByRole("heading", { name: "Mon parcours", level: 1 }).waitFor();
      await server.stop();

      // Each page is loaded afresh (not navigated within the app), as a parent opening the installed app offline.
      for (const path of ["/parcours", "/parcours/trois-premiers-mois", "/calendrier", "/post-partum", "/autour-de-moi", "/profil", "/mes-donnees", "/"]) {
        await page.goto(server.url + path);
        await expectDsfrLook(page, path);
      }
      await page.goto(`${server.url}/calendrier`);
      await page.locator('main a[href^="/calendrier/evenement/"]').first().click();
      await page.waitForURL(/\/calendrier\/evenement\//);
      await page.reload();
      await expectDsfrLook(page, "event page");
      await page.goto(`${server.url}/parcours/trois-premiers-mois`);
      await page.locator(".fr-card__title a").first().click();
      await page.waitForURL(/\/articles\//);
      await page.reload();
      await page.getByText("Sources officielles").waitFor();
      await expectDsfrLook(page, "article page");
      await page.goto(`${server.url}/post-partum`);
      await page.getByRole("button", { name: "Commencer le questionnaire" }).click();
      await page.getByText("Question 1 sur 10").waitFor();
      await expectDsfrLook(page, "EPDS questionnaire");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
      await server.stop();
    }
  }, 240_000); // a dozen pages loaded afresh, and a server started, on a shared machine
});

describe("my data: export, import, erase", () => {
  const baseUrl = inject("baseUrl");

  it("exports to a file, refuses a bad file without losing anything, imports on another device, erases everything", async () => {
    const first = await newPhonePage(browser);
    const page = first.page;
    await page.goto(`${baseUrl}/profil`);
    await clickLabel(page, "Grossesse en cours");
    await page.locator('input[name="pregnancy-date"]').fill(addDays(today, 100));
    await clickLabel(page, "J'élève mon enfant seul ou seule");
    await page.getByRole("button", { name: "Enregistrer et voir mon parcours" }).click();
    await page.getByRole("heading", { name: "Mon parcours", level: 1 }).waitFor();

    await page.goto(`${baseUrl}/mes-donnees`);
    await page.getByRole("heading", { name: "Mes données", level: 1 }).waitFor();
    await expectNoAxeViolations(page);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Télécharger ma sauvegarde" }).click()]);
    const dir = mkdtempSync(join(tmpdir(), "sauvegarde-"));
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const saved = JSON.parse(readFileSync(file, "utf8"));
    expect(saved).toMatchObject({
      format: "mille-jours-sauvegarde",
      version: 3,
      profile: { pregnancy: { terme: addDays(today, 100) }, situations: ["parent-seul"] },
    });
    await first.context.close();

    // Another device: a broken file first, then the real one.
    const second = await newPhonePage(browser);
    const other = second.page;
    await other.goto(`${baseUrl}/mes-donnees`);
    const broken = join(dir, "abime.json");
    writeFileSync(broken, readFileSync(file, "utf8").slice(0, 60));
    // The file picker answers once the app has taken the pre-rendered page over (it is served disabled).
    await other.locator('input[type="file"]:enabled').setInputFiles(broken);
    await other.getByText("Ce fichier n'est pas une sauvegarde Mille Jours lisible (ce n'est pas du JSON valide).").waitFor();

    await other.locator('input[type="file"]').setInputFiles(file);
    await other.getByRole("button", { name: "Remplacer mes données" }).click();
    await other.getByText("Vos données ont été importées sur cet appareil.").waitFor();
    await other.goto(`${baseUrl}/parcours`);
    await other.getByRole("region", { name: "Grossesse en cours" }).waitFor();

    // The single-parent article shows only because the imported profile says so.
    await other.goto(`${baseUrl}/parcours/suite-grossesse`);
    await other.locator(".fr-card__title", { hasText: "seul" }).first().waitFor();

    await other.goto(`${baseUrl}/mes-donnees`);
    await other.getByRole("button", { name: "Effacer toutes mes données" }).click();
    await other.getByRole("button", { name: "Oui, tout effacer" }).click();
    await other.getByText("Toutes vos données ont été effacées de cet appareil.").waitFor();
    await other.goto(`${baseUrl}/parcours`);
    await other.getByRole("link", { name: "Commencer" }).waitFor();
    expect(
      await other.evaluate(async () => {
        const request = indexedDB.open("mille-jours");
        const db: IDBDatabase = await new Promise((resolve) => (request.onsuccess = () => resolve(request.result)));
        const count = (store: string) =>
          new Promise<number>(
            (resolve) => (db.transaction(store).objectStore(store).count().onsuccess = (e) => resolve((e.target as IDBRequest<number>).result)),
          );
        return [await count("profile"), await count("marks")];
      }),
    ).toEqual([0, 0]);
    expect(second.problems).toEqual([]);
    await second.context.close();
  });
});
