/** subset-font 2.x ships no types: the one function scripts/vite-fonts.ts uses (harfbuzz's hb-subset, as WebAssembly). */
declare module "subset-font" {
  export default function subsetFont(
    font: Buffer,
    text: string,
    options?: { targetFormat?: "sfnt" | "woff" | "woff2" | "truetype"; preserveNameIds?: number[]; variationAxes?: Record<string, number> },
  ): Promise<Buffer>;
}
