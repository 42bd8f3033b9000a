import { existsSync } from "node:fs";
import { execSync } from "node:child_process";
import type { TestProject } from "vitest/node";
import { prepareSeededDataDir, startServer } from "../support/server.js";
import { isoDateInTimeZone } from "../../src/domain/dates.js";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    /** The run's clock: `instant` is what the pages' clocks read at `chosenAt` (real time); see tests/e2e/support.ts. */
    e2eClock: { instant: number; chosenAt: number };
  }
}

/**
 * The run's instant: today around noon in Paris, chosen once for the whole run. "Today" for the tests and for every page
 * they open is its day (tests/e2e/support.ts), so a run that crosses midnight in Paris does not see the date change:
 * the pages' clocks start from this instant and run on, eleven hours or more from either midnight.
 * E2E_INSTANT (any date Date.parse reads, e.g. 2026-12-02T23:59:30+01:00) replaces it, to run the tests on another
 * day or at another hour than the machine's.
 */
function runInstant(): number {
  const forced = process.env.E2E_INSTANT;
  if (forced) {
    const instant = Date.parse(forced);
    if (Number.isNaN(instant)) throw new Error(`E2E_INSTANT is not a date: ${forced}`);
    return instant;
  }
  const [year, month, day] = isoDateInTimeZone(new Date(), "Europe/Paris").split("-").map(Number);
  return Date.UTC(year!, month! - 1, day!, 11); // 12:00 in Paris in winter, 13:00 in summer: far from either midnight
}

/**
 * One server for the end-to-end tests, on the built front end (built here when missing). A seeded data folder is made
 * first: this server and every server a test starts run on a copy of it.
 */
export default async function setup(project: TestProject) {
  const clock = { instant: runInstant(), chosenAt: Date.now() }; // first: a wrong E2E_INSTANT stops the run before any server starts
  if (!existsSync("dist/index.html")) execSync("npm run build", { stdio: "inherit" });
  const seeded = await prepareSeededDataDir();
  const server = await startServer();
  project.provide("baseUrl", server.url);
  project.provide("e2eClock", clock);
  return async () => {
    await server.stop();
    seeded.remove();
  };
}
