import type { ChangeEvent } from "react";
import { useLingui } from "@lingui/react/macro";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import type { ProfileDraft } from "../../../domain/profile/profile.js";

const NO_CALENDAR_ANSWERS = { unmarried: false, diabetesRisk: false, bcg: false };

/**
 * The answers that change the calendar, asked here rather than only deep in the calendar page: a
 * reminder of the reconnaissance anticipée, the targeted glucose test, the BCG. Only the questions that
 * apply to the situation are shown; unanswered means « no ».
 */
export function CalendarQuestions({ draft, update }: { draft: ProfileDraft; update: (change: Partial<ProfileDraft>) => void }) {
  const answers = draft.calendar ?? NO_CALENDAR_ANSWERS;
  const set = (key: keyof typeof answers, value: boolean) => update({ calendar: { ...answers, [key]: value } });
  const { t } = useLingui();
  const options = [
    ...(draft.pregnancy
      ? [
          {
            label: t`Nous ne sommes pas mariés`,
            hintText: t`Le calendrier vous rappellera la reconnaissance anticipée de l'enfant, à faire en mairie avant la naissance`,
            nativeInputProps: {
              name: "calendar-unmarried",
              checked: answers.unmarried,
              onChange: (e: ChangeEvent<HTMLInputElement>) => set("unmarried", e.target.checked),
            },
          },
          {
            label: t`J'ai un facteur de risque de diabète de grossesse`,
            hintText: t`Par exemple : diabète de grossesse déjà eu, surpoids, 35 ans ou plus, diabète chez un parent proche. Le calendrier ajoute le test entre 24 et 28 SA`,
            nativeInputProps: {
              name: "calendar-diabetes",
              checked: answers.diabetesRisk,
              onChange: (e: ChangeEvent<HTMLInputElement>) => set("diabetesRisk", e.target.checked),
            },
          },
        ]
      : []),
    {
      label: t`Le BCG est recommandé pour mon enfant`,
      hintText: t`Par exemple en Guyane, à Mayotte, ou si un proche a eu la tuberculose : votre médecin vous le dit. Le calendrier ajoute ce vaccin`,
      nativeInputProps: { name: "calendar-bcg", checked: answers.bcg, onChange: (e: ChangeEvent<HTMLInputElement>) => set("bcg", e.target.checked) },
    },
  ];
  return (
    <fieldset className="fr-fieldset" aria-labelledby="calendrier-legend">
      <legend id="calendrier-legend" className="fr-fieldset__legend">
        <h2 className="fr-h4 fr-mb-0">{t`Pour un calendrier juste (facultatif)`}</h2>
        <span className="fr-hint-text">{t`Ces réponses ajoutent des rendez-vous ou des démarches à votre calendrier. Vous pourrez les changer ici ou dans le calendrier.`}</span>
      </legend>
      <div className="fr-fieldset__element">
        <Checkbox options={options} />
      </div>
    </fieldset>
  );
}
