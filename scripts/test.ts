import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * `npm test`: every check the project has, then one plain summary line `N passed, N failed` (CI reads it). Each
 * static check counts as one test.
 *
 * Two lanes run side by side, as they share nothing: the build then the parents' end-to-end tests, and the
 * typecheck, lint, format check, content validation, the unit and integration tests, then the back office's and
 * professionals' end-to-end tests (they need the build: they wait for it). Each lane is mostly one busy process at a
 * time, so on a 2-core machine the whole run takes about as long as the longer lane instead of the sum of both; the
 * end-to-end files are split so that the lanes end together (about 800 s of end-to-end tests in the first, 600 s of
 * unit tests then 225 s of end-to-end tests in the second). Each end-to-end run starts its own server on its own data
 * folder. The second lane's output is held and printed in one piece when it ends, so that the log reads lane by lane.
 */
interface Step {
  name: string;
  command: string[];
  /** The vitest JSON report the step writes (its tests are counted from it); a step without one counts as one test. */
  report?: string;
  /** The step needs the front end built by the first lane. */
  afterBuild?: boolean;
}

interface Outcome {
  passed: number;
  failed: number;
  failures: string[];
  timings: string[];
}

const reportDir = mkdtempSync(join(tmpdir(), "mille-jours-tests-"));

/** The end-to-end files run in the second lane, after the unit tests. */
const officeEndToEnd = ["tests/e2e/pilotage.test.ts", "tests/e2e/professionnels.test.ts"];

const vitest = (name: string, project: "unit" | "e2e", report: string, files: string[] = []): Step => ({
  name,
  report,
  afterBuild: project === "e2e",
  command: [
    "npx",
    "vitest",
    "run",
    "--project",
    project,
    ...files,
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${join(reportDir, `${report}.json`)}`,
  ],
});

let builtOk: (ok: boolean) => void = () => {};
const built = new Promise<boolean>((resolve) => (builtOk = resolve));

const lanes: { steps: Step[]; held: boolean }[] = [
  {
    steps: [
      { name: "build", command: ["npm", "run", "build", "--silent"] },
      vitest(
        "end-to-end tests (parents' pages)",
        "e2e",
        "e2e-parents",
        officeEndToEnd.flatMap((file) => ["--exclude", file]),
      ),
    ],
    held: false,
  },
  {
    steps: [
      { name: "typecheck", command: ["npx", "tsc", "--noEmit", "-p", "tsconfig.json"] },
      { name: "lint", command: ["npx", "eslint", ".", "--max-warnings", "0"] },
      { name: "format", command: ["npx", "prettier", "--check", "--log-level", "warn", "."] },
      { name: "content validation", command: ["npx", "tsx", "src/cli/build-content.ts", "--check"] },
      vitest("unit and integration tests (PGlite and PostgreSQL)", "unit", "unit"),
      vitest("end-to-end tests (back office and professionals)", "e2e", "e2e-office", officeEndToEnd),
    ],
    held: true,
  },
];

const started = performance.now();
const outcomes = await Promise.all(lanes.map((lane) => runLane(lane.steps, lane.held)));
rmSync(reportDir, { recursive: true, force: true });

const passed = outcomes.reduce((n, o) => n + o.passed, 0);
const failed = outcomes.reduce((n, o) => n + o.failed, 0);
const failures = outcomes.flatMap((o) => o.failures);
console.log(`\nDurées : ${outcomes.flatMap((o) => o.timings).join(", ")} ; en tout ${seconds(started)} s`);
if (failures.length) console.log(`\nÉchecs : ${failures.join(", ")}`);
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed > 0 ? 1 : 0);

async function runLane(steps: Step[], held: boolean): Promise<Outcome> {
  const outcome: Outcome = { passed: 0, failed: 0, failures: [], timings: [] };
  const log: string[] = [];
  for (const step of steps) {
    if (step.afterBuild && !(await built)) {
      outcome.failed += 1;
      outcome.failures.push(`${step.name} (not run: the build failed)`);
      continue;
    }
    const header = `\n▶ ${step.name}\n`;
    if (held) log.push(header);
    else process.stdout.write(header);
    const t0 = performance.now();
    const status = await run(step.command, held ? log : null);
    outcome.timings.push(`${step.name} ${seconds(t0)} s`);
    if (step.name === "build") builtOk(status === 0);
    if (!step.report) {
      if (status === 0) outcome.passed += 1;
      else {
        outcome.failed += 1;
        outcome.failures.push(step.name);
      }
      continue;
    }
    try {
      const json = JSON.parse(readFileSync(join(reportDir, `${step.report}.json`), "utf8")) as { numPassedTests: number; numFailedTests: number };
      outcome.passed += json.numPassedTests;
      outcome.failed += json.numFailedTests;
      if (json.numFailedTests > 0) outcome.failures.push(`${json.numFailedTests} test(s): ${step.name}`);
      if (status !== 0 && json.numFailedTests === 0) {
        outcome.failed += 1;
        outcome.failures.push(`${step.name} (setup or teardown error)`);
      }
    } catch {
      outcome.failed += 1;
      outcome.failures.push(`${step.name} (no report)`);
    }
  }
  if (held) process.stdout.write(log.join(""));
  return outcome;
}

/** Runs a command to its end; its output goes to the console, or into `log` to be printed later. */
function run(command: string[], log: string[] | null): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(command[0]!, command.slice(1), { stdio: log ? ["ignore", "pipe", "pipe"] : "inherit" });
    if (log) {
      child.stdout!.on("data", (chunk: Buffer) => log.push(chunk.toString()));
      child.stderr!.on("data", (chunk: Buffer) => log.push(chunk.toString()));
    }
    child.on("error", (error) => {
      log?.push(`${error.message}\n`);
      resolve(null);
    });
    child.on("close", (code) => resolve(code));
  });
}

function seconds(since: number): number {
  return Math.round((performance.now() - since) / 1000);
}
