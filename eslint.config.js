import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import lingui from "eslint-plugin-lingui";

/** Interface files whose texts are not in the catalogue yet (a temporary, documented exception: docs/langues.md). */
const unextracted = [
  // Post-partum, on purpose (docs/langues.md): the PDF is drawn with a standard PDF font (Latin letters only), in
  // French, for the professional; questionnaires.ts holds only the validated versions and the words around their
  // questions, in the validated version's language (content/epds), not the interface's.
  "src/web/routes/post-partum/pdf.ts",
  "src/web/routes/post-partum/questionnaires.ts",
];

export default tseslint.config(
  { ignores: ["dist/", "build/", "public/", "var/", "node_modules/", "dev-dist/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    // The domain is pure: no I/O, no framework, no clock; the server and the browser import it, never the reverse.
    files: ["src/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["node:*", "react", "react-*", "fastify*", "pg", "@electric-sql/*", "idb"],
              message: "src/domain est pur : ni entrée-sortie, ni framework.",
            },
            { group: ["**/server/**", "**/web/**", "**/cli/**"], message: "src/domain ne dépend ni du serveur, ni du navigateur, ni des commandes." },
          ],
        },
      ],
      "no-restricted-globals": ["error", "fetch", "localStorage", "indexedDB", "window", "document"],
    },
  },
  {
    // Every text a person reads in the interface comes from the message catalogue (src/web/locales, Lingui macros):
    // a French sentence written in a component fails the lint (issue 14). Class names, ids, paths, icon names and
    // other single lowercase words are not text. See docs/langues.md.
    files: ["src/web/**/*.{ts,tsx}"],
    ignores: [
      "**/*.test.ts",
      // Temporary, until extracted (report of issue 14): the back office and the professionals' space.
      ...unextracted,
    ],
    plugins: { lingui },
    rules: {
      "lingui/no-unlocalized-strings": [
        "error",
        {
          ignore: [
            // one "word" not starting with a capital: class names, ids, keys, paths, icon names, MIME types, URLs
            "^(?![A-ZÀ-Ý])\\S+$",
            // constants
            "^[A-Z0-9_-]+$",
            // no letter at all: punctuation, separators, numbers
            "^[^A-Za-zÀ-ÿ\\u0400-\\u04FF\\u0600-\\u06FF]*$",
            // a route of the API's contract (`callApi("GET /places/:id")`, src/domain/api): a key, not text
            "^(GET|POST|PUT|PATCH|DELETE) /\\S*$",
          ],
          ignoreNames: [
            { regex: { pattern: "className|classes|^class$", flags: "i" } },
            { regex: { pattern: "^[A-Z0-9_]+$" } },
            // CSS selectors (`blockSelector`), not text
            { regex: { pattern: "Selector$" } },
            "id",
            "key",
            "to",
            "href",
            "src",
            "type",
            "name",
            "rel",
            "target",
            "lang",
            "hrefLang",
            "dir",
            "role",
            "iconId",
            "autoComplete",
            "inputMode",
            "pattern",
            "accept",
            "download",
            "method",
            "encType",
            "htmlFor",
            "form",
            "sizes",
            "media",
            "as",
            "titleAs",
            "severity",
            "size",
            "accessibility",
            "regions",
            "priority",
            "variant",
            "mode",
          ],
          ignoreFunctions: [
            "Error",
            "TypeError",
            "RangeError",
            "console.*",
            "*.addEventListener",
            "*.removeEventListener",
            "*.getElementById",
            "*.querySelector",
            "*.querySelectorAll",
            "*.includes",
            "*.startsWith",
            "*.endsWith",
            "*.indexOf",
            "*.split",
            "*.join",
            "*.replace",
            "*.get",
            "*.set",
            "*.has",
            "*.delete",
            "*.getItem",
            "*.setItem",
            "*.removeItem",
            "fetch",
            "URL",
            "URLSearchParams",
            "*.append",
            "*.headers.set",
            "Intl.*",
            "new Intl.*",
            "*.createElement",
            "*.setAttribute",
            "*.getAttribute",
            "*.removeAttribute",
            "*.toLocaleString",
            "*.toLocaleDateString",
            "*.matchMedia",
            "useSearchParams",
            "*.navigate",
            "navigate",
            "matchPath",
            "*.test",
            "RegExp",
            "*.match",
            "*.matchAll",
            "Symbol",
            "*.open",
            "*.put",
            "*.transaction",
            "*.objectStore",
            "*.createObjectStore",
            "openDB",
            // the typed API client: its first argument is an endpoint (« GET /places »), not text
            "callApi",
          ],
        },
      ],
    },
  },
  {
    // The browser and the server meet only through src/domain (rules and API contracts); one lazy (see below).
    files: ["src/web/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/server/**"], message: "src/web ne doit pas importer src/server : partagez par src/domain." },
            // The geo barrel re-exports projection.ts, which evaluates proj4 (47 KB gzip) wherever it is imported (issue 19).
            {
              group: ["**/domain/geo/index.js", "**/domain/geo/projection.js", "**/domain/geo/territory.js"],
              message: "Ces modules chargent proj4 (serveur) : importez le module précis (place-types.js, place-fallbacks.js…).",
            },
            // Their values build zod schemas when evaluated: the browser reads only their types (the server checks the
            // content; the EPDS constants are in epds/scale.ts, the languages in content/languages.ts, the calendar's
            // rules in calendar/calendar.ts, its feed links in calendar/feed-links.ts, the backup's makeBackup in
            // profile/backup-format.ts; « Mes données » imports backup.ts itself on demand).
            {
              group: [
                "**/domain/content/schema.js",
                "**/domain/epds/schema.js",
                "**/domain/calendar/index.js",
                "**/domain/calendar/schema.js",
                "**/domain/calendar/feed-query.js",
                "**/domain/steering/barometer-schema.js",
                "**/domain/profile/backup.js",
              ],
              allowTypeImports: true,
              message: "Ce module construit des schémas zod à son chargement : n'en importez que des types (import type).",
            },
          ],
          // A lazy component renders once the language's messages of its code are loaded: src/web/i18n/lazy.ts.
          paths: [{ name: "react", importNames: ["lazy"], message: "Utiliser lazyWithMessages (src/web/i18n/lazy.ts)." }],
        },
      ],
    },
  },
  {
    files: ["src/server/**/*.ts", "src/cli/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/web/**"], message: "src/server ne doit pas importer src/web : partagez par src/domain." }] },
      ],
    },
  },
  {
    // Every browser context of the end-to-end tests runs on the run's date (tests/e2e/support.ts, newContext): one
    // opened directly would read the machine's clock, and a run crossing midnight in Paris could fail on « Demain ».
    files: ["tests/e2e/**/*.ts"],
    ignores: ["tests/e2e/support.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.object.name='browser'][callee.property.name=/^(newContext|newPage)$/]",
          message: "Use newContext or newPhonePage (tests/e2e/support.ts): the run's date for every page.",
        },
      ],
    },
  },
);
