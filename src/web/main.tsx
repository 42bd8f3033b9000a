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
// Pages rendered at build time are adopted rather than repainted. The home page was rendered for a
// first visit: a device with saved data renders it afresh.
const prerendered = container.hasChildNodes() && (location.pathname !== "/" || !hasSavedDataHint());
if (prerendered) hydrateRoot(container, app);
else createRoot(container).render(app);

registerServiceWorker();
