import { localeByCode, type ContentLanguage, type TranslationLanguage } from "../../../domain/content/languages.js";
import type { LocalizedArticle } from "../../../domain/content/localize.js";
import { frenchNotes, frenchStatusLabel, translationLabels } from "../../../domain/content/translation-labels.js";
import { formatFrenchDate } from "../../../domain/dates.js";

/** A calendar day in the reader's language (date-only ISO string, no time zone shift). */
function formatDay(iso: string, language: ContentLanguage): string {
  if (language === "fr" || language === "falc") return formatFrenchDate(iso);
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(localeByCode(language).lang, { dateStyle: "long", timeZone: "UTC" }).format(Date.UTC(y, m - 1, d));
}

/**
 * Above a text in another language: its review status and the French original one tap away, or why it is in French:
 * not translated yet, or translated but not on this device with no connection (`unavailable`).
 */
export function TranslationNote({ shown, language, unavailable }: { shown: LocalizedArticle; language: TranslationLanguage; unavailable: boolean }) {
  const labels = translationLabels[language];
  const { lang: tag, dir } = localeByCode(language);
  if (shown.fallback)
    return (
      <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-3w" data-testid="translation-fallback">
        <p lang={tag} dir={dir}>
          {unavailable ? labels.unavailable : labels.fallback}
        </p>
        {/* Deliberately French, beside the same note in the reader's language. */}
        <p className="fr-text--sm fr-mb-0" lang="fr" dir="ltr">
          {unavailable ? frenchNotes.unavailable : frenchNotes.fallback}
        </p>
      </div>
    );
  const status = shown.translation!;
  const label = status.status === "relu" ? labels.reviewed(formatDay(status.reviewedOn, language), status.reviewer) : labels.toReview;
  return (
    <div className="fr-mb-3w" data-testid="translation-status">
      {/* Not a DSFR badge: badges are in capitals, hard to read for a sentence (and against the FALC rules). */}
      <p className={`fr-mb-1w ${status.status === "relu" ? "fr-icon-success-line" : "fr-icon-info-line"}`} lang={tag} dir={dir}>
        {" "}
        <strong>{label}</strong>
      </p>
      {/* The same status in French, marked so (read with a French voice). */}
      <p className="fr-text--sm fr-mb-1w" lang="fr" dir="ltr">
        {frenchStatusLabel(status, language === "falc", formatFrenchDate)}
      </p>
      {/* A plain link: the French address has no language prefix, outside this router's basename. */}
      <a href={`/articles/${shown.id}`} className="fr-link fr-icon-arrow-right-line fr-link--icon-right" hrefLang="fr" lang={tag} dir={dir}>
        {labels.original}
      </a>
    </div>
  );
}
