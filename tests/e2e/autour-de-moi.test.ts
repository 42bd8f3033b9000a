import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser } from "playwright-core";
import { addDays } from "../../src/domain/dates.js";
import { computeCalendar } from "../../src/domain/calendar/index.js";
import { withBirthForecast } from "../../src/domain/calendar/from-profile.js";
import { bandFor, orientationFor } from "../../src/domain/epds/score.js";
import { planNearbySearch, type PlaceTypeId } from "../../src/domain/geo/index.js";
import { clickLabel, expectNoAxeViolations, launchBrowser, newPhonePage, runToday, tabTo } from "./support.js";
import { expectNoFrenchLeft, frenchPieces, translation } from "./catalogue-text.js";

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
    await page.getByText(/lieux? à moins de 10\skm/).waitFor();
    // The list first shows every type, then only PMI once the filter's answer is in (an empty list is not that answer).
    await page.waitForFunction(() => {
      const items = [...document.querySelectorAll("ol li")];
      return items.length > 0 && items.every((li) => li.textContent?.includes("PMI (protection"));
    });
    const distances = await page.locator("ol li .fr-text--sm").evaluateAll((nodes) =>
      nodes
        .map((n) => /· ([\d,]+)\s(m|km)/.exec(n.textContent ?? ""))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => Number(m[1]!.replace(",", ".")) * (m[2] === "km" ? 1000 : 1)),
    );
    expect(distances.length).toBeGreaterThan(0);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    expect(await page.locator("ol li").first().innerText()).toContain("PMI");
    // The map shows a marker per place (no tiles configured in tests: the embedded background), once scrolled to.
    await page.locator(".mj-place-map").scrollIntoViewIfNeeded();
    await page.locator(".mj-place-map .mj-map-place").first().waitFor();
    expect(await page.locator(".mj-place-map .mj-map-place").count()).toBe(await page.locator("ol li").count());
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
    await page.getByText(/lieux? à moins de 10\skm/).waitFor();
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
    await page.getByText(/lieux? à moins de 10\skm/).waitFor();
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
    await page.getByText(/lieux? à moins de 10\skm/).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    await page.locator("ol li h3 a").first().click();
    const source = await page.getByText(/^Source : répertoire FINESS/).innerText();
    expect(source).toMatch(/mise à jour du (1er|[12]?\d|3[01]) (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}\./);
    expect(source).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    await context.close();
  });

  // A page loaded per link target (a dozen): 45 s in a CI run, over the 90 s default at a load of 25-30.
  it("« Trouver près de chez moi »: every link target (calendar events, EPDS orientations) searches only types that have places, and says where to find the others", async () => {
    const today = runToday();
    const terme = addDays(today, 150);
    // Every list of place types the app links to: the events of a pregnancy and of a child with every option on…
    const events = computeCalendar(
      withBirthForecast({ pregnancy: { terme, fetuses: 2, rank: 2, unmarriedParents: true, gestationalDiabetesRisk: true }, children: [] }),
    ).concat(
      computeCalendar({
        pregnancy: null,
        children: [
          {
            id: "a",
            birthDate: addDays(today, -30),
            expectedTerme: null,
            rank: 1,
            siblingsBornSameDay: 0,
            bcgRecommended: true,
            neonatalHospitalization: true,
            postnatalRiskFactors: true,
          },
        ],
      }),
    );
    // …and the EPDS orientations of every band, with and without the safety item, for both parents.
    const orientations = [0, 10, 12, 20, 30].flatMap((total) =>
      [0, 1].flatMap((item10Points) =>
        (["mere", "second-parent"] as const).map((audience) =>
          orientationFor({ ok: true, total, item10Points, safetyFlag: item10Points > 0, band: bandFor(total).id }, audience),
        ),
      ),
    );
    const targets = [
      ...new Set([...events.map((e) => e.placeTypes), ...orientations.map((o) => o.placeTypes)].filter((t) => t.length > 0).map((t) => t.join(","))),
    ];
    expect(targets.length).toBeGreaterThan(5);

    const placeTypes = (await (await fetch(`${baseUrl}/api/v1/place-types`)).json()) as { id: string; label: string; count: number }[];
    const counts = Object.fromEntries(placeTypes.map((t) => [t.id, t.count]));
    const empty = Object.keys(counts).filter((id) => counts[id] === 0);
    expect(
      targets.some((t) => t.split(",").some((id) => empty.includes(id))),
      "some link targets name a type without data",
    ).toBe(true);

    const { context, page, problems } = await newPhonePage(browser);
    const searched: string[] = [];
    page.on("request", (r) => {
      const url = new URL(r.url());
      if (url.pathname === "/api/v1/places") searched.push(url.searchParams.get("types") ?? "");
    });
    for (const target of targets) {
      searched.length = 0;
      const requested = target.split(",");
      await page.goto(`${baseUrl}/autour-de-moi?types=${target}&lat=47.39410&lon=0.68480&lieu=Tours`);
      const missing = requested.filter((id) => counts[id] === 0);
      if (planNearbySearch(requested as PlaceTypeId[], counts).search.length > 0) await page.getByText(/lieux? à moins de 10\skm/).waitFor();
      if (missing.length) {
        const notice = page.getByTestId("missing-place-types");
        await notice.waitFor();
        const text = await notice.innerText();
        for (const id of missing) expect(text, `${target}: ${id}`).toContain(placeTypes.find((t) => t.id === id)!.label);
      } else {
        expect(await page.getByTestId("missing-place-types").count()).toBe(0);
      }
      // No search ever asks for a type without places, and none is left unfiltered.
      for (const types of searched) {
        expect(types, target).not.toBe("");
        for (const id of types.split(",")) expect(counts[id], `${target} searched ${id}`).toBeGreaterThan(0);
      }
      expect(await page.getByText("Aucun lieu à moins de").count(), target).toBe(0);
    }

    // A town hall (no data): said plainly, with the service-public directory, and no search at all.
    searched.length = 0;
    await page.goto(`${baseUrl}/autour-de-moi?types=mairie&lat=47.39410&lon=0.68480&lieu=Tours`);
    await page.getByText("Ce type de lieu n'est pas encore dans nos données : Mairie.").waitFor();
    expect(await page.getByRole("link", { name: /^Mairies : l'annuaire de l'administration \(service-public\.fr\)/ }).getAttribute("href")).toBe(
      "https://lannuaire.service-public.fr/navigation/mairie",
    );
    expect(searched).toEqual([]);
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
    await context.close();
  }, 240_000);

  it("an event's « Trouver près de chez moi » links only types with places, and names the official directory for the others", async () => {
    const today = runToday();
    const terme = addDays(today, 150);
    const counts = Object.fromEntries(
      ((await (await fetch(`${baseUrl}/api/v1/place-types`)).json()) as { id: string; count: number }[]).map((t) => [t.id, t.count]),
    );
    const events = computeCalendar(
      withBirthForecast({ pregnancy: { terme, fetuses: 1, rank: 1, unmarriedParents: false, gestationalDiabetesRisk: false }, children: [] }),
    );
    // An event still to come (a past one would carry the « Pas encore fait » notice, not the subject here).
    const event = events.find(
      (e) => e.end >= today && e.placeTypes.includes("sage-femme") && e.placeTypes.some((t) => counts[t]! > 0) && counts["sage-femme"] === 0,
    );
    expect(event, "an event naming midwives (no data shipped) and a type with data").toBeDefined();
    const { context, page } = await newPhonePage(browser);
    await page.goto(`${baseUrl}/profil`);
    await clickLabel(page, "Grossesse en cours");
    await page.locator('input[name="pregnancy-date"]').fill(terme);
    await page.getByRole("button", { name: "Enregistrer et voir mon parcours" }).click();
    await page.getByRole("heading", { name: "Mon parcours", level: 1 }).waitFor();
    await page.goto(`${baseUrl}/calendrier/evenement/${encodeURIComponent(event!.id)}`);
    await page.getByRole("heading", { name: event!.title, level: 1 }).waitFor();
    const link = page.getByRole("link", { name: /^Trouver près de chez moi/ });
    await page.getByTestId("missing-place-types").waitFor();
    const href = new URL((await link.getAttribute("href"))!, baseUrl);
    for (const id of href.searchParams.get("types")!.split(",")) expect(counts[id], id).toBeGreaterThan(0);
    expect(await page.getByRole("link", { name: /^Sages-femmes : l'annuaire santé de l'Assurance maladie \(ameli\.fr\)/ }).getAttribute("href")).toBe(
      "https://annuairesante.ameli.fr/",
    );
    await expectNoAxeViolations(page);
    await link.click();
    await page.getByRole("heading", { name: "Autour de moi", level: 1 }).waitFor();
    await context.close();
  });

  // Every marker focused, blurred and focused again: 57 s in a CI run, 70 s at a load of 15, over 90 s at 25-30.
  it("the map: an embedded background (départements, communes) with no external request, zoom buttons, places operable by keyboard, tooltips inside the map", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(`${baseUrl}/autour-de-moi?types=pmi,centre-sante&lat=47.39410&lon=0.68480&lieu=Tours`);
    // Below the list on a phone, the map (Leaflet, its background data) is fetched only when it comes near the screen,
    // in the room kept for it: it takes that room exactly (nothing moves).
    await page.locator("ol li").first().waitFor();
    const room = page.locator('.mj-place-map[aria-hidden="true"]');
    await room.waitFor();
    const roomBox = (await room.boundingBox())!;
    expect(roomBox.y).toBeGreaterThan(page.viewportSize()!.height + 400);
    expect(requests.filter((url) => url.includes("/assets/PlaceMap-"))).toEqual([]);
    await room.scrollIntoViewIfNeeded();
    const map = page.locator('.mj-place-map[role="region"]');
    await map.locator(".mj-map-place").first().waitFor();
    const shown = (await map.boundingBox())!;
    expect([shown.height, shown.width]).toEqual([roomBox.height, roomBox.width]);
    // Background: département outlines and the names of the communes in view, from the shipped data.
    await map.locator("path").first().waitFor({ state: "attached" });
    await map.locator(".mj-map-label", { hasText: /^Tours$/ }).waitFor();
    expect(await map.locator("path").count()).toBeGreaterThan(5);
    expect(requests.filter((url) => !url.startsWith(baseUrl))).toEqual([]);
    await page.getByText("Fond de carte : limites des départements (IGN, ADMIN EXPRESS) et communes").waitFor();

    // Zoom buttons, usable with the keyboard.
    const spread = () =>
      page.evaluate(() => {
        const boxes = [...document.querySelectorAll(".mj-place-map .mj-map-place")].map((e) => e.getBoundingClientRect());
        const xs = boxes.map((b) => b.x);
        return Math.max(...xs) - Math.min(...xs);
      });
    const before = await spread();
    await tabTo(page, (el) => el.label === "Dézoomer", 250);
    await page.keyboard.press("Enter");
    await page.waitForFunction((b) => {
      const xs = [...document.querySelectorAll(".mj-place-map .mj-map-place")].map((e) => e.getBoundingClientRect().x);
      // One zoom level out halves the distances (waits for the end of the animation).
      return Math.max(...xs) - Math.min(...xs) < b * 0.55;
    }, before);
    // Leaflet ignores a zoom asked during a zoom animation: wait for its end, as a person would.
    // (Leaflet marks its map pane, inside the container, with this class while it animates.)
    await page.waitForFunction(() => !document.querySelector(".mj-place-map .leaflet-zoom-anim"));
    const zoomedOut = await spread();
    await page.getByRole("button", { name: "Zoomer", exact: true }).press("Enter");
    await page.waitForFunction((b) => {
      const xs = [...document.querySelectorAll(".mj-place-map .mj-map-place")].map((e) => e.getBoundingClientRect().x);
      return Math.max(...xs) - Math.min(...xs) > b * 1.5;
    }, zoomedOut);

    // Every place is a button with its name; its tooltip shows on focus, inside the map (not clipped).
    const markers = map.locator(".mj-map-place");
    const count = await markers.count();
    expect(count).toBe(await page.locator("ol li").count());
    const mapBox = (await map.boundingBox())!;
    for (let i = 0; i < count; i++) {
      const marker = markers.nth(i);
      expect(await marker.getAttribute("role")).toBe("button");
      expect(await marker.getAttribute("tabindex")).toBe("0");
      expect(await marker.getAttribute("aria-label")).toMatch(/ : ouvrir la fiche$/);
      await marker.focus();
      const tooltip = map.locator(".mj-map-tooltip");
      await tooltip.first().waitFor();
      await marker.evaluate((e) => e.blur());
      await tooltip.first().waitFor({ state: "detached" });
      await marker.focus();
      await tooltip.waitFor();
      const box = (await tooltip.boundingBox())!;
      const name = await tooltip.innerText();
      expect((await marker.getAttribute("aria-label"))!.startsWith(`${name} (`), name).toBe(true);
      expect(box.x, name).toBeGreaterThanOrEqual(mapBox.x);
      expect(box.y, name).toBeGreaterThanOrEqual(mapBox.y);
      expect(box.x + box.width, name).toBeLessThanOrEqual(mapBox.x + mapBox.width);
      expect(box.y + box.height, name).toBeLessThanOrEqual(mapBox.y + mapBox.height);
    }
    await expectNoAxeViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);

    // Tab to a place on the map, Enter opens its page.
    await page.locator("body").focus();
    await tabTo(page, (el) => el.label.endsWith(" : ouvrir la fiche"), 250);
    const name = await map.locator(".mj-map-tooltip").last().innerText();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name, level: 1 }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  }, 240_000);

  it("in Arabic on a phone: commune → list → map → place page, right to left, translated (no French left), no overflow, axe-clean", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    const ar = (french: string) => translation("ar", french);
    // The French words of these pages' messages (the place types are checked by name: place names may contain them).
    const french = frenchPieces(/^src\/web\/routes\/autour\/(?!place-type-text)/);
    expect(french.length).toBeGreaterThan(30);
    const layout = () =>
      page.evaluate(() => ({
        lang: document.documentElement.lang,
        dir: document.documentElement.dir,
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      }));

    await page.goto(`${baseUrl}/ar/autour-de-moi`);
    await page.getByRole("heading", { name: ar("Autour de moi"), level: 1 }).waitFor();
    expect(await layout()).toEqual({ lang: "ar", dir: "rtl", overflow: 0 });
    await page.getByLabel(ar("Commune ou code postal")).fill("37000");
    await page.getByRole("button", { name: /^Tours, Indre-et-Loire \(37\) · 37000/ }).click();
    await page.getByText(ar("Autour de : <0>{around}</0>").split("<0>")[0]!.trim()).first().waitFor();
    // The place types by their Arabic names, with the count written for the language.
    await clickLabel(page, ar("PMI (protection maternelle et infantile)"));
    await page
      .getByText(/مكان|أماكن|مكانان/)
      .first()
      .waitFor();
    await page.waitForFunction((pmi) => {
      const items = [...document.querySelectorAll("ol li")];
      return items.length > 0 && items.every((li) => li.textContent?.includes(pmi));
    }, ar("PMI (protection maternelle et infantile)"));
    const first = await page.locator("ol li").first().innerText();
    expect(first).toMatch(/كم|متر/);
    expect(first).not.toMatch(/\d km|\d m\b/);

    // The map: markers named in Arabic, the zoom buttons on the reading side (left), their titles translated.
    await page.locator(".mj-place-map").scrollIntoViewIfNeeded();
    const map = page.locator('.mj-place-map[role="region"]');
    await map.locator(".mj-map-place").first().waitFor();
    expect(await map.getAttribute("aria-label")).toBe(ar("Carte des lieux : flèches pour se déplacer, + et − pour zoomer, Tab pour aller d'un lieu à l'autre"));
    const label = (await map.locator(".mj-map-place").first().getAttribute("aria-label"))!;
    expect(label.endsWith(ar("{name} ({type}) : ouvrir la fiche").replace("{name} ({type})", ""))).toBe(true);
    const zoomIn = page.getByRole("button", { name: ar("Zoomer"), exact: true });
    const [zoomBox, mapBox] = [(await zoomIn.boundingBox())!, (await map.boundingBox())!];
    expect(zoomBox.x + zoomBox.width).toBeLessThan(mapBox.x + mapBox.width / 2);
    // A place's tooltip shows inside the map, right to left.
    await map.locator(".mj-map-place").first().focus();
    const tooltip = map.locator(".mj-map-tooltip", { hasText: label.slice(0, label.indexOf(` (${ar("PMI (protection maternelle et infantile)")})`)) }).first();
    await tooltip.waitFor();
    const tip = (await tooltip.boundingBox())!;
    expect(tip.x).toBeGreaterThanOrEqual(mapBox.x);
    expect(tip.x + tip.width).toBeLessThanOrEqual(mapBox.x + mapBox.width);
    expect(await tooltip.evaluate((e) => getComputedStyle(e).direction)).toBe("rtl");
    expect((await layout()).overflow).toBe(0);
    await expectNoFrenchLeft(page, french);
    await expectNoAxeViolations(page);

    // A place's page, in Arabic.
    const name = await page.locator("ol li h3").first().innerText();
    await page.locator("ol li h3 a").first().click();
    await page.getByRole("heading", { name, level: 1 }).waitFor();
    await page.getByText(ar("PMI (protection maternelle et infantile)"), { exact: true }).waitFor();
    await page.getByText(ar("Source : {source}, mise à jour du {updated}.").split("{source}")[0]!.trim()).first().waitFor();
    expect(await layout()).toEqual({ lang: "ar", dir: "rtl", overflow: 0 });
    await expectNoFrenchLeft(page, french);
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
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
