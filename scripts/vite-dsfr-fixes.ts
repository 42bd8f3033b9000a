import type { Plugin } from "vite";

/**
 * Fixes applied to the DSFR script (`@codegouvfr/react-dsfr/dsfr/dsfr.module.js`) as it is bundled, each one an exact
 * text replaced; the build fails if the text is no longer there (a DSFR upgrade: check whether it is still needed).
 *
 * - Navigation, Tab key with a menu open: the check runs on the next frame and reads `this.current.node`. Two Tab
 *   presses within one frame (a quick keyboard user on a slow phone, or a loaded machine) closed the menu on the first
 *   check, so the second read `null.node`: « Cannot read properties of null (reading 'node') », thrown in DSFR's render
 *   loop, which then skipped the other components' updates of that frame.
 */
const fixes = [
  {
    name: "navigation: Tab with a menu closed in the meantime",
    from: "if (this.current.node.contains(document.activeElement)) return;",
    to: "if (!this.current || this.current.node.contains(document.activeElement)) return;",
  },
];

export function dsfrFixes(): Plugin {
  return {
    name: "mille-jours-dsfr-fixes",
    enforce: "pre",
    transform(code, id) {
      if (!/[\\/]@codegouvfr[\\/]react-dsfr[\\/]dsfr[\\/]dsfr\.module\.js$/.test(id.split("?")[0]!)) return null;
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
