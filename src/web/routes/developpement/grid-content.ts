import { useEffect, useState } from "react";
import type { DevelopmentBandContent, DevelopmentContent } from "../../../domain/development/content.js";
import type { BandId } from "../../../domain/development/grid.js";
import type { ContentLanguage } from "../../../domain/content/languages.js";
import { useContentLanguage } from "../../state/translations.js";
import fr from "../../../../content/developpement/fr.json";

/**
 * The French grid and milestones (content/developpement/fr.json, validated by the content build check): the reference,
 * and the words of the summary for the doctor whatever the parent's language.
 */
export const developmentContent = fr as DevelopmentContent;

/**
 * The other languages' files (content/developpement/<langue>.json, each checked at build against fr.json: same items),
 * one chunk each, fetched only by a visitor who reads that language (precached by the service worker: offline too).
 */
const translations: Partial<Record<string, () => Promise<DevelopmentContent>>> = Object.fromEntries(
  Object.entries(import.meta.glob<DevelopmentContent>(["../../../../content/developpement/*.json", "!**/fr.json"], { import: "default" })).map(
    ([path, load]) => [path.replace(/^.*\/(.*)\.json$/, "$1"), load],
  ),
);

/** The languages that have their own development file (the others are shown in French, with a note). */
export const developmentTranslations: readonly string[] = Object.keys(translations).sort();

/** Which file the pages read for a language: its own, or French marked as a fallback when it has none. */
export function developmentFileFor(
  language: ContentLanguage,
  available: readonly string[] = developmentTranslations,
): { file: ContentLanguage; fallback: boolean } {
  if (language === "fr" || !available.includes(language)) return { file: "fr", fallback: language !== "fr" };
  return { file: language, fallback: false };
}

export interface LocalizedDevelopment {
  content: DevelopmentContent;
  /** The language the texts are in. */
  language: ContentLanguage;
  /** The reader's language has no file: French is shown, and says so. */
  fallback: boolean;
}

const french = (fallback: boolean): LocalizedDevelopment => ({ content: developmentContent, language: "fr", fallback });
const loaded = new Map<string, DevelopmentContent>();

/** The development content in the interface's language (null while its chunk loads), French when it has none. */
export function useDevelopmentContent(): LocalizedDevelopment | null {
  const language = useContentLanguage();
  const initial = (): LocalizedDevelopment | null => {
    const { file, fallback } = developmentFileFor(language);
    if (file === "fr") return french(fallback);
    const ready = loaded.get(language);
    return ready ? { content: ready, language, fallback: false } : null;
  };
  const [state, setState] = useState<{ for: ContentLanguage; value: LocalizedDevelopment | null }>(() => ({ for: language, value: initial() }));
  useEffect(() => {
    const { file, fallback } = developmentFileFor(language);
    const load = translations[file];
    if (file === "fr" || !load) {
      setState({ for: language, value: french(fallback) });
      return;
    }
    let cancelled = false;
    load()
      .then((content) => {
        loaded.set(language, content);
        if (!cancelled) setState({ for: language, value: { content, language, fallback: false } });
      })
      .catch(() => {
        if (!cancelled) setState({ for: language, value: french(true) });
      });
    return () => {
      cancelled = true;
    };
  }, [language]);
  return state.for === language ? state.value : initial();
}

export function bandContent(id: BandId, content: DevelopmentContent = developmentContent): DevelopmentBandContent | null {
  return content.bands.find((b) => b.id === id) ?? null;
}
