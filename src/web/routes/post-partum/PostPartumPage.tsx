import { startTransition, useState } from "react";
import { Trans, useLingui } from "@lingui/react/macro";
import { Link } from "react-router";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { scoreEpds, type EpdsAudience, type EpdsScore } from "../../../domain/epds/score.js";
import { Page } from "../../components/Page.js";
import { useParent } from "../../state/parent.js";
import { lazyWithMessages } from "../../i18n/lazy.js";
import { languages, questionnaireFor } from "./questionnaires.js";
import { withMasculineAgreement } from "../../../domain/epds/agreement.js";
import { downloadFile } from "../../components/download.js";
import { PendingCallbacks } from "./rappel/SentRequest.js";
import { useContentLanguage } from "../../state/translations.js";
import { PrintedAnswers } from "./PrintedAnswers.js";

// The questions and the result (with its orientation, helplines, places and reading aloud) are fetched when the parent
// starts the questionnaire, not with the introduction she reads first (issue 19); offline, the service worker has them.
// Phases change as transitions: the screen stays as it is until the next one's code is there (a moment), so a page
// never shows in part (the result's safety panel first) and the focus moves as before.

const EpdsQuestions = lazyWithMessages(() => import("./EpdsQuestions.js").then((m) => ({ default: m.EpdsQuestions })));
const EpdsResultView = lazyWithMessages(() => import("./EpdsResultView.js").then((m) => ({ default: m.EpdsResultView })));

type Phase = { step: "intro" } | { step: "questions" } | { step: "result"; answers: number[]; score: EpdsScore; saved: boolean };

