// Loaded into the benched server with `node --import` (bench/places.ts), never by the server itself: one JSON line per
// garbage-collection pause of the main thread (when it began, epoch ms; its kind; its length in ms), appended to
// GC_PROBE_FILE once a second and at exit, so that the bench totals the pauses of its measured load only.
// Plain JavaScript: it runs before the TypeScript loader.
import { appendFileSync } from "node:fs";
import { PerformanceObserver, constants, performance } from "node:perf_hooks";
import process from "node:process";
import { setInterval } from "node:timers";
import { isMainThread } from "node:worker_threads";

const file = process.env.GC_PROBE_FILE;
// Worker threads inherit the flags and so load this module too: only the main thread, which serves, is counted.
if (file && isMainThread) {
  const kinds = {
    [constants.NODE_PERFORMANCE_GC_MINOR]: "minor",
    [constants.NODE_PERFORMANCE_GC_MAJOR]: "major",
    [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: "incremental",
    [constants.NODE_PERFORMANCE_GC_WEAKCB]: "weakcb",
  };
  let lines = "";
  const flush = () => {
    if (lines) appendFileSync(file, lines);
    lines = "";
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = kinds[entry.detail?.kind] ?? String(entry.detail?.kind);
      lines += `${JSON.stringify({ at: performance.timeOrigin + entry.startTime, kind, ms: entry.duration })}\n`;
    }
  }).observe({ entryTypes: ["gc"] });
  setInterval(flush, 1000).unref();
  process.on("exit", flush);
}
