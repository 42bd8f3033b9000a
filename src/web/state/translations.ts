import { useEffect, useState } from "react";
import { useLingui } from "@lingui/react";
import type { Article, TranslationBundle } from "../../domain/content/schema.js";
import { isTranslationLanguage, type ContentLanguage, type TranslationLanguage } from "../../domain/content/languages.js";
import { localizeArticle, type LocalizedArticle } from "../../domain/content/localize.js";
import { loadCachedTranslation, saveCachedTranslation } from "../storage/local-db.js";
import { callApi, type Parser } from "../api/client.js";

/** The content language: the interface's active language (its `/en/…` prefix, src/web/i18n), French otherwise. */
export function useContentLanguage(): ContentLanguage {
  const { i18n } = useLingui();
  return isTranslationLanguage(i18n.locale) ? i18n.locale : "fr";
}

export type TranslationState =
  | { status: "french" }
  | { status: "loading" }
  | { status: "ready"; bundle: TranslationBundle }
  /** Neither the network nor the device has it: the French text is shown with the fallback note. */
  | { status: "unavailable" };

/** Checks the outline of the server's answer (our own server validated it; zod stays off the client). */
function translationOutline(language: TranslationLanguage): Parser<TranslationBundle> {
  return {
    safeParse(data) {
      const bundle = data as Partial<TranslationBundle> | null;
      return bundle?.language === language && Array.isArray(bundle.articles) ? { success: true, data: bundle as TranslationBundle } : { success: false };
    },
  };
}

/** Bundles fetched during this visit, by language: each language is downloaded once, and only when chosen. */
const fetched = new Map<TranslationLanguage, Promise<TranslationBundle>>();

function fetchTranslation(language: TranslationLanguage): Promise<TranslationBundle> {
  let pending = fetched.get(language);
  if (!pending) {
    // Revalidated with its ETag by the browser's HTTP cache, like the content bundle (state/content.tsx).
    pending = callApi("GET /traductions/:langue", { params: { langue: language } }, { parse: translationOutline(language) }).then(async (result) => {
      if (!result.ok) throw new Error(result.problem.detail);
      await saveCachedTranslation(result.data).catch(() => undefined);
      return result.data;
    });
    pending.catch(() => fetched.delete(language)); // a failed download is tried again on the next page
    fetched.set(language, pending);
  }
  return pending;
}

/**
 * The translation a pre-rendered article page was rendered with: set while rendering it at build time
 * (src/web/prerender.tsx), and in the browser before adopting it (src/web/main.tsx), so that the first render, which
 * hydrates the served page, shows the same translated text instead of repainting it.
 */
let adopted: TranslationBundle | null = null;

export function adoptTranslation(bundle: TranslationBundle | null): void {
  adopted = bundle;
}

/** That very version of a language's translation, from the device, else the network; null when neither has it. */
export async function translationVersion(language: TranslationLanguage, version: string): Promise<TranslationBundle | null> {
  const cached = await loadCachedTranslation(language).catch(() => null);
  if (cached?.version === version) return cached;
  const fresh = await fetchTranslation(language).catch(() => null);
  return fresh?.version === version ? fresh : null;
}

/**
 * The translated content of `language`, loaded on demand: the device copy first, then the network. French needs nothing.
 * Unavailable (offline, never downloaded), it is tried again as soon as the connection comes back.
 */
export function useTranslationBundle(language: ContentLanguage): TranslationState {
  const [state, setState] = useState<TranslationState>(() =>
    language === "fr" ? { status: "french" } : adopted?.language === language ? { status: "ready", bundle: adopted } : { status: "loading" },
  );
  const [attempt, setAttempt] = useState(0);
  const unavailable = state.status === "unavailable";
  useEffect(() => {
    if (!unavailable) return;
    const retry = () => setAttempt((n) => n + 1);
    addEventListener("online", retry);
    return () => removeEventListener("online", retry);
  }, [unavailable]);
  useEffect(() => {
    if (language === "fr") {
      setState(unlessShown({ status: "french" }));
      return;
    }
    let cancelled = false;
    // The translation the page was adopted with is shown already: only the network may have a newer one.
    let haveCopy = adopted?.language === language;
    // A retry keeps the French text and its note on screen until the translation is there.
    if (attempt === 0 && !haveCopy) setState(unlessShown({ status: "loading" }));
    void (haveCopy ? Promise.resolve() : loadCachedTranslation(language))
      .then((cached) => {
        if (cached && !cancelled) {
          haveCopy = true;
          setState(unlessShown({ status: "ready", bundle: cached }));
        }
      })
      .catch(() => undefined)
      .then(() => fetchTranslation(language))
      .then((bundle) => {
        if (!cancelled) setState(unlessShown({ status: "ready", bundle }));
      })
      .catch(() => {
        if (!cancelled && !haveCopy) setState(unlessShown({ status: "unavailable" }));
      });
    return () => {
      cancelled = true;
    };
  }, [language, attempt]);
  return state;
}

/**
 * A state update that keeps the current state when it shows the same thing already (French; the very translation the
 * page was adopted with, which the network then confirms): a new object would render the page's lists and key
 * messages once more for nothing, right after the adoption.
 */
function unlessShown(next: TranslationState): (current: TranslationState) => TranslationState {
  return (current) => {
    if (current.status !== "ready" || next.status !== "ready") return current.status === next.status ? current : next;
    const same = current.bundle === next.bundle || (current.bundle.language === next.bundle.language && current.bundle.version === next.bundle.version);
    return same ? current : next;
  };
}

/**
 * An article's texts in the content language where it is translated and the translation is there, French otherwise
 * (`language` says which, for the `lang` of what shows them): for the lists and key messages of the journey.
 */
export function useArticleTexts(): (article: Article) => LocalizedArticle {
  const language = useContentLanguage();
  const translation = useTranslationBundle(language);
  return (article) =>
    translation.status === "ready"
      ? localizeArticle(
          article,
          language,
          translation.bundle.articles.find((a) => a.id === article.id),
        )
      : localizeArticle(article, "fr", undefined);
}
