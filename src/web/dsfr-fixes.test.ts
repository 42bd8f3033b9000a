import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it, vi } from "vitest";
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

  it("ask DSFR's render loop for frames only while a component draws or has asked for the next frame", async () => {
    const id = join(dsfrRoot, "dsfr", "dsfr.module.js");
    const fixed = (await transform.call(context, await readFile(id, "utf8"), id))!.code;
    const { renderer, state, frames, runFrame } = dsfrRenderer(fixed);
    state.isActive = true;
    renderer.activate();
    expect(frames.length).toBe(1);
    runFrame(); // nothing draws: no further frame
    expect(frames.length).toBe(0);

    // A component asks for the next frame (a collapse opening): one frame, in which it runs, then none.
    const next = vi.fn();
    renderer.request({ next });
    renderer.request({ next }); // asked twice within a frame: still one frame
    expect(frames.length).toBe(1);
    runFrame();
    expect(next).toHaveBeenCalledTimes(2);
    expect(frames.length).toBe(0);

    // A component that draws on every frame (tabs, a range input): a frame after each frame, until it leaves.
    const drawing = { render: vi.fn() };
    renderer.add(drawing);
    expect(frames.length).toBe(1);
    runFrame();
    runFrame();
    expect(drawing.render).toHaveBeenCalledTimes(2);
    expect(frames.length).toBe(1);
    renderer.remove(drawing);
    runFrame();
    expect(drawing.render).toHaveBeenCalledTimes(2);
    expect(frames.length).toBe(0);

    // A request made within a frame (a component asking again from its `next`) gets the following frame.
    const again = { next: vi.fn(() => (again.next.mock.calls.length < 2 ? renderer.request(again) : undefined)) };
    renderer.request(again);
    runFrame();
    expect(frames.length).toBe(1);
    runFrame();
    expect(again.next).toHaveBeenCalledTimes(2);
    expect(frames.length).toBe(0);

    // Stopped (DSFR inactive): no frame; started again, the pending work is done.
    state.isActive = false;
    renderer.request({ next });
    expect(frames.length).toBe(0);
    state.isActive = true;
    renderer.activate();
    runFrame();
    expect(next).toHaveBeenCalledTimes(3);
  });
});

/**
 * DSFR's `Renderer`, as the fixed script defines it (with its `Collection` and `Module`), run against a fake frame
 * scheduler: `frames` are the frame callbacks asked for and not yet run, `runFrame` runs them.
 */
function dsfrRenderer(source: string) {
  const classText = (name: string) => {
    const start = source.indexOf(`class ${name} `);
    const end = source.indexOf("\n}\n", start);
    if (start < 0 || end < 0) throw new Error(`class ${name} introuvable dans le script DSFR`);
    return source.slice(start, end + 2);
  };
  const frames: (() => void)[] = [];
  const state = { isActive: false };
  const window = { requestAnimationFrame: (callback: () => void) => frames.push(callback) };
  const make = new Function(
    "state",
    "window",
    "rootDispatch",
    "RootEvent",
    `${classText("Collection")}\n${classText("Module")}\n${classText("Renderer")}\nreturn new Renderer();`,
  ) as (...args: unknown[]) => {
    activate(): void;
    add(instance: unknown): boolean;
    remove(instance: unknown): void;
    request(instance: unknown): void;
  };
  const renderer = make(state, window, () => undefined, { RENDER: "render" });
  const runFrame = () => {
    for (const frame of frames.splice(0)) frame();
  };
  return { renderer, state, frames, runFrame };
}
