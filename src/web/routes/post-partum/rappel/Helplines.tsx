import { helplineSteps } from "../../../../domain/epds/orientation.js";
import { StepContact } from "../EpdsResultView.js";

/** The help lines (the same list as the EPDS orientation): crisis lines first, then listening lines. */
export function Helplines({ headingLevel = 2, title = "En attendant, si ça ne va pas" }: { headingLevel?: 2 | 3; title?: string }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby="lignes-ecoute" className="fr-mt-4w">
      <Heading id="lignes-ecoute" className="fr-h5">
        {title}
      </Heading>
      <ul className="mj-track-list">
        {helplineSteps().map((step) => (
          <li key={step.id} className="fr-mb-2w">
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
