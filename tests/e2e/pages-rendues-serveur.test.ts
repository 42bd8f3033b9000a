import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { expectNoAxeViolations, launchBrowser, newContext, newPhonePage, waitForApp } from "./support.js";

/**
 * A place's page and search results, whose parameters the build cannot know, are rendered by the server with their
 * data (src/server/request-pages.ts): the place's name and the first results paint with the HTML and the route's
 * critical stylesheet, before any script; the app then takes the served page over without painting it again, and
 * without fetching the place again.
 */
const baseUrl = inject("baseUrl");
let browser: Browser;
let placeId: string;
let placeName: string;
beforeAll(async () => {
  browser = await launchBrowser();
  const nearby = (await (await fetch(`${baseUrl}/api/v1/places?lat=48.8566&lon=2.3522&limit=1`)).json()) as {
    features: { properties: { id: string; name: string } }[];
  };
  ({ id: placeId, name: placeName } = nearby.features[0]!.properties);
});
afterAll(() => browser?.close());

const criticalLink =
  /<link rel="stylesheet" href="\/dsfr\/dsfr\.faces\.[0-9a-f]{8}\.css" \/>\s*<link rel="stylesheet" href="\/dsfr\/dsfr\.critical\.[0-9a-f]{8}\.css" data-full-href="\/dsfr\/dsfr\.rules\.[0-9a-f]{8}\.css" \/>/;
const placePath = () => `/autour-de-moi/lieu/${encodeURIComponent(placeId)}`;

/** Computed styles that only the DSFR stylesheet gives: Marianne, the h1's size, the breadcrumb's or the cards' look. */
function dsfrStyles(page: Page) {
  return page.evaluate(() => ({
    font: getComputedStyle(document.body).fontFamily,
    h1: getComputedStyle(document.querySelector("main h1")!).fontSize,
    headerTitle: getComputedStyle(document.querySelector(".fr-header__service-title")!).fontWeight,
  }));
}

/** In the page, from its start: the served elements (kept in `window.served`) and the layout shifts without input. */
function watchServedPage() {
  document.addEventListener("DOMContentLoaded", () => {
    (window as unknown as { served: Element[] }).served = [...document.querySelectorAll("main h1, main p, main .fr-card")];
  });
  const shifts: number[] = [];
  (window as unknown as { shifts: number[] }).shifts = shifts;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
      if (!entry.hadRecentInput) shifts.push(entry.value);
  }).observe({ type: "layout-shift", buffered: true });
}

async function keptAndStill(page: Page, what: string) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const kept = await page.evaluate(() => {
    const served = (window as unknown as { served: Element[] }).served;
    return served.length > 1 && served.every((element) => element.isConnected);
  });
  expect(kept, `${what}: the served elements are still the ones on screen`).toBe(true);
  const shifted = await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts.reduce((sum, value) => sum + value, 0));
  expect(shifted, `${what}: layout shift`).toBeLessThan(0.1);
}

