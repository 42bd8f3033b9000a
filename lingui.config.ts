import { defineConfig } from "@lingui/conf";
import { formatter } from "@lingui/format-po";

/**
 * Lingui 5 (docs/architecture.md): the interface's messages are extracted from `src/web` into one PO catalogue per
 * language (`npx lingui extract`), French being the source. The list matches `locales` in src/domain/content/languages.ts
 * (checked by src/web/i18n/catalogues.test.ts). The Vite plugin compiles a catalogue when the app imports it.
 */
export default defineConfig({
  sourceLocale: "fr",
  locales: ["fr", "falc", "en", "ar", "prs", "tr", "pt", "uk"],
  fallbackLocales: { default: "fr" },
  catalogs: [
    {
      path: "<rootDir>/src/web/locales/{locale}",
      include: ["<rootDir>/src/web"],
      exclude: ["**/*.test.ts", "**/node_modules/**"],
    },
  ],
  orderBy: "messageId",
  // Files only, no line numbers: a moved line does not rewrite every catalogue.
  format: formatter({ lineNumbers: false }),
});
