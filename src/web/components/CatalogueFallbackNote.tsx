import { useSyncExternalStore } from "react";
import { isTranslationLanguage, type Locale } from "../../domain/content/languages.js";
import { frenchNotes, translationLabels } from "../../domain/content/translation-labels.js";
import { sectionsMissing, subscribeToSections } from "../i18n/sections.js";

/**
 * Whether the page shows French in place of its language: some of the language's messages are not on the device and
 * could not be fetched (a first visit in that language, offline, before they were cached; src/web/i18n/sections.ts).
 * Becomes false by itself once they arrive.
 */
export function useCatalogueMissing(locale: Locale): boolean {
  return useSyncExternalStore(
    subscribeToSections,
    () => locale.code !== "fr" && sectionsMissing(locale.code),
    () => false,
  );
}

/**
 * Says why the page is in French, in the reader's language and in French. Not from the catalogue, which is what is
 * missing: the note is in src/domain/content/translation-labels.ts, in the app's main code.
 */
export function CatalogueFallbackNote({ locale }: { locale: Locale }) {
  if (!isTranslationLanguage(locale.code)) return null;
  return (
    <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-3w" data-testid="catalogue-fallback">
      <p lang={locale.lang} dir={locale.dir}>
        {translationLabels[locale.code].interfaceUnavailable}
      </p>
      <p className="fr-text--sm fr-mb-0" lang="fr" dir="ltr">
        {frenchNotes.interfaceUnavailable}
      </p>
    </div>
  );
}
