import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { splitSentences } from "../../src/domain/speech/sentences.js";
import { mkdirSync } from "node:fs";
import { addDays } from "../../src/domain/dates.js";
import { expectNoAxeViolations, launchBrowser, newPhonePage, runToday, savePregnancyProfile, tabTo } from "./support.js";

const baseUrl = inject("baseUrl");
const articlePath = "/articles/accidents-domestiques";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

interface Spoken {
  text: string;
  lang: string;
  rate: number;
  voice: string | null;
}

/**
 * Headless Chromium has no voice: a recording `speechSynthesis` stands in for the platform's. It lists `voices`,
 * records every utterance, fires `start` when one begins, and `end` only when the test calls `__speech.finish()`
 * (no timing involved). `cancel()` fires `error: "canceled"` on what was queued, as browsers do.
 */
function fakeSpeech(voices: { name: string; lang: string; localService: boolean; default: boolean }[]) {
  type Utterance = EventTarget & { text: string; lang: string; rate: number; volume: number; voice: { name: string } | null } & Record<string, unknown>;
  class FakeUtterance extends EventTarget {
    lang = "";
    rate = 1;
    volume = 1;
    voice = null;
    constructor(public text: string) {
      super();
    }
  }
  const queue: Utterance[] = [];
  const spoken: { text: string; lang: string; rate: number; voice: string | null }[] = [];
  const fire = (u: Utterance, type: string, error?: string) => {
    const event = Object.assign(new Event(type), error ? { error } : {});
    (u[`on${type}`] as ((e: Event) => void) | null | undefined)?.(event);
    u.dispatchEvent(event);
  };
  const synth = {
    speaking: false,
    pending: false,
    paused: false,
    getVoices: () => voices.map((v) => ({ ...v, voiceURI: v.name })),
    speak(u: Utterance) {
      spoken.push({ text: u.text, lang: u.lang, rate: u.rate, voice: u.voice?.name ?? null });
      queue.push(u);
      if (queue.length === 1) begin();
    },
    cancel() {
      for (const u of queue.splice(0)) fire(u, "error", "canceled");
      synth.speaking = false;
    },
    pause() {},
    resume() {},
    addEventListener() {},
    removeEventListener() {},
  };
  function begin() {
    const u = queue[0];
    synth.speaking = Boolean(u);
    if (!u) return;
    setTimeout(() => fire(u, "start"), 0);
    if (!u.text) setTimeout(() => finish(), 0); // the empty utterance that unlocks iOS
  }
  function finish() {
    const u = queue.shift();
    if (u) fire(u, "end");
    begin();
  }
  Object.defineProperty(window, "SpeechSynthesisUtterance", { value: FakeUtterance, configurable: true });
  Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
  Object.assign(window, { __speech: { spoken, finish } });
}

const spokenSoFar = (page: Page) => page.evaluate(() => (window as unknown as { __speech: { spoken: Spoken[] } }).__speech.spoken.filter((s) => s.text));
const finishUtterance = (page: Page) => page.evaluate(() => (window as unknown as { __speech: { finish(): void } }).__speech.finish());
const highlighted = (page: Page) =>
  page.evaluate(() => {
    const highlight = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get("mj-lecture");
    return highlight ? [...highlight].map((r) => r.toString()) : [];
  });
const status = (page: Page) => page.locator(".mj-read-aloud [role=status]");

