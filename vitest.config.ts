import { defineConfig } from "vitest/config";
import babel, { defineRolldownBabelPreset } from "@rolldown/plugin-babel";

export default defineConfig({
  test: {
    projects: [
      {
        // Lingui's macros (as in vite.config.ts, French kept in each descriptor), so that interface modules can be unit-tested.
        plugins: [
          babel({
            presets: [
              defineRolldownBabelPreset({
                preset: { plugins: [["@lingui/babel-plugin-lingui-macro", { stripMessageField: false }]] },
                rolldown: { filter: { code: /@lingui\/(core|react)\/macro/ } },
              }),
            ],
          }),
        ],
        test: {
          name: "unit",
          include: ["src/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/setup/postgres.ts"],
          testTimeout: 30_000,
          // A limit for a hook that fails, not a wait: a file's PGlite opened and migrated in its beforeAll in over 60 s
          // in a full run on a machine loaded on purpose (load 20), where CI's own takes a few seconds.
          hookTimeout: 180_000,
          expect: { poll: { timeout: 30_000 } }, // as in the e2e project below
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/setup/server.ts"],
          fileParallelism: false,
          testTimeout: 90_000,
          // expect.poll waits for a condition; vitest gives up after 1 s by default, which a page on a loaded 2-core
          // machine (the parents' end-to-end lane runs beside the unit tests) can take just to run a tap's handler or
          // to hydrate. A poll that succeeds returns at once: the limit only bounds a failing one.
          expect: { poll: { timeout: 30_000 } },
          // Longer than startServer's own wait for the server (180 s) plus an account made by the CLI: on a loaded
          // machine a file's own server (rappel, professionnels) started in 121 s and the hook, not the server, gave up.
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
