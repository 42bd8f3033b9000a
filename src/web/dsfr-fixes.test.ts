import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { dsfrFixes } from "../../scripts/vite-dsfr-fixes.js";

/** The build-time fixes of react-dsfr (scripts/vite-dsfr-fixes.ts), applied to the installed package's own files. */
const dsfrRoot = dirname(createRequire(import.meta.url).resolve("@codegouvfr/react-dsfr/package.json"));
type Transform = (this: { error(message: string): never }, code: string, id: string) => Promise<{ code: string } | null>;
const transform = dsfrFixes().transform as unknown as Transform;
const context = {
  error(message: string): never {
    throw new Error(message);
  },
};

describe("react-dsfr build fixes", () => {
  it("keep only the page background of the colour palette, with react-dsfr's own values", async () => {
    const id = join(dsfrRoot, "fr", "index.js");
    const fixed = (await transform.call(context, await readFile(id, "utf8"), id))!.code;
    expect(fixed).not.toMatch(/from "\.\/colors"/);
    expect(fixed).toContain('isDark ? "#161616" : "#ffffff"');
    expect(fixed).toMatch(/export const fr = \{[^}]*colors/);
  });

  it("fail the build when the palette module changes shape", async () => {
    const id = join(dsfrRoot, "fr", "index.js");
    await expect(transform.call(context, "export const fr = { cx };\n", id)).rejects.toThrow(/Palette react-dsfr/);
  });

  it("patch the navigation's Tab check in the DSFR script", async () => {
    const id = join(dsfrRoot, "dsfr", "dsfr.module.js");
    const fixed = (await transform.call(context, await readFile(id, "utf8"), id))!.code;
    expect(fixed).toContain("if (!this.current || this.current.node.contains(document.activeElement)) return;");
  });
});
