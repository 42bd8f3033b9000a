import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import jsQR from "jsqr";
import { addDays, addMonths } from "../../src/domain/dates.js";
import { computeCalendar } from "../../src/domain/calendar/index.js";
import { calendarInputFromProfile, withBirthForecast } from "../../src/domain/calendar/from-profile.js";
import { profileFromFamilyDates, type FamilyDates } from "../../src/domain/handover/family.js";
import { printLines } from "../../src/web/routes/professionnels/print-lines.js";
import { clickLabel, expectNoAxeViolations, launchBrowser, newContext, newPhonePage, runToday, tabTo } from "./support.js";
import { expectNoFrenchLeft, frenchPieces, translation } from "./catalogue-text.js";

const baseUrl = inject("baseUrl");
const today = runToday();
const terme = addDays(today, 150);
const nextVisit = addDays(today, 14);
const priorities = "Dormir un peu plus ; que le papa trouve sa place.";
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** Every request a context makes (URL and body), to prove afterwards that none carries the family's data. */
function recordRequests(context: BrowserContext): string[] {
  const log: string[] = [];
  context.on("request", (request) => log.push(`${request.method()} ${request.url()} ${request.postData() ?? ""}`));
  return log;
}

async function newDesktopPage(): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await newContext(browser, { locale: "fr-FR", timezoneId: "Europe/Paris", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  return { context, page, problems };
}

/** Reads the QR code shown on the page as a camera would: the SVG drawn on a canvas, decoded by jsQR. */
async function scanQrCode(page: Page, index = 0): Promise<string> {
  const { width, pixels } = await page.evaluate(async (index) => {
    const svg = document.querySelectorAll("svg.mj-qr")[index]!;
    const image = new Image();
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 600;
    const context = canvas.getContext("2d")!;
    context.drawImage(image, 0, 0, 600, 600);
    return { width: 600, pixels: Array.from(context.getImageData(0, 0, 600, 600).data) };
  }, index);
  const code = jsQR(Uint8ClampedArray.from(pixels), width, width);
  if (!code) throw new Error("QR code not readable");
  return code.data;
}

async function savedProfile(page: Page): Promise<unknown> {
  return page.evaluate(async () => {
    const request = indexedDB.open("mille-jours");
    const db: IDBDatabase = await new Promise((resolve) => (request.onsuccess = () => resolve(request.result)));
    if (!db.objectStoreNames.contains("profile")) return null;
    return new Promise(
      (resolve) => (db.transaction("profile").objectStore("profile").get("current").onsuccess = (e) => resolve((e.target as IDBRequest).result ?? null)),
    );
  });
}

/**
 * Types a date in the focused date field, as a person would. The field's order of day and month follows the
 * browser's own locale, which may differ from the page's: if typing day first gave another date, go back to
 * the first part and type month first.
 */
async function typeDate(page: Page, iso: string): Promise<void> {
  const [year, month, day] = iso.split("-");
  await page.keyboard.type(`${day}${month}${year}`);
  if (await page.evaluate((value) => (document.activeElement as HTMLInputElement).value === value, iso)) return;
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.type(`${month}${day}${year}`);
}

/**
 * The page printed to PDF once the fonts its print layout asked for have loaded: a face first needed by the print
 * styles (another weight) is fetched then, and a page laid out meanwhile in the fallback font can take one page more.
 */
async function printToPdf(page: Page, options: Parameters<Page["pdf"]>[0]): Promise<Buffer> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return page.pdf(options);
}

/** Pages in a PDF made by Chromium (one `/Type /Page` object per page). */
function pdfPageCount(pdf: Buffer): number {
  return pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
}

