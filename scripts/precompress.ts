import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, sep } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants } from "node:zlib";

/**
 * Brotli at its highest quality, once at build, for the files every first visit waits for: the app's scripts and
 * stylesheets and the DSFR stylesheets. The server sends `<file>.br` when the browser accepts it (@fastify/static,
 * `preCompressed`) and compresses everything else on the fly at the fast quality @fastify/compress uses (4): on the
 * app's main script and the DSFR stylesheet, quality 11 is a fifth smaller (145 → 115 KB), time a phone on a slow
 * network waits before the page paints. Pages and API answers stay compressed on the fly (too many pages for quality 11
 * at every build, and small each) — except the bare shell, which the not-found handler sends as a file: @fastify/compress
 * only hooks into routes, so without its `.br` it went out whole.
 */
const brotli = promisify(brotliCompress);

/** The files worth it: under `assets/` and the DSFR stylesheets the pages link, scripts and stylesheets, and the shell, over 1 KB. */
export function precompressedFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: "utf8" })
    .map((file) => file.split(sep).join("/"))
    .filter((name) => /^(assets\/.*\.(js|css)|dsfr\/[^/]+\.css|dsfr\/utility\/icons\/icons\.min\.css|shell\.html)$/.test(name))
    .filter((name) => statSync(join(root, name)).size > 1024);
}

/** Writes `<file>.br` beside each file, when smaller than the file; returns the bytes before and after. */
export async function precompress(root: string): Promise<{ files: number; before: number; after: number }> {
  let before = 0;
  let after = 0;
  let files = 0;
  // zlib runs in the libuv thread pool: a few files at a time use every core.
  const queue = precompressedFiles(root);
  const worker = async () => {
    for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
      const content = readFileSync(join(root, name));
      const compressed = await brotli(content, {
        params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
      });
      if (compressed.length >= content.length) continue;
      writeFileSync(join(root, `${name}.br`), compressed);
      files += 1;
      before += content.length;
      after += compressed.length;
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return { files, before, after };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.argv[2] ?? "dist";
  const t0 = performance.now();
  const { files, before, after } = await precompress(root);
  console.log(
    `Brotli 11 : ${files} fichiers de ${root}, ${Math.round(before / 1024)} → ${Math.round(after / 1024)} Ko en ${Math.round((performance.now() - t0) / 1000)} s`,
  );
}