describe("Écouter: reading a page aloud with the device's voice", () => {
  it("reads sentence by sentence in French with a local voice, highlights, pauses, resumes and changes speed by keyboard; says when there is no voice", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    await page.addInitScript(fakeSpeech, [
      { name: "Voix française en ligne", lang: "fr-FR", localService: false, default: false },
      { name: "English", lang: "en-GB", localService: true, default: true },
      { name: "Voix française locale", lang: "fr_FR", localService: true, default: false },
    ]);
    const speechRequests: string[] = [];
    page.on("request", (r) => speechRequests.push(r.url()));
    await page.goto(`${baseUrl}${articlePath}`);
    const title = (await page.locator("main h1").textContent())!.trim();
    const lead = (await page.locator("#lecture-article .fr-text--lead").textContent())!.trim();
    const leadSentences = splitSentences(lead, "fr").map((s) => s.text);
    expect(leadSentences.length).toBeGreaterThan(1);
    // The speech code is fetched on the first tap only.
    expect(speechRequests.some((url) => /\/assets\/engine-/.test(url))).toBe(false);

    await tabTo(page, (el) => el.tag === "button" && el.text.startsWith("Écouter"));
    await page.keyboard.press("Enter");
    await expect.poll(() => status(page).textContent()).toBe("Lecture en cours.");
    let spoken = await spokenSoFar(page);
    expect(spoken).toEqual([{ text: title, lang: "fr-FR", rate: 1, voice: "Voix française locale" }]);
    expect(await highlighted(page)).toEqual([title]);

    await finishUtterance(page);
    await expect.poll(async () => (await spokenSoFar(page)).length).toBe(2);
    expect((await spokenSoFar(page))[1]!.text).toBe(leadSentences[0]);
    expect(await highlighted(page)).toEqual([leadSentences[0]]);
    await expectNoAxeViolations(page);

    // The same button, still focused, now pauses: nothing more is said, the highlight stays.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Pause");
    await page.keyboard.press("Enter");
    await expect.poll(() => status(page).textContent()).toBe("Lecture en pause.");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Reprendre");
    await finishUtterance(page);
    expect((await spokenSoFar(page)).length).toBe(2);
    // Resuming says the interrupted sentence again.
    await page.keyboard.press("Enter");
    await expect.poll(() => status(page).textContent()).toBe("Lecture en cours.");
    spoken = await spokenSoFar(page);
    expect(spoken.map((s) => s.text)).toEqual([title, leadSentences[0], leadSentences[0]]);

    // Speed: three buttons with aria-pressed; a new speed applies to the sentence being read.
    await tabTo(page, (el) => el.tag === "button" && el.text === "Rapide");
    await page.keyboard.press("Space");
    await expect.poll(() => page.getByRole("button", { name: "Rapide" }).getAttribute("aria-pressed")).toBe("true");
    expect(await page.getByRole("button", { name: "Normale" }).getAttribute("aria-pressed")).toBe("false");
    spoken = await spokenSoFar(page);
    expect(spoken.at(-1)).toEqual({ text: leadSentences[0], lang: "fr-FR", rate: 1.25, voice: "Voix française locale" });
    await finishUtterance(page);
    await expect.poll(async () => (await spokenSoFar(page)).at(-1)?.text).toBe(leadSentences[1]);
    expect((await spokenSoFar(page)).at(-1)!.rate).toBe(1.25);
    expect(await highlighted(page)).toEqual([leadSentences[1]]);

    // Stop: silence, no highlight, back to « Écouter »; the speed is remembered on the device.
    await page.getByRole("button", { name: "Arrêter" }).click();
    await expect.poll(() => status(page).textContent()).toBe("Lecture arrêtée.");
    expect(await highlighted(page)).toEqual([]);
    await page.getByRole("button", { name: /^Écouter/ }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem("mj-lecture-vitesse"))).toBe("1.25");
    expect(problems).toEqual([]);
    await context.close();

    // A device with no French voice (only an English one): a plain message, nothing said.
    const noFrench = await newPhonePage(browser);
    await noFrench.page.addInitScript(fakeSpeech, [{ name: "English", lang: "en-US", localService: true, default: true }]);
    await noFrench.page.goto(`${baseUrl}${articlePath}`);
    await noFrench.page.getByRole("button", { name: /^Écouter/ }).click();
    await expect.poll(() => status(noFrench.page).textContent()).toMatch(/^Votre appareil n'a pas de voix en français pour lire cette page/);
    expect(await spokenSoFar(noFrench.page)).toEqual([]);
    await expectNoAxeViolations(noFrench.page);
    expect(noFrench.problems).toEqual([]);
    await noFrench.context.close();

    // Debian's headless Chromium itself, with whatever voices it reports (none here: no speech service runs).
    const real = await newPhonePage(browser);
    await real.page.goto(`${baseUrl}${articlePath}`);
    await real.page.getByRole("button", { name: /^Écouter/ }).click();
    await expect.poll(() => status(real.page).textContent()).toMatch(/^(Lecture en cours\.|Votre appareil n'a pas de voix en français)/);
    const voices = await real.page.evaluate(() => speechSynthesis.getVoices().filter((v) => v.lang.toLowerCase().startsWith("fr") && v.localService).length);
    if (voices === 0) expect(await status(real.page).textContent()).toMatch(/pas de voix en français/);
    expect(real.problems).toEqual([]);
    await real.context.close();
  });
});

/** Ends every remaining utterance (a bounded number) until the status reads `done`, and returns what was said. */
async function finishReading(page: Page, done: string, max = 60): Promise<string[]> {
  for (let i = 0; i < max && (await status(page).textContent()) !== done; i++) {
    await finishUtterance(page);
    // Either the next utterance (or part of a long sentence) is being said, or the reading has ended.
    await expect.poll(async () => (await page.evaluate(() => speechSynthesis.speaking)) || (await status(page).textContent()) === done).toBe(true);
  }
  expect(await status(page).textContent()).toBe(done);
  return (await spokenSoFar(page)).map((s) => s.text);
}

describe("Écouter on the other pages and in another language", () => {
  it("reads a calendar event: its title and what it is, not its buttons", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    await page.addInitScript(fakeSpeech, [{ name: "Voix française locale", lang: "fr-FR", localService: true, default: true }]);
    await savePregnancyProfile(page, baseUrl, addDays(runToday(), 150));
    await page.goto(`${baseUrl}/calendrier/evenement/${encodeURIComponent("grossesse:entretien-prenatal-precoce")}`);
    const title = (await page.locator("main h1").textContent())!.trim();
    const lead = (await page.locator("#lecture-evenement .fr-text--lead").textContent())!.trim();

    await page.getByRole("button", { name: /^Écouter/ }).click();
    await expect.poll(() => status(page).textContent()).toBe("Lecture en cours.");
    expect(await spokenSoFar(page)).toEqual([{ text: title, lang: "fr-FR", rate: 1, voice: "Voix française locale" }]);
    expect(await highlighted(page)).toEqual([title]);
    await finishUtterance(page);
    await expect.poll(async () => (await spokenSoFar(page))[1]?.text).toBe(splitSentences(lead, "fr")[0]!.text);
    expect(await highlighted(page)).toEqual([splitSentences(lead, "fr")[0]!.text]);

    const said = await finishReading(page, "Lecture terminée.");
    expect(said).toContain("Obligatoire");
    expect(said.at(-1)).toMatch(/^Pour : /);
    expect(said.join(" ")).not.toMatch(/Marquer comme|Écouter/);
    expect(await highlighted(page)).toEqual([]);
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("reads an Arabic article with an Arabic voice, highlighting right to left, with the player in Arabic", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    await page.addInitScript(fakeSpeech, [
      { name: "Voix française locale", lang: "fr-FR", localService: true, default: true },
      { name: "صوت عربي", lang: "ar-SA", localService: true, default: false },
    ]);
    await page.goto(`${baseUrl}/ar${articlePath}`);
    const heading = page.locator("main h1 > span[lang=ar]");
    await heading.waitFor();
    const title = (await heading.textContent())!.trim();
    const leadNode = page.locator("#lecture-article[lang=ar][dir=rtl] .fr-text--lead");
    const leadSentences = splitSentences((await leadNode.textContent())!.trim(), "ar").map((s) => s.text);

    await page.getByRole("button", { name: /^استمع/ }).click();
    await expect.poll(() => status(page).textContent()).toBe("القراءة جارية.");
    expect(await spokenSoFar(page)).toEqual([{ text: title, lang: "ar-SA", rate: 1, voice: "صوت عربي" }]);
    await finishUtterance(page);
    await expect.poll(async () => (await spokenSoFar(page))[1]?.text).toBe(leadSentences[0]);
    expect(await highlighted(page)).toEqual([leadSentences[0]]);
    // Right to left: the highlighted sentence starts at the paragraph's right edge.
    const [sentenceBox, leadBox] = await Promise.all([
      page.evaluate(() => {
        const range = [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get("mj-lecture")!][0]!;
        const first = range.getClientRects()[0]!;
        return { right: first.right, left: first.left };
      }),
      leadNode.boundingBox(),
    ]);
    expect(Math.abs(sentenceBox.right - (leadBox!.x + leadBox!.width))).toBeLessThan(2);
    expect(await page.getByRole("button", { name: "إيقاف", exact: true }).isVisible()).toBe(true);
    await expectNoAxeViolations(page);
    expect(problems).toEqual([]);
    await context.close();
  });
});

/** Every pictogram on the page: decorative (hidden from assistive technologies), drawn, and its file served. */
async function checkPictograms(page: Page): Promise<string[]> {
  // Drawn: images decoded, `<use>` references resolved (the files load after the page).
  await page
    .waitForFunction(() =>
      [...document.querySelectorAll("main [data-picto]")].every((n) =>
        n instanceof HTMLImageElement
          ? n.complete && n.naturalWidth > 0
          : [...n.querySelectorAll("use")].some((u) => (u as SVGGraphicsElement).getBBox().width > 0),
      ),
    )
    .catch(() => undefined); // the assertions below name the one that is not
  const pictos = await page.locator("main [data-picto]").evaluateAll((nodes) =>
    nodes.map((n) => ({
      id: n.getAttribute("data-picto")!,
      hidden: n.tagName === "IMG" ? n.getAttribute("alt") === "" : n.getAttribute("aria-hidden") === "true",
      drawn:
        n instanceof HTMLImageElement
          ? n.complete && n.naturalWidth > 0
          : [...n.querySelectorAll("use")].some((u) => (u as SVGGraphicsElement).getBBox().width > 0),
      file: n instanceof HTMLImageElement ? n.src : (n.querySelector("use")!.getAttribute("href") ?? "").replace(/#.*/, ""),
      width: n.getBoundingClientRect().width,
    })),
  );
  for (const picto of pictos) {
    expect(picto, picto.id).toMatchObject({ hidden: true, drawn: true });
    expect(picto.width).toBeGreaterThanOrEqual(32);
    expect((await page.request.get(new URL(picto.file, baseUrl).href)).status(), picto.file).toBe(200);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  return pictos.map((p) => p.id);
}

describe("Pictogrammes beside what matters now", () => {
  it("shows decorative pictograms beside the key actions of the journey, the stage and the home page, in light and dark themes, on a phone", async () => {
    const { context, page, problems } = await newPhonePage(browser);
    mkdirSync("test-results", { recursive: true });
    const today = runToday();
    await savePregnancyProfile(page, baseUrl, addDays(today, 287 - 20 * 7));

    // « Mon parcours »: the pregnancy pictogram beside « Ce qui compte maintenant », on the same line.
    const action = page.getByRole("link", { name: "Ce qui compte maintenant" });
    const row = page.locator(".mj-with-picto").filter({ has: action });
    expect(await checkPictograms(page)).toEqual(["grossesse"]);
    const [picto, link] = [await row.locator("[data-picto]").boundingBox(), await action.boundingBox()];
    expect(picto!.x + picto!.width).toBeLessThanOrEqual(link!.x);
    expect(Math.abs(picto!.y + picto!.height / 2 - (link!.y + link!.height / 2))).toBeLessThan(picto!.height / 2);
    await page.screenshot({ path: "test-results/pictogrammes-parcours-390.png" });

    // The stage: one pictogram per key message, by the article's theme.
    await action.click();
    await page.locator(".mj-key-messages--picto li").first().waitFor();
    const keyMessages = await page.locator(".mj-key-messages--picto li").count();
    const ids = await checkPictograms(page);
    expect(ids.length).toBe(keyMessages);
    expect(ids).toContain("medecin");
    await expectNoAxeViolations(page);
    await page.locator("section[aria-labelledby=essentiel]").screenshot({ path: "test-results/pictogrammes-etape-390.png" });
    const lightFill = await page
      .locator("main svg.mj-picto use.fr-artwork-major")
      .first()
      .evaluate((u) => getComputedStyle(u).fill);

    // Dark theme: the DSFR pictograms take the theme's artwork colours; OpenMoji keeps its light disc.
    await page.emulateMedia({ colorScheme: "dark" });
    await page.locator("html[data-fr-theme=dark]").waitFor({ state: "attached" });
    const darkFill = await page
      .locator("main svg.mj-picto use.fr-artwork-major")
      .first()
      .evaluate((u) => getComputedStyle(u).fill);
    expect(darkFill).not.toBe(lightFill);
    expect(
      await page
        .locator("main img.mj-picto")
        .first()
        .evaluate((i) => getComputedStyle(i).backgroundColor),
    ).toBe("rgb(255, 255, 255)");
    await expectNoAxeViolations(page);
    await page.locator("section[aria-labelledby=essentiel]").screenshot({ path: "test-results/pictogrammes-etape-390-sombre.png" });

    // The home page's « what matters now » too.
    await page.goto(baseUrl);
    await page.locator(".mj-key-messages--picto li").first().waitFor();
    expect((await checkPictograms(page)).length).toBe(await page.locator(".mj-key-messages--picto li").count());

    // The credits name OpenMoji's licence, as it requires.
    await page.goto(`${baseUrl}/mes-donnees#licences`);
    await page.getByRole("heading", { name: "Crédits des pictogrammes" }).waitFor();
    expect(await page.locator("#credits + ul").innerText()).toMatch(
      /All emojis designed by OpenMoji – the open-source emoji and icon project\. License: CC BY-SA 4\.0/,
    );
    expect(problems).toEqual([]);
    await context.close();
  });
});
