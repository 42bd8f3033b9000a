import { execSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { startServer } from "../tests/support/server.js";

/**
 * `npm run bench`: prints the figures of the foundation issue. Nothing here is asserted.
 * - first-load JS and CSS (gzip) of the home page and a stage page;
 * - Lighthouse mobile scores of those pages, with Debian's Chromium;
 * - server time from start to the first answered request, cold (empty data folder) and warm.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];
const PAGES = [
  { name: "accueil", path: "/" },
  { name: "étape « Suite et fin de grossesse »", path: "/parcours/suite-grossesse" },
];

if (!existsSync("dist/index.html")) execSync("npm run build", { stdio: "inherit" });

// 1. Start-up time.
const dataDir = mkdtempSync(join(tmpdir(), "mille-jours-bench-"));
const startup: Record<string, number> = {};
for (const run of ["à froid (base vide : migrations + chargement du contenu)", "à chaud (base existante)"]) {
  const t0 = performance.now();
  const server = await startServer({ dataDir });
  startup[run] = Math.round(performance.now() - t0);
  await server.stop();
}

const server = await startServer({ dataDir });
try {
  // 2. First-load bytes, as the browser fetches them (service worker and lazy chunks included).
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS.filter((f) => !f.startsWith("--headless")) });
  const weights: { page: string; js: number; css: number }[] = [];
  for (const page of PAGES) {
    const context = await browser.newContext();
    const tab = await context.newPage();
    const bodies: { type: string; size: number }[] = [];
    tab.on("response", async (response) => {
      const type = response.request().resourceType();
      if (type !== "script" && type !== "stylesheet") return;
      try {
        bodies.push({ type, size: gzipSync(await response.body()).length });
      } catch {
        /* redirected or aborted */
      }
    });
    await tab.goto(server.url + page.path, { waitUntil: "networkidle" });
    await context.close();
    const sum = (type: string) => bodies.filter((b) => b.type === type).reduce((n, b) => n + b.size, 0) / 1024;
    weights.push({ page: page.name, js: sum("script"), css: sum("stylesheet") });
  }
  await browser.close();

  // 3. Lighthouse, mobile (its default form factor and throttling).
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS });
  const scores: { page: string; performance: number; accessibility: number; bestPractices: number; lcp: string; tbt: string }[] = [];
  try {
    for (const page of PAGES) {
      const result = await lighthouse(server.url + page.path, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility", "best-practices"],
      });
      const lhr = result!.lhr;
      const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
      scores.push({
        page: page.name,
        performance: score("performance"),
        accessibility: score("accessibility"),
        bestPractices: score("best-practices"),
        lcp: lhr.audits["largest-contentful-paint"]?.displayValue ?? "?",
        tbt: lhr.audits["total-blocking-time"]?.displayValue ?? "?",
      });
    }
  } finally {
    chrome.kill();
  }

  console.log("\n## Démarrage du serveur (jusqu'à la première réponse /api/v1/health)");
  for (const [run, ms] of Object.entries(startup)) console.log(`- ${run} : ${ms} ms`);
  console.log("\n## Premier chargement (gzip)  — objectif JS + CSS ≤ 200 Ko");
  for (const w of weights) console.log(`- ${w.page} : JS ${w.js.toFixed(1)} Ko + CSS ${w.css.toFixed(1)} Ko = ${(w.js + w.css).toFixed(1)} Ko`);
  console.log("\n## Lighthouse mobile — objectifs performance ≥ 95, accessibilité 100");
  for (const s of scores)
    console.log(`- ${s.page} : performance ${s.performance}, accessibilité ${s.accessibility}, bonnes pratiques ${s.bestPractices} (LCP ${s.lcp}, TBT ${s.tbt})`);
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
