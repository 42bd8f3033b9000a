import { useState } from "react";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { Trans, useLingui } from "@lingui/react/macro";
import { bandFor, scoreEpds, type EpdsScore } from "../../../domain/epds/score.js";
import { Page } from "../../components/Page.js";
import { EpdsQuestions } from "./EpdsQuestions.js";
import { languages, questionnaireFor, wordsFor } from "./questionnaires.js";
import { bandLabels } from "./labels.js";

type Phase =
  { step: "setup" } | { step: "patient" } | { step: "handback"; answers: number[]; score: EpdsScore } | { step: "review"; answers: number[]; score: EpdsScore };

/**
 * Professional mode: a midwife hands her tablet to a patient, in the patient's language, then reads the
 * answers and the score. Nothing is stored: leaving the page forgets everything. Three languages meet here: the
 * professional's screens (setup, review) follow the interface's language; the questionnaire and the words around it
 * follow the validated version chosen for the patient (questionnaires.ts); the answers are read back in the French
 * validated version, the professional's reference.
 */
export function EpdsProPage() {
  const { t, i18n } = useLingui();
  const [locale, setLocale] = useState("fr");
  const [phase, setPhase] = useState<Phase>({ step: "setup" });
  const patient = questionnaireFor(locale);
  const french = questionnaireFor("fr");

  if (phase.step === "patient")
    return (
      <Page title={t`Questionnaire`} heading={<span lang={patient.locale}>{patient.title}</span>}>
        <EpdsQuestions
          questionnaire={patient}
          onComplete={(answers) => {
            const score = scoreEpds(patient, answers);
            if (score.ok) setPhase({ step: "handback", answers, score });
          }}
        />
      </Page>
    );

  if (phase.step === "handback") {
    const words = wordsFor(patient.locale);
    return (
      <Page title={t`Merci`} heading={<span lang={patient.locale}>{words.thanks}</span>}>
        <p lang={patient.locale} className="fr-text--lead">
          {words.handBack}
        </p>
        <Button onClick={() => setPhase({ ...phase, step: "review" })}>{t`Je suis le professionnel : voir les réponses`}</Button>
      </Page>
    );
  }

  if (phase.step === "review") {
    const total = phase.score.total;
    const band = i18n._(bandLabels[bandFor(total).id]);
    const item10 = phase.score.item10Points;
    const language = languages.find((l) => l.locale === locale)?.label ?? locale;
    return (
      <Page title={t`Réponses du questionnaire (mode professionnel)`}>
        <p className="fr-text--lead">
          <Trans>
            Score total : <strong>{total} / 30</strong> — {band}.
          </Trans>
          {phase.score.safetyFlag && <strong> {t`Question 10 cotée ${item10} : idées auto-agressives à évaluer sans délai.`}</strong>}
        </p>
        <div className="mj-table">
          <table tabIndex={0}>
            <caption>{t`Réponses dans la version française validée du questionnaire (passation en ${language})`}</caption>
            <thead>
              <tr>
                <th scope="col">{t`Question`}</th>
                <th scope="col">{t`Réponse`}</th>
                <th scope="col">{t`Points`}</th>
              </tr>
            </thead>
            <tbody lang="fr">
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
            {t`Imprimer`}
          </Button>
          <Button priority="secondary" onClick={() => setPhase({ step: "setup" })}>
            {t`Nouvelle passation (efface ces réponses)`}
          </Button>
        </div>
      </Page>
    );
  }

  return (
    <Page title={t`Mode professionnel`}>
      <p>
        {t`Pour les sages-femmes, médecins et équipes de PMI : proposez l'auto-questionnaire EPDS sur votre tablette, dans une version validée (français ou anglais), puis lisez ses réponses dans la version française et le score. Rien n'est enregistré ni envoyé.`}
      </p>
      <p>
        {t`Ce questionnaire n'est proposé ici que dans ses versions validées : il n'est pas traduit par une machine, pour ne pas changer son sens. Pour une personne qui ne lit ni le français ni l'anglais, faites-le passer avec un interprète.`}
      </p>
      <Select label={t`Langue de la version validée`} nativeSelectProps={{ value: locale, onChange: (e) => setLocale(e.target.value) }}>
        {languages.map((l) => (
          <option key={l.locale} value={l.locale} lang={l.locale}>
            {l.label}
          </option>
        ))}
      </Select>
      <Button onClick={() => setPhase({ step: "patient" })}>{t`Tendre la tablette : commencer`}</Button>
    </Page>
  );
}
