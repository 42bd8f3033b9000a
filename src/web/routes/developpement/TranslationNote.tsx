import { useLingui } from "@lingui/react/macro";
import { localeByCode } from "../../../domain/content/languages.js";
import { translationLabels } from "../../../domain/content/translation-labels.js";
import type { LocalizedDevelopment } from "./grid-content.js";

/**
 * Above the development content in another language: that it is our translation, to review and not the official
 * grid (its metadata, content/developpement/<langue>.json); or, when the language has no file, that it is French.
 */
export function DevelopmentTranslationNote({ development }: { development: LocalizedDevelopment }) {
  const { t } = useLingui();
  if (development.fallback)
    return (
      <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-3w" data-testid="translation-fallback">
        <p>{t`Les repères de développement ne sont pas encore traduits dans votre langue : voici la version française.`}</p>
        {/* eslint-disable-next-line lingui/no-unlocalized-strings -- deliberately French, beside the same note in the reader's language */}
        <p className="fr-text--sm fr-mb-0" lang="fr" dir="ltr">
          Ces repères ne sont pas encore traduits : voici la version française.
        </p>
      </div>
    );
  if (development.language === "fr" || !development.content.translation) return null;
  const { lang, dir } = localeByCode(development.language);
  const labels = translationLabels[development.language];
  const review = development.content.translation.review;
  return (
    <div className="fr-mb-3w" data-testid="translation-status">
      <p className="fr-mb-1w fr-icon-info-line" lang={lang} dir={dir}>
        {" "}
        <strong>{review.status === "relu" ? labels.reviewed(review.reviewedOn, review.reviewer) : labels.toReview}</strong>
      </p>
      <p className="fr-text--sm fr-mb-0">
        {t`Ce n'est pas une version officielle : la grille de repérage officielle est en français, et le résumé pour le médecin reprend ses mots.`}
      </p>
    </div>
  );
}