/** The parent's path: introduction, the 10 questions, the result. Answers stay on the device. */
export function PostPartumPage({ embedded = false }: { embedded?: boolean }) {
  const { addEpds, today, epdsHistory } = useParent("addEpds", "today", "epdsHistory");
  const { t, i18n } = useLingui();
  const language = useContentLanguage();
  // The EPDS is never machine-translated: English readers get the validated English version, others choose French or English.
  const [locale, setLocale] = useState<string>(language === "en" ? "en" : "fr");
  const [audience, setAudience] = useState<EpdsAudience>("mere");
  /** The second parent reads the French items with the masculine agreement, unless they ask for the feminine. */
  const [agreement, setAgreement] = useState<"masculin" | "feminin">("masculin");
  const [phase, setPhase] = useState<Phase>({ step: "intro" });
  const [saveError, setSaveError] = useState<string | null>(null);
  const validated = questionnaireFor(locale);
  const questionnaire = audience === "second-parent" && agreement === "masculin" ? withMasculineAgreement(validated) : validated;

  function complete(answers: number[]) {
    const score = scoreEpds(questionnaire, answers);
    if (score.ok) startTransition(() => setPhase({ step: "result", answers, score, saved: false }));
  }

  async function save() {
    if (phase.step !== "result") return;
    const saving = phase;
    try {
      await addEpds({
        id: crypto.randomUUID(),
        date: today,
        locale: questionnaire.locale,
        audience,
        answers: phase.answers,
        total: phase.score.total,
        item10Points: phase.score.item10Points,
        band: phase.score.band,
      });
      // Only if this result is still on screen: « Recommencer » tapped while it was being saved must not bring it back.
      setPhase((current) => (current === saving ? { ...saving, saved: true } : current));
    } catch {
      setSaveError(t`Le résultat n'a pas pu être enregistré sur cet appareil.`);
    }
  }

  async function downloadPdf() {
    if (phase.step !== "result") return;
    try {
      const { epdsSummaryPdf } = await import("./pdf.js");
      const bytes = await epdsSummaryPdf(questionnaire, phase.answers, phase.score.total, today);
      downloadFile(bytes as BlobPart, "application/pdf", `epds-${today}.pdf`);
    } catch {
      setSaveError(t`Le PDF n'a pas pu être créé. Vous pouvez utiliser « Imprimer » et choisir « Enregistrer en PDF ».`);
    }
  }

  if (phase.step === "questions")
    return (
      <Page title={t`Questionnaire post-partum`} heading={questionnaire.title}>
        <EpdsQuestions questionnaire={questionnaire} onComplete={complete} />
      </Page>
    );

  if (phase.step === "result")
    return (
      <Page title={t`Résultat du questionnaire`}>
        <EpdsResultView score={phase.score} audience={audience} mapLinks={!embedded} callbackDate={embedded ? undefined : today} />
        {!embedded && (
          <div className="fr-mt-4w mj-no-print">
            <h2 className="fr-h5">{t`Garder ou partager ce résultat`}</h2>
            {saveError && <Alert severity="error" small description={saveError} className="fr-mb-2w" />}
            {phase.saved ? (
              <p role="status">
                <Trans>
                  Résultat enregistré sur cet appareil. <Link to="/post-partum/historique">Voir mon historique</Link>
                </Trans>
              </p>
            ) : (
              <p>{t`Rien n'est enregistré sans votre accord, et rien n'est envoyé.`}</p>
            )}
            <div className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
              {!phase.saved && (
                <Button iconId="fr-icon-save-line" onClick={() => void save()}>
                  {t`Enregistrer sur cet appareil`}
                </Button>
              )}
              <Button priority="secondary" iconId="fr-icon-printer-line" onClick={() => window.print()}>
                {t`Imprimer`}
              </Button>
              <Button priority="secondary" iconId="fr-icon-download-line" onClick={() => void downloadPdf()}>
                {t`Télécharger en PDF`}
              </Button>
              <Button priority="tertiary" onClick={() => setPhase({ step: "intro" })}>
                {t`Recommencer`}
              </Button>
            </div>
            {i18n.locale !== "fr" && i18n.locale !== "falc" && (
              <p className="fr-text--sm">{t`Le PDF est en français : il est fait pour la sage-femme ou le médecin.`}</p>
            )}
          </div>
        )}
        <PrintedAnswers answers={phase.answers} questionnaire={questionnaire} />
      </Page>
    );

  return (
    <Page title={t`Post-partum : comment allez-vous ?`} heading={t`Comment allez-vous depuis la naissance ?`}>
      {!embedded && <PendingCallbacks />}
      <p className="fr-text--lead">
        {t`Dix questions sur les 7 derniers jours, pour faire le point sur votre moral après la naissance de votre enfant. Cela prend environ 5 minutes.`}
      </p>
      <ul>
        <li>{t`C'est un questionnaire reconnu, l'échelle d'Édimbourg (EPDS), utilisé par les sages-femmes et les médecins.`}</li>
        <li>{t`Ce n'est pas un diagnostic, et il ne remplace pas un professionnel : il aide à savoir s'il faut en parler.`}</li>
        <li>{t`Vos réponses restent sur ce téléphone : rien n'est envoyé.`}</li>
      </ul>
      <p>
        <Trans>
          <strong>Si vous avez des idées noires maintenant</strong>, n'attendez pas : appelez le <a href="tel:3114">3114</a> (jour et nuit, gratuit) ou le{" "}
          <a href="tel:15">15</a>.
        </Trans>
      </p>
      {!embedded && (
        <p>
          <Trans>
            Vous préférez parler à quelqu'un ?{" "}
            <Link className="fr-link" to="/post-partum/rappel">
              Je souhaite être rappelé(e)
            </Link>{" "}
            par un professionnel de mon département.
          </Trans>
        </p>
      )}
      <RadioButtons
        legend={t`Qui répond ?`}
        name="audience"
        orientation="horizontal"
        options={[
          { label: t`La mère`, nativeInputProps: { checked: audience === "mere", onChange: () => setAudience("mere") } },
          {
            label: t`Le second parent`,
            hintText: t`Le père ou le co-parent peut aussi traverser une dépression. Les questions sont les mêmes.`,
            nativeInputProps: { checked: audience === "second-parent", onChange: () => setAudience("second-parent") },
          },
        ]}
      />
      {audience === "second-parent" && locale === "fr" && (
        <RadioButtons
          legend={t`Les questions sont écrites`}
          hintText={t`Seul l'accord grammatical change : les questions, les réponses et le calcul du score sont ceux du questionnaire validé pour les mères (il n'existe pas de version française validée pour les pères).`}
          name="accord"
          orientation="horizontal"
          options={[
            { label: t`Au masculin (« je me suis senti »)`, nativeInputProps: { checked: agreement === "masculin", onChange: () => setAgreement("masculin") } },
            { label: t`Au féminin (« je me suis sentie »)`, nativeInputProps: { checked: agreement === "feminin", onChange: () => setAgreement("feminin") } },
          ]}
        />
      )}
      <RadioButtons
        legend={t`Langue du questionnaire`}
        hintText={
          language === "fr" || language === "en"
            ? undefined
            : t`Ce questionnaire n'existe pas encore dans votre langue en version validée : il n'est pas traduit par une machine, pour ne pas changer son sens. Vous pouvez répondre en français ou en anglais, ou le remplir avec une sage-femme ou un médecin et un interprète (mode professionnel).`
        }
        name="langue"
        orientation="horizontal"
        options={languages.map((l) => ({
          label: <span lang={l.locale}>{l.label}</span>,
          nativeInputProps: { checked: locale === l.locale, onChange: () => setLocale(l.locale) },
        }))}
      />
      <Button
        size="large"
        iconId="fr-icon-arrow-right-line"
        iconPosition="right"
        onClick={() => {
          // The result's code comes while the parent answers.
          EpdsResultView.preload().catch(() => undefined);
          startTransition(() => setPhase({ step: "questions" }));
        }}
      >
        {t`Commencer le questionnaire`}
      </Button>
      {!embedded && (
        <p className="fr-mt-4w">
          <Link to="/post-partum/historique">
            {t`Mon historique`}
            {epdsHistory.length > 0 ? ` (${epdsHistory.length})` : ""}
          </Link>{" "}
          · <Link to="/post-partum/professionnel">{t`Mode professionnel`}</Link>
        </p>
      )}
      <p className="fr-text--xs fr-mt-4w">
        {questionnaire.citation.authors.join(", ")} ({questionnaire.citation.year}). {questionnaire.citation.title}. {questionnaire.citation.journal},{" "}
        {questionnaire.citation.volume}, {questionnaire.citation.pages}.
      </p>
    </Page>
  );
}
