import { StrictMode, startTransition } from "react";
import { createRoot, hydrateRoot } from "react-dom/client";
import { BrowserRouter, Link } from "react-router";
import { startReactDsfr } from "@codegouvfr/react-dsfr/spa";
import { App } from "./App.js";
import { ContentProvider } from "./state/content.js";
import { ParentProvider } from "./state/parent.js";
import { registerServiceWorker } from "./service-worker.js";
import { hasSavedDataHint } from "./storage/local-db.js";
import { loadFullStylesheet } from "./full-stylesheet.js";

startReactDsfr({ defaultColorScheme: "system", Link });

declare module "@codegouvfr/react-dsfr/spa" {
  interface RegisterLink {
    Link: typeof Link;
  }
}

const container = document.getElementById("root")!;
const app = (
  <StrictMode>
    <BrowserRouter>
      <ContentProvider>
        <ParentProvider>
          <App />
        </ParentProvider>
      </ContentProvider>
    </BrowserRouter>
  </StrictMode>
);
// Pages rendered at build time are adopted rather than repainted. The home page was rendered for a
// first visit: a device with saved data renders it afresh.
const savedData = hasSavedDataHint();
const prerendered = container.hasChildNodes() && (location.pathname !== "/" || !savedData);
// Anything but a first visit of a pre-rendered page needs the whole DSFR stylesheet (see full-stylesheet.ts):
// with saved data, pre-rendered pages show more than they were rendered with.
if (savedData) void loadFullStylesheet();
// As a transition, hydration yields to the browser every few milliseconds instead of blocking a slow phone.
if (prerendered) startTransition(() => void hydrateRoot(container, app));
else void loadFullStylesheet().then(() => createRoot(container).render(app));

registerServiceWorker();
