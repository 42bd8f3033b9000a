import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { clickLabel, expectNoAxeViolations, launchBrowser, newPhonePage, tabTo } from "./support.js";

const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe("Autour de moi", () => {
  it("postal code → list sorted by distance → map → details, axe-clean", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    await page.goto(`${baseUrl}/autour-de-moi`);
    await page.getByRole("heading", { name: "Autour de moi", level: 1 }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel("Commune ou code postal").fill("37000");
    await page.getByRole("button", { name: /^Tours \(37000/ }).click();
    await page.getByText("Autour de : Tours").waitFor();
    await clickLabel(page, "PMI (protection maternelle et infantile)");
    await page.getByText(/lieux? à moins de 10 km/).waitFor();
    const distances = await page.locator("ol li .fr-text--sm").evaluateAll((nodes) =>
      nodes
        .map((n) => /· ([\d,]+) (m|km)/.exec(n.textContent ?? ""))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => Number(m[1]!.replace(",", ".")) * (m[2] === "km" ? 1000 : 1)),
    );
    expect(distances.length).toBeGreaterThan(0);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    expect(await page.locator("ol li").first().innerText()).toContain("PMI");
    // The map shows a marker per place (vector markers: no tiles needed, none configured in tests).
    await page.locator(".mj-map .leaflet-interactive").first().waitFor();
    expect(await page.locator(".mj-map path.leaflet-interactive").count()).toBe((await page.locator("ol li").count()) + 1);
    await expectNoAxeViolations(page);
    const name = await page.locator("ol li h3").first().innerText();
    await page.locator("ol li h3 a").first().click();
    await page.getByRole("heading", { name, level: 1 }).waitFor();
    await page.getByText("Source : répertoire FINESS").waitFor();
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("opens already filtered from the calendar or the EPDS (query string contract), keyboard only", async () => {
    const { context, page } = await newPhonePage(browser);
    await page.goto(`${baseUrl}/autour-de-moi?types=cmp,pmi`);
    await page.getByRole("heading", { name: "Autour de moi", level: 1 }).waitFor();
    expect(await page.locator('input[name="type-cmp"]').isChecked()).toBe(true);
    expect(await page.locator('input[name="type-pmi"]').isChecked()).toBe(true);
    await tabTo(page, (el) => el.name === "lieu");
    await page.keyboard.type("Saint-Denis");
    await page.getByRole("button", { name: /^Saint-Denis \(974/ }).waitFor();
    await tabTo(page, (el) => el.tag === "button" && el.text.startsWith("Saint-Denis (974"));
    await page.keyboard.press("Enter");
    await page.getByText("Autour de : Saint-Denis").waitFor();
    await page.getByText(/lieux? à moins de/).waitFor();
    const first = (await page.locator("ol li h3").first().innerText()).trim();
    await tabTo(page, (el) => el.tag === "a" && el.text === first);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: first, level: 1 }).waitFor();
    await context.close();
  });

  it("refuses bad API input with a French problem+json", async () => {
    for (const query of ["lat=abc&lon=2", "lat=200&lon=2", "lat=48&lon=2&radius_km=-1", "lat=48&lon=2&limit=100000", "lat=48&lon=2&types=licorne"]) {
      const res = await fetch(`${baseUrl}/api/v1/places?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
  });
});
