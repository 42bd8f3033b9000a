import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * `npm test`: every check the project has, in order, then one plain summary line
 * `N passed, N failed` (CI reads it). Each static check counts as one test.
 */
interface Step {
  name: string;
  command: string[];
}

const steps: Step[] = [
  { name: "typecheck", command: ["npx", "tsc", "--noEmit", "-p", "tsconfig.json"] },
  { name: "lint", command: ["npx", "eslint", ".", "--max-warnings", "0"] },
  { name: "content validation", command: ["npx", "tsx", "src/cli/build-content.ts", "--check"] },
  { name: "build", command: ["npm", "run", "build", "--silent"] },
];

let passed = 0;
let failed = 0;
const failures: string[] = [];

for (const step of steps) {
  console.log(`\n▶ ${step.name}`);
  const result = spawnSync(step.command[0]!, step.command.slice(1), { stdio: "inherit" });
  if (result.status === 0) passed += 1;
  else {
    failed += 1;
    failures.push(step.name);
  }
}

console.log("\n▶ unit, integration (PGlite and PostgreSQL) and end-to-end tests");
const reportDir = mkdtempSync(join(tmpdir(), "mille-jours-tests-"));
const report = join(reportDir, "vitest.json");
const vitest = spawnSync("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`], { stdio: "inherit" });
try {
  const json = JSON.parse(readFileSync(report, "utf8")) as { numPassedTests: number; numFailedTests: number; numTotalTests: number };
  passed += json.numPassedTests;
  failed += json.numFailedTests;
  if (json.numFailedTests > 0) failures.push(`${json.numFailedTests} test(s)`);
  if (vitest.status !== 0 && json.numFailedTests === 0) {
    failed += 1;
    failures.push("vitest (setup or teardown error)");
  }
} catch {
  failed += 1;
  failures.push("vitest (no report)");
}
rmSync(reportDir, { recursive: true, force: true });

if (failures.length) console.log(`\nÉchecs : ${failures.join(", ")}`);
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed > 0 ? 1 : 0);
