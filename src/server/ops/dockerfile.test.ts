import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * What can be checked of the image without building it (the build itself is described in
 * docs/operations.md, « Conteneur »): production dependencies cover what the server imports, the
 * image starts the server exactly as the tests do, and copies what the server reads at run time.
 */
const root = fileURLToPath(new URL("../../../", import.meta.url));
const dockerfile = readFileSync(join(root, "Dockerfile"), "utf8");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { dependencies: Record<string, string> };

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    // Tests and their helpers are not run by the server.
    return /\.(ts|tsx|js)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !/^test-/.test(entry.name) ? [path] : [];
  });
}

describe("the container image", () => {
  it("installs, with production dependencies only (npm ci --omit=dev), every package the server and its commands import", () => {
    const missing: string[] = [];
    for (const file of [...sources(join(root, "src/server")), ...sources(join(root, "src/domain"))]) {
      for (const [, specifier] of readFileSync(file, "utf8").matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+"([^".][^"]*)"/gm)) {
        if (specifier!.startsWith("node:")) continue;
        const name = specifier!.startsWith("@") ? specifier!.split("/").slice(0, 2).join("/") : specifier!.split("/")[0]!;
        if (!(name in pkg.dependencies)) missing.push(`${relative(root, file)}: ${name}`);
      }
    }
    expect(missing).toEqual([]);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
  });

  it("starts the server with the command the tests use, as a non-root user, with a health check", () => {
    const testStart = readFileSync(join(root, "tests/support/server.ts"), "utf8");
    expect(testStart).toContain('spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"]');
    expect(dockerfile).toMatch(/^CMD \["node", "--import", "tsx", "src\/server\/main\.ts"\]$/m);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n.*\/api\/v1\/health/m);
  });

  // The render module the server imports at run time (a place's page, search results: src/server/request-pages.ts).
  it.skipIf(!existsSync(join(root, "build/ssr/prerender.js")))("installs every package the build's render module imports", () => {
    const missing = new Set<string>();
    for (const file of sources(join(root, "build/ssr")))
      for (const [, specifier] of readFileSync(file, "utf8").matchAll(/^(?:import|export)\b[^;]*?\bfrom\s*"([^".][^"]*)"/gm)) {
        const name = specifier!.startsWith("@") ? specifier!.split("/").slice(0, 2).join("/") : specifier!.split("/")[0]!;
        // tsafe comes with react-dsfr (its dependency).
        if (!(name in pkg.dependencies) && name !== "tsafe") missing.add(name);
      }
    expect([...missing]).toEqual([]);
  });

  it("copies what the server reads at run time: sources, content, shipped data and the built front end", () => {
    const runtime = dockerfile.slice(dockerfile.lastIndexOf("FROM "));
    for (const line of [
      "COPY src ./src",
      "COPY content ./content",
      "COPY data ./data",
      "COPY --from=build /app/dist ./dist",
      "COPY --from=build /app/build/ssr ./build/ssr",
      "COPY --from=deps /app/node_modules ./node_modules",
    ])
      expect(runtime).toContain(line);
  });
});
