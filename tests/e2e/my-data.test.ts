import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { addDays } from "../../src/domain/dates.js";
import { expectNoAxeViolations, launchBrowser, newPhonePage, runToday } from "./support.js";

const baseUrl = inject("baseUrl");
const today = runToday();
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const backup = (profile: unknown) =>
  JSON.stringify({
    format: "mille-jours-sauvegarde",
    version: 2,
    exportedAt: new Date().toISOString(),
    profile,
    marks: [],
    epds: [],
    appointments: [],
    calendarDone: [],
  });

describe("Mes données: import errors and erasing, in plain French", () => {
  it("every refused file says, in French without a technical path, what is wrong and that nothing was changed; « Tout effacer » names the personal appointments", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    const dir = mkdtempSync(join(tmpdir(), "import-"));
    const files = {
      "mauvaise-date.json": backup({ version: 2, project: null, pregnancy: { terme: "2027-02-30", ddr: null, babies: 1 }, children: [], situations: [] }),
      "pas-json.json": "{ oups",
      "autre.json": JSON.stringify({ hello: "world" }),
      "future.json": JSON.stringify({ format: "mille-jours-sauvegarde", version: 99 }),
    };
    // Something to keep: a personal appointment.
    await page.goto(`${baseUrl}/profil`);
    await page.locator("label").filter({ hasText: "Grossesse en cours" }).first().click();
    await page.locator('input[name="pregnancy-date"]').fill(addDays(today, 100));
    await page.getByRole("button", { name: "Enregistrer et voir mon parcours" }).click();
    await page.getByRole("heading", { name: "Mon parcours", level: 1 }).waitFor();
    await page.goto(`${baseUrl}/calendrier`);
    await page.getByLabel("Rendez-vous", { exact: true }).fill("Cours de préparation");
    await page.locator('input[name="rdv-date"]').fill(addDays(today, 10));
    await page.getByRole("button", { name: "Ajouter au calendrier" }).click();
    await page.getByText("Rendez-vous ajouté.").waitFor();

    const messages: string[] = [];
    for (const [name, text] of Object.entries(files)) {
      await page.goto(`${baseUrl}/mes-donnees`);
      await page.getByRole("heading", { name: "Mes données", level: 1 }).waitFor();
      const file = join(dir, name);
      writeFileSync(file, text);
      await page.locator('input[type="file"]:enabled').setInputFiles(file);
      const alert = page.locator(".fr-alert--error");
      await alert.waitFor();
      messages.push(await alert.innerText());
    }
    expect(messages[0]).toContain("Cette sauvegarde est abîmée ou incomplète : la date du terme n'est pas une date qui existe.");
    for (const message of messages) {
      expect(message).toContain("Aucune donnée n'a été modifiée.");
      expect(message).not.toMatch(/profile|pregnancy|terme»|\w\.\w/);
    }

    // The appointment is still there.
    await page.goto(`${baseUrl}/calendrier`);
    await page.getByText("Cours de préparation").first().waitFor();

    await page.goto(`${baseUrl}/mes-donnees`);
    const erase = page.locator("main").getByText(/Efface de cet appareil/);
    expect(await erase.innerText()).toMatch(/rendez-vous personnels/);
    expect(await page.locator("main .fr-text--lead").innerText()).toContain("une demande de rappel après le questionnaire post-partum envoie");
    // A call-back request sent from this device: its cancel token is device data too, erased with the rest.
    await page.evaluate(() =>
      localStorage.setItem(
        "mille-jours:demandes-de-rappel",
        JSON.stringify([
          {
            id: "r1",
            cancelToken: "t",
            expectedBy: "2026-12-03T10:00:00Z",
            sentAt: "2026-12-02T10:00:00Z",
            departement: "69",
            service: { name: "PMI du Rhône", openingHours: "9h-17h", responseDelayHours: 48 },
          },
        ]),
      ),
    );
    await page.getByRole("button", { name: "Effacer toutes mes données" }).click();
    expect(await page.getByText(/Toutes vos données seront effacées/).innerText()).toContain("y compris vos 1 rendez-vous personnel(s)");
    await page.getByText(/Vous avez 1 demande\(s\) de rappel en cours/).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Oui, tout effacer" }).click();
    await page.getByText("Toutes vos données ont été effacées de cet appareil.").waitFor();
    expect(await page.evaluate(() => localStorage.getItem("mille-jours:demandes-de-rappel"))).toBeNull();
    expect(problems).toEqual([]);
    await context.close();
  });

  it("an import then an export keep the day each calendar event was marked done or dismissed", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    const dir = mkdtempSync(join(tmpdir(), "marks-"));
    const calendarDone = [
      { id: "grossesse:declaration-grossesse", doneOn: "2026-01-04" },
      { id: "grossesse:entretien-prenatal-precoce", doneOn: "2026-01-05", dismissed: true },
    ];
    const file = join(dir, "marques.json");
    writeFileSync(
      file,
      JSON.stringify({
        ...JSON.parse(backup({ version: 2, project: null, pregnancy: { terme: addDays(today, 100), ddr: null, babies: 1 }, children: [], situations: [] })),
        calendarDone,
      }),
    );
    await page.goto(`${baseUrl}/mes-donnees`);
    await page.getByRole("heading", { name: "Mes données", level: 1 }).waitFor();
    await page.locator('input[type="file"]:enabled').setInputFiles(file);
    await page.getByRole("button", { name: "Remplacer mes données" }).click();
    await page.getByText("Vos données ont été importées sur cet appareil.").waitFor();

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Télécharger ma sauvegarde" }).click()]);
    const exported = join(dir, "export.json");
    await download.saveAs(exported);
    const saved = JSON.parse(readFileSync(exported, "utf8")) as { calendarDone: unknown[] };
    expect(saved.calendarDone).toEqual(expect.arrayContaining(calendarDone));
    expect(saved.calendarDone).toHaveLength(2);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("in Dari, right to left: the profile form and « Mes données » are in Dari, the saved profile opens the journey, erasing is confirmed in Dari", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    await page.goto(`${baseUrl}/prs/profil`);
    await page.getByRole("heading", { name: "بیایید آشنا شویم", level: 1 }).waitFor();
    expect(
      await page.evaluate(() => [
        document.documentElement.lang,
        document.documentElement.dir,
        document.documentElement.scrollWidth - document.documentElement.clientWidth,
      ]),
    ).toEqual(["fa-AF", "rtl", 0]);
    await page.locator("label").filter({ hasText: "بارداری فعلی" }).first().click();
    // The pregnancy questions, asked in Dari (FamilyFields, shared with the professionals' form).
    await page.getByRole("group", { name: "کدام تاریخ را می‌دانید؟" }).waitFor();
    await page.getByRole("group", { name: /منتظر چند نوزاد هستید؟/ }).waitFor();
    await page.locator('input[name="pregnancy-date"]').fill(addDays(today, 100));
    expect(await page.locator("main").innerText()).not.toMatch(/Votre situation|Quelle date|Enregistrer/);
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "ذخیره و دیدن مسیر من" }).click();
    await page.waitForURL(`${baseUrl}/prs/parcours`);
    await page.goto(`${baseUrl}/prs/mes-donnees`);
    await page.getByRole("heading", { name: "داده‌های من", level: 1 }).waitFor();
    expect(await page.locator("main .fr-text--lead").innerText()).toContain("فقط در همین دستگاه");
    await page.getByRole("button", { name: "پاک کردن همهٔ داده‌هایم" }).click();
    await page.getByText("همهٔ داده‌های شما از این دستگاه پاک می‌شود، از جمله 0 قرار شخصی و 0 نتیجهٔ پرسشنامه.").waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "بله، همه را پاک کن" }).click();
    await page.getByText("همهٔ داده‌های شما از این دستگاه پاک شد.").waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
