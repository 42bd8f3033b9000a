import { renderToString } from "react-dom/server";
import { Link, StaticRouter } from "react-router";
import { setLink } from "@codegouvfr/react-dsfr/link";
import { App } from "./App.js";
import { ContentProvider } from "./state/content.js";
import { ParentProvider } from "./state/parent.js";

/**
 * Build-time rendering of the page a first-time visitor sees, written into `dist/index.html`
 * so that the browser paints it before any JavaScript runs (the app then takes over).
 */
// What `startReactDsfr` does in the browser: DSFR links render as router links (with their href).
setLink({ Link: Link as never });

export function renderFirstVisit(url: string): string {
  return renderToString(
    <StaticRouter location={url}>
      <ContentProvider>
        <ParentProvider>
          <App />
        </ParentProvider>
      </ContentProvider>
    </StaticRouter>,
  );
}
