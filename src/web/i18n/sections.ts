import { i18n, type Messages } from "@lingui/core";
import { loaders } from "virtual:lingui-sections";

/**
 * The parts of a language's catalogue the loaded code needs (scripts/lingui-sections.ts): every module that shows
 * messages declares its section when it loads; before a page renders, the active language's part of each declared
 * section is fetched (one small chunk each, precached for offline use). French needs none: its words are in the code.
 */
const needed = new Set<string>(["shell"]);
const loading = new Map<string, Promise<void>>();

/** Declared by every module that shows messages (added at build time). */
export function needsSection(section: string): void {
  needed.add(section);
}

function loadSection(locale: string, section: string): Promise<void> {
  const key = `${locale}/${section}`;
  let done = loading.get(key);
  if (!done) {
    const load = (loaders as Record<string, Record<string, (() => Promise<{ messages: Messages }>) | undefined> | undefined>)[locale]?.[section];
    done = load
      ? load().then(
          ({ messages }) => i18n.load(locale, { ...messages }),
          // Not fetched (offline before it was cached): the French text shows meanwhile, and the next page tries again.
          () => void loading.delete(key),
        )
      : Promise.resolve();
    loading.set(key, done);
  }
  return done;
}

/** Resolves once the language's messages of every module loaded so far are there (at once in French). */
export function sectionsReady(locale: string = i18n.locale): Promise<void> {
  if (!locale || locale === "fr") return Promise.resolve();
  return Promise.all([...needed].map((section) => loadSection(locale, section))).then(() => undefined);
}
