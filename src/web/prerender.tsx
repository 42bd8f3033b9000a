import { prerenderToNodeStream } from "react-dom/static";
import { Link, StaticRouter } from "react-router";
import { setLink } from "@codegouvfr/react-dsfr/link";
import { App } from "./App.js";
import { ContentProvider } from "./state/content.js";
import { ParentProvider } from "./state/parent.js";
import { stageIds } from "../domain/content/taxonomy.js";
import type { ContentBundle } from "../domain/content/schema.js";

// What `startReactDsfr` does in the browser: DSFR links render as router links (with their href).
setLink({ Link: Link as never });

/** Pages rendered at build time: the home page and each stage page, as a first visit shows them. */
export const prerenderedPaths = ["/", ...stageIds.map((id) => `/parcours/${id}`)];

/**
 * Build-time rendering of a page as its first paint looks for any visitor (content still loading),
 * written into the HTML so that the browser paints it before any JavaScript runs; the app then hydrates it.
 * Waits for lazy pages, unlike renderToString. With `content`, renders the page as it looks once the app runs
 * and the content has arrived: not shipped, read only to know which DSFR rules the page can use.
 */
export async function renderPage(url: string, content?: ContentBundle): Promise<string> {
  const { prelude } = await prerenderToNodeStream(
    <StaticRouter location={url}>
      <ContentProvider initial={content ?? null}>
        <ParentProvider>
          <App started={content !== undefined} />
        </ParentProvider>
      </ContentProvider>
    </StaticRouter>,
  );
  const chunks: Buffer[] = [];
  for await (const chunk of prelude) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString("utf8");
}
