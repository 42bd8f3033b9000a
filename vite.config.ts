import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { VitePWA } from "vite-plugin-pwa";

export default defineConfig({
  plugins: [
    react(),
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
        // Only what the app really uses: the shell, the DSFR stylesheet, its Marianne fonts and icons.
        globPatterns: [
          "index.html",
          "assets/**/*.{js,css}",
          "dsfr/dsfr.min.css",
          "dsfr/utility/icons/icons.min.css",
          "dsfr/fonts/Marianne-{Regular,Bold,Medium,Light}.woff2",
          "dsfr/favicon/*.{svg,png,ico}",
        ],
        // Take control of the page on the first visit, so it works offline without a reload.
        clientsClaim: true,
        skipWaiting: true,
        navigateFallback: "/index.html",
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        runtimeCaching: [
          {
            urlPattern: ({ url }) => url.pathname.startsWith("/dsfr/icons/"),
            handler: "CacheFirst",
            options: { cacheName: "icones", expiration: { maxEntries: 200 } },
          },
        ],
      },
    }),
  ],
  build: { outDir: "dist", sourcemap: false, target: "es2022" },
  server: { proxy: { "/api": "http://localhost:3000" } },
});
