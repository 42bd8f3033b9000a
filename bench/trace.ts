import { existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { startServer } from "../tests/support/server.js";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../tests/support/chromium.js";

/**
 * `npm run bench:trace`: where a first visit spends the main thread (issue 19), when Lighthouse's figures mean
 * little (a shared, loaded machine). Each page is opened in a fresh context with the CPU slowed 4× (as Lighthouse's
 * mobile profile), traced until it has been quiet for a while, then: the renderer main thread's busy time (sum of
 * its top-level tasks), its long tasks (> 50 ms) and their blocking part (as TBT counts it: what exceeds 50 ms),
 * script evaluation and compilation by file, style and layout, and the JS and CSS (gzip) the page fetched. Nothing is
 * asserted. Issue 14: the system font look-ups of the layouts (one per letter and text style that no face of the page
 * draws yet: an Arabic page laid out before its font has arrived looks up about 190, each a call to the browser
 * process on Linux, and shapes its words a second time when the font comes).
 * TRACE_PAGES=/post-partum,/autour-de-moi (default) selects the pages, TRACE_RUNS (default 3) the runs per page
 * (median shown).
 */
const PAGES = (process.env.TRACE_PAGES ?? "/post-partum,/autour-de-moi").split(",");
const RUNS = Number(process.env.TRACE_RUNS ?? 3);
const CPU_SLOWDOWN = 4;
/** After the load event: long enough for the app's deferred work (DSFR's script starts 3 s after the load, when idle). */
const SETTLE_MS = Number(process.env.TRACE_SETTLE_MS ?? 6000);

if (!existsSync("dist/index.html")) throw new Error("Lancez d'abord « npm run build ».");

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event: less moved than `dur` by other processes on a loaded machine. */
  tdur?: number;
  args?: { name?: string; data?: { url?: string; frame?: string }; beginData?: { url?: string } };
}

interface Figures {
  busy: number;
  /** Thread time of style recalculations and layouts (the letters' shaping is in the layouts). */
  style: number;
  layout: number;
  /** Letters looked up in the system's fonts (FontCache::FallbackFontForCharacter). */
  fallbacks: number;
  cpu: number;
  longTasks: number;
  blocking: number;
  byScript: Map<string, number>;
  js: number;
  css: number;
  scripts: string[];
}

const server = await startServer();
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  for (const path of PAGES) {
    const runs: Figures[] = [];
    for (let run = 0; run < RUNS; run++) runs.push(await measure(path));
    const median = (pick: (f: Figures) => number) => {
      const sorted = runs.map(pick).sort((a, b) => a - b);
      return sorted[Math.floor(sorted.length / 2)]!;
    };
    const range = (pick: (f: Figures) => number) => `${Math.round(Math.min(...runs.map(pick)))}–${Math.round(Math.max(...runs.map(pick)))}`;
    console.log(`\n## ${path} (CPU ÷${CPU_SLOWDOWN}, ${RUNS} passages, médiane [min–max])`);
    console.log(`- fil principal occupé : ${Math.round(median((f) => f.busy))} ms [${range((f) => f.busy)}]`);
    console.log(`- dont temps CPU du fil (hors ralentissement, peu sensible à la charge) : ${Math.round(median((f) => f.cpu))} ms [${range((f) => f.cpu)}]`);
    console.log(
      `- tâches longues (> 50 ms) : ${median((f) => f.longTasks)} ; temps bloquant : ${Math.round(median((f) => f.blocking))} ms [${range((f) => f.blocking)}]`,
    );
    console.log(
      `- style : ${Math.round(median((f) => f.style))} ms [${range((f) => f.style)}] ; mise en page : ${Math.round(median((f) => f.layout))} ms [${range((f) => f.layout)}] (temps du fil)`,
    );
    console.log(`- lettres cherchées dans les polices du système : ${runs.map((f) => f.fallbacks).join(", ")} (par passage)`);
    console.log(`- JS + CSS chargés (gzip) : ${median((f) => f.js).toFixed(1)} + ${median((f) => f.css).toFixed(1)} Ko`);
    console.log(`- scripts : ${runs[0]!.scripts.join(", ")}`);
    const files = new Set(runs.flatMap((f) => [...f.byScript.keys()]));
    const rows = [...files]
      .map((file) => ({ file, ms: median((f) => f.byScript.get(file) ?? 0) }))
      .filter((r) => r.ms >= 5)
      .sort((a, b) => b.ms - a.ms);
    for (const r of rows) console.log(`  - évaluation + compilation ${r.file} : ${Math.round(r.ms)} ms`);
  }
} finally {
  await browser.close();
  await server.stop();
}

