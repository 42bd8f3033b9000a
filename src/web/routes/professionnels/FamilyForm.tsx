import { useLingui } from "@lingui/react/macro";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import type { IsoDate } from "../../../domain/dates.js";
import { MAX_HANDED_CHILDREN, type FamilyDates } from "../../../domain/handover/family.js";
import type { FieldError } from "../../../domain/profile/profile.js";
import { ChildFields, PregnancyFields } from "../profile/FamilyFields.js";

/** The family's dates, as the professional enters them: the same questions as the parent's profile, no name. */
export function FamilyForm({
  family,
  onChange,
  errors,
  today,
}: {
  family: FamilyDates;
  onChange: (next: FamilyDates) => void;
  errors: FieldError[];
  today: IsoDate;
}) {
  const { t } = useLingui();
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const update = (change: Partial<FamilyDates>) => onChange({ ...family, ...change });
  const pregnancy = family.pregnancy;
  const setChild = (index: number, change: Partial<FamilyDates["children"][number]>) =>
    update({ children: family.children.map((c, i) => (i === index ? { ...c, ...change } : c)) });

  return (
    <>
      <fieldset className="fr-fieldset" aria-labelledby="pro-situation-legend">
        <legend id="pro-situation-legend" className="fr-fieldset__legend">
          <h2 className="fr-h4 fr-mb-0">{t`La situation de la famille`}</h2>
          <span className="fr-hint-text">{t`Une grossesse en cours, des enfants nés, ou les deux.`}</span>
        </legend>
        <div className="fr-fieldset__element">
          <Checkbox
            state={errorOf("situation") ? "error" : "default"}
            stateRelatedMessage={errorOf("situation")}
            options={[
              {
                label: t`Grossesse en cours`,
                nativeInputProps: {
                  name: "pro-pregnancy",
                  checked: pregnancy !== null,
                  onChange: (e) => update({ pregnancy: e.target.checked ? { dateKind: "terme", date: "", babies: 1 } : null }),
                },
              },
              {
                label: t`Enfant(s) déjà né(s)`,
                hintText: t`Leur nombre donne le rang du bébé attendu (durée du congé maternité) ; ceux de moins de 3 ans ont aussi leurs rendez-vous`,
                nativeInputProps: {
                  name: "pro-children",
                  checked: family.children.length > 0,
                  onChange: (e) => update({ children: e.target.checked ? [{ birthDate: "" }] : [] }),
                },
              },
            ]}
          />
        </div>
      </fieldset>

      {pregnancy && (
        <fieldset className="fr-fieldset" aria-labelledby="pro-grossesse-legend">
          <legend id="pro-grossesse-legend" className="fr-fieldset__legend">
            <h2 className="fr-h4 fr-mb-0">{t`La grossesse`}</h2>
          </legend>
          <PregnancyFields
            pregnancy={pregnancy}
            onChange={(next) => update({ pregnancy: next })}
            errorOf={errorOf}
            today={today}
            audience="professional"
            names="pro-"
          />
        </fieldset>
      )}

      {family.children.length > 0 && (
        <fieldset className="fr-fieldset" aria-labelledby="pro-enfants-legend">
          <legend id="pro-enfants-legend" className="fr-fieldset__legend">
            <h2 className="fr-h4 fr-mb-0">{t`Les enfants nés`}</h2>
            <span className="fr-hint-text">{t`Des jumeaux : ajoutez chaque enfant avec la même date de naissance. Aucun prénom n'est demandé.`}</span>
          </legend>
          {family.children.map((child, index) => (
            <ChildFields
              key={index}
              index={index}
              child={child}
              onChange={(change) => setChild(index, change)}
              onRemove={() => update({ children: family.children.filter((_, i) => i !== index) })}
              errorOf={errorOf}
              today={today}
              askExpectedTerme
              names="pro-"
            />
          ))}
          {family.children.length < MAX_HANDED_CHILDREN && (
            <div className="fr-fieldset__element">
              <Button
                type="button"
                priority="secondary"
                iconId="fr-icon-add-line"
                onClick={() => update({ children: [...family.children, { birthDate: family.children.at(-1)?.birthDate ?? "" }] })}
              >
                {t`Ajouter un enfant`}
              </Button>
            </div>
          )}
        </fieldset>
      )}

      <fieldset className="fr-fieldset" aria-labelledby="pro-options-legend">
        <legend id="pro-options-legend" className="fr-fieldset__legend">
          <h2 className="fr-h4 fr-mb-0">{t`Ce qui change le calendrier (facultatif)`}</h2>
        </legend>
        <div className="fr-fieldset__element">
          <Checkbox
            options={[
              {
                label: t`Les parents ne sont pas mariés`,
                hintText: t`Pour rappeler la reconnaissance anticipée de l'enfant`,
                nativeInputProps: {
                  name: "pro-unmarried",
                  checked: family.options.unmarried,
                  onChange: (e) => update({ options: { ...family.options, unmarried: e.target.checked } }),
                },
              },
              {
                label: t`Facteur de risque de diabète de grossesse`,
                hintText: t`Dépistage ciblé du diabète gestationnel`,
                nativeInputProps: {
                  name: "pro-diabetes",
                  checked: family.options.diabetesRisk,
                  onChange: (e) => update({ options: { ...family.options, diabetesRisk: e.target.checked } }),
                },
              },
              {
                label: t`BCG recommandé pour l'enfant`,
                hintText: t`Guyane, Mayotte, tuberculose dans l'entourage…`,
                nativeInputProps: {
                  name: "pro-bcg",
                  checked: family.options.bcg,
                  onChange: (e) => update({ options: { ...family.options, bcg: e.target.checked } }),
                },
              },
            ]}
          />
        </div>
      </fieldset>
    </>
  );
}
