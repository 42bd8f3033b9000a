import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { configReference } from "../config.js";
import { CONFIG_DOCS, CONFIG_TABLE_END, CONFIG_TABLE_START, configTable, withConfigTable } from "./config-doc.js";

const read = (name: string) => readFileSync(fileURLToPath(new URL(`../../../${name}`, import.meta.url)), "utf8");
const doc = read("docs/operations.md");

describe("configuration reference (README and docs/operations.md)", () => {
  it.each(CONFIG_DOCS)("%s holds the table generated from the configuration schema (run npm run docs:config after changing src/server/config.ts)", (name) => {
    const text = read(name);
    expect(withConfigTable(text)).toBe(text);
  });

  it("lists every variable once, with its default", () => {
    const section = doc.slice(doc.indexOf(CONFIG_TABLE_START), doc.indexOf(CONFIG_TABLE_END));
    const names = [...section.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect(names).toEqual(configReference().map((v) => v.name));
    expect(configTable()).toContain("| `SHUTDOWN_TIMEOUT_MS` |");
  });

  it("catches a drift: an edited row no longer matches", () => {
    const drifted = doc.replace("| `PORT` | port HTTP |", "| `PORT` | port HTTP (modifié à la main) |");
    expect(drifted).not.toBe(doc);
    expect(withConfigTable(drifted)).not.toBe(drifted);
  });
});
