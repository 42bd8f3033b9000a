import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Plugin } from "vite";

/** A file of an installed package (fontsource's files are not all in its `exports`). */
const packageFile = (path: string) => join("node_modules", path);

/**
 * The open fonts for the scripts Marianne lacks (docs/langues.md): Noto Sans Arabic for Arabic and Dari, Noto Sans's
 * Cyrillic subset for Ukrainian (both SIL Open Font License 1.1, from @fontsource, already cut by script). Served by
 * this site under `/fonts/` (no CDN): `arabe.css` / `cyrillique.css` declare them as faces of **Marianne** limited to
 * their script's `unicode-range`, so every DSFR rule naming Marianne draws these letters with them while Latin text
 * stays in Marianne. Only the pages of those languages link the stylesheet (src/domain/content/languages.ts).
 */
const fonts = {
  arabe: {
    files: {
      400: "@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2",
      700: "@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-700-normal.woff2",
    },
    css: "@fontsource/noto-sans-arabic/400.css",
    subset: "arabic-400-normal",
    licence: "@fontsource/noto-sans-arabic/LICENSE",
  },
  cyrillique: {
    files: { 400: "@fontsource/noto-sans/files/noto-sans-cyrillic-400-normal.woff2", 700: "@fontsource/noto-sans/files/noto-sans-cyrillic-700-normal.woff2" },
    css: "@fontsource/noto-sans/400.css",
    subset: "cyrillic-400-normal",
    licence: "@fontsource/noto-sans/LICENSE",
  },
} as const;

/** The `unicode-range` fontsource gives the subset. */
function unicodeRange(cssModule: string, subset: string): string {
  const css = readFileSync(packageFile(cssModule), "utf8");
  const face = css.split("@font-face").find((block) => block.includes(`${subset}.woff2`));
  const range = face && /unicode-range:\s*([^;]+);/.exec(face)?.[1];
  if (!range) throw new Error(`${cssModule} : unicode-range du sous-ensemble ${subset} introuvable`);
  return range.trim();
}

export function scriptFonts(): Plugin {
  return {
    name: "mille-jours-script-fonts",
    apply: "build",
    generateBundle() {
      for (const [name, font] of Object.entries(fonts)) {
        const range = unicodeRange(font.css, font.subset);
        const faces = Object.entries(font.files).map(([weight, file]) => {
          const fileName = `fonts/${name}-${weight}.woff2`;
          this.emitFile({ type: "asset", fileName, source: readFileSync(packageFile(file)) });
          return `@font-face{font-family:Marianne;font-style:normal;font-weight:${weight};font-display:swap;src:url(/${fileName}) format("woff2");unicode-range:${range}}`;
        });
        const licence = readFileSync(packageFile(font.licence), "utf8").split("\n")[0] ?? "";
        this.emitFile({
          type: "asset",
          fileName: `fonts/${name}.css`,
          source: `/* ${licence.replace(/\*\//g, "")} — SIL Open Font License 1.1 */\n${faces.join("\n")}\n`,
        });
      }
    },
  };
}
