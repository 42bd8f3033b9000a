import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { i18n, type Messages } from "@lingui/core";
import { sectionCatalogues } from "../../../scripts/lingui-sections.js";
import { localeByCode, type ContentLanguage } from "../../domain/content/languages.js";

/**
 * For unit tests of interface modules: a language's whole catalogue, compiled as the app gets it (every section of
 * src/web/locales/<code>.po), activated as src/web/i18n/i18n.ts does. French has none: its texts are the messages' own.
 */
export function catalogueOf(code: ContentLanguage): Messages {
  if (code === "fr") return {};
  const sections = sectionCatalogues(readFileSync(resolve("src/web/locales", `${code}.po`), "utf8"));
  return Object.assign({}, ...Object.values(sections)) as Messages;
}

export function activateForTest(code: ContentLanguage): void {
  i18n.load(code, catalogueOf(code));
  i18n.activate(code, [localeByCode(code).lang, "fr"]);
}
