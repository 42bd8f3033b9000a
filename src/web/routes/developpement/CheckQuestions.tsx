import { useEffect, useRef, useState, type FormEvent } from "react";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { msg } from "@lingui/core/macro";
import { useLingui } from "@lingui/react/macro";
import type { MessageDescriptor } from "@lingui/core";
import type { Answer } from "../../../domain/development/assess.js";

export interface CheckQuestion {
  id: string;
  text: string;
  example: string;
  /** BCP-47 tag and direction of the question's text (its content's language, French when not translated). */
  lang: string;
  dir: "ltr" | "rtl";
  /** The domain's label for the grid's items; none for the two questions valid at any age. */
  domain?: string;
}

const CHOICES: { value: Answer; label: MessageDescriptor }[] = [
  { value: "oui", label: msg`Oui` },
  { value: "non", label: msg`Non` },
  { value: "nsp", label: msg`Je ne sais pas` },
];

/**
 * One question per screen. The focus moves to the heading that says the progress (« Question 3 sur 11 »),
 * which screen readers read out; answers stay in memory until the end.
 */
export function CheckQuestions({
  questions,
  onComplete,
  onCancel,
}: {
  questions: CheckQuestion[];
  onComplete(answers: Record<string, Answer>): void;
  onCancel(): void;
}) {
  const { t } = useLingui();
  const [index, setIndex] = useState(0);
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [error, setError] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const question = questions[index]!;
  const last = index === questions.length - 1;
  const position = index + 1;
  const total = questions.length;

  useEffect(() => headingRef.current?.focus(), [index]);

  function next(event: FormEvent) {
    event.preventDefault();
    if (!answers[question.id]) {
      setError(true);
      return;
    }
    setError(false);
    if (last) onComplete(answers);
    else setIndex(index + 1);
  }

  return (
    <form onSubmit={next} className="mj-epds">
      <h2 ref={headingRef} tabIndex={-1} className="fr-h6 fr-mb-1w" aria-live="polite">
        {t`Question ${position} sur ${total}`}
      </h2>
      <progress className="mj-progress" max={questions.length} value={index + 1} aria-hidden="true" />
      {question.domain && (
        <p className="fr-text--sm fr-mt-2w fr-mb-1w" lang={question.lang} dir={question.dir}>
          {question.domain}
        </p>
      )}
      <RadioButtons
        key={question.id}
        legend={
          <span className="fr-text--lead" lang={question.lang} dir={question.dir}>
            {question.text}
          </span>
        }
        hintText={
          <span lang={question.lang} dir={question.dir}>
            {question.example}
          </span>
        }
        name={`reperage-${question.id}`}
        state={error ? "error" : "default"}
        stateRelatedMessage={error ? t`Choisissez « Oui », « Non » ou « Je ne sais pas ».` : undefined}
        options={CHOICES.map((choice) => ({
          label: t(choice.label),
          nativeInputProps: {
            value: choice.value,
            checked: answers[question.id] === choice.value,
            onChange: () => {
              setError(false);
              setAnswers((current) => ({ ...current, [question.id]: choice.value }));
            },
          },
        }))}
      />
      <div className="fr-btns-group fr-btns-group--inline fr-btns-group--icon-left">
        {index > 0 ? (
          <Button type="button" priority="secondary" iconId="fr-icon-arrow-left-line" onClick={() => setIndex(index - 1)}>
            {t`Précédent`}
          </Button>
        ) : (
          <Button type="button" priority="secondary" iconId="fr-icon-arrow-left-line" onClick={onCancel}>
            {t`Retour`}
          </Button>
        )}
        <Button type="submit" iconId={last ? "fr-icon-check-line" : "fr-icon-arrow-right-line"}>
          {last ? t`Voir le résultat` : t`Suivant`}
        </Button>
      </div>
    </form>
  );
}
