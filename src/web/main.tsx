import { StrictMode, startTransition } from "react";
import { createRoot, hydrateRoot } from "react-dom/client";
import { BrowserRouter, Link } from "react-router";
import { I18nProvider } from "@lingui/react";
import { setUseLang } from "@codegouvfr/react-dsfr/spa";
import { setLink } from "@codegouvfr/react-dsfr/link";
import { startClientSideIsDarkLogic } from "@codegouvfr/react-dsfr/useIsDark/client";
import { App, preloadPage } from "./App.js";
import { ContentProvider, fetchContent } from "./state/content.js";
import { ParentProvider, readSavedData } from "./state/parent.js";
import { registerServiceWorker } from "./service-worker.js";
import { hasSavedDataHint, loadCachedContent, type ParentDataset } from "./storage/local-db.js";
import { loadFullStylesheet } from "./full-stylesheet.js";
import { nextTask } from "./next-task.js";
import type { ContentBundle, TranslationBundle } from "../domain/content/schema.js";
import { isTranslationLanguage } from "../domain/content/languages.js";
import { adoptTranslation, translationVersion } from "./state/translations.js";
import { adoptServedAnswers, servedAnswersOf } from "./state/served-answers.js";
import { activateLocale, i18n } from "./i18n/i18n.js";
import { fontStylesheet, localeFromPath } from "./i18n/locales.js";
import { followActiveLocaleInDsfr } from "./i18n/dsfr-labels.js";
import { showScriptFont } from "./i18n/script-font.js";

// The language is the address's (`/ar/…`); French, the source, has no prefix (remembered by boot.ts).
const locale = localeFromPath(location.pathname);

/**
 * The app starts in tasks of its own (issue 19). Evaluating this module and what it imports (React, the router, the
 * app's code) is one task the browser cannot split; what follows used to run in it as well (the first read of
 * localStorage, the colour scheme, the hydration's first step), making it a long task on a slow phone. Each step now
 * starts once the browser has had a chance to handle input and paint.
 */
void nextTask()
  .then(() => {
    document.documentElement.lang = locale.lang;
    document.documentElement.dir = locale.dir;
    // Its script font, kept for offline use and fetched again when the connection comes back (i18n/script-font.ts).
    showScriptFont(fontStylesheet(locale));
    // react-dsfr's own labels (« Menu », « Fermer »…) in the language being activated (i18n/dsfr-labels.tsx).
    followActiveLocaleInDsfr();
    const localeReady = activateLocale(locale);
    // What react-dsfr's startReactDsfr does, but DSFR's own script: it starts when needed (dsfr-start.ts).
    // react-dsfr types its links as <a> or the registered Link (see RegisterLink below), not react-router's Link itself.
    setLink({ Link: Link as unknown as Parameters<typeof setLink>[0]["Link"] });
    setUseLang({ useLang: () => locale.code });
    startClientSideIsDarkLogic({
      colorSchemeExplicitlyProvidedAsParameter: "system",
      doPersistDarkModePreferenceWithCookie: false,
      registerEffectAction: (action) => action(),
      doCheckNonce: false,
      trustedTypesPolicyName: "react-dsfr",
    });
    return nextTask().then(() => start(localeReady));
  })
  .then(registerServiceWorker);

declare module "@codegouvfr/react-dsfr/spa" {
  interface RegisterLink {
    Link: typeof Link;
  }
}

/** Renders the app, or adopts the page the server sent (a pre-rendered page), once the language is active. */
function start(localeReady: Promise<void>): void {
  const container = document.getElementById("root")!;
  const app = (content: ContentBundle | null = null, saved: ParentDataset | null = null) => (
    <StrictMode>
      <I18nProvider i18n={i18n}>
        <BrowserRouter basename={locale.prefix || undefined}>
          <ContentProvider initial={content}>
            <ParentProvider initial={saved}>
              <App />
            </ParentProvider>
          </ContentProvider>
        </BrowserRouter>
      </I18nProvider>
    </StrictMode>
  );
  // The page the server sent stays on screen until the app can show this page whole: its code, the content and the
  // parent's saved data read from the device (else it would show « Chargement… » in its place for a moment). In a
  // transition, so that React waits for the page's code (already there) rather than painting its fallback.
  const render = () =>
    void Promise.all([
      loadFullStylesheet(),
      localeReady,
      // Once the language is active: the page's code waits for that language's messages (i18n/lazy.ts).
      localeReady.then(() => preloadPage(location.pathname, locale.prefix || undefined)),
      loadCachedContent().catch(() => null),
      readSavedData().catch(() => null),
    ]).then(([, , , content, saved]) => startTransition(() => createRoot(container).render(app(content, saved))));

  // Pages rendered before they reached the browser are adopted rather than repainted. They were rendered for a first
  // visit, from the address alone: at build time from the path, by the server from the path and the query it says
  // (`data-query`: a search) with the API answers it used (`data-served`: a place, which the page then does not fetch
  // again). A device with saved data, or another query or a fragment (a handover), renders them afresh.
  adoptServedAnswers(servedAnswersOf(container.dataset.served));
  const savedData = hasSavedDataHint();
  const prerendered = container.hasChildNodes() && !savedData && location.search === (container.dataset.query ?? "") && location.hash === "";
  // Anything but a first visit of a pre-rendered page needs the whole DSFR stylesheet (see full-stylesheet.ts):
  // with saved data, pre-rendered pages show more than they were rendered with.
  if (savedData) void loadFullStylesheet();
  // As a transition, hydration yields to the browser every few milliseconds instead of blocking a slow phone.
  const hydrate = (content: ContentBundle | null) => void localeReady.then(() => startTransition(() => void hydrateRoot(container, app(content))));

  // A page rendered with the content (articles, stage pages) is adopted once the app has that very version of it
  // (from the device, else the network, fetched at once): the served page stays on screen meanwhile.
  // A translated article (`/ar/articles/…`) waits for that very version of its language's translation as well.
  const servedContent = container.dataset.content;
  const servedTranslation = container.dataset.translation;
  // Rendered afresh (saved data), a served translated article is drawn again in its language, not first in French.
  if (!prerendered)
    void servedTranslationHere(servedTranslation).then((translation) => {
      if (translation) adoptTranslation(translation);
      render();
    });
  else if (!servedContent) hydrate(null);
  else
    void Promise.all([contentVersion(servedContent), servedTranslationHere(servedTranslation)]).then(([content, translation]) => {
      if (!content || translation === null) return render();
      if (translation) adoptTranslation(translation);
      hydrate(content);
    });
}

/** The translation the page was served with, from the device or the network (null: not to be had); none asked: undefined. */
async function servedTranslationHere(version: string | undefined): Promise<TranslationBundle | null | undefined> {
  if (!version) return undefined;
  return isTranslationLanguage(locale.code) ? translationVersion(locale.code, version) : null;
}

async function contentVersion(version: string): Promise<ContentBundle | null> {
  const cached = await loadCachedContent().catch(() => null);
  if (cached?.version === version) return cached;
  // The provider's refresh after load reuses this very fetch and saves the bundle on the device (state/content.tsx).
  const fresh = await fetchContent().catch(() => null);
  return fresh?.version === version ? fresh : null;
}
