import { useRef, useState, type FormEvent } from "react";
import { Link } from "react-router";
import { i18n } from "@lingui/core";
import { msg } from "@lingui/core/macro";
import { useLingui } from "@lingui/react/macro";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { formatFrenchDate } from "../../../domain/dates.js";
import { interviewTitles, themeText } from "./interview-texts.js";
import { SYNTHESIS_LIMITS, synthesisSchema, type Synthesis } from "../../../domain/handover/synthesis.js";
import { INTERVIEW_GUIDES, type InterviewKind } from "../../../domain/interviews/themes.js";
import { Page } from "../../components/Page.js";
import { useParent } from "../../state/parent.js";
import { SynthesisDocument } from "./SynthesisDocument.js";
import "./print.css";

type Draft = Omit<Synthesis, "interview">;

/**
 * `/professionnels/entretiens`: the themes of the EPP and the EPNP as the recommendations list them, and a
 * synthesis written with the parent, printed or handed over to the parent's phone. Held in this page's memory only.
 */
export function InterviewsPage() {
  const { t } = useLingui();
  const { today } = useParent("today");
  const [kind, setKind] = useState<InterviewKind>("epp");
  const [draft, setDraft] = useState<Draft>({ date: today, themes: [], priorities: "", needs: "", contacts: [], appointments: [] });
  const [errors, setErrors] = useState<string[]>([]);
  const [shown, setShown] = useState<Synthesis | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const guide = INTERVIEW_GUIDES[kind];
  const guideTitle = t(interviewTitles[kind]).toLocaleLowerCase(i18n.locales?.[0] ?? i18n.locale);
  const textLimit = SYNTHESIS_LIMITS.text;
  const update = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = synthesisSchema.safeParse({
      interview: kind,
      ...draft,
      themes: draft.themes.filter((id) => guide.themes.some((t) => t.id === id && !t.private)),
      contacts: draft.contacts.filter((c) => c.who.trim() || c.how.trim()),
      appointments: draft.appointments.filter((a) => a.date || a.what.trim()),
    });
    if (!parsed.success) {
      setErrors(parsed.error.issues.map((issue) => `${fieldLabel(issue.path)} : ${issue.message}`));
      setShown(null);
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setErrors([]);
    setShown(parsed.data);
    requestAnimationFrame(() => resultRef.current?.focus());
  }

  return (
    <Page title={t`Entretiens prénatal et postnatal précoces`}>
      <div className="mj-no-print">
        <p className="fr-text--lead">
          {t`Les thèmes à aborder selon les recommandations, et une synthèse écrite avec le parent, qu'il emporte sur papier ou sur son téléphone.`}
        </p>
        <p>{t`Rien n'est enregistré, ni sur cet appareil ni sur nos serveurs. La synthèse appartient au parent : écrivez-la avec lui, avec ses mots.`}</p>

        <RadioButtons
          legend={t`Entretien`}
          name="pro-interview"
          orientation="horizontal"
          options={(["epp", "epnp"] as const).map((k) => ({
            label: t(interviewTitles[k]),
            nativeInputProps: {
              checked: kind === k,
              onChange: () => {
                setKind(k);
                setShown(null);
              },
            },
          }))}
        />

        {/* The guide quotes the French recommendations for professionals (HAS, CNSF): in French in every language (docs/langues.md). */}
        <section aria-labelledby="guide-titre" className="fr-mb-4w">
          <h2 id="guide-titre">{t`Guide : ${guideTitle}`}</h2>
          {i18n.locale !== "fr" && i18n.locale !== "falc" && (
            <p className="fr-text--sm">{t`Le guide cite les recommandations françaises pour les professionnels : il reste en français.`}</p>
          )}
          <p lang="fr">{guide.when}</p>
          <h3 className="fr-h6">{t`Thèmes à aborder`}</h3>
          <ul>
            {guide.themes.map((theme) => (
              <li key={theme.id}>
                <strong lang="fr">{theme.title}</strong> — <span lang="fr">{theme.hint}</span>
                {theme.private && (
                  <em> {t`Ce thème n'apparaît jamais sur la synthèse remise au parent : lue par un conjoint violent, elle pourrait la mettre en danger.`}</em>
                )}
              </li>
            ))}
          </ul>
          <h3 className="fr-h6">{t`Sources`}</h3>
          <ul className="fr-text--sm" lang="fr">
            {guide.sources.map((source) => (
              <li key={source.url}>
                <a href={source.url} target="_blank" rel="noopener noreferrer" title={t`${source.title} – nouvelle fenêtre`}>
                  {source.title}
                </a>{" "}
                — {source.publisher}, {formatFrenchDate(source.date)}
                {source.reference && <> ({source.reference})</>}
              </li>
            ))}
          </ul>
          {guide.sourceNote && (
            <p className="fr-text--xs" lang="fr">
              {guide.sourceNote}
            </p>
          )}
        </section>

        <form onSubmit={submit} noValidate aria-labelledby="synthese-form-titre">
          <h2 id="synthese-form-titre">{t`Synthèse avec le parent`}</h2>
          {errors.length > 0 && (
            <div ref={summaryRef} tabIndex={-1} className="fr-mb-3w">
              <Alert
                as="h3"
                severity="error"
                title={t`À corriger`}
                description={
                  <ul>
                    {errors.map((e) => (
                      <li key={e}>{e}</li>
                    ))}
                  </ul>
                }
              />
            </div>
          )}
          <Input
            label={t`Date de l'entretien`}
            nativeInputProps={{ type: "date", name: "syn-date", value: draft.date, onChange: (e) => update({ date: e.target.value }) }}
          />
          <Checkbox
            legend={t`Thèmes abordés (écrits sur la synthèse)`}
            options={guide.themes
              .filter((theme) => !theme.private)
              .map((theme) => ({
                label: themeText(kind, theme.id, theme.title),
                nativeInputProps: {
                  name: `syn-theme-${theme.id}`,
                  checked: draft.themes.includes(theme.id),
                  onChange: (e) => update({ themes: e.target.checked ? [...draft.themes, theme.id] : draft.themes.filter((id) => id !== theme.id) }),
                },
              }))}
          />
          <Input
            textArea
            label={t`Ce qui compte pour vous`}
            hintText={t`Avec les mots du parent (${textLimit} caractères au plus)`}
            nativeTextAreaProps={{
              name: "syn-priorities",
              rows: 3,
              maxLength: SYNTHESIS_LIMITS.text,
              value: draft.priorities,
              onChange: (e) => update({ priorities: e.target.value }),
            }}
          />
          <Input
            textArea
            label={t`Vos besoins, ce qui aiderait`}
            hintText={t`${textLimit} caractères au plus`}
            nativeTextAreaProps={{
              name: "syn-needs",
              rows: 3,
              maxLength: SYNTHESIS_LIMITS.text,
              value: draft.needs,
              onChange: (e) => update({ needs: e.target.value }),
            }}
          />

          <fieldset className="fr-fieldset" aria-labelledby="syn-contacts-legend">
            <legend id="syn-contacts-legend" className="fr-fieldset__legend">
              {t`Professionnels et lieux à contacter`}
            </legend>
            {draft.contacts.map((contact, i) => (
              <div key={i} className="fr-fieldset__element fr-p-2w fr-mb-2w mj-child-box">
                <Input
                  label={t`Contact ${i + 1} : qui`}
                  hintText={t`Par exemple : sage-femme de PMI, Mme Martin`}
                  nativeInputProps={{
                    name: `syn-contact-${i}-who`,
                    maxLength: SYNTHESIS_LIMITS.contact,
                    value: contact.who,
                    onChange: (e) => update({ contacts: draft.contacts.map((c, j) => (j === i ? { ...c, who: e.target.value } : c)) }),
                  }}
                />
                <Input
                  label={t`Contact ${i + 1} : comment le joindre`}
                  hintText={t`Téléphone, adresse, horaires`}
                  nativeInputProps={{
                    name: `syn-contact-${i}-how`,
                    maxLength: SYNTHESIS_LIMITS.contact,
                    value: contact.how,
                    onChange: (e) => update({ contacts: draft.contacts.map((c, j) => (j === i ? { ...c, how: e.target.value } : c)) }),
                  }}
                />
                <Button
                  type="button"
                  size="small"
                  priority="tertiary"
                  iconId="fr-icon-delete-line"
                  onClick={() => update({ contacts: draft.contacts.filter((_, j) => j !== i) })}
                >
                  {t`Retirer le contact ${i + 1}`}
                </Button>
              </div>
            ))}
            {draft.contacts.length < SYNTHESIS_LIMITS.contacts && (
              <div className="fr-fieldset__element">
                <Button
                  type="button"
                  priority="secondary"
                  iconId="fr-icon-add-line"
                  onClick={() => update({ contacts: [...draft.contacts, { who: "", how: "" }] })}
                >
                  {t`Ajouter un contact`}
                </Button>
              </div>
            )}
          </fieldset>

          <fieldset className="fr-fieldset" aria-labelledby="syn-rdv-legend">
            <legend id="syn-rdv-legend" className="fr-fieldset__legend">
              {t`Prochains rendez-vous`}
            </legend>
            {draft.appointments.map((appointment, i) => (
              <div key={i} className="fr-fieldset__element fr-p-2w fr-mb-2w mj-child-box">
                <Input
                  label={t`Rendez-vous ${i + 1} : date`}
                  nativeInputProps={{
                    type: "date",
                    name: `syn-rdv-${i}-date`,
                    value: appointment.date,
                    onChange: (e) => update({ appointments: draft.appointments.map((a, j) => (j === i ? { ...a, date: e.target.value } : a)) }),
                  }}
                />
                <Input
                  label={t`Rendez-vous ${i + 1} : quoi et où`}
                  nativeInputProps={{
                    name: `syn-rdv-${i}-what`,
                    maxLength: SYNTHESIS_LIMITS.appointment,
                    value: appointment.what,
                    onChange: (e) => update({ appointments: draft.appointments.map((a, j) => (j === i ? { ...a, what: e.target.value } : a)) }),
                  }}
                />
                <Button
                  type="button"
                  size="small"
                  priority="tertiary"
                  iconId="fr-icon-delete-line"
                  onClick={() => update({ appointments: draft.appointments.filter((_, j) => j !== i) })}
                >
                  {t`Retirer le rendez-vous ${i + 1}`}
                </Button>
              </div>
            ))}
            {draft.appointments.length < SYNTHESIS_LIMITS.appointments && (
              <div className="fr-fieldset__element">
                <Button
                  type="button"
                  priority="secondary"
                  iconId="fr-icon-add-line"
                  onClick={() => update({ appointments: [...draft.appointments, { date: "", what: "" }] })}
                >
                  {t`Ajouter un rendez-vous`}
                </Button>
              </div>
            )}
          </fieldset>
          <Button type="submit" iconId="fr-icon-file-text-line" iconPosition="right">
            {t`Préparer la synthèse`}
          </Button>
        </form>
      </div>
      {shown && <SynthesisDocument synthesis={shown} headingRef={resultRef} />}
      <p className="fr-mt-4w mj-no-print">
        <Link to="/professionnels">{t`Retour à l'espace professionnels`}</Link>
      </p>
    </Page>
  );
}

const FIELD_LABELS = {
  date: msg`Date de l'entretien`,
  priorities: msg`Ce qui compte pour vous`,
  needs: msg`Vos besoins`,
  synthesis: msg`Synthèse`,
};

function fieldLabel(path: PropertyKey[]): string {
  const [field, index, sub] = path;
  const n = typeof index === "number" ? index + 1 : "";
  switch (field) {
    case "date":
    case "priorities":
    case "needs":
      return i18n._(FIELD_LABELS[field]);
    case "contacts":
      return sub === "how" ? i18n._(msg`Contact ${n}, comment le joindre`) : i18n._(msg`Contact ${n}, qui`);
    case "appointments":
      return sub === "date" ? i18n._(msg`Rendez-vous ${n}, date`) : i18n._(msg`Rendez-vous ${n}, quoi et où`);
    default:
      return i18n._(FIELD_LABELS.synthesis);
  }
}
