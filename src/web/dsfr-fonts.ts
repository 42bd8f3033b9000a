/**
 * The DSFR's font faces: the `@font-face` rules of its stylesheet (`dsfr.min.css`), which the build checks against this
 * list (scripts/vite-prerender.ts: a DSFR upgrade that changes them fails the build).
 *
 * Pre-rendered pages declare them apart from the DSFR rules, so that swapping the critical rules for the whole ones
 * never touches a face (src/web/full-stylesheet.ts): the two faces of the first paint in a stylesheet of their own, the
 * others by script once the whole rules apply. Pages served with `shell.html` use `dsfr.min.css` as DSFR writes it.
 */
export interface DsfrFace {
  family: "Marianne" | "Spectral";
  /** The file's name under `/dsfr/fonts/`, without its extension (`.woff2`; DSFR names a `.woff` too, for old browsers). */
  file: string;
  weight: number;
  style: "normal" | "italic";
}

/* eslint-disable lingui/no-unlocalized-strings -- font names and files, not text */
export const dsfrFaces: readonly DsfrFace[] = [
  { family: "Marianne", file: "Marianne-Light", weight: 300, style: "normal" },
  { family: "Marianne", file: "Marianne-Light_Italic", weight: 300, style: "italic" },
  { family: "Marianne", file: "Marianne-Regular", weight: 400, style: "normal" },
  { family: "Marianne", file: "Marianne-Regular_Italic", weight: 400, style: "italic" },
  { family: "Marianne", file: "Marianne-Medium", weight: 500, style: "normal" },
  { family: "Marianne", file: "Marianne-Medium_Italic", weight: 500, style: "italic" },
  { family: "Marianne", file: "Marianne-Bold", weight: 700, style: "normal" },
  { family: "Marianne", file: "Marianne-Bold_Italic", weight: 700, style: "italic" },
  { family: "Spectral", file: "Spectral-Regular", weight: 400, style: "normal" },
  { family: "Spectral", file: "Spectral-ExtraBold", weight: 900, style: "normal" },
];

/**
 * The faces of the first paint: every pre-rendered page preloads their files and declares them with
 * `font-display: optional` (scripts/vite-prerender.ts); text of another weight is drawn with the nearest of them.
 */
export const firstPaintFaces: readonly string[] = ["Marianne-Regular", "Marianne-Bold"];
/* eslint-enable lingui/no-unlocalized-strings */

/** The address of a face's file. */
export const dsfrFontFile = (face: DsfrFace) => `/dsfr/fonts/${face.file}.woff2`;
