import { useEffect, useRef } from "react";
import { useLingui } from "@lingui/react/macro";
import { orientationFor, type EpdsAudience, type OrientationStep } from "../../../domain/epds/score.js";
import type { EpdsScore } from "../../../domain/epds/score.js";
import { NearbyLinks } from "../autour/NearbyLinks.js";
import { ReadAloud } from "../../components/listen/ReadAloud.js";
import { CallbackOffer } from "./rappel/CallbackOffer.js";
import { localizeOrientation } from "../../../domain/epds/orientation-texts.js";
import { localeByCode, type ContentLanguage } from "../../../domain/content/languages.js";
import { translationLabels } from "../../../domain/content/translation-labels.js";
import { useContentLanguage, useTranslationBundle } from "../../state/translations.js";
import { Pictogram, type PictogramId } from "../../components/Pictogram.js";
import { bandLabels, bandWords } from "./labels.js";
import { StepContact } from "./StepContact.js";

/** Calling or texting comes first; otherwise the kind of help. */
function stepPictogram(step: OrientationStep): PictogramId {
  if (step.tel || step.kind === "urgence") return "appel";
  if (step.sms) return "smartphone";
  return step.kind === "entraide" || step.kind === "ecoute" ? "soutien" : "medecin";
}

function StepList({ steps, ordered, language }: { steps: (OrientationStep & { translated?: boolean })[]; ordered: boolean; language: ContentLanguage }) {
  const { lang: tag, dir } = localeByCode(language);
  const items = steps.map((step) => (
    <li key={step.id} className="fr-mb-2w" {...(step.translated ? { lang: tag, dir } : {})}>
      <div className="mj-with-picto mj-with-picto--top">
        <Pictogram id={stepPictogram(step)} />
        <div>
          <strong>{step.title}</strong>
          <br />
          {step.text}
          <br />
          <StepContact step={step} />
        </div>
      </div>
    </li>
  ));
  return ordered ? <ol>{items}</ol> : <ul className="mj-track-list">{items}</ul>;
}

/**
 * The result in plain words (never a diagnosis) and what to do next. When item 10 is above 0, the help
 * lines come first, before the score, in a calm panel that takes the focus.
 */
export function EpdsResultView({
  score,
  audience,
  mapLinks = true,
  callbackDate,
}: {
  score: EpdsScore;
  audience: EpdsAudience;
  mapLinks?: boolean;
  callbackDate?: string;
}) {
  // The orientation and helplines in the reader's language where translated (content/traductions), French otherwise.
  const { t } = useLingui();
  const language = useContentLanguage();
  const translation = useTranslationBundle(language);
  const orientation = localizeOrientation(orientationFor(score, audience), translation.status === "ready" ? translation.bundle.orientationEpds?.texts : null);
  const toReview =
    language !== "fr" && orientation.translated && translation.status === "ready" && translation.bundle.orientationEpds?.translation.status === "a-relire";
  const firstRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => firstRef.current?.focus(), []);
  const crisis = orientation.steps.filter((s) => s.kind === "urgence");
  const others = orientation.steps.filter((s) => s.kind !== "urgence");
  // « Je souhaite être rappelé(e) » (parent's own path only): first after the safety panel from the French
  // screening threshold (band above « faible », i.e. ≥ 11, the official app's contact threshold) or with the
  // safety flag; for a lower score, after the next steps.
  const callbackFirst = orientation.urgent || score.band !== "faible";
  const callback = callbackDate ? <CallbackOffer band={score.band} date={callbackDate} /> : null;

  return (
    <div id="lecture-epds">
      {orientation.urgent && (
        <section className="fr-callout mj-safety fr-mb-4w" aria-labelledby="aide-immediate">
          <h2 id="aide-immediate" ref={firstRef} tabIndex={-1} className="fr-callout__title">
            {audience === "mere" ? t`Vous n'êtes pas seule : de l'aide, tout de suite` : t`Vous n'êtes pas seul : de l'aide, tout de suite`}
          </h2>
          <p className="fr-callout__text">
            {t`Vous avez indiqué avoir pensé à vous faire du mal. Ces pensées peuvent arriver quand on est épuisé ou en souffrance, et on peut en parler. Des personnes formées vous répondent maintenant, jour et nuit, gratuitement.`}
          </p>
          <StepList steps={crisis} ordered={false} language={language} />
        </section>
      )}

      {callbackFirst && callback}

      <ReadAloud regions="#lecture-epds" />
      <section aria-labelledby="resultat">
        <h2 id="resultat" ref={orientation.urgent ? undefined : firstRef} tabIndex={-1}>
          {t`Votre résultat`}
        </h2>
        <p className="fr-text--lead">{t(bandWords[score.band])}</p>
        <p>
          {t`Score :`} <strong>{t`${score.total} sur 30`}</strong> — {t(bandLabels[score.band])}.
        </p>
        <p className="fr-text--sm">{t`Ce questionnaire aide à repérer une dépression après la naissance ; il ne remplace pas l'avis d'un professionnel.`}</p>
      </section>

      <section aria-labelledby="et-maintenant" className="fr-mt-4w">
        <h2 id="et-maintenant">{t`Ce que vous pouvez faire`}</h2>
        {toReview && (
          <p className="fr-text--sm fr-icon-info-line" data-testid="orientation-status">
            {" "}
            <span lang={localeByCode(language).lang} dir={localeByCode(language).dir}>
              {translationLabels[language].toReview}
            </span>
            {/* The French status marker (issue 14), the same in every language. */}
            {/* eslint-disable-next-line lingui/no-unlocalized-strings */}
            {language !== "falc" && <span lang="fr"> (traduction à relire)</span>}
          </p>
        )}
        <StepList steps={others} ordered language={language} />
        {mapLinks && orientation.placeTypes.length > 0 && <NearbyLinks types={orientation.placeTypes} askIndex={false} />}
        {!orientation.urgent && (
          <>
            <h3 className="fr-h6">{t`Et si ça ne va vraiment pas`}</h3>
            <ul>
              {crisis.map((step) => (
                <li key={step.id} className="fr-mb-1w" {...(step.translated ? { lang: localeByCode(language).lang, dir: localeByCode(language).dir } : {})}>
                  <div className="mj-with-picto">
                    <Pictogram id={stepPictogram(step)} size={32} />
                    <div>
                      {step.title} <StepContact step={step} />
                    </div>
                  </div>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      {!callbackFirst && callback}
    </div>
  );
}
