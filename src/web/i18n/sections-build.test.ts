import { createRequire } from "node:module";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { generateMessageId } from "@lingui/message-utils/generateMessageId";
import { precompiledMessages, sectionCatalogues, sectionOf } from "../../../scripts/lingui-sections.js";

/** How the catalogues are cut and the French texts compiled at build time (scripts/lingui-sections.ts). */

// @babel/core ships no types: the one function used, typed here.
const babel = createRequire(import.meta.url)("@babel/core") as {
  transformSync(code: string, options: object): { code: string } | null;
};

function build(code: string, file: string): string {
  return babel.transformSync(code, {
    filename: resolve(file),
    babelrc: false,
    configFile: false,
    parserOpts: { plugins: ["jsx", "typescript"] },
    plugins: [["@lingui/babel-plugin-lingui-macro", { stripMessageField: false }], precompiledMessages],
  })!.code;
}

describe("catalogue sections", () => {
  it("are the folders of src/web/routes, the rest being the shell", () => {
    expect(sectionOf("src/web/routes/calendrier/EventPage.tsx")).toBe("calendrier");
    expect(sectionOf("src/web/routes/post-partum/rappel/CallbackPage.tsx")).toBe("post-partum");
    expect(sectionOf("src/web/routes/NotFoundPage.tsx")).toBe("shell");
    expect(sectionOf("src/web/components/Page.tsx")).toBe("shell");
    expect(sectionOf("src/web/App.tsx")).toBe("shell");
  });

  it("hold each translated message in every section it is used in, compiled, and leave untranslated ones to French", () => {
    const po = [
      'msgid ""\nmsgstr ""\n"Language: en\\n"\n',
      '#: src/web/routes/calendrier/EventPage.tsx\n#: src/web/components/Page.tsx\nmsgid "Bonjour {name}"\nmsgstr "Hello {name}"\n',
      '#: src/web/routes/autour/PlacesPage.tsx\nmsgid "Rechercher"\nmsgstr ""\n',
      '#: src/web/routes/autour/PlacesPage.tsx\nmsgctxt "verbe"\nmsgid "Ouvrir"\nmsgstr "Open"\n',
    ].join("\n");
    const sections = sectionCatalogues(po);
    const hello = generateMessageId("Bonjour {name}");
    expect(sections.calendrier).toEqual({ [hello]: ["Hello ", ["name"]] });
    expect(sections.shell).toEqual({ [hello]: ["Hello ", ["name"]] });
    expect(sections.autour).toEqual({ [generateMessageId("Ouvrir", "verbe")]: ["Open"] });
  });

  it("compile a module's French messages into its code and declare its section", () => {
    const code = build(
      'import { msg } from "@lingui/core/macro";\nexport const m = msg`Bonjour ${name}`;\nexport const plain = msg`Calendrier`;',
      "src/web/routes/calendrier/Sample.ts",
    );
    expect(code).toContain('__needsSection("calendrier")');
    expect(code).toMatch(/from "\.\.\/\.\.\/i18n\/sections\.ts"/);
    expect(code).toMatch(/message: \["Bonjour ", \["name"\]\]/);
    expect(code).toMatch(/message: \["Calendrier"\]/);
  });

  it("leave a module without messages as it is", () => {
    const code = build('export const x = { id: "a", message: "not a descriptor" };', "src/web/components/Sample.ts");
    expect(code).not.toContain("needsSection");
    expect(code).toContain('message: "not a descriptor"');
  });
});
