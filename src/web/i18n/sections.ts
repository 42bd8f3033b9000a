import { i18n, type Messages } from "@lingui/core";
import { loaders } from "virtual:lingui-sections";

/**
 * The parts of a language's catalogue the loaded code needs (scripts/lingui-sections.ts): every module that shows
 * messages declares its section when it loads; before a page renders, the active language's part of each declared
 * section is fetched (one small chunk each, precached for offline use). French needs none: its words are in the code.
 */
const needed = new Set<string>(["shell"]);
const loading = new Map<string, Promise<void>>();
/** `locale/section` keys that could not be fetched (offline before they were cached): their French text shows. */
const failed = new Set<string>();
const listeners = new Set<() => void>();
let retryingWhenOnline = false;

function changed(): void {
  for (const listener of listeners) listener();
}

/** Once the connection is back, the missing messages are fetched again (the page turns to its language by itself). */
function retryWhenOnline(): void {
  if (retryingWhenOnline || typeof window === "undefined") return;
  retryingWhenOnline = true;
  window.addEventListener(
    "online",
    () => {
      retryingWhenOnline = false;
      void sectionsReady();
    },
    { once: true },
  );
}

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
          ({ messages }) => {
            i18n.load(locale, { ...messages });
            if (failed.delete(key)) changed();
          },
          // Not fetched (offline before it was cached): the French text shows meanwhile, with a note (App.tsx); the
          // next page, or the connection coming back, tries again.
          () => {
            loading.delete(key);
            failed.add(key);
            changed();
            retryWhenOnline();
          },
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

/** Whether some of the language's messages could not be fetched, so that French shows in their place. */
export function sectionsMissing(locale: string = i18n.locale): boolean {
  for (const key of failed) if (key.startsWith(`${locale}/`)) return true;
  return false;
}

/** Called whenever a section fails or arrives (for useSyncExternalStore). */
export function subscribeToSections(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
