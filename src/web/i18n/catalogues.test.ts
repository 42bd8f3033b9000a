import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { compileMessage } from "@lingui/message-utils/compileMessage";
import PO from "pofile";
import linguiConfig from "../../../lingui.config.js";
import { locales } from "../../domain/content/languages.js";

/**
 * The interface's catalogues (src/web/locales/*.po, docs/langues.md): every language has every message of the
 * source, none empty, each a valid ICU message with the same placeholders and tags as the French; and the French
 * catalogue is up to date with the code (a message written in the code but not extracted would show as its id).
 */
type Catalogue = Map<string, string>;

function readPo(path: string): Catalogue {
  const entries = new Map<string, string>();
  const unquote = (lines: string) => [...lines.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1]!}"`) as string).join("");
  for (const block of readFileSync(path, "utf8").split(/\n\s*\n/)) {
    const m = /^msgid ((?:".*"\s*)+)msgstr ((?:".*"\s*)+)/m.exec(block);
    if (!m) continue;
    const id = unquote(m[1]!);
    if (id !== "") entries.set(id, unquote(m[2]!));
  }
  return entries;
}

/** Each message's source files, without line numbers. */
function origins(path: string): Record<string, string[]> {
  const byMessage: Record<string, string[]> = {};
  for (const item of PO.parse(readFileSync(path, "utf8")).items)
    if (item.msgid) byMessage[item.msgid] = [...new Set(item.references.map((r) => r.replace(/:\d+$/, "")))].sort();
  return byMessage;
}

const catalogue = (code: string) => readPo(resolve("src/web/locales", `${code}.po`));

/** Variable names and numbered tags of a message: a translation has the same. */
function placeholders(message: string): string[] {
  const names = new Set<string>();
  for (const [, name] of message.matchAll(/\{(\w+)[,}]/g)) names.add(`{${name!}}`);
  for (const [, tag] of message.matchAll(/<(\d+)\/?>/g)) names.add(`<${tag!}>`);
  return [...names].sort();
}

describe("interface catalogues", () => {
  it("lists the same languages as the app", () => {
    expect(linguiConfig.locales).toEqual(locales.map((l) => l.code));
    expect(linguiConfig.sourceLocale).toBe("fr");
  });

  const source = catalogue("fr");
  it.each(locales.map((l) => l.code))("%s has every message, translated, valid ICU with the French placeholders", (code) => {
    const translated = catalogue(code);
    expect([...translated.keys()].sort()).toEqual([...source.keys()].sort());
    for (const [id, message] of translated) {
      expect(message.trim(), `${code}: « ${id} » is empty`).not.toBe("");
      expect(() => compileMessage(message), `${code}: « ${message} »`).not.toThrow();
      expect(placeholders(message), `${code}: « ${message} »`).toEqual(placeholders(id));
    }
  });

  it("has extracted every message of the code", { timeout: 120_000 }, () => {
    // `lingui extract` into a scratch folder, from the same sources: the French catalogue must list the same messages.
    const scratch = mkdtempSync(join(tmpdir(), "mille-jours-lingui-"));
    try {
      const config = join(scratch, "lingui.config.cjs");
      const root = resolve(".");
      writeFileSync(
        config,
        `module.exports = ${JSON.stringify({
          rootDir: root,
          sourceLocale: "fr",
          locales: ["fr"],
          catalogs: [{ path: join(scratch, "{locale}"), include: [join(root, "src/web")], exclude: ["**/*.test.ts", "**/node_modules/**"] }],
        })};`,
      );
      execFileSync(resolve("node_modules/.bin/lingui"), ["extract", "--config", config], { stdio: "pipe" });
      const fresh = readPo(join(scratch, "fr.po"));
      expect([...source.keys()].sort(), "run `npx lingui extract`, then translate the new messages").toEqual([...fresh.keys()].sort());
      // The files a message is used in decide which section of each catalogue carries it (scripts/lingui-sections.ts).
      expect(origins(resolve("src/web/locales/fr.po")), "run `npx lingui extract`: the messages' origins changed").toEqual(origins(join(scratch, "fr.po")));
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