describe("Espace professionnels", () => {
  it("a midwife prepares a calendar for twins with the keyboard, prints it on A4, and the parent confirms it from the QR code in a new browser", async () => {
    const { context, page, problems } = await newDesktopPage();
    const proRequests = recordRequests(context);
    await page.goto(`${baseUrl}/`);
    await page.getByRole("contentinfo").getByRole("link", { name: "Espace professionnels" }).click();
    await page.getByRole("heading", { name: "Espace professionnels", level: 1 }).waitFor();
    await expectNoAxeViolations(page);

    await tabTo(page, (el) => el.text === "Remettre le calendrier d'une famille");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Remettre le calendrier d'une famille", level: 1 }).waitFor();
    await expectNoAxeViolations(page);

    // Keyboard only: pregnancy, terme, twins, parents not married.
    await tabTo(page, (el) => el.name === "pro-pregnancy");
    await page.keyboard.press("Space");
    await tabTo(page, (el) => el.name === "pro-pregnancy-date");
    await typeDate(page, terme);
    expect(await page.locator('input[name="pro-pregnancy-date"]').inputValue()).toBe(terme);
    await tabTo(page, (el) => el.name === "pro-babies");
    await page.keyboard.press("ArrowRight");
    expect(await page.locator('input[name="pro-babies"]:checked').inputValue()).toBe("2");
    await tabTo(page, (el) => el.name === "pro-unmarried");
    await page.keyboard.press("Space");
    await tabTo(page, (el) => el.text === "Voir le calendrier de la famille");
    await page.keyboard.press("Enter");

    const heading = page.getByRole("heading", { name: "Votre calendrier des 1000 premiers jours" });
    await heading.waitFor();
    expect(await heading.evaluate((h) => h === document.activeElement)).toBe(true);
    await expectNoAxeViolations(page);

    // The lines are the app's own calendar (same domain rules), twins' events once.
    const family: FamilyDates = {
      pregnancy: { dateKind: "terme", date: terme, babies: 2 },
      children: [],
      options: { unmarried: true, diabetesRisk: false, bcg: false },
    };
    const result = profileFromFamilyDates(family, today);
    if (!result.ok) throw new Error("family");
    const expected = printLines(computeCalendar(withBirthForecast(calendarInputFromProfile(result.profile))), result.profile, today, addMonths(today, 12));
    const lines = page.locator(".mj-print-line");
    expect(await lines.count()).toBe(expected.length);
    const titles = await page.locator(".mj-print-title").allTextContents();
    expect(titles.map((t) => t.replace(/^[^:]*: /, "").replace(" · obligatoire", ""))).toEqual(expected.map((l) => l.title));
    expect(await page.locator(".mj-print-who").allInnerTexts()).toContain("Les bébés");
    expect(await page.locator("main").innerText()).toContain("Jumeaux");
    expect(await page.locator("main").innerText()).toContain("Reconnaître l'enfant avant la naissance");

    // On a phone-sized screen too (a home visit), nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 1280, height: 900 });

    // Print: A4, 1 or 2 pages, only the document, nothing wider than the paper, no line split across pages.
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("header.fr-header").evaluate((e) => getComputedStyle(e).display)).toBe("none");
    expect(await page.locator("form").evaluate((e) => getComputedStyle(e.closest(".mj-no-print")!).display)).toBe("none");
    expect(await page.locator("main h1").evaluate((e) => getComputedStyle(e).display)).toBe("none");
    await page.setViewportSize({ width: 703, height: 1000 }); // A4 minus 12 mm margins, at 96 dpi
    const overflow = await page.evaluate(() => {
      const doc = document.querySelector(".mj-print-document")!;
      const limit = doc.getBoundingClientRect().right + 0.5;
      return [...doc.querySelectorAll("*:not(.fr-sr-only)")] // text for screen readers is a clipped 1 px box by design
        .filter((e) => e.getBoundingClientRect().right > limit || (e as HTMLElement).scrollWidth > (e as HTMLElement).clientWidth + 1)
        .map((e) => `${e.tagName}.${e.className}`);
    });
    expect(overflow).toEqual([]);
    expect(await lines.first().evaluate((e) => getComputedStyle(e).breakInside)).toBe("avoid");
    const fontSize = await page
      .locator(".mj-print-date")
      .first()
      .evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(15); // 12 pt: big dates
    const pdf = await printToPdf(page, { format: "A4", preferCSSPageSize: true, printBackground: true });
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    await page.emulateMedia({ media: "screen" });
    await page.setViewportSize({ width: 1280, height: 900 });

    // The QR code, read as a camera would, is the link shown under it; the dates are after the "#".
    const link = await scanQrCode(page);
    expect(link).toBe(await page.locator(".mj-link-text").innerText());
    expect(link.startsWith(`${baseUrl}/recevoir#v=1&k=cal&t=${terme}&n=2`)).toBe(true);
    expect(problems).toEqual([]);
    await context.close();

    // The parent, on a phone (a new browser context: nothing shared), opens the link and confirms.
    const parent = await newPhonePage(browser);
    const parentRequests = recordRequests(parent.context);
    await parent.page.goto(link);
    await parent.page.getByRole("heading", { name: "Recevoir votre calendrier", level: 1 }).waitFor();
    const preview = await parent.page.locator("main").innerText();
    expect(preview).toContain("jumeaux");
    expect(preview).toContain("Parents non mariés");
    expect(await savedProfile(parent.page)).toBeNull(); // nothing written before the parent confirms
    await expectNoAxeViolations(parent.page);
    await tabTo(parent.page, (el) => el.text === "Enregistrer sur ce téléphone");
    await parent.page.keyboard.press("Enter");
    await parent.page.getByRole("heading", { name: "C'est enregistré sur ce téléphone" }).waitFor();
    expect(new URL(parent.page.url()).hash).toBe(""); // the dates leave the address bar
    expect(await savedProfile(parent.page)).toMatchObject({ pregnancy: { terme, ddr: null, babies: 2 }, children: [], calendar: { unmarried: true } });
    await expectNoAxeViolations(parent.page);
    await parent.page.getByRole("link", { name: "votre calendrier" }).click();
    await parent.page.getByRole("heading", { name: "Mon calendrier", level: 1 }).waitFor();
    expect(parent.problems).toEqual([]);
    await parent.context.close();

    // Cancelling writes nothing.
    const other = await newPhonePage(browser);
    const otherRequests = recordRequests(other.context);
    await other.page.goto(link);
    await other.page.getByRole("button", { name: "Annuler" }).click();
    await other.page.getByRole("heading", { name: "Rien n'a été enregistré" }).waitFor();
    expect(await savedProfile(other.page)).toBeNull();
    await other.context.close();

    // No request of the professional's or the parents' browsers carried the dates.
    const all = [...proRequests, ...parentRequests, ...otherRequests];
    expect(all.length).toBeGreaterThan(10);
    const compact = terme.replaceAll("-", "");
    expect(all.filter((r) => r.includes(terme) || r.includes(compact) || r.includes("k=cal"))).toEqual([]);
  }, 240_000); // long journeys on a loaded machine (2 cores shared)

  it("an EPNP synthesis written with the parent on a phone-sized screen is printed and handed over to the parent's phone the same way", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    const proRequests = recordRequests(context);
    await page.goto(`${baseUrl}/professionnels/entretiens`);
    await page.getByRole("heading", { name: "Entretiens prénatal et postnatal précoces", level: 1 }).waitFor();
    await expectNoAxeViolations(page);
    await clickLabel(page, "Entretien postnatal précoce");
    await page.getByRole("heading", { name: "Guide : entretien postnatal précoce" }).waitFor();
    const guide = await page.locator("main").innerText();
    expect(guide).toContain("entre la 4e et la 8e semaine");
    expect(guide).toContain("Collège national des sages-femmes");
    // Violences: in the guide, never on the parent's document.
    expect(guide).toContain("Les violences dans la famille");
    expect(await page.locator('input[name="syn-theme-violences"]').count()).toBe(0);

    await clickLabel(page, "Rythmes, sommeil et pleurs");
    await page.getByLabel("Ce qui compte pour vous").fill(priorities);
    await page.getByLabel("Vos besoins, ce qui aiderait").fill("Une aide à domicile deux matins par semaine.");
    await page.getByRole("button", { name: "Ajouter un contact" }).click();
    await page.getByLabel("Contact 1 : qui").fill("Sage-femme de PMI, Mme Lefèvre");
    await page.getByLabel("Contact 1 : comment le joindre").fill("01 23 45 67 89");
    await page.getByRole("button", { name: "Ajouter un rendez-vous" }).click();
    await page.locator('input[name="syn-rdv-0-date"]').fill(nextVisit);
    await page.getByLabel("Rendez-vous 1 : quoi et où").fill("Deuxième entretien postnatal à la PMI");
    await page.getByRole("button", { name: "Préparer la synthèse" }).click();
    const heading = page.getByRole("heading", { name: "Synthèse de votre entretien postnatal précoce" });
    await heading.waitFor();
    expect(await heading.evaluate((h) => h === document.activeElement)).toBe(true);
    await expectNoAxeViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await page.emulateMedia({ media: "print" });
    expect(await page.locator("form").evaluate((e) => getComputedStyle(e.closest(".mj-no-print")!).display)).toBe("none");
    const pages = pdfPageCount(await printToPdf(page, { format: "A4", preferCSSPageSize: true }));
    expect(pages).toBe(1);
    await page.emulateMedia({ media: "screen" });

    const link = await scanQrCode(page);
    expect(link).toMatch(new RegExp(`^${baseUrl}/recevoir#v=1&k=syn&z=[A-Za-z0-9_-]+$`));
    expect(problems).toEqual([]);
    await context.close();

    // The parent already uses the app (a baby born 5 weeks ago), and receives the synthesis.
    const parent = await newPhonePage(browser);
    const parentRequests = recordRequests(parent.context);
    await parent.page.goto(`${baseUrl}/profil`);
    await clickLabel(parent.page, "Enfant(s) né(s)");
    await parent.page.locator('input[name="child-0-birth"]').fill(addDays(today, -35));
    await parent.page.getByRole("button", { name: "Enregistrer et voir mon parcours" }).click();
    await parent.page.getByRole("heading", { name: "Mon parcours", level: 1 }).waitFor();
    await parent.page.goto(link);
    await parent.page.getByRole("heading", { name: "Recevoir la synthèse de votre entretien", level: 1 }).waitFor();
    expect(await parent.page.locator("main").innerText()).toContain(priorities);
    await expectNoAxeViolations(parent.page);
    await parent.page.getByRole("button", { name: "Enregistrer sur ce téléphone" }).click();
    await parent.page.getByRole("heading", { name: "C'est enregistré sur ce téléphone" }).waitFor();
    await parent.page.getByRole("link", { name: "votre calendrier" }).click();
    await parent.page.getByRole("heading", { name: "Mon calendrier", level: 1 }).waitFor();
    const calendar = await parent.page.locator("main").innerText();
    expect(calendar).toContain("Synthèse de l'entretien postnatal précoce");
    expect(calendar).toContain(priorities);
    expect(calendar).toContain("Deuxième entretien postnatal à la PMI");
    expect(parent.problems).toEqual([]);
    await parent.context.close();

    const all = [...proRequests, ...parentRequests];
    expect(all.filter((r) => r.includes("k=syn") || r.includes(encodeURIComponent(priorities)) || r.includes("Lef"))).toEqual([]);
  }, 240_000); // long journeys on a loaded machine (2 cores shared)

  it("lists the places near a family's commune to print, and prints QR posters whose short links open the right page", async () => {
    const { context, page, problems } = await newDesktopPage();
    const requests = recordRequests(context);
    await page.goto(`${baseUrl}/professionnels`);
    await page.getByRole("link", { name: "Lieux près de la famille" }).click();
    await page.getByRole("heading", { name: "Lieux près de la famille", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Voir les lieux" }).and(page.locator(":enabled")).waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel("Commune de la famille").fill("Saint-Denis");
    await page.getByRole("button", { name: "Voir les lieux" }).click();
    await page.getByText("Plusieurs communes correspondent").waitFor();
    await page.getByLabel("Commune de la famille").fill("37000");
    await page.getByRole("button", { name: "Voir les lieux" }).click();
    const heading = page.getByRole("heading", { name: /^Lieux près de Tours/ });
    await heading.waitFor();
    const places = page.locator(".mj-print-place");
    expect(await places.count()).toBeGreaterThan(0);
    // Distances as the page writes them for its language: « 850 m », « 1,2 km ».
    const distances = await places.evaluateAll((items) =>
      items.map((li) => {
        const m = /· ([\d,]+)\s(km|m)/.exec(li.textContent ?? "");
        return m ? Number(m[1]!.replace(",", ".")) * (m[2] === "km" ? 1000 : 1) : NaN;
      }),
    );
    expect(distances.every(Number.isFinite), (await places.allTextContents()).slice(0, 3).join(" | ")).toBe(true);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    await expectNoAxeViolations(page);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("form").evaluate((e) => getComputedStyle(e.closest(".mj-no-print")!).display)).toBe("none");
    expect(pdfPageCount(await printToPdf(page, { format: "A4", preferCSSPageSize: true }))).toBeGreaterThanOrEqual(1);
    await page.emulateMedia({ media: "screen" });
    // The places API received the commune's centre only (no address exists in this form).
    expect(requests.filter((r) => r.includes("/api/v1/places?")).every((r) => /lat=47\.\d+&lon=0\.\d+/.test(r))).toBe(true);

    await page.goto(`${baseUrl}/professionnels/supports`);
    await page.getByRole("heading", { name: "Supports officiels et affiches QR code", level: 1 }).waitFor();
    await expectNoAxeViolations(page);
    await page.emulateMedia({ media: "print" });
    const posters = await page.locator(".mj-poster").count();
    expect(posters).toBe(4);
    expect(pdfPageCount(await printToPdf(page, { format: "A4", preferCSSPageSize: true }))).toBe(posters); // one poster per page
    await page.emulateMedia({ media: "screen" });
    const sac = await scanQrCode(page, 1);
    expect(sac).toBe(`${baseUrl}/d/sac`);
    expect(problems).toEqual([]);
    await context.close();

    const parent = await newPhonePage(browser);
    await parent.page.goto(sac);
    await parent.page.waitForURL(`${baseUrl}/post-partum`);
    await parent.page.locator("main h1").waitFor();
    await parent.page.goto(`${baseUrl}/d/livret`);
    await parent.page.waitForURL(`${baseUrl}/parcours`);
    await parent.page.goto(`${baseUrl}/d/inconnu`);
    await parent.page.getByRole("heading", { name: "Lien inconnu", level: 1 }).waitFor();
    expect(parent.problems).toEqual([]);
    await parent.context.close();
  }, 240_000);

  it("in Arabic on a phone: the family's calendar is prepared, printed right to left and handed over by a QR code that opens in Arabic", async () => {
    const ar = (french: string) => translation("ar", french);
    // The French words of the professionals' pages (the calendar's event titles, domain French for now, are marked lang="fr").
    const french = frenchPieces(/^src\/web\/routes\/professionnels\//);
    expect(french.length).toBeGreaterThan(60);
    const layout = (page: Page) =>
      page.evaluate(() => ({
        lang: document.documentElement.lang,
        dir: document.documentElement.dir,
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      }));
    const { context, page, problems } = await newPhonePage(browser);
    await page.goto(`${baseUrl}/ar/professionnels`);
    await page.getByRole("heading", { name: ar("Espace professionnels"), level: 1 }).waitFor();
    expect(await layout(page)).toEqual({ lang: "ar", dir: "rtl", overflow: 0 });
    await expectNoFrenchLeft(page, french);
    await page.getByRole("link", { name: ar("Remettre le calendrier d'une famille") }).click();
    await page.getByRole("heading", { name: ar("Remettre le calendrier d'une famille"), level: 1 }).waitFor();
    await clickLabel(page, ar("Grossesse en cours"));
    await page.locator('input[name="pro-pregnancy-date"]').fill(terme);
    await page.getByRole("button", { name: ar("Voir le calendrier de la famille") }).click();
    await page.getByRole("heading", { name: ar("Votre calendrier des 1000 premiers jours") }).waitFor();
    expect(await layout(page)).toEqual({ lang: "ar", dir: "rtl", overflow: 0 });
    await expectNoFrenchLeft(page, french);
    await expectNoAxeViolations(page);

    // The hand-over opens in the family's language: Arabic by default on an Arabic page, English when chosen.
    expect(await scanQrCode(page)).toMatch(new RegExp(`^${baseUrl}/ar/recevoir#v=1&k=cal&t=${terme}`));
    await page.locator('select[name="family-language"]').selectOption("en");
    await expect.poll(() => page.locator(".mj-link-text").innerText()).toMatch(new RegExp(`^${baseUrl}/en/recevoir#`));
    expect(await scanQrCode(page)).toBe(await page.locator(".mj-link-text").innerText());
    await page.locator('select[name="family-language"]').selectOption("ar");
    const link = await scanQrCode(page);

    // Printed right to left on A4: the document reads from the right, the QR code and the lines stay on the paper.
    await page.emulateMedia({ media: "print" });
    await page.setViewportSize({ width: 703, height: 1000 });
    const printed = await page.evaluate(() => {
      const doc = document.querySelector(".mj-print-document")!;
      const box = doc.getBoundingClientRect();
      const qr = document.querySelector(".mj-qr-box")!.getBoundingClientRect();
      return {
        direction: getComputedStyle(doc).direction,
        qrOnTheRight: qr.right > box.left + box.width / 2,
        outside: [...doc.querySelectorAll("*:not(.fr-sr-only)")].filter((e) => {
          const r = e.getBoundingClientRect();
          return r.width > 0 && (r.right > box.right + 0.5 || r.left < box.left - 0.5);
        }).length,
      };
    });
    expect(printed).toEqual({ direction: "rtl", qrOnTheRight: true, outside: 0 });
    expect(pdfPageCount(await printToPdf(page, { format: "A4", preferCSSPageSize: true, printBackground: true }))).toBeLessThanOrEqual(2);
    expect(problems).toEqual([]);
    await context.close();

    // The parent's phone opens the link in Arabic.
    const parent = await newPhonePage(browser);
    await parent.page.goto(link);
    await parent.page.getByRole("heading", { name: ar("Recevoir votre calendrier"), level: 1 }).waitFor();
    await parent.page.getByRole("button", { name: ar("Enregistrer sur ce téléphone") }).waitFor();
    expect(await layout(parent.page)).toEqual({ lang: "ar", dir: "rtl", overflow: 0 });
    await expectNoFrenchLeft(parent.page, french);
    await expectNoAxeViolations(parent.page);
    expect(parent.problems).toEqual([]);
    await parent.context.close();
  }, 240_000);

  it("explains a damaged link or impossible dates, and saves nothing", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    await page.goto(`${baseUrl}/recevoir#v=1&k=cal&t=2020-01-01`);
    await page.getByRole("heading", { name: "Ce lien ne peut pas être lu" }).waitFor();
    expect(await page.locator("main").innerText()).toContain("La date du terme est passée depuis plus de 2 semaines");
    await expectNoAxeViolations(page);
    await page.goto(`${baseUrl}/recevoir#v=1&k=cal&t=abc`);
    await page.getByText("Ce lien est incomplet ou abîmé").waitFor();
    await page.goto(`${baseUrl}/recevoir`);
    await page.getByText("Ce lien ne contient rien à enregistrer").waitFor();
    expect(await page.getByRole("button", { name: "Enregistrer sur ce téléphone" }).count()).toBe(0);
    expect(await savedProfile(page)).toBeNull();
    expect(problems).toEqual([]);
    await context.close();
  });
});