describe("pages rendered by the server with their data", () => {
  it("a place's page: its name, type and address painted with the critical stylesheet before any script", async () => {
    const html = await (await fetch(baseUrl + placePath())).text();
    expect(html).toMatch(criticalLink);
    expect(html).not.toContain('<link rel="modulepreload"'); // the app waits for the first paint
    expect(html).toContain("data-served=");

    const context = await newContext(browser, { javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(baseUrl + placePath());
    await page.getByRole("heading", { name: placeName, level: 1 }).waitFor();
    await page.getByRole("link", { name: "Ouvrir dans mon application de cartes" }).waitFor();
    const styles = await dsfrStyles(page);
    expect(styles.font).toMatch(/^Marianne/);
    expect(styles.headerTitle).toBe("700");
    expect(Number.parseFloat(styles.h1)).toBeGreaterThanOrEqual(28); // DSFR's h1, not the browser's 32 px default in Times
    expect(await page.locator(".fr-breadcrumb").evaluate((el) => getComputedStyle(el).fontSize)).not.toBe("16px");
    await context.close();
  });

  it("the app takes the place's page over without fetching the place again nor painting it again; it works, axe-clean", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    const asked: string[] = [];
    page.on("request", (request) => asked.push(new URL(request.url()).pathname));
    await page.addInitScript(watchServedPage);
    await page.goto(baseUrl + placePath());
    await page.locator("#fr-theme-modal").waitFor({ state: "attached" }); // hydrated
    await page.waitForLoadState("networkidle");
    await keptAndStill(page, "place");
    expect(asked.filter((path) => path.startsWith("/api/v1/places"))).toEqual([]);
    expect(await page.locator("link[data-full-href]").count(), "critical stylesheet only while reading").toBe(1);
    await expectNoAxeViolations(page);
    // The app runs the page: the breadcrumb (folded on a phone) goes back to the search within the app.
    await page.locator(".fr-breadcrumb__button").click();
    await page.locator(".fr-breadcrumb").getByRole("link", { name: "Autour de moi" }).click();
    await page.getByRole("heading", { name: "Autour de moi", level: 1 }).waitFor();
    await page.goBack();
    await page.getByRole("heading", { name: placeName, level: 1 }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it("a place the index does not have: the shell and its French « Lieu introuvable », as before", async () => {
    const html = await (await fetch(`${baseUrl}/autour-de-moi/lieu/finess%3A000000000`)).text();
    expect(html).not.toContain("data-served=");
    const { context, page, problems } = await newPhonePage(browser);
    await page.goto(`${baseUrl}/autour-de-moi/lieu/finess%3A000000000`);
    await page.getByRole("heading", { name: "Lieu introuvable", level: 1 }).waitFor();
    await page.getByText("Ce lieu n'existe pas (ou plus) dans nos données.").waitFor();
    expect(problems.filter((p) => !p.includes("404"))).toEqual([]);
    await context.close();
  });

  it("search results painted before any script, with the cards' DSFR look", async () => {
    const html = await (await fetch(`${baseUrl}/recherche?q=allaitement`)).text();
    expect(html).toMatch(criticalLink);
    expect(html).toContain('data-query="?q=allaitement"');

    const context = await newContext(browser, { javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/recherche?q=allaitement`);
    await page.getByText(/\d+ articles? pour « allaitement »/).waitFor();
    const card = page.locator("main .fr-card").first();
    await card.waitFor();
    expect(await card.locator(".fr-card__title").innerText()).not.toBe("");
    expect(await card.evaluate((el) => getComputedStyle(el).position)).toBe("relative"); // DSFR's card, not a bare div
    expect((await dsfrStyles(page)).font).toMatch(/^Marianne/);
    // The search field holds the query, disabled until the app runs.
    expect(await page.locator('main input[name="q"]').inputValue()).toBe("allaitement");
    await context.close();
  });

  it("the app takes the results over without painting them again, then searches other words; axe-clean", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    await page.addInitScript(watchServedPage);
    await page.goto(`${baseUrl}/recherche?q=allaitement`);
    await waitForApp(page); // the served search field is enabled once the page is hydrated
    await page.waitForLoadState("networkidle");
    await keptAndStill(page, "search");
    await expectNoAxeViolations(page);
    await page.locator('main input[name="q"]').fill("sommeil");
    await page.locator("main").getByRole("button", { name: "Rechercher" }).click();
    await page.getByText(/\d+ articles? pour « sommeil »/).waitFor();
    expect(new URL(page.url()).search).toBe("?q=sommeil");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("offline, the same addresses still work from the device (shell, content copy), as before", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    await page.goto(`${baseUrl}/recherche?q=allaitement`);
    await waitForApp(page);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForLoadState("networkidle");
    await context.setOffline(true);
    await page.goto(`${baseUrl}/recherche?q=sommeil`);
    await page.getByText(/\d+ articles? pour « sommeil »/).waitFor();
    await page.goto(baseUrl + placePath());
    await page.getByText("Vous êtes hors ligne : la fiche de ce lieu a besoin du réseau.").waitFor();
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
    await context.close();
  });
});