async function measure(path: string): Promise<Figures> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1.75 });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  const bodies: Promise<{ type: string; size: number; url: string }>[] = [];
  page.on("response", (response) => {
    const type = response.request().resourceType();
    if (type !== "script" && type !== "stylesheet") return;
    const url = new URL(response.url()).pathname;
    bodies.push(
      response.body().then(
        (body) => ({ type, size: gzipSync(body).length, url }),
        () => ({ type, size: 0, url }),
      ),
    );
  });
  await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "toplevel", "fonts"] });
  await page.goto(server.url + path, { waitUntil: "load" });
  await page.waitForTimeout(SETTLE_MS);
  const trace = JSON.parse((await browser.stopTracing()).toString("utf8")) as { traceEvents: TraceEvent[] };
  const sizes = await Promise.all(bodies);
  await context.close();

  const events = trace.traceEvents;
  // The page's renderer: the main thread that parsed this page's HTML.
  const parse = events.find((e) => e.name === "ParseHTML" && e.args?.beginData?.url?.startsWith(server.url));
  if (!parse) throw new Error(`Pas de ParseHTML pour ${path}`);
  const main = events.filter((e) => e.pid === parse.pid && e.tid === parse.tid);
  const tasks = main.filter((e) => e.name === "RunTask" && e.ph === "X" && (e.dur ?? 0) > 0);
  const start = parse.ts;
  const counted = tasks.filter((e) => e.ts >= start);
  const busy = counted.reduce((n, e) => n + e.dur!, 0) / 1000;
  const cpu = counted.reduce((n, e) => n + (e.tdur ?? 0), 0) / 1000;
  const long = counted.filter((e) => e.dur! > 50_000);
  const blocking = long.reduce((n, e) => n + (e.dur! - 50_000), 0) / 1000;
  const byScript = new Map<string, number>();
  for (const e of main) {
    if (e.ph !== "X" || !e.dur) continue;
    if (e.name !== "EvaluateScript" && e.name !== "v8.compileModule" && e.name !== "v8.evaluateModule" && e.name !== "FunctionCall") continue;
    const url = e.args?.data?.url;
    if (!url) continue;
    const file = url.startsWith("http") ? new URL(url).pathname : url;
    byScript.set(file, (byScript.get(file) ?? 0) + e.dur / 1000);
  }
  const threadTime = (name: string) =>
    main.filter((e) => e.name === name && e.ph === "X" && e.ts >= start).reduce((n, e) => n + (e.tdur ?? e.dur ?? 0), 0) / 1000;
  const kb = (type: string) => sizes.filter((b) => b.type === type).reduce((n, b) => n + b.size, 0) / 1024;
  return {
    busy,
    style: threadTime("UpdateLayoutTree"),
    layout: threadTime("Layout"),
    fallbacks: main.filter((e) => e.name === "FontCache::FallbackFontForCharacter" && e.ts >= start).length,
    cpu,
    longTasks: long.length,
    blocking,
    byScript,
    js: kb("script"),
    css: kb("stylesheet"),
    scripts: sizes.filter((b) => b.type === "script").map((b) => `${b.url.replace(/^\/assets\//, "")} ${(b.size / 1024).toFixed(1)}`),
  };
}
