import { t } from "@lingui/core/macro";
import { createContext, startTransition, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import type { Article, ContentBundle } from "../../domain/content/schema.js";
import { buildSearchIndex, type SearchIndexEntry } from "../../domain/content/search.js";
import { loadCachedContent, saveCachedContent } from "../storage/local-db.js";
import { callApi, type Parser } from "../api/client.js";

export type ContentState =
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "ready"; bundle: ContentBundle; searchIndex: SearchIndexEntry<Article>[]; offline: boolean };

const ContentContext = createContext<ContentState>({ status: "loading" });

/**
 * Content comes from the server and is kept in IndexedDB: the copy on the device shows at once,
 * the network refreshes it, and without network the device copy is enough.
 */
export function ContentProvider({
  children,
  initial = null,
}: {
  children: ReactNode;
  /** the content already read (build time, main.tsx) */ initial?: ContentBundle | null;
}) {
  const [bundle, setBundle] = useState<ContentBundle | null>(initial);
  const [givenAtFirst] = useState(initial !== null);
  const [failure, setFailure] = useState<string | null>(null);
  const [offline, setOffline] = useState(false);

  /** Fresh content from the network: shown, and kept on the device. */
  const show = useCallback((fresh: ContentBundle) => {
    // A transition: rendering the fresh content yields to the browser instead of freezing a slow phone.
    startTransition(() => {
      setBundle(fresh);
      setOffline(false);
      setFailure(null);
    });
    // Not being able to keep a copy does not make the page offline.
    void saveCachedContent(fresh).catch(() => undefined);
  }, []);

  useEffect(() => {
    let cancelled = false;
    // Content given at first (main.tsx read it from the device or the network) is not read again.
    let haveCopy = givenAtFirst;
    void (haveCopy ? Promise.resolve(null) : loadCachedContent())
      .then((cached) => {
        if (cached && !cancelled) {
          haveCopy = true;
          // A transition too: an urgent update would make React drop the pre-rendered page it is still
          // hydrating and paint it again.
          startTransition(() => setBundle((current) => current ?? cached));
        }
      })
      .catch(() => undefined)
      // The first paint is pre-rendered or comes from the device copy: fetch once the page has loaded,
      // so that the content does not compete with the stylesheet, fonts and scripts.
      .then(() => pageLoaded())
      .then(() => fetchContent())
      .then((fresh) => {
        if (!cancelled) show(fresh);
      })
      .catch(() => {
        if (cancelled) return;
        setOffline(true);
        if (!haveCopy) setFailure(t`Le contenu n'a pas pu être chargé. Vérifiez votre connexion internet puis rechargez la page.`);
      });
    return () => {
      cancelled = true;
    };
  }, [show, givenAtFirst]);

  // Offline, the content is fetched again as soon as the connection comes back: the offline note goes once it is
  // there (and stays if it fails again, until the next « online » event).
  useEffect(() => {
    if (!offline) return;
    let cancelled = false;
    const retry = () =>
      void fetchContent().then(
        (fresh) => {
          if (!cancelled) show(fresh);
        },
        () => undefined,
      );
    addEventListener("online", retry);
    return () => {
      cancelled = true;
      removeEventListener("online", retry);
    };
  }, [offline, show]);

  const state = useMemo<ContentState>(() => {
    if (bundle) {
      let searchIndex: SearchIndexEntry<Article>[] | undefined;
      // Built on the first search only: most visits never search.
      return {
        status: "ready",
        bundle,
        offline,
        get searchIndex() {
          return (searchIndex ??= buildSearchIndex(bundle.articles));
        },
      };
    }
    if (failure) return { status: "error", message: failure };
    return { status: "loading" };
  }, [bundle, failure, offline]);
  return <ContentContext.Provider value={state}>{children}</ContentContext.Provider>;
}

let networkContent: Promise<ContentBundle> | null = null;

/**
 * The content from the network, through the one client (`GET /content`), fetched once per page load: the boot
 * (main.tsx) fetches it at once to adopt a page rendered with the content, and the provider's refresh then gets that
 * same bundle instead of a second request. The browser's HTTP cache revalidates it with its ETag (the server sends
 * `no-cache`): an unchanged bundle costs a 304. A failed fetch is forgotten, so that the next call tries again.
 */
export function fetchContent(): Promise<ContentBundle> {
  networkContent ??= callApi("GET /content", undefined, { parse: bundleOutline })
    .then((result) => {
      if (!result.ok) throw new Error(result.problem.detail);
      return result.data;
    })
    .catch((error: unknown) => {
      networkContent = null;
      throw error;
    });
  return networkContent;
}

function pageLoaded(): Promise<void> {
  return document.readyState === "complete" ? Promise.resolve() : new Promise((resolve) => window.addEventListener("load", () => resolve(), { once: true }));
}

/** Our own server validated the content before storing it; check the outline only, so zod stays off the client. */
const bundleOutline: Parser<ContentBundle> = {
  safeParse(data) {
    const b = data as Partial<ContentBundle> | null;
    const ok = !!b && typeof b.version === "string" && [b.stages, b.themes, b.situations, b.articles].every(Array.isArray);
    return ok ? { success: true, data: b as ContentBundle } : { success: false };
  },
};

export function useContentState(): ContentState {
  return useContext(ContentContext);
}
