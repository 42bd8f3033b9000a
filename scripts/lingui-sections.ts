import { readFileSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import PO from "pofile";
import type * as BabelTypes from "@babel/types";
import { compileMessage } from "@lingui/message-utils/compileMessage";
import { generateMessageId } from "@lingui/message-utils/generateMessageId";
import type { Plugin } from "vite";

/**
 * How the interface's messages reach the browser (docs/architecture.md, « Langues ») without one catalogue in the
 * first load:
 * - French, the source, travels with the code that shows it: each message descriptor keeps its French text, compiled
 *   at build time (`precompiledMessages`), so a page's French words sit in that page's chunk. The same text is the
 *   fallback of any message missing in another language: never an id on screen.
 * - Another language's catalogue is cut into sections: one per folder of `src/web/routes`, plus `shell` for the rest
 *   (header, components, home). A module that shows messages declares its section when it loads (`needsSection`,
 *   added here at build time); `src/web/i18n/sections.ts` fetches the active language's part of every declared section
 *   before a page renders. The sections of a message come from its origins in the PO catalogue (kept up to date by
 *   `lingui extract`, checked by src/web/i18n/catalogues.test.ts).
 */

const root = resolve(import.meta.dirname, "..");
const routesDir = resolve(root, "src/web/routes");
const sectionsModule = resolve(root, "src/web/i18n/sections.ts");

/** The catalogue section of a source file: its folder under src/web/routes, else `shell`. */
export function sectionOf(file: string): string {
  const path = relative(routesDir, resolve(root, file));
  const parts = path.split(sep);
  return path.startsWith("..") || parts.length < 2 ? "shell" : parts[0]!;
}

/** The little of Babel's plugin API used here (@babel/core ships no types). */
interface ProgramPath {
  traverse(visitor: { ObjectExpression(path: { node: BabelTypes.ObjectExpression }): void }): void;
  unshiftContainer(key: "body", nodes: BabelTypes.Statement[]): void;
}
interface BabelPlugin {
  name: string;
  visitor: { Program: { exit(program: ProgramPath, state: { filename?: string }): void } };
}

/** Babel plugin, run after Lingui's macro: compiles each descriptor's French message and declares the module's section. */
export function precompiledMessages({ types: t }: { types: typeof BabelTypes }): BabelPlugin {
  return {
    name: "mille-jours-precompiled-messages",
    visitor: {
      Program: {
        exit(program, state) {
          const file = state.filename;
          if (!file || file === sectionsModule || !file.startsWith(resolve(root, "src/web") + sep)) return;
          let messages = 0;
          program.traverse({
            ObjectExpression(path) {
              if (!path.node.leadingComments?.some((c) => c.value.trim() === "i18n")) return;
              for (const property of path.node.properties) {
                if (!t.isObjectProperty(property) || !t.isIdentifier(property.key, { name: "message" })) continue;
                if (!t.isStringLiteral(property.value)) continue;
                const compiled = compileMessage(property.value.value);
                // Always an array: a plain string would be taken for an uncompiled message at run time.
                property.value = t.valueToNode(typeof compiled === "string" ? [compiled] : compiled);
                messages++;
              }
            },
          });
          if (messages === 0) return;
          let from = relative(dirname(file), sectionsModule).split(sep).join("/");
          if (!from.startsWith(".")) from = `./${from}`;
          program.unshiftContainer("body", [
            t.importDeclaration([t.importSpecifier(t.identifier("__needsSection"), t.identifier("needsSection"))], t.stringLiteral(from)),
            t.expressionStatement(t.callExpression(t.identifier("__needsSection"), [t.stringLiteral(sectionOf(file))])),
          ]);
        },
      },
    },
  };
}

export interface SectionCatalogues {
  /** section → message id → compiled translation */
  [section: string]: Record<string, unknown>;
}

/** One language's catalogue cut into sections, from a PO file's origins; untranslated messages are left out (French shows). */
export function sectionCatalogues(poText: string): SectionCatalogues {
  const sections: SectionCatalogues = {};
  for (const item of PO.parse(poText).items) {
    const translation = item.msgstr[0];
    if (item.obsolete || !item.msgid || !translation) continue;
    const id = generateMessageId(item.msgid, item.msgctxt);
    const compiled = compileMessage(translation);
    const origins = item.references.length > 0 ? item.references : ["src/web/i18n/unknown.ts"];
    for (const origin of origins) (sections[sectionOf(origin.replace(/:\d+$/, ""))] ??= {})[id] = compiled;
  }
  return sections;
}

const VIRTUAL = "virtual:lingui-sections";
const SECTION = "virtual:lingui-section/";

/**
 * Vite plugin: `virtual:lingui-sections` exports, per language other than French, a loader per section; each loader
 * imports `virtual:lingui-section/<locale>/<section>`, its own small chunk.
 */
export function linguiSections({ locales }: { locales: readonly string[] }): Plugin {
  const poPath = (locale: string) => resolve(root, "src/web/locales", `${locale}.po`);
  const read = (locale: string) => sectionCatalogues(readFileSync(poPath(locale), "utf8"));
  return {
    name: "mille-jours-lingui-sections",
    resolveId(id) {
      if (id === VIRTUAL || id.startsWith(SECTION)) return `\0${id}`;
    },
    load(id) {
      if (id === `\0${VIRTUAL}`) {
        const entries = locales.map((locale) => {
          this.addWatchFile(poPath(locale));
          const sections = Object.keys(read(locale)).sort();
          return `${JSON.stringify(locale)}: {${sections.map((s) => `${JSON.stringify(s)}: () => import(${JSON.stringify(`${SECTION}${locale}/${s}`)})`).join(", ")}}`;
        });
        return `export const loaders = {${entries.join(",\n")}};`;
      }
      if (id.startsWith(`\0${SECTION}`)) {
        const [locale, section] = id.slice(SECTION.length + 1).split("/") as [string, string];
        this.addWatchFile(poPath(locale));
        return `export const messages = JSON.parse(${JSON.stringify(JSON.stringify(read(locale)[section] ?? {}))});`;
      }
    },
  };
}
