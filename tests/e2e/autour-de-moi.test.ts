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
    await page.getByRole("button", { name: /^Tours, Indre-et-Loire \(37\) · 37000/ }).click();
    await page.getByText("Autour de : Tours").waitFor();
    await clickLabel(page, "PMI (protection maternelle et infantile)");
    await page.getByText(/lieux? à moins de 10 km/).waitFor();
    // The list first shows every type, then only PMI once the filter's answer is in.
    await page.waitForFunction(() => [...document.querySelectorAll("ol li")].every((li) => li.textContent?.includes("PMI (protection")));
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
    await page.getByRole("button", { name: /^Saint-Denis, La Réunion \(974\)/ }).waitFor();
    await tabTo(page, (el) => el.tag === "button" && el.text.startsWith("Saint-Denis, La Réunion (974)"));
    await page.keyboard.press("Enter");
    await page.getByText("Autour de : Saint-Denis").waitFor();
    await page.getByText(/lieux? à moins de/).waitFor();
    const first = (await page.locator("ol li h3").first().innerText()).trim();
    await tabTo(page, (el) => el.tag === "a" && el.text === first);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: first, level: 1 }).waitFor();
    await context.close();
  });

  it("« Saint-Denis » + « Chercher » asks which commune, naming each département, and never picks one silently", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    await page.goto(`${baseUrl}/autour-de-moi?types=pmi`);
    await page.getByLabel("Commune ou code postal").fill("Saint-Denis");
    await page.getByRole("button", { name: /^Saint-Denis, La Réunion/ }).waitFor();
    await page.getByRole("button", { name: "Chercher", exact: true }).click();
    await page.getByText("Plusieurs communes correspondent à « Saint-Denis » : choisissez la vôtre ci-dessous.").waitFor();
    const choices = await page.getByRole("list", { name: "Communes possibles" }).getByRole("button").allInnerTexts();
    expect(choices.map((c) => c.split(" · ")[0])).toEqual([
      "Saint-Denis, La Réunion (974)",
      "Saint-Denis, Seine-Saint-Denis (93)",
      "Saint-Denis, Aude (11)",
      "Saint-Denis, Gard (30)",
    ]);
    expect(await page.getByText("Autour de :").count()).toBe(0);
    expect(page.url()).not.toContain("lat=");
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: /^Saint-Denis, Seine-Saint-Denis \(93\)/ }).click();
    await page.getByText("Autour de : Saint-Denis, Seine-Saint-Denis (93)").waitFor();
    await page.getByText(/lieux? à moins de 10 km/).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it("a failed search clears the previous results and says why in French; arrondissements are understood", async () => {
    const { context, page } = await newPhonePage(browser);
    await page.goto(`${baseUrl}/autour-de-moi?types=pmi`);
    const where = page.getByLabel("Commune ou code postal");
    await where.fill("Lyon 3e");
    await page.getByRole("button", { name: "Chercher", exact: true }).click();
    await page.getByText("Autour de : Lyon 3e arrondissement, Rhône (69) (depuis le centre de Lyon").waitFor();
    await page.getByText(/lieux? à moins de 10 km/).waitFor();
    expect(await page.locator("ol li").count()).toBeGreaterThan(0);
    await where.fill("Zzzville");
    await page.getByRole("button", { name: "Chercher", exact: true }).click();
    await page.getByText("Aucune commune ne correspond à « Zzzville ». Vérifiez l'orthographe ou indiquez le code postal").waitFor();
    expect(await page.getByRole("heading", { name: "Résultats" }).count()).toBe(0);
    expect(await page.locator("ol li").count()).toBe(0);
    expect(await page.getByText("Autour de :").count()).toBe(0);
    expect(await page.locator(".mj-map").count()).toBe(0);
    await context.close();
  });

  it("nothing overflows the phone's width, and a place's update date is written in French", async () => {
    const { context, page } = await newPhonePage(browser);
    await page.goto(`${baseUrl}/autour-de-moi`);
    await page.locator('input[name="lieu"]').waitFor();
    await page.locator('input[name="type-pmi"]').waitFor({ state: "attached" });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    await page.goto(`${baseUrl}/autour-de-moi?types=pmi&lat=47.39410&lon=0.68480&lieu=Tours`);
    await page.getByText(/lieux? à moins de 10 km/).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    await page.locator("ol li h3 a").first().click();
    const source = await page.getByText(/^Source : répertoire FINESS/).innerText();
    expect(source).toMatch(/mise à jour du (1er|[12]?\d|3[01]) (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}\./);
    expect(source).not.toMatch(/\d{4}-\d{2}-\d{2}/);
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
