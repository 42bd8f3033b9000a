import { fileURLToPath } from "node:url";
import { dsfrFixes } from "./scripts/vite-dsfr-fixes.js";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { VitePWA } from "vite-plugin-pwa";
import babel, { defineRolldownBabelPreset } from "@rolldown/plugin-babel";
import { linguiSections, precompiledMessages } from "./scripts/lingui-sections.js";
import { locales } from "./src/domain/content/languages.js";
import { scriptFonts } from "./scripts/vite-fonts.js";
import { dsfrHead, prerenderPages } from "./scripts/vite-prerender.js";

export default defineConfig(({ isSsrBuild, command }) => ({
  // react-router's package exports only its development build; its production build (same code, dev warnings off, so
  // the bundler drops them) is what a built app should run. The dev server keeps the warnings.
  resolve:
    command === "build"
      ? { alias: [{ find: /^react-router$/, replacement: fileURLToPath(import.meta.resolve("react-router").replace("/development/", "/production/")) }] }
      : {},
  plugins: [
    react(),
    // Lingui's macros (t`…`, <Trans>, msg`…`) become catalogue look-ups that keep their French text, compiled, as the
    // source language and the fallback (scripts/lingui-sections.ts); only files importing them go through Babel.
    babel({
      presets: [
        defineRolldownBabelPreset({
          preset: { plugins: [["@lingui/babel-plugin-lingui-macro", { stripMessageField: false }], precompiledMessages] },
          rolldown: { filter: { code: /@lingui\/(core|react)\/macro/ } },
        }),
      ],
    }),
    // Other languages' catalogues, one small chunk per language and section, fetched on demand (src/web/i18n/sections.ts).
    linguiSections({ locales: locales.map((l) => l.code).filter((code) => code !== "fr") }),
    dsfrHead(),
    dsfrFixes(),
    !isSsrBuild && prerenderPages(),
    !isSsrBuild && scriptFonts(),
    !isSsrBuild &&
      VitePWA({
        registerType: "autoUpdate",
        injectRegister: false,
        manifest: {
          name: "Mille Jours – les 1000 premiers jours de l'enfant",
          short_name: "Mille Jours",
          description: "Le compagnon des parents, du projet d'enfant aux 3 ans.",
          lang: "fr",
          start_url: "/",
          display: "standalone",
          background_color: "#ffffff",
          theme_color: "#000091",
          icons: [
            { src: "/dsfr/favicon/favicon.svg", sizes: "any", type: "image/svg+xml" },
            { src: "/dsfr/favicon/apple-touch-icon.png", sizes: "180x180", type: "image/png" },
          ],
        },
        workbox: {
          // Only what the app really uses: the shell, the DSFR stylesheets, its Marianne fonts and icons, under the
          // exact URLs the pages request (no query string: see dsfrHead in scripts/vite-prerender.ts).
          globPatterns: [
            // The pre-rendered pages (scripts/vite-prerender.ts) and the shell for the others. Articles (50 pages) are
            // left out: offline, and for a device with saved data (which renders pages afresh), the shell shows them.
            "**/*.html",
            "assets/**/*.{js,css}",
            "dsfr/dsfr.min.css",
            "dsfr/dsfr.{critical,faces,rules}.*.css",
            "dsfr/utility/icons/icons.min.css",
            "dsfr/fonts/Marianne-{Regular,Bold,Medium,Light}.woff2",
            // The icons the two stylesheets point to (react-dsfr keeps only the used ones: 76 files, 32 KB), so
            // that a page first opened offline shows its icons too.
            "dsfr/icons/**/*.svg",
            "dsfr/favicon/*.{svg,png,ico}",
          ],
          // Other languages' pre-rendered pages too (7 × the French ones): offline, the shell renders them, with their
          // catalogue (every catalogue is a small precached chunk) — see docs/architecture.md, « Langues ».
          globIgnores: ["articles/**", ...locales.filter((l) => l.prefix).flatMap((l) => [`${l.prefix.slice(1)}/**`, `${l.prefix.slice(1)}.html`])],
          // Take control of the page on the first visit, so it works offline without a reload.
          clientsClaim: true,
          skipWaiting: true,
          navigateFallback: "/shell.html",
          navigateFallbackDenylist: [/^\/api\//],
          cleanupOutdatedCaches: true,
          runtimeCaching: [
            {
              // The Arabic and Cyrillic fonts (scripts/vite-fonts.ts), for their languages only: kept once a page in
              // that language has shown, so that it shows offline too.
              urlPattern: ({ url }) => url.pathname.startsWith("/fonts/"),
              handler: "CacheFirst",
              options: { cacheName: "polices", expiration: { maxEntries: 8 } },
            },
            {
              // Pictograms (public/pictogrammes): kept once shown, so that a page seen online keeps them offline.
              urlPattern: ({ url }) => url.pathname.startsWith("/pictogrammes/"),
              handler: "CacheFirst",
              options: { cacheName: "pictogrammes", expiration: { maxEntries: 40 } },
            },
            {
              // The commune list for offline search on the map page: fetched once, when that page is used.
              urlPattern: ({ url }) => url.pathname.startsWith("/donnees/"),
              handler: "CacheFirst",
              options: { cacheName: "donnees", expiration: { maxEntries: 4 } },
            },
          ],
        },
      }),
  ],
  build: isSsrBuild ? { outDir: "build/ssr", copyPublicDir: false, emptyOutDir: true } : { outDir: "dist", sourcemap: false, target: "es2022" },
  // The build-time render (src/web/prerender.tsx) bundles react-dsfr, whose ESM imports omit file extensions.
  ssr: { noExternal: ["@codegouvfr/react-dsfr"] },
  server: { proxy: { "/api": "http://localhost:3000" } },
}));
