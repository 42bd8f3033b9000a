import { execSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Page } from "playwright-core";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { startServer } from "../tests/support/server.js";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../tests/support/chromium.js";
import { locales } from "../src/domain/content/languages.js";

/**
 * `npm run bench`: prints the figures of the foundation issue and of issue 19. Nothing here is asserted.
 * - server time from start to the first answered request, cold (empty data folder) and warm;
 * - first-load JS and CSS (gzip) of each page a parent or a visitor lands on;
 * - Lighthouse mobile (simulated throttling, Debian's Chromium) on each of them: a first visit (empty storage),
 *   then a returning parent (a profile saved on the device, the service worker installed) on the pages that
 *   change with it. LIGHTHOUSE_RUNS (default 5) runs each: median and range (0: first-load bytes only);
 * - the home and a stage page in Arabic, and every other language's home (issue 14), measured like the French pages.
 */
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 5);
/** BENCH_PAGES=/,/calendrier: only these paths (while developing). */
const ONLY = process.env.BENCH_PAGES?.split(",");
/** BENCH_LHR_DIR=/tmp/lhr: each run's Lighthouse report kept there as JSON (which elements shifted, which tasks blocked). */
const LHR_DIR = process.env.BENCH_LHR_DIR;

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
  const article = ((await (await fetch(`${server.url}/api/v1/content`)).json()) as { articles: { id: string }[] }).articles[0]!.id;
  const places = (await (await fetch(`${server.url}/api/v1/places?lat=48.8566&lon=2.3522`)).json()) as {
    features?: { id?: string; properties?: { id?: string } }[];
  };
  const place = places.features?.[0];
  const placeId = place?.properties?.id ?? place?.id;
  type Visit = "première visite" | "parent qui revient";
  const first: Visit[] = ["première visite"];
  const returning: Visit[] = ["parent qui revient"];
  const both: Visit[] = ["première visite", "parent qui revient"];
  const pages: { name: string; path: string; visits: Visit[] }[] = [
    { name: "accueil", path: "/", visits: both },
    { name: "parcours", path: "/parcours", visits: both },
    { name: "étape « Suite et fin de grossesse »", path: "/parcours/suite-grossesse", visits: first },
    { name: "article", path: `/articles/${article}`, visits: first },
    { name: "calendrier", path: "/calendrier", visits: both },
    // An event exists only for a device with a profile: the entretien prénatal précoce of the seeded pregnancy.
    { name: "événement du calendrier", path: `/calendrier/evenement/${encodeURIComponent("grossesse:entretien-prenatal-precoce")}`, visits: returning },
    { name: "post-partum", path: "/post-partum", visits: first },
    { name: "questionnaire EPDS (intégrable)", path: "/integration/epds", visits: first },
    { name: "autour de moi", path: "/autour-de-moi", visits: first },
    ...(placeId ? [{ name: "fiche d'un lieu", path: `/autour-de-moi/lieu/${encodeURIComponent(placeId)}`, visits: first }] : []),
    { name: "recherche", path: "/recherche", visits: first },
    { name: "recherche « allaitement »", path: "/recherche?q=allaitement", visits: first },
    { name: "profil", path: "/profil", visits: first },
    { name: "mes données", path: "/mes-donnees", visits: first },
    { name: "baromètre", path: "/barometre", visits: first },
    // Pages of the second wave: child development and the TND check, the professionals' space, the call-back request.
    { name: "développement", path: "/developpement", visits: first },
    { name: "repérage (grille 2024)", path: "/developpement/reperage", visits: first },
    { name: "espace des professionnels", path: "/professionnels", visits: first },
    { name: "demande de rappel", path: "/post-partum/rappel", visits: first },
    // Issue 14: the same pages in Arabic (right to left, its own font and catalogue sections), then each language's home
    // (Lighthouse too: the table showed « — » for them because they were measured for their bytes only).
    { name: "accueil en arabe", path: "/ar", visits: first },
    { name: "étape en arabe", path: "/ar/parcours/suite-grossesse", visits: first },
    ...locales.filter((l) => l.prefix && l.code !== "ar").map((l) => ({ name: `accueil (${l.code})`, path: l.prefix, visits: first })),
  ].filter((p) => !ONLY || ONLY.includes(p.path));

  // 2. First-load bytes, as the browser fetches them on a first visit (lazy chunks included).
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const weights = new Map<string, { js: number; css: number }>();
  for (const page of pages.filter((p) => p.visits.includes("première visite"))) {
    const context = await browser.newContext();
    const tab = await context.newPage();
    const bodies: Promise<{ type: string; size: number }>[] = [];
    tab.on("response", (response) => {
      const type = response.request().resourceType();
      if (type !== "script" && type !== "stylesheet") return;
      // A body the browser no longer holds (on a loaded machine, now and then: the main script counted 0) is asked again.
      bodies.push(
        response
          .body()
          .catch(async () => Buffer.from(await (await fetch(response.url())).arrayBuffer()))
          .then((body) => ({ type, size: gzipSync(body).length })),
      );
    });
    await tab.goto(server.url + page.path, { waitUntil: "networkidle" });
    const sizes = await Promise.all(bodies);
    await context.close();
    const sum = (type: string) => sizes.filter((b) => b.type === type).reduce((n, b) => n + b.size, 0) / 1024;
    weights.set(page.path, { js: sum("script"), css: sum("stylesheet") });
  }
  await browser.close();

  // 3. Lighthouse, mobile (its default form factor and simulated throttling). Its figures move by a few
  // points from one run to the next on a shared machine: several runs, median and range.
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: ["--headless=new", ...CHROMIUM_ARGS] });
  type Row = {
    page: string;
    path: string;
    visit: Visit;
    failures: string[];
    performance: number[];
    lcp: number[];
    tbt: number[];
    cls: number[];
    fcp: number[];
  };
  const rows: Row[] = [];
  try {
    for (const visit of ["première visite", "parent qui revient"] as const) {
      if (visit === "parent qui revient") await seedProfile(chrome.port);
      for (const page of pages.filter((p) => p.visits.includes(visit))) {
        const row: Row = { page: page.name, path: page.path, visit, failures: [], performance: [], lcp: [], tbt: [], cls: [], fcp: [] };
        for (let run = 0; run < RUNS; run++) {
          const result = await lighthouse(server.url + page.path, {
            port: chrome.port,
            output: "json",
            logLevel: "error",
            onlyCategories: ["performance"],
            // A returning parent keeps the device's storage (profile, content copy, service worker).
            disableStorageReset: visit === "parent qui revient",
          });
          const lhr = result!.lhr;
          if (LHR_DIR) {
            mkdirSync(LHR_DIR, { recursive: true });
            writeFileSync(
              join(LHR_DIR, `${visit === "première visite" ? "first" : "returning"}${page.path.replace(/[^a-z0-9]+/gi, "_")}-${run + 1}.json`),
              result!.report as string,
            );
          }
          if (lhr.runtimeError) {
            row.failures.push(lhr.runtimeError.code);
            continue;
          }
          row.performance.push(Math.round((lhr.categories.performance?.score ?? 0) * 100));
          row.lcp.push((lhr.audits["largest-contentful-paint"]?.numericValue ?? NaN) / 1000);
          row.fcp.push((lhr.audits["first-contentful-paint"]?.numericValue ?? NaN) / 1000);
          row.tbt.push(lhr.audits["total-blocking-time"]?.numericValue ?? NaN);
          row.cls.push(lhr.audits["cumulative-layout-shift"]?.numericValue ?? NaN);
        }
        rows.push(row);
        console.error(`… ${visit} ${page.path} : performance ${spread(row.performance)}, LCP ${spread(row.lcp, 1)} s`);
      }
    }
  } finally {
    chrome.kill();
  }

  console.log("\n## Démarrage du serveur (jusqu'à la première réponse /api/v1/health)");
  for (const [run, ms] of Object.entries(startup)) console.log(`- ${run} : ${ms} ms`);
  console.log(`\n## Lighthouse mobile, ${RUNS} passages (médiane [min–max]) — objectifs performance ≥ 95, LCP ≤ 2,5 s ; premier chargement JS + CSS (gzip)`);
  console.log("\n| page | chemin | visite | performance | LCP (s) | FCP (s) | TBT (ms) | CLS | JS + CSS au premier chargement |");
  console.log("|---|---|---|---|---|---|---|---|---|");
  for (const r of rows) {
    const w = r.visit === "première visite" ? weights.get(r.path) : undefined;
    const weight = w ? `${w.js.toFixed(1)} + ${w.css.toFixed(1)} = ${(w.js + w.css).toFixed(1)} Ko` : "—";
    const failures = r.failures.length ? ` (${r.failures.length} passage(s) en erreur : ${r.failures.join(", ")})` : "";
    console.log(
      `| ${r.page} | \`${r.path}\` | ${r.visit} | ${spread(r.performance)}${failures} | ${spread(r.lcp, 1)} | ${spread(r.fcp, 1)} | ${spread(r.tbt)} | ${spread(r.cls, 3)} | ${weight} |`,
    );
  }
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

/** A parent expecting a baby in 150 days saves a profile on the device, as in the app (its storage then stays). */
async function seedProfile(port: number): Promise<void> {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const page: Page = await browser.contexts()[0]!.newPage();
  await page.goto(`${server.url}/profil`);
  await page.locator("label").filter({ hasText: "Grossesse en cours" }).first().click();
  const terme = new Date(Date.now() + 150 * 86_400_000).toISOString().slice(0, 10);
  await page.locator('input[name="pregnancy-date"]').fill(terme);
  await page.getByRole("button", { name: "Enregistrer et voir mon parcours" }).click();
  await page.getByRole("heading", { name: "Mon parcours", level: 1 }).waitFor();
  // The service worker has taken the page and the content copy is on the device.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForLoadState("networkidle");
  await page.close();
  await browser.close();
}

/** "97 [95–99]": the median, then the range. */
function spread(values: number[], digits = 0): string {
  if (values.length === 0) return "—";
  const sorted = [...values].sort((a, b) => a - b);
  const show = (n: number) => n.toFixed(digits);
  return `${show(sorted[Math.floor(sorted.length / 2)]!)} [${show(sorted[0]!)}–${show(sorted[sorted.length - 1]!)}]`;
}
