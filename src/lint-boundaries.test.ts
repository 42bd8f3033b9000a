import { describe, expect, it } from "vitest";
import { ESLint } from "eslint";

/** The import boundaries of eslint.config.js: the browser and the server meet only through src/domain. */
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("import boundaries", () => {
  it.each([
    [
      "src/web/routes/calendrier/X.ts",
      'import { buildApp } from "../../../server/app.js";\nexport const x = buildApp;\n',
      /src\/web ne doit pas importer src\/server/,
    ],
    ["src/web/X.ts", 'export { loadConfig } from "../server/config.js";\n', /src\/web ne doit pas importer src\/server/],
    ["src/server/routes/X.ts", 'import { App } from "../../web/App.js";\nexport const x = App;\n', /src\/server ne doit pas importer src\/web/],
    [
      "src/domain/calendar/X.ts",
      'import { sendProblem } from "../../server/problem.js";\nexport const x = sendProblem;\n',
      /src\/domain ne dépend ni du serveur/,
    ],
    ["src/domain/X.ts", 'import type { ParentData } from "../web/state/parent.js";\nexport type X = ParentData;\n', /src\/domain ne dépend ni du serveur/],
    ["src/domain/X.ts", 'import { readFile } from "node:fs/promises";\nexport const x = readFile;\n', /src\/domain est pur/],
    // A lazy page must wait for its language's messages (src/web/i18n/lazy.ts).
    ["src/web/routes/X.tsx", 'import { lazy } from "react";\nexport const X = lazy(() => import("./Y.js"));\n', /lazyWithMessages/],
  ])("refuses %s importing across the boundary", async (filePath, code, message) => {
    const messages = await restrictedImports(filePath, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(message);
  });

  it("lets both sides import the domain", async () => {
    expect(await restrictedImports("src/web/X.ts", 'import { addDays } from "../domain/dates.js";\nexport const x = addDays;\n')).toEqual([]);
    expect(await restrictedImports("src/server/X.ts", 'import { addDays } from "../domain/dates.js";\nexport const x = addDays;\n')).toEqual([]);
  });
});
