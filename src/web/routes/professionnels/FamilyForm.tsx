import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { MAX_BABIES, MAX_HANDED_CHILDREN, type FamilyDates } from "../../../domain/handover/family.js";
import type { FieldError } from "../../../domain/profile/profile.js";

/** The family's dates, as the professional enters them: the same questions as the parent's profile, no name. */
export function FamilyForm({ family, onChange, errors }: { family: FamilyDates; onChange: (next: FamilyDates) => void; errors: FieldError[] }) {
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const update = (change: Partial<FamilyDates>) => onChange({ ...family, ...change });
  const pregnancy = family.pregnancy;
  const setChild = (index: number, change: Partial<FamilyDates["children"][number]>) =>
    update({ children: family.children.map((c, i) => (i === index ? { ...c, ...change } : c)) });

  return (
    <>
      <fieldset className="fr-fieldset" aria-labelledby="pro-situation-legend">
        <legend id="pro-situation-legend" className="fr-fieldset__legend">
          <h2 className="fr-h4 fr-mb-0">La situation de la famille</h2>
          <span className="fr-hint-text">Une grossesse en cours, des enfants nés, ou les deux.</span>
        </legend>
        <div className="fr-fieldset__element">
          <Checkbox
            state={errorOf("situation") ? "error" : "default"}
            stateRelatedMessage={errorOf("situation")}
            options={[
              {
                label: "Grossesse en cours",
                nativeInputProps: {
                  name: "pro-pregnancy",
                  checked: pregnancy !== null,
                  onChange: (e) => update({ pregnancy: e.target.checked ? { dateKind: "terme", date: "", babies: 1 } : null }),
                },
              },
              {
                label: "Enfant(s) déjà né(s)",
                hintText: "Leur nombre donne le rang du bébé attendu (durée du congé maternité) ; ceux de moins de 3 ans ont aussi leurs rendez-vous",
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
            <h2 className="fr-h4 fr-mb-0">La grossesse</h2>
          </legend>
          <div className="fr-fieldset__element">
            <RadioButtons
              legend="Date connue"
              name="pro-date-kind"
              orientation="horizontal"
              options={[
                { label: "Terme prévu", nativeInputProps: { checked: pregnancy.dateKind === "terme", onChange: () => update({ pregnancy: { ...pregnancy, dateKind: "terme" } }) } },
                {
                  label: "Date des dernières règles",
                  nativeInputProps: { checked: pregnancy.dateKind === "ddr", onChange: () => update({ pregnancy: { ...pregnancy, dateKind: "ddr" } }) },
                },
              ]}
            />
          </div>
          <div className="fr-fieldset__element">
            <Input
              label={pregnancy.dateKind === "terme" ? "Date du terme prévu" : "Date des dernières règles"}
              hintText="Format : jj/mm/aaaa"
              state={errorOf("pregnancy.date") ? "error" : "default"}
              stateRelatedMessage={errorOf("pregnancy.date")}
              nativeInputProps={{ type: "date", name: "pro-pregnancy-date", value: pregnancy.date, onChange: (e) => update({ pregnancy: { ...pregnancy, date: e.target.value } }) }}
            />
          </div>
          <div className="fr-fieldset__element">
            <Select
              label="Nombre de bébés attendus"
              nativeSelectProps={{
                name: "pro-babies",
                value: String(pregnancy.babies),
                onChange: (e) => update({ pregnancy: { ...pregnancy, babies: Number(e.target.value) } }),
              }}
            >
              {Array.from({ length: MAX_BABIES }, (_, i) => i + 1).map((n) => (
                <option key={n} value={n}>
                  {n === 1 ? "Un bébé" : n === 2 ? "Deux (jumeaux)" : n === 3 ? "Trois (triplés)" : `${n} bébés`}
                </option>
              ))}
            </Select>
          </div>
        </fieldset>
      )}

      {family.children.length > 0 && (
        <fieldset className="fr-fieldset" aria-labelledby="pro-enfants-legend">
          <legend id="pro-enfants-legend" className="fr-fieldset__legend">
            <h2 className="fr-h4 fr-mb-0">Les enfants nés</h2>
            <span className="fr-hint-text">Des jumeaux : ajoutez chaque enfant avec la même date de naissance. Aucun prénom n'est demandé.</span>
          </legend>
          {family.children.map((child, index) => (
            <div key={index} className="fr-fieldset__element fr-p-2w fr-mb-2w mj-child-box">
              <Input
                label={`Date de naissance de l'enfant ${index + 1}`}
                hintText="Format : jj/mm/aaaa"
                state={errorOf(`children.${index}.birthDate`) ? "error" : "default"}
                stateRelatedMessage={errorOf(`children.${index}.birthDate`)}
                nativeInputProps={{ type: "date", name: `pro-child-${index}-birth`, value: child.birthDate, onChange: (e) => setChild(index, { birthDate: e.target.value }) }}
              />
              <Input
                label={`Terme qui était prévu, si l'enfant ${index + 1} est né prématurément (facultatif)`}
                hintText="Les droits comptés depuis le terme (congé maternité) restent à leur place"
                state={errorOf(`children.${index}.expectedTerme`) ? "error" : "default"}
                stateRelatedMessage={errorOf(`children.${index}.expectedTerme`)}
                nativeInputProps={{
                  type: "date",
                  name: `pro-child-${index}-terme`,
                  value: child.expectedTerme ?? "",
                  onChange: (e) => setChild(index, { expectedTerme: e.target.value || undefined }),
                }}
              />
              <Button type="button" priority="tertiary" size="small" iconId="fr-icon-delete-line" onClick={() => update({ children: family.children.filter((_, i) => i !== index) })}>
                Retirer l'enfant {index + 1}
              </Button>
            </div>
          ))}
          {family.children.length < MAX_HANDED_CHILDREN && (
            <div className="fr-fieldset__element">
              <Button
                type="button"
                priority="secondary"
                iconId="fr-icon-add-line"
                onClick={() => update({ children: [...family.children, { birthDate: family.children.at(-1)?.birthDate ?? "" }] })}
              >
                Ajouter un enfant
              </Button>
            </div>
          )}
        </fieldset>
      )}

      <fieldset className="fr-fieldset" aria-labelledby="pro-options-legend">
        <legend id="pro-options-legend" className="fr-fieldset__legend">
          <h2 className="fr-h4 fr-mb-0">Ce qui change le calendrier (facultatif)</h2>
        </legend>
        <div className="fr-fieldset__element">
          <Checkbox
            options={[
              {
                label: "Les parents ne sont pas mariés",
                hintText: "Pour rappeler la reconnaissance anticipée de l'enfant",
                nativeInputProps: { name: "pro-unmarried", checked: family.options.unmarried, onChange: (e) => update({ options: { ...family.options, unmarried: e.target.checked } }) },
              },
              {
                label: "Facteur de risque de diabète de grossesse",
                hintText: "Dépistage ciblé du diabète gestationnel",
                nativeInputProps: { name: "pro-diabetes", checked: family.options.diabetesRisk, onChange: (e) => update({ options: { ...family.options, diabetesRisk: e.target.checked } }) },
              },
              {
                label: "BCG recommandé pour l'enfant",
                hintText: "Guyane, Mayotte, tuberculose dans l'entourage…",
                nativeInputProps: { name: "pro-bcg", checked: family.options.bcg, onChange: (e) => update({ options: { ...family.options, bcg: e.target.checked } }) },
              },
            ]}
          />
        </div>
      </fieldset>
    </>
  );
}
