import { StrictMode } from "react";
import { createRoot, hydrateRoot } from "react-dom/client";
import { BrowserRouter, Link } from "react-router";
import { startReactDsfr } from "@codegouvfr/react-dsfr/spa";
import { App } from "./App.js";
import { ContentProvider } from "./state/content.js";
import { ParentProvider } from "./state/parent.js";
import { registerServiceWorker } from "./service-worker.js";
import { hasSavedDataHint } from "./storage/local-db.js";
import "./app.css";

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
// The first-visit home page is pre-rendered at build time: adopt that DOM rather than repaint it.
if (container.hasChildNodes() && location.pathname === "/" && !hasSavedDataHint()) hydrateRoot(container, app);
else createRoot(container).render(app);

registerServiceWorker();
