import { readFileSync } from "node:fs";
import { join } from "node:path";
import subsetFont from "subset-font";
import type { Plugin } from "vite";
import type { ScriptFont } from "../src/domain/content/languages.js";
import { scriptFontFile, scriptFontStylesheet, scriptFontWeights } from "../src/web/i18n/locales.js";

/** A file of an installed package (fontsource's files are not all in its `exports`). */
const packageFile = (path: string) => join("node_modules", path);

/**
 * The open fonts for the scripts Marianne lacks (docs/langues.md): Noto Sans Arabic for Arabic and Dari, Noto Sans's
 * Cyrillic subset for Ukrainian (both SIL Open Font License 1.1, from @fontsource, already cut by script). Served by
 * this site under `/fonts/` (no CDN): `arabe.css` / `cyrillique.css` declare them as faces of **Marianne** limited to
 * their script's `unicode-range`, so every DSFR rule naming Marianne draws these letters with them while Latin text
 * stays in Marianne. Only the pages of those languages link the stylesheet (src/domain/content/languages.ts).
 *
 * fontsource's Arabic subset (49 KB a weight) also draws the Arabic Supplement and Extended blocks (letters of African
 * and Asian languages written in Arabic script, Quranic marks), the legacy presentation forms and mathematical
 * symbols: `keep` cuts it to the Arabic block, every letter, mark and digit of Arabic and Dari as typed on a phone
 * (the joined forms come with it, through the font's shaping rules), and the joiners and direction marks Dari writes
 * with: 21 KB a weight, the font is the largest part of an Arabic page's first load. The stylesheet's `unicode-range`
 * says the same, so that anything else falls back to the system's font.
 */
const fonts: Record<
  ScriptFont,
  { files: Record<(typeof scriptFontWeights)[number], string>; css: string; subset: string; licence: string; keep?: [number, number][] }
> = {
  arabe: {
    files: {
      400: "@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2",
      700: "@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-700-normal.woff2",
    },
    css: "@fontsource/noto-sans-arabic/400.css",
    subset: "arabic-400-normal",
    licence: "@fontsource/noto-sans-arabic/LICENSE",
    keep: [
      [0x0600, 0x06ff],
      [0x200c, 0x200f],
      [0x2010, 0x2011],
      [0x204f, 0x204f],
      [0x2e41, 0x2e41],
    ],
  },
  cyrillique: {
    files: { 400: "@fontsource/noto-sans/files/noto-sans-cyrillic-400-normal.woff2", 700: "@fontsource/noto-sans/files/noto-sans-cyrillic-700-normal.woff2" },
    css: "@fontsource/noto-sans/400.css",
    subset: "cyrillic-400-normal",
    licence: "@fontsource/noto-sans/LICENSE",
  },
};

/** The `unicode-range` fontsource gives the subset. */
function unicodeRange(cssModule: string, subset: string): string {
  const css = readFileSync(packageFile(cssModule), "utf8");
  const face = css.split("@font-face").find((block) => block.includes(`${subset}.woff2`));
  const range = face && /unicode-range:\s*([^;]+);/.exec(face)?.[1];
  if (!range) throw new Error(`${cssModule} : unicode-range du sous-ensemble ${subset} introuvable`);
  return range.trim();
}

const hex = (code: number) => code.toString(16).toUpperCase().padStart(4, "0");

export function scriptFonts(): Plugin {
  return {
    name: "mille-jours-script-fonts",
    apply: "build",
    async generateBundle() {
      for (const [name, font] of Object.entries(fonts) as [ScriptFont, (typeof fonts)[ScriptFont]][]) {
        const keep = font.keep;
        const range = keep
          ? keep.map(([from, to]) => (from === to ? `U+${hex(from)}` : `U+${hex(from)}-${hex(to)}`)).join(",")
          : unicodeRange(font.css, font.subset);
        const text = keep?.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i))).join("");
        const faces = [];
        for (const weight of scriptFontWeights) {
          // The addresses the pages link and preload (src/web/i18n/locales.ts), without their leading slash.
          const fileName = scriptFontFile(name, weight).slice(1);
          const source = readFileSync(packageFile(font.files[weight]));
          this.emitFile({ type: "asset", fileName, source: text ? await subsetFont(source, text, { targetFormat: "woff2" }) : source });
          faces.push(
            `@font-face{font-family:Marianne;font-style:normal;font-weight:${weight};font-display:swap;src:url(/${fileName}) format("woff2");unicode-range:${range}}`,
          );
        }
        const licence = readFileSync(packageFile(font.licence), "utf8").split("\n")[0] ?? "";
        this.emitFile({
          type: "asset",
          fileName: scriptFontStylesheet(name).slice(1),
          source: `/* ${licence.replace(/\*\//g, "")} — SIL Open Font License 1.1 */\n${faces.join("\n")}\n`,
        });
      }
    },
  };
}
