import { useLingui } from "@lingui/react/macro";
import { helplineSteps } from "../../../../domain/epds/orientation.js";
import { localizeOrientation } from "../../../../domain/epds/orientation-texts.js";
import { localeByCode } from "../../../../domain/content/languages.js";
import { useContentLanguage, useTranslationBundle } from "../../../state/translations.js";
import { StepContact } from "../StepContact.js";

/**
 * The help lines (the same list as the EPDS orientation): crisis lines first, then listening lines; their titles and
 * texts in the reader's language where the orientation is translated (content/traductions), French otherwise.
 */
export function Helplines({ headingLevel = 2, title }: { headingLevel?: 2 | 3; title?: string }) {
  const { t } = useLingui();
  const language = useContentLanguage();
  const translation = useTranslationBundle(language);
  const { steps } = localizeOrientation(
    { urgent: false, steps: helplineSteps(), placeTypes: [] },
    translation.status === "ready" ? translation.bundle.orientationEpds?.texts : null,
  );
  const { lang, dir } = localeByCode(language);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby="lignes-ecoute" className="fr-mt-4w">
      <Heading id="lignes-ecoute" className="fr-h5">
        {title ?? t`En attendant, si ça ne va pas`}
      </Heading>
      <ul className="mj-track-list">
        {steps.map((step) => (
          <li key={step.id} className="fr-mb-2w" {...(step.translated ? { lang, dir } : {})}>
            <strong>{step.title}</strong>
            <br />
            {step.text}
            <br />
            <StepContact step={step} />
          </li>
        ))}
      </ul>
    </section>
  );
}
