import { useState } from "react";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { bandFor, scoreEpds, type EpdsScore } from "../../../domain/epds/score.js";
import { Page } from "../../components/Page.js";
import { EpdsQuestions } from "./EpdsQuestions.js";
import { languages, questionnaireFor } from "./questionnaires.js";

type Phase =
  { step: "setup" } | { step: "patient" } | { step: "handback"; answers: number[]; score: EpdsScore } | { step: "review"; answers: number[]; score: EpdsScore };

/**
 * Professional mode: a midwife hands her tablet to a patient, in the patient's language, then reads the
 * answers and the score in French. Nothing is stored: leaving the page forgets everything.
 */
export function EpdsProPage() {
  const [locale, setLocale] = useState("fr");
  const [phase, setPhase] = useState<Phase>({ step: "setup" });
  const patient = questionnaireFor(locale);
  const french = questionnaireFor("fr");

  if (phase.step === "patient")
    return (
      <Page title="Questionnaire" heading={patient.title}>
        <EpdsQuestions
          questionnaire={patient}
          onComplete={(answers) => {
            const score = scoreEpds(patient, answers);
            if (score.ok) setPhase({ step: "handback", answers, score });
          }}
        />
      </Page>
    );

  if (phase.step === "handback")
    return (
      <Page title="Merci" heading={locale.startsWith("en") ? "Thank you" : "Merci"}>
        <p lang={patient.locale} className="fr-text--lead">
          {locale.startsWith("en") ? "Please hand the tablet back to the professional." : "Rendez la tablette au professionnel, s'il vous plaît."}
        </p>
        <Button onClick={() => setPhase({ ...phase, step: "review" })}>Je suis le professionnel : voir les réponses</Button>
      </Page>
    );

  if (phase.step === "review") {
    const band = bandFor(phase.score.total);
    return (
      <Page title="Réponses du questionnaire (mode professionnel)">
        <p className="fr-text--lead">
          Score total : <strong>{phase.score.total} / 30</strong> — {band.label}.
          {phase.score.safetyFlag && <strong> Question 10 cotée {phase.score.item10Points} : idées auto-agressives à évaluer sans délai.</strong>}
        </p>
        <div className="mj-table">
          <table tabIndex={0}>
            <caption>Réponses (traduites en français ; passation en {languages.find((l) => l.locale === locale)?.label})</caption>
            <thead>
              <tr>
                <th scope="col">Question</th>
                <th scope="col">Réponse</th>
                <th scope="col">Points</th>
              </tr>
            </thead>
            <tbody>
              {french.items.map((item, i) => {
                // Same item, same points: the French option with the points the patient's answer carries.
                const points = patient.items[i]!.options[phase.answers[i]!]!.points;
                const option = item.options.find((o) => o.points === points)!;
                return (
                  <tr key={item.number}>
                    <td>
                      {item.number}. {item.text}
                    </td>
                    <td>{option.text}</td>
                    <td>{points}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <div className="fr-btns-group fr-btns-group--inline-md">
          <Button iconId="fr-icon-printer-line" onClick={() => window.print()}>
            Imprimer
          </Button>
          <Button priority="secondary" onClick={() => setPhase({ step: "setup" })}>
            Nouvelle passation (efface ces réponses)
          </Button>
        </div>
      </Page>
    );
  }

  return (
    <Page title="Mode professionnel">
      <p>
        Pour les sages-femmes, médecins et équipes de PMI : proposez l'auto-questionnaire EPDS sur votre tablette, dans la langue de la personne, puis lisez ses
        réponses et le score en français. Rien n'est enregistré ni envoyé.
      </p>
      <Select label="Langue de la personne" nativeSelectProps={{ value: locale, onChange: (e) => setLocale(e.target.value) }}>
        {languages.map((l) => (
          <option key={l.locale} value={l.locale} lang={l.locale}>
            {l.label}
          </option>
        ))}
      </Select>
      <Button onClick={() => setPhase({ step: "patient" })}>Tendre la tablette : commencer</Button>
    </Page>
  );
}
