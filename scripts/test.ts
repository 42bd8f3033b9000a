import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * `npm test`: every check the project has, then one plain summary line `N passed, N failed` (CI reads it). Each
 * static check counts as one test.
 *
 * Two lanes run side by side, as they share nothing: the build then the end-to-end tests (which need `dist/`), and
 * the typecheck, lint, format check, content validation then the unit and integration tests. Each lane is mostly one busy process
 * at a time, so on a 2-core machine the whole run takes about as long as the longer lane instead of the sum of both.
 * The second lane's output is held and printed in one piece when it ends, so that the log reads lane by lane.
 */
interface Step {
  name: string;
  command: string[];
}

interface Outcome {
  passed: number;
  failed: number;
  failures: string[];
  timings: string[];
}

const reportDir = mkdtempSync(join(tmpdir(), "mille-jours-tests-"));

const vitest = (project: "unit" | "e2e"): Step => ({
  name: project === "unit" ? "unit and integration tests (PGlite and PostgreSQL)" : "end-to-end tests",
  command: ["npx", "vitest", "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${join(reportDir, `${project}.json`)}`],
});

const lanes: { steps: Step[]; held: boolean }[] = [
  { steps: [{ name: "build", command: ["npm", "run", "build", "--silent"] }, vitest("e2e")], held: false },
  {
    steps: [
      { name: "typecheck", command: ["npx", "tsc", "--noEmit", "-p", "tsconfig.json"] },
      { name: "lint", command: ["npx", "eslint", ".", "--max-warnings", "0"] },
      { name: "format", command: ["npx", "prettier", "--check", "--log-level", "warn", "."] },
      { name: "content validation", command: ["npx", "tsx", "src/cli/build-content.ts", "--check"] },
      vitest("unit"),
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
    const project = step.command.includes("--project") ? step.command[step.command.indexOf("--project") + 1] : null;
    if (project === "e2e" && outcome.failures.includes("build")) {
      outcome.failed += 1;
      outcome.failures.push("end-to-end tests (not run: the build failed)");
      continue;
    }
    const header = `\n▶ ${step.name}\n`;
    if (held) log.push(header);
    else process.stdout.write(header);
    const t0 = performance.now();
    const status = await run(step.command, held ? log : null);
    outcome.timings.push(`${step.name} ${seconds(t0)} s`);
    if (!project) {
      if (status === 0) outcome.passed += 1;
      else {
        outcome.failed += 1;
        outcome.failures.push(step.name);
      }
      continue;
    }
    try {
      const json = JSON.parse(readFileSync(join(reportDir, `${project}.json`), "utf8")) as { numPassedTests: number; numFailedTests: number };
      outcome.passed += json.numPassedTests;
      outcome.failed += json.numFailedTests;
      if (json.numFailedTests > 0) outcome.failures.push(`${json.numFailedTests} test(s) ${project}`);
      if (status !== 0 && json.numFailedTests === 0) {
        outcome.failed += 1;
        outcome.failures.push(`vitest ${project} (setup or teardown error)`);
      }
    } catch {
      outcome.failed += 1;
      outcome.failures.push(`vitest ${project} (no report)`);
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
