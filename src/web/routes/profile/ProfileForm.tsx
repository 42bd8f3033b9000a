import { useRef, useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { useLingui } from "@lingui/react/macro";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import type { Situation } from "../../../domain/content/schema.js";
import { draftFromProfile, profileFromDraft, type FieldError, type ProfileDraft } from "../../../domain/profile/profile.js";
import { ErrorSummary } from "../../components/ErrorSummary.js";
import { useParent } from "../../state/parent.js";
import { ChildFields, PregnancyFields } from "./FamilyFields.js";
import { domainErrorText } from "../../i18n/domain-messages.js";
import { situationLabels } from "../../i18n/content-labels.js";
import { CalendarQuestions } from "./CalendarQuestions.js";

const emptyDraft: ProfileDraft = { project: null, pregnancy: null, children: [], situations: [] };

function newChildId(): string {
  return typeof crypto.randomUUID === "function" ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/** The profile's form: the project, the dates, the children, the situations and the calendar's questions. */
export function ProfileForm({ situations }: { situations: Situation[] }) {
  const { profile, setProfile, today } = useParent("profile", "setProfile", "today");
  const navigate = useNavigate();
  const [draft, setDraft] = useState<ProfileDraft>(() => (profile ? draftFromProfile(profile) : emptyDraft));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saveError, setSaveError] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const { t } = useLingui();

  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const update = (change: Partial<ProfileDraft>) => setDraft((d) => ({ ...d, ...change }));
  const setChild = (id: string, change: Partial<ProfileDraft["children"][number]>) =>
    update({ children: draft.children.map((c) => (c.id === id ? { ...c, ...change } : c)) });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = profileFromDraft(draft, today);
    if (!result.ok) {
      // The domain's French messages, in the parent's language (by their codes).
      setErrors(result.errors.map((e) => ({ ...e, message: domainErrorText(e) })));
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setErrors([]);
    try {
      await setProfile(result.profile);
      void navigate("/parcours");
    } catch {
      setSaveError(t`Votre profil n'a pas pu être enregistré sur cet appareil. Vérifiez que le navigateur n'est pas en navigation privée, puis réessayez.`);
    }
  }

  const pregnancy = draft.pregnancy;

  return (
    <form onSubmit={submit} noValidate aria-describedby="profil-aide">
      <p id="profil-aide" className="fr-hint-text">
        {t`Les champs sont facultatifs, sauf votre situation et la date qui lui correspond.`}
      </p>
      <ErrorSummary errors={errors} summaryRef={summaryRef} />
      {saveError && <Alert as="h2" severity="error" title={t`Enregistrement impossible`} description={saveError} className="fr-mb-3w" />}

      <fieldset className="fr-fieldset" aria-labelledby="situation-legend">
        <legend id="situation-legend" className="fr-fieldset__legend">
          <h2 className="fr-h4 fr-mb-0">{t`Votre situation`}</h2>
          <span className="fr-hint-text">{t`Vous pouvez cocher « grossesse en cours » et « enfant(s) né(s) » ensemble.`}</span>
        </legend>
        <div className="fr-fieldset__element">
          <Checkbox
            state={errorOf("situation") ? "error" : "default"}
            stateRelatedMessage={errorOf("situation")}
            options={[
              {
                label: t`Nous avons un projet d'enfant`,
                nativeInputProps: {
                  name: "project",
                  checked: draft.project !== null,
                  onChange: (e) => update({ project: e.target.checked ? "reflexion" : null, ...(e.target.checked ? { pregnancy: null } : {}) }),
                },
              },
              {
                label: t`Grossesse en cours`,
                nativeInputProps: {
                  name: "pregnancy",
                  checked: pregnancy !== null,
                  onChange: (e) =>
                    update({ pregnancy: e.target.checked ? { dateKind: "terme", date: "", babies: 1 } : null, ...(e.target.checked ? { project: null } : {}) }),
                },
              },
              {
                label: t`Enfant(s) né(s)`,
                hintText: t`Jusqu'à 3 ans, et les plus grands de la fratrie si vous le souhaitez`,
                nativeInputProps: {
                  name: "children",
                  checked: draft.children.length > 0,
                  onChange: (e) => update({ children: e.target.checked ? [{ id: newChildId(), firstName: "", birthDate: "" }] : [] }),
                },
              },
            ]}
          />
        </div>
      </fieldset>

      {draft.project !== null && (
        <RadioButtons
          legend={t`Où en êtes-vous de votre projet ?`}
          name="project-kind"
          options={[
            { label: t`Nous y pensons`, nativeInputProps: { checked: draft.project === "reflexion", onChange: () => update({ project: "reflexion" }) } },
            {
              label: t`Nous essayons d'avoir un enfant`,
              nativeInputProps: { checked: draft.project === "essai", onChange: () => update({ project: "essai" }) },
            },
          ]}
        />
      )}

      {pregnancy && (
        <fieldset className="fr-fieldset" aria-labelledby="grossesse-legend">
          <legend id="grossesse-legend" className="fr-fieldset__legend">
            <h2 className="fr-h4 fr-mb-0">{t`Votre grossesse`}</h2>
          </legend>
          <PregnancyFields pregnancy={pregnancy} onChange={(next) => update({ pregnancy: next })} errorOf={errorOf} today={today} audience="parent" />
        </fieldset>
      )}

      {draft.children.length > 0 && (
        <fieldset className="fr-fieldset" aria-labelledby="enfants-legend">
          <legend id="enfants-legend" className="fr-fieldset__legend">
            <h2 className="fr-h4 fr-mb-0">{t`Vos enfants`}</h2>
            <span className="fr-hint-text">{t`Pour des jumeaux, ajoutez chaque enfant avec la même date de naissance.`}</span>
          </legend>
          {draft.children.map((child, index) => (
            <ChildFields
              key={child.id}
              index={index}
              child={child}
              onChange={(change) => setChild(child.id, change)}
              onRemove={() => update({ children: draft.children.filter((c) => c.id !== child.id) })}
              errorOf={errorOf}
              today={today}
              askExpectedTerme={draft.situations.includes("prematurite")}
            >
              <h3 className="fr-h6">{t`Enfant ${index + 1}`}</h3>
              <Input
                label={t`Prénom de l'enfant ${index + 1} (facultatif)`}
                nativeInputProps={{
                  name: `child-${index}-name`,
                  value: child.firstName,
                  maxLength: 60,
                  autoComplete: "off",
                  onChange: (e) => setChild(child.id, { firstName: e.target.value }),
                }}
              />
            </ChildFields>
          ))}
          <div className="fr-fieldset__element">
            <Button
              type="button"
              priority="secondary"
              iconId="fr-icon-add-line"
              onClick={() => update({ children: [...draft.children, { id: newChildId(), firstName: "", birthDate: draft.children.at(-1)?.birthDate ?? "" }] })}
            >
              {t`Ajouter un enfant`}
            </Button>
          </div>
        </fieldset>
      )}

      {(pregnancy || draft.children.length > 0) && <CalendarQuestions draft={draft} update={update} />}

      <fieldset className="fr-fieldset" aria-labelledby="situations-legend">
        <legend id="situations-legend" className="fr-fieldset__legend">
          <h2 className="fr-h4 fr-mb-0">{t`Ce qui vous concerne (facultatif)`}</h2>
          <span className="fr-hint-text">{t`Pour vous montrer aussi les informations faites pour votre situation.`}</span>
        </legend>
        <div className="fr-fieldset__element">
          <Checkbox
            options={situations
              // Derived from the number of babies and the birth dates: never a second, disagreeing question.
              .filter(({ id }) => id !== "grossesse-multiple")
              .map(({ id }) => ({
                label: t(situationLabels[id]),
                nativeInputProps: {
                  name: `situation-${id}`,
                  value: id,
                  checked: draft.situations.includes(id),
                  onChange: (e) => update({ situations: e.target.checked ? [...draft.situations, id] : draft.situations.filter((s) => s !== id) }),
                },
              }))}
          />
        </div>
      </fieldset>

      <Button type="submit" iconId="fr-icon-check-line" iconPosition="right">
        {t`Enregistrer et voir mon parcours`}
      </Button>
    </form>
  );
}
