import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

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
    // The domain is pure: no I/O, no framework, no clock.
    files: ["src/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["node:*", "react", "react-*", "fastify*", "pg", "@electric-sql/*", "idb"] }],
      "no-restricted-globals": ["error", "fetch", "localStorage", "indexedDB", "window", "document"],
    },
  },
  {
    // The browser and the server meet only through src/domain (rules and API contracts).
    files: ["src/web/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ group: ["**/server/**"], message: "src/web ne doit pas importer src/server : partagez par src/domain." }] }] },
  },
  {
    files: ["src/server/**/*.ts", "src/cli/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ group: ["**/web/**"], message: "src/server ne doit pas importer src/web : partagez par src/domain." }] }] },
  },
);
