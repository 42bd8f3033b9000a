import type { ReactNode } from "react";
import { msg } from "@lingui/core/macro";
import { useLingui } from "@lingui/react/macro";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { isValidIsoDate, type IsoDate } from "../../../domain/dates.js";
import { formatDate } from "../../i18n/format.js";
import { termeFromDdr } from "../../../domain/journey/pregnancy.js";
import { latestTerme, type ProfileDraft } from "../../../domain/profile/profile.js";

/*
 * The date questions of the parent's profile form, also asked by the professionals' family form
 * (`/professionnels/calendrier`): one set of fields, so both forms ask the same thing and check it the same way.
 * `names` prefixes the inputs' names (the professionals' form uses `pro-`); `errorOf` gives a field's message.
 */
type ErrorOf = (field: string) => string | undefined;
type DraftPregnancy = NonNullable<ProfileDraft["pregnancy"]>;

/** The leave rules are the same from 3 babies: « 4 ou plus » is recorded as 4. */
const BABIES_OPTIONS = [
  { babies: 1, label: msg`Un bébé` },
  { babies: 2, label: msg`Deux (jumeaux)` },
  { babies: 3, label: msg`Trois (triplés)` },
  { babies: 4, label: msg`Quatre ou plus` },
];

/** The parent is asked « vous »; the professional, about the family. */
const LEGENDS = {
  parent: { dateKind: msg`Quelle date connaissez-vous ?`, babies: msg`Combien de bébés attendez-vous ?` },
  professional: { dateKind: msg`Quelle date est connue ?`, babies: msg`Combien de bébés sont attendus ?` },
};

/** The known date (terme, or DDR with the terme computed from it) and the number of babies expected. */
export function PregnancyFields({
  pregnancy,
  onChange,
  errorOf,
  today,
  audience,
  names = "",
}: {
  pregnancy: DraftPregnancy;
  onChange: (next: DraftPregnancy) => void;
  errorOf: ErrorOf;
  today: IsoDate;
  audience: keyof typeof LEGENDS;
  names?: string;
}) {
  const { t } = useLingui();
  const update = (change: Partial<DraftPregnancy>) => onChange({ ...pregnancy, ...change });
  const computedTerme = pregnancy.dateKind === "ddr" && isValidIsoDate(pregnancy.date) ? termeFromDdr(pregnancy.date) : null;
  return (
    <>
      <div className="fr-fieldset__element">
        <RadioButtons
          legend={t(LEGENDS[audience].dateKind)}
          name={`${names}date-kind`}
          options={[
            {
              label: t`La date du terme prévu`,
              hintText: t`Elle figure sur le compte rendu de la première échographie`,
              nativeInputProps: { checked: pregnancy.dateKind === "terme", onChange: () => update({ dateKind: "terme" }) },
            },
            {
              label: t`La date des dernières règles`,
              hintText: t`Le premier jour des dernières règles ; nous calculons le terme (41 semaines d'aménorrhée, la règle française)`,
              nativeInputProps: { checked: pregnancy.dateKind === "ddr", onChange: () => update({ dateKind: "ddr" }) },
            },
          ]}
        />
      </div>
      <div className="fr-fieldset__element">
        <Input
          label={pregnancy.dateKind === "terme" ? t`Date du terme prévu` : t`Date des dernières règles`}
          hintText={t`Format : jj/mm/aaaa`}
          state={errorOf("pregnancy.date") ? "error" : "default"}
          stateRelatedMessage={errorOf("pregnancy.date")}
          nativeInputProps={{
            type: "date",
            name: `${names}pregnancy-date`,
            value: pregnancy.date,
            max: pregnancy.dateKind === "terme" ? latestTerme(today) : today,
            onChange: (e) => update({ date: e.target.value }),
          }}
        />
        {computedTerme && (
          <p className="fr-text--sm" aria-live="polite">
            {t`Terme prévu :`} <strong>{formatDate(computedTerme)}</strong>
          </p>
        )}
      </div>
      <div className="fr-fieldset__element">
        <RadioButtons
          legend={t(LEGENDS[audience].babies)}
          hintText={t`Le congé maternité et le suivi en dépendent (jumeaux, triplés ou plus)`}
          name={`${names}babies`}
          orientation="horizontal"
          state={errorOf("pregnancy.babies") ? "error" : "default"}
          stateRelatedMessage={errorOf("pregnancy.babies")}
          options={BABIES_OPTIONS.map(({ babies, label }) => ({
            label: t(label),
            nativeInputProps: { value: String(babies), checked: pregnancy.babies === babies, onChange: () => update({ babies }) },
          }))}
        />
      </div>
    </>
  );
}

type ChildDates = { birthDate: string; expectedTerme?: string | undefined };

/**
 * One born child's box: its birth date, the terme it was due at when asked (a premature baby), and the button
 * that removes it. `children` comes first in the box (the profile asks the first name there).
 */
export function ChildFields({
  index,
  child,
  onChange,
  onRemove,
  errorOf,
  today,
  askExpectedTerme,
  names = "",
  children,
}: {
  index: number;
  child: ChildDates;
  onChange: (change: Partial<ChildDates>) => void;
  onRemove: () => void;
  errorOf: ErrorOf;
  today: IsoDate;
  askExpectedTerme: boolean;
  names?: string;
  children?: ReactNode;
}) {
  const { t } = useLingui();
  const n = index + 1;
  return (
    <div className="fr-fieldset__element fr-p-2w fr-mb-2w mj-child-box">
      {children}
      <Input
        label={t`Date de naissance de l'enfant ${n}`}
        hintText={t`Format : jj/mm/aaaa`}
        state={errorOf(`children.${index}.birthDate`) ? "error" : "default"}
        stateRelatedMessage={errorOf(`children.${index}.birthDate`)}
        nativeInputProps={{
          type: "date",
          name: `${names}child-${index}-birth`,
          value: child.birthDate,
          max: today,
          onChange: (e) => onChange({ birthDate: e.target.value }),
        }}
      />
      {askExpectedTerme && (
        <Input
          label={t`Date du terme prévu de l'enfant ${n} (si né avant terme, facultatif)`}
          hintText={t`Le calendrier garde les droits comptés depuis le terme, comme le congé maternité`}
          state={errorOf(`children.${index}.expectedTerme`) ? "error" : "default"}
          stateRelatedMessage={errorOf(`children.${index}.expectedTerme`)}
          nativeInputProps={{
            type: "date",
            name: `${names}child-${index}-terme`,
            value: child.expectedTerme ?? "",
            onChange: (e) => onChange({ expectedTerme: e.target.value || undefined }),
          }}
        />
      )}
      <Button type="button" priority="tertiary" size="small" iconId="fr-icon-delete-line" onClick={onRemove}>
        {t`Retirer l'enfant ${n}`}
      </Button>
    </div>
  );
}
