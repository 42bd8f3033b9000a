import { useEffect, useRef, useState, type FormEvent } from "react";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import type { EpdsQuestionnaire } from "../../../domain/epds/schema.js";
import { wordsFor } from "./questionnaires.js";

/**
 * One question per screen, with a way back and the progress shown. Answers stay in this component's
 * memory until the last question; nothing is sent anywhere.
 */
export function EpdsQuestions({ questionnaire, onComplete }: { questionnaire: EpdsQuestionnaire; onComplete(answers: number[]): void }) {
  const [index, setIndex] = useState(0);
  const [answers, setAnswers] = useState<(number | null)[]>(() => questionnaire.items.map(() => null));
  const [error, setError] = useState(false);
  const headingRef = useRef<HTMLParagraphElement>(null);
  const t = wordsFor(questionnaire.locale);
  const item = questionnaire.items[index]!;
  const count = questionnaire.items.length;
  const last = index === count - 1;

  useEffect(() => headingRef.current?.focus(), [index]);

  function next(event: FormEvent) {
    event.preventDefault();
    if (answers[index] === null) {
      setError(true);
      return;
    }
    setError(false);
    if (last) onComplete(answers as number[]);
    else setIndex(index + 1);
  }

  return (
    <form onSubmit={next} lang={questionnaire.locale} dir={questionnaire.dir} className="mj-epds">
      <p ref={headingRef} tabIndex={-1} className="fr-text--bold fr-mb-1w" aria-live="polite">
        {t.question} {index + 1} {t.of} {count}
      </p>
      <progress className="mj-progress" max={count} value={index + 1} aria-hidden="true" />
      <p className="fr-text--sm fr-mt-2w">{questionnaire.periodHeading ?? t.period}</p>
      <RadioButtons
        key={item.number}
        legend={<span className="fr-text--lead">{item.text}</span>}
        name={`epds-question-${item.number}`}
        state={error ? "error" : "default"}
        stateRelatedMessage={error ? t.choose : undefined}
        options={item.options.map((option, optionIndex) => ({
          label: option.text,
          nativeInputProps: {
            value: String(optionIndex),
            checked: answers[index] === optionIndex,
            onChange: () => {
              setError(false);
              setAnswers((current) => current.map((a, i) => (i === index ? optionIndex : a)));
            },
          },
        }))}
      />
      <div className="fr-btns-group fr-btns-group--inline fr-btns-group--icon-left">
        {index > 0 && (
          <Button type="button" priority="secondary" iconId="fr-icon-arrow-left-line" onClick={() => setIndex(index - 1)}>
            {t.previous}
          </Button>
        )}
        <Button type="submit" iconId={last ? "fr-icon-check-line" : "fr-icon-arrow-right-line"}>
          {last ? t.finish : t.next}
        </Button>
      </div>
    </form>
  );
}
