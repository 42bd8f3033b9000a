import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Plugin } from "vite";

/**
 * Fixes applied to the DSFR script (`@codegouvfr/react-dsfr/dsfr/dsfr.module.js`) as it is bundled, each one an exact
 * text replaced; the build fails if the text is no longer there (a DSFR upgrade: check whether it is still needed).
 *
 * - Navigation, Tab key with a menu open: the check runs on the next frame and reads `this.current.node`. Two Tab
 *   presses within one frame (a quick keyboard user on a slow phone, or a loaded machine) closed the menu on the first
 *   check, so the second read `null.node`: « Cannot read properties of null (reading 'node') », thrown in DSFR's render
 *   loop, which then skipped the other components' updates of that frame.
 * - Render loop (issue 19): once started, DSFR asked for an animation frame on every frame, for ever, even with nothing to
 *   draw (its `Renderer` calls `requestAnimationFrame` first thing in each frame): the page produced a frame every
 *   16 ms for as long as it stayed open (about 220 frames in 4 s of a trace at CPU ÷4 on « Baromètre », a share of the
 *   main thread and of a phone's battery spent on nothing). Frames are now asked only while a component draws on every
 *   frame (the components that register for it: tabs, range inputs, shown tooltips, selected table rows, ratios where
 *   `aspect-ratio` is lacking) or has asked for the next frame (`request`: collapses, modals, …), and the loop starts
 *   again as soon as one does. The same work is done in the same frames.
 */
const fixes = [
  {
    name: "navigation: Tab with a menu closed in the meantime",
    from: "if (this.current.node.contains(document.activeElement)) return;",
    to: "if (!this.current || this.current.node.contains(document.activeElement)) return;",
  },
  {
    name: "render loop: frames only when a component draws",
    from: `  activate () {
    window.requestAnimationFrame(this.rendering);
  }

  request (instance) {
    this.nexts.add(instance);
  }

  render () {
    if (!state.isActive) return;
    window.requestAnimationFrame(this.rendering);
    this.forEach((instance) => instance.render());`,
    to: `  activate () {
    this.schedule();
  }

  schedule () {
    if (this.isScheduled) return;
    this.isScheduled = true;
    window.requestAnimationFrame(this.rendering);
  }

  add (instance) {
    const added = super.add(instance);
    if (added && state.isActive) this.schedule();
    return added;
  }

  request (instance) {
    this.nexts.add(instance);
    if (state.isActive) this.schedule();
  }

  render () {
    this.isScheduled = false;
    if (!state.isActive) return;
    if (this.length) this.schedule();
    this.forEach((instance) => instance.render());`,
  },
];

/**
 * react-dsfr's `fr` object (`fr/index.js`), which every component imports for `fr.cx`, also holds the whole DSFR
 * colour palette as hex tables (about 11 kB gzip on every page). Of it, the components this app uses read one value:
 * the page background, for the `theme-color` meta tag (`useIsDark/client.js`). The palette is replaced by that value,
 * read from react-dsfr's own generated table at build time; the build fails if the table changes shape.
 * A component that needs more of the palette would fail to build (its named import is gone): remove this then.
 */
function lightPalette(optionsHexSource: string): string {
  const m = /"_1000_50": \{\s*"default": isDark \? "(#[0-9a-f]{6})" : "(#[0-9a-f]{6})"/.exec(optionsHexSource);
  if (!m) throw new Error("Palette react-dsfr : grey._1000_50 introuvable (react-dsfr mis à jour ? revoir lightPalette)");
  return `const colors = { getHex: ({ isDark }) => ({ decisions: { background: { default: { grey: { default: isDark ? "${m[1]}" : "${m[2]}" } } } } }) };`;
}
const paletteImports = ['export * from "./colors";\n', 'import { colors } from "./colors";\n'];

export function dsfrFixes(): Plugin {
  return {
    name: "mille-jours-dsfr-fixes",
    enforce: "pre",
    async transform(code, id) {
      const file = id.split("?")[0]!;
      if (/[\\/]@codegouvfr[\\/]react-dsfr[\\/]fr[\\/]index\.js$/.test(file)) {
        if (!paletteImports.every((line) => code.includes(line))) this.error(`Palette react-dsfr : ${id} a changé (revoir lightPalette)`);
        const optionsHex = await readFile(join(dirname(file), "generatedFromCss", "getColorOptionsHex.js"), "utf8");
        let light = code;
        for (const line of paletteImports) light = light.replace(line, "");
        return { code: `${lightPalette(optionsHex)}\n${light}`, map: null };
      }
      if (!/[\\/]@codegouvfr[\\/]react-dsfr[\\/]dsfr[\\/]dsfr\.module\.js$/.test(file)) return null;
      let fixed = code;
      for (const fix of fixes) {
        if (!fixed.includes(fix.from))
          this.error(`Correctif DSFR « ${fix.name} » : texte introuvable dans ${id} (DSFR mis à jour ? vérifier s'il est encore nécessaire)`);
        fixed = fixed.replace(fix.from, fix.to);
      }
      return { code: fixed, map: null };
    },
  };
}
