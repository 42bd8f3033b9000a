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

  // 3. Lighthouse, mobile (its default form factor and simulated throttling). Its figures move by a few
  // points from one run to the next on a shared machine: several runs, median and range.
  const runs = Number(process.env.LIGHTHOUSE_RUNS ?? 5);
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: FLAGS });
  const scores: { page: string; failures: string[]; performance: number[]; accessibility: number[]; bestPractices: number[]; lcp: number[]; tbt: number[]; cls: number[] }[] = [];
  try {
    for (const page of PAGES) {
      const row = { page: page.name, failures: [] as string[], performance: [] as number[], accessibility: [] as number[], bestPractices: [] as number[], lcp: [] as number[], tbt: [] as number[], cls: [] as number[] };
      for (let run = 0; run < runs; run++) {
        const result = await lighthouse(server.url + page.path, {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: ["performance", "accessibility", "best-practices"],
        });
        const lhr = result!.lhr;
        if (lhr.runtimeError) {
          row.failures.push(lhr.runtimeError.code);
          continue;
        }
        const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
        row.performance.push(score("performance"));
        row.accessibility.push(score("accessibility"));
        row.bestPractices.push(score("best-practices"));
        row.lcp.push(lhr.audits["largest-contentful-paint"]?.numericValue ?? NaN);
        row.tbt.push(lhr.audits["total-blocking-time"]?.numericValue ?? NaN);
        row.cls.push(lhr.audits["cumulative-layout-shift"]?.numericValue ?? NaN);
      }
      scores.push(row);
    }
  } finally {
    chrome.kill();
  }

  console.log("\n## Démarrage du serveur (jusqu'à la première réponse /api/v1/health)");
  for (const [run, ms] of Object.entries(startup)) console.log(`- ${run} : ${ms} ms`);
  console.log("\n## Premier chargement (gzip)  — objectif JS + CSS ≤ 200 Ko");
  for (const w of weights) console.log(`- ${w.page} : JS ${w.js.toFixed(1)} Ko + CSS ${w.css.toFixed(1)} Ko = ${(w.js + w.css).toFixed(1)} Ko`);
  console.log(`\n## Lighthouse mobile, ${runs} passages (médiane [min–max]) — objectifs performance ≥ 95, accessibilité 100`);
  for (const s of scores)
    console.log(
      `- ${s.page} : performance ${spread(s.performance)}, accessibilité ${spread(s.accessibility)}, bonnes pratiques ${spread(s.bestPractices)}` +
        ` (LCP ${spread(s.lcp.map((ms) => ms / 1000), 1)} s, TBT ${spread(s.tbt)} ms, CLS ${spread(s.cls, 3)})` +
        (s.failures.length ? ` ; passages en erreur de Lighthouse, non comptés : ${s.failures.join(", ")}` : ""),
    );
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

/** "97 [95–99]": the median, then the range. */
function spread(values: number[], digits = 0): string {
  if (values.length === 0) return "—";
  const sorted = [...values].sort((a, b) => a - b);
  const show = (n: number) => n.toFixed(digits);
  return `${show(sorted[Math.floor(sorted.length / 2)]!)} [${show(sorted[0]!)}–${show(sorted[sorted.length - 1]!)}]`;
}
