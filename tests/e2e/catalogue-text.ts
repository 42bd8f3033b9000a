import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Page } from "playwright-core";
import { expect } from "vitest";

/**
 * The interface's catalogues as the e2e tests read them: a message's translation, and the French words of the
 * messages of some source files, to prove that a page shown in another language has none of them left.
 */
interface Entry {
  id: string;
  text: string;
  files: string[];
}

function readPo(code: string): Entry[] {
  const unquote = (lines: string) => [...lines.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1]!}"`) as string).join("");
  const entries: Entry[] = [];
  for (const block of readFileSync(resolve("src/web/locales", `${code}.po`), "utf8").split(/\n\s*\n/)) {
    const m = /^msgid ((?:".*"\s*)+)msgstr ((?:".*"\s*)+)/m.exec(block);
    if (!m) continue;
    const files = [...block.matchAll(/^#: (.+)$/gm)].flatMap((r) => r[1]!.split(" "));
    const id = unquote(m[1]!);
    if (id) entries.push({ id, text: unquote(m[2]!), files });
  }
  return entries;
}

/** A message in a language (the French source text is its id); fails when the catalogue has no such message. */
export function translation(code: string, french: string): string {
  const entry = readPo(code).find((e) => e.id === french);
  if (!entry) throw new Error(`no message « ${french} » in ${code}.po`);
  return entry.text;
}

/**
 * The literal French words of the messages used by the files matching `files`: each message cut at its placeholders
 * and tags, keeping the pieces long enough (`min` letters) not to be a name or a word shared with the data.
 */
export function frenchPieces(files: RegExp, min = 10): string[] {
  const pieces = new Set<string>();
  for (const entry of readPo("fr")) {
    if (!entry.files.some((f) => files.test(f))) continue;
    if (entry.id.startsWith("{") && entry.id.includes(", plural,")) {
      for (const [, branch] of entry.id.matchAll(/(?:one|other) \{((?:[^{}]|\{\w+\})*)\}/g))
        for (const piece of branch!.split(/\{\w+\}|#/)) if (piece.trim().length >= min) pieces.add(piece.trim());
      continue;
    }
    for (const piece of entry.id.split(/<\/?\d+>|\{\w+\}/)) if (piece.trim().length >= min) pieces.add(piece.trim());
  }
  return [...pieces];
}

/**
 * The page's main text (hidden and screen-reader-only text included) and its accessible names (aria-label, title, alt,
 * placeholder): none may hold one of `pieces`. What is marked `lang="fr"` (an address, an official register's words) is
 * French on purpose and left out.
 */
export async function expectNoFrenchLeft(page: Page, pieces: string[]): Promise<void> {
  const shown = await page.evaluate(() => {
    const main = (document.querySelector("main") ?? document.body).cloneNode(true) as HTMLElement;
    for (const french of main.querySelectorAll('[lang="fr"], script, style')) french.remove();
    const names = [...main.querySelectorAll("[aria-label], [title], [alt], [placeholder]")].flatMap((e) =>
      ["aria-label", "title", "alt", "placeholder"].map((a) => e.getAttribute(a) ?? ""),
    );
    return [main.textContent ?? "", ...names].join("\n");
  });
  const left = pieces.filter((piece) => shown.includes(piece));
  expect(left, `French left on ${page.url()}`).toEqual([]);
}
