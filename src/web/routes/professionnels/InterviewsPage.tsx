import { useRef, useState, type FormEvent, type RefObject } from "react";
import { Link } from "react-router";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { formatFrenchDate } from "../../../domain/dates.js";
import { fitsInLink, handoverUrl } from "../../../domain/handover/link.js";
import { SYNTHESIS_LIMITS, synthesisSchema, type Synthesis } from "../../../domain/handover/synthesis.js";
import { INTERVIEW_GUIDES, type InterviewKind } from "../../../domain/interviews/themes.js";
import { Page } from "../../components/Page.js";
import { useParent } from "../../state/parent.js";
import { HandoverQr } from "./HandoverQr.js";
import { SynthesisBody } from "./ReceivePage.js";
import "./print.css";

type Draft = Omit<Synthesis, "interview">;

/**
 * `/professionnels/entretiens`: the themes of the EPP and the EPNP as the recommendations list them, and a
 * synthesis written with the parent, printed or handed over to the parent's phone. Held in this page's memory only.
 */
export function InterviewsPage() {
  const { today } = useParent("today");
  const [kind, setKind] = useState<InterviewKind>("epp");
  const [draft, setDraft] = useState<Draft>({ date: today, themes: [], priorities: "", needs: "", contacts: [], appointments: [] });
  const [errors, setErrors] = useState<string[]>([]);
  const [shown, setShown] = useState<Synthesis | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const guide = INTERVIEW_GUIDES[kind];
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
    <Page title="Entretiens prénatal et postnatal précoces">
      <div className="mj-no-print">
        <p className="fr-text--lead">
          Les thèmes à aborder selon les recommandations, et une synthèse écrite avec le parent, qu'il emporte sur papier ou sur son téléphone.
        </p>
        <p>Rien n'est enregistré, ni sur cet appareil ni sur nos serveurs. La synthèse appartient au parent : écrivez-la avec lui, avec ses mots.</p>

        <RadioButtons
          legend="Entretien"
          name="pro-interview"
          orientation="horizontal"
          options={(["epp", "epnp"] as const).map((k) => ({
            label: INTERVIEW_GUIDES[k].title,
            nativeInputProps: {
              checked: kind === k,
              onChange: () => {
                setKind(k);
                setShown(null);
              },
            },
          }))}
        />

        <section aria-labelledby="guide-titre" className="fr-mb-4w">
          <h2 id="guide-titre">Guide : {guide.title.toLowerCase()}</h2>
          <p>{guide.when}</p>
          <h3 className="fr-h6">Thèmes à aborder</h3>
          <ul>
            {guide.themes.map((theme) => (
              <li key={theme.id}>
                <strong>{theme.title}</strong> — {theme.hint}
                {theme.private && (
                  <em> Ce thème n'apparaît jamais sur la synthèse remise au parent : lue par un conjoint violent, elle pourrait la mettre en danger.</em>
                )}
              </li>
            ))}
          </ul>
          <h3 className="fr-h6">Sources</h3>
          <ul className="fr-text--sm">
            {guide.sources.map((source) => (
              <li key={source.url}>
                <a href={source.url} target="_blank" rel="noopener noreferrer" title={`${source.title} – nouvelle fenêtre`}>
                  {source.title}
                </a>{" "}
                — {source.publisher}, {formatFrenchDate(source.date)}
                {source.reference && <> ({source.reference})</>}
              </li>
            ))}
          </ul>
          {guide.sourceNote && <p className="fr-text--xs">{guide.sourceNote}</p>}
        </section>

        <form onSubmit={submit} noValidate aria-labelledby="synthese-form-titre">
          <h2 id="synthese-form-titre">Synthèse avec le parent</h2>
          {errors.length > 0 && (
            <div ref={summaryRef} tabIndex={-1} className="fr-mb-3w">
              <Alert
                as="h3"
                severity="error"
                title="À corriger"
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
            label="Date de l'entretien"
            nativeInputProps={{ type: "date", name: "syn-date", value: draft.date, onChange: (e) => update({ date: e.target.value }) }}
          />
          <Checkbox
            legend="Thèmes abordés (écrits sur la synthèse)"
            options={guide.themes
              .filter((t) => !t.private)
              .map((t) => ({
                label: t.title,
                nativeInputProps: {
                  name: `syn-theme-${t.id}`,
                  checked: draft.themes.includes(t.id),
                  onChange: (e) => update({ themes: e.target.checked ? [...draft.themes, t.id] : draft.themes.filter((id) => id !== t.id) }),
                },
              }))}
          />
          <Input
            textArea
            label="Ce qui compte pour vous"
            hintText={`Avec les mots du parent (${SYNTHESIS_LIMITS.text} caractères au plus)`}
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
            label="Vos besoins, ce qui aiderait"
            hintText={`${SYNTHESIS_LIMITS.text} caractères au plus`}
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
              Professionnels et lieux à contacter
            </legend>
            {draft.contacts.map((contact, i) => (
              <div key={i} className="fr-fieldset__element fr-p-2w fr-mb-2w mj-child-box">
                <Input
                  label={`Contact ${i + 1} : qui`}
                  hintText="Par exemple : sage-femme de PMI, Mme Martin"
                  nativeInputProps={{
                    name: `syn-contact-${i}-who`,
                    maxLength: SYNTHESIS_LIMITS.contact,
                    value: contact.who,
                    onChange: (e) => update({ contacts: draft.contacts.map((c, j) => (j === i ? { ...c, who: e.target.value } : c)) }),
                  }}
                />
                <Input
                  label={`Contact ${i + 1} : comment le joindre`}
                  hintText="Téléphone, adresse, horaires"
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
                  Retirer le contact {i + 1}
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
                  Ajouter un contact
                </Button>
              </div>
            )}
          </fieldset>

          <fieldset className="fr-fieldset" aria-labelledby="syn-rdv-legend">
            <legend id="syn-rdv-legend" className="fr-fieldset__legend">
              Prochains rendez-vous
            </legend>
            {draft.appointments.map((appointment, i) => (
              <div key={i} className="fr-fieldset__element fr-p-2w fr-mb-2w mj-child-box">
                <Input
                  label={`Rendez-vous ${i + 1} : date`}
                  nativeInputProps={{
                    type: "date",
                    name: `syn-rdv-${i}-date`,
                    value: appointment.date,
                    onChange: (e) => update({ appointments: draft.appointments.map((a, j) => (j === i ? { ...a, date: e.target.value } : a)) }),
                  }}
                />
                <Input
                  label={`Rendez-vous ${i + 1} : quoi et où`}
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
                  Retirer le rendez-vous {i + 1}
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
                  Ajouter un rendez-vous
                </Button>
              </div>
            )}
          </fieldset>
          <Button type="submit" iconId="fr-icon-file-text-line" iconPosition="right">
            Préparer la synthèse
          </Button>
        </form>
      </div>
      {shown && <SynthesisDocument synthesis={shown} headingRef={resultRef} />}
      <p className="fr-mt-4w mj-no-print">
        <Link to="/professionnels">Retour à l'espace professionnels</Link>
      </p>
    </Page>
  );
}

function fieldLabel(path: PropertyKey[]): string {
  const [field, index, sub] = path;
  const n = typeof index === "number" ? index + 1 : "";
  switch (field) {
    case "date":
      return "Date de l'entretien";
    case "priorities":
      return "Ce qui compte pour vous";
    case "needs":
      return "Vos besoins";
    case "contacts":
      return sub === "how" ? `Contact ${n}, comment le joindre` : `Contact ${n}, qui`;
    case "appointments":
      return sub === "date" ? `Rendez-vous ${n}, date` : `Rendez-vous ${n}, quoi et où`;
    default:
      return "Synthèse";
  }
}

function SynthesisDocument({ synthesis, headingRef }: { synthesis: Synthesis; headingRef: RefObject<HTMLHeadingElement | null> }) {
  const guide = INTERVIEW_GUIDES[synthesis.interview];
  const handover = { kind: "synthesis", synthesis } as const;
  const fits = fitsInLink(handover);
  const url = fits ? handoverUrl(window.location.origin, handover) : null;
  return (
    <section className="mj-print-document fr-mt-5w" aria-labelledby="synthese-titre">
      <div className="mj-no-print fr-mb-3w">
        <Button type="button" iconId="fr-icon-printer-line" onClick={() => window.print()}>
          Imprimer la synthèse
        </Button>
      </div>
      <h2 id="synthese-titre" ref={headingRef} tabIndex={-1}>
        Synthèse de votre {guide.title.toLowerCase()}
      </h2>
      <p className="mj-print-meta">Entretien du {formatFrenchDate(synthesis.date)}. Ce document vous appartient : vous choisissez à qui le montrer.</p>
      {url ? (
        <div className="mj-print-handover">
          <HandoverQr url={url} label="QR code de la synthèse, à scanner avec le téléphone du parent" />
          <div>
            <h3 className="fr-h6 fr-mb-1w">Sur votre téléphone</h3>
            <p className="fr-text--sm fr-mb-1w">
              Scannez ce code : Mille Jours vous montre la synthèse et vous demande de confirmer avant de la garder sur votre téléphone, avec vos prochains
              rendez-vous dans votre calendrier.
            </p>
            <p className="fr-text--xs mj-link-text">{url}</p>
          </div>
        </div>
      ) : (
        <Alert
          className="mj-no-print fr-mb-3w"
          severity="warning"
          small
          description="Cette synthèse est trop longue pour tenir dans un QR code lisible par un téléphone : raccourcissez un peu les textes, ou imprimez-la."
        />
      )}
      <SynthesisBody synthesis={synthesis} />
    </section>
  );
}
