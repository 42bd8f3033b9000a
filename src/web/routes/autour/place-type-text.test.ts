import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { placeTypeFallbacks } from "../../../domain/geo/place-fallbacks.js";
import { placeTypes } from "../../../domain/geo/place-types.js";

/**
 * The browser shows a place type through its own messages (place-type-text.ts, one per type id); their French must be
 * the domain's words, which the server, the API and the data page use. The macros are not compiled in unit tests, so
 * the module is read as text: each type's entry names the domain's label, description, note and directory.
 */
const source = readFileSync(resolve("src/web/routes/autour/place-type-text.ts"), "utf8");
const french = readFileSync(resolve("src/web/locales/fr.po"), "utf8");

function entryOf(id: string): string {
  const start = source.search(new RegExp(`^  (?:"${id}"|${id}): \\{$`, "m"));
  expect(start, `no entry for ${id}`).toBeGreaterThan(-1);
  return source.slice(start, source.indexOf("\n  },", start));
}

describe("place types in the interface's language", () => {
  it.each(placeTypes.map((t) => t.id))("%s: the French of its messages is the domain's", (id) => {
    const type = placeTypes.find((t) => t.id === id)!;
    const entry = entryOf(id);
    const fields: [string, string | undefined][] = [
      ["label", type.label],
      ["description", type.description],
      ["note", type.note],
      ["directory", placeTypeFallbacks[id].directory?.label],
    ];
    for (const [field, text] of fields) {
      if (text === undefined) expect(entry, `${id}.${field}`).not.toContain(`${field}:`);
      else {
        expect(entry, `${id}.${field}`).toContain(`${field}: msg\`${text}\``);
        expect(french, `${id}.${field} not extracted`).toContain(`msgid ${JSON.stringify(text)}`);
      }
    }
  });
});
