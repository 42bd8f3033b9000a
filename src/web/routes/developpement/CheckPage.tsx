import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useLingui } from "@lingui/react/macro";
import { childAges, formatAge } from "../../../domain/development/age.js";
import { assess, type Answer } from "../../../domain/development/assess.js";
import { bandOn, nextBand } from "../../../domain/development/grid.js";
import { localeByCode } from "../../../domain/content/languages.js";
import { shared } from "../../i18n/messages.js";
import { formatDate } from "../../i18n/format.js";
import { Page } from "../../components/Page.js";
import { downloadFile } from "../../components/download.js";
import { useParent } from "../../state/parent.js";
import { AgesBox } from "./AgesBox.js";
import { CheckQuestions, type CheckQuestion } from "./CheckQuestions.js";
import { childName, chosenChild } from "./children.js";
import { DoctorSummary } from "./DoctorSummary.js";
import { bandContent, useDevelopmentContent } from "./grid-content.js";
import { buildSummary, type CheckSummary } from "./summary.js";
import { DevelopmentTranslationNote } from "./TranslationNote.js";
import { ResultView } from "./ResultView.js";

type Phase = { step: "intro" } | { step: "questions" } | { step: "result"; summary: CheckSummary; answers: Record<string, Answer>; saved: boolean };

/**
 * The check of the official grid for the child's age (corrected before 2 years), then the result in plain words, in
 * the interface's language (content/developpement/<langue>.json); the summary for the doctor keeps the grid's French.
 */
export function CheckPage() {
  const { profile, today, addDevelopment } = useParent("profile", "today", "addDevelopment");
  const { t } = useLingui();
  const [params] = useSearchParams();
  const [phase, setPhase] = useState<Phase>({ step: "intro" });
  const [error, setError] = useState<string | null>(null);
  const development = useDevelopmentContent();
  const child = chosenChild(profile, params.get("enfant"));
  const band = child ? bandOn(child, today) : null;
  const french = band ? bandContent(band.id) : null;
  const content = band && development ? bandContent(band.id, development.content) : null;
  if (!development)
    return (
      <p role="status" aria-live="polite">
        {t(shared.loading)}
      </p>
    );
  if (!profile || !child || !band || !content || !french)
    return (
      <Page title={t`Faire le point sur le développement`}>
        <p>{t`Aucune grille de repérage ne correspond à l'âge de votre enfant aujourd'hui dans Mille Jours.`}</p>
        <Link to="/developpement">{t`Le développement de votre enfant`}</Link>
      </Page>
    );
  const name = childName(profile, child);
  const ages = childAges(child, today);
  const { lang, dir } = localeByCode(development.language);
  const { regression, worry } = development.content.transversal;
  const questions: CheckQuestion[] = [
    ...content.items.map((i) => ({ id: i.id, text: i.text, example: i.example, domain: content.domainLabels[i.domain], lang, dir })),
    { id: "regression", ...regression, lang, dir },
    { id: "inquietude", ...worry, lang, dir },
  ];
  const bandLabel = content.label;

  function complete(answers: Record<string, Answer>) {
    const transversal = { regression: answers.regression ?? "nsp", worry: answers.inquietude ?? "nsp" };
    const assessment = assess(band!, french!.items, answers, transversal);
    // The summary for the doctor is in French (the grid's own words): French ages too.
    const realAge = formatAge(ages.real);
    const correctedAge = ages.corrected ? formatAge(ages.corrected) : null;
    setPhase({
      step: "result",
      answers,
      saved: false,
      summary: buildSummary(french!, assessment, { childName: name, date: today, realAge, correctedAge, ...transversal }),
    });
  }

  if (phase.step === "questions")
    return (
      <Page title={t`Faire le point – ${bandLabel}`} heading={t`Faire le point : ${name}`}>
        <CheckQuestions questions={questions} onComplete={complete} onCancel={() => setPhase({ step: "intro" })} />
      </Page>
    );

  if (phase.step === "result") {
    const { summary } = phase;
    const next = nextBand(child, today);
    async function save() {
      if (phase.step !== "result") return;
      try {
        await addDevelopment({
          id: crypto.randomUUID(),
          childId: child!.id,
          childName: name,
          date: today,
          band: band!.id,
          realAge: summary.realAge,
          correctedAge: summary.correctedAge,
          answers: phase.answers,
          regression: summary.regression,
          worry: summary.worry,
          level: summary.assessment.level,
          nonItems: summary.assessment.nonItems,
        });
        setPhase({ ...phase, saved: true });
      } catch {
        setError(t`Le résultat n'a pas pu être enregistré sur cet appareil.`);
      }
    }
    async function downloadPdf() {
      try {
        const { developmentSummaryPdf } = await import("./pdf.js");
        downloadFile((await developmentSummaryPdf(summary)) as BlobPart, "application/pdf", `reperage-developpement-${today}.pdf`);
      } catch {
        setError(t`Le PDF n'a pas pu être créé. Vous pouvez utiliser « Imprimer » et choisir « Enregistrer en PDF ».`);
      }
    }
    return (
      <Page title={t`Résultat du repérage`} heading={t`Résultat : ${name}`}>
        <ResultView summary={summary} nextStart={next ? formatDate(next.start) : null} />
        <div className="fr-mt-4w mj-no-print">
          <h2 className="fr-h5">{t`Garder ou montrer ce résultat`}</h2>
          {error && <Alert severity="error" small description={error} className="fr-mb-2w" />}
          {phase.saved ? (
            <p role="status">
              {t`Résultat enregistré sur cet appareil.`} <Link to="/developpement/historique">{t`Voir mes repérages`}</Link>
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
              {t`Imprimer le résumé`}
            </Button>
            <Button priority="secondary" iconId="fr-icon-download-line" onClick={() => void downloadPdf()}>
              {t`Télécharger en PDF`}
            </Button>
          </div>
        </div>
        {development.language !== "fr" && (
          <p className="fr-mt-4w fr-mb-0 mj-no-print">{t`Le résumé ci-dessous est en français, pour le médecin : il reprend les mots de la grille officielle.`}</p>
        )}
        <DoctorSummary summary={summary} />
      </Page>
    );
  }

  const itemCount = content.items.length;
  const questionCount = questions.length;
  // « de 6 à 11 mois »: the band's label inside the sentence.
  const range = bandLabel.charAt(0).toLocaleLowerCase(lang) + bandLabel.slice(1);
  return (
    <Page title={t`Faire le point sur le développement`} heading={t`Faire le point : ${name}`}>
      <DevelopmentTranslationNote development={development} />
      <AgesBox child={child} today={today} name={name} />
      <p className="fr-text--lead">
        {ages.corrected
          ? t`${questionCount} questions, une par écran : les ${itemCount} repères de la grille officielle pour les enfants ${range} (en âge corrigé), puis deux questions valables à tout âge.`
          : t`${questionCount} questions, une par écran : les ${itemCount} repères de la grille officielle pour les enfants ${range}, puis deux questions valables à tout âge.`}
      </p>
      <ul>
        <li>{t`Répondez « oui » si votre enfant le fait, « non » s'il ne le fait pas, « je ne sais pas » si vous n'avez pas pu l'observer.`}</li>
        <li>{t`Ce sont des choses que font presque tous les enfants de cet âge : un « non » n'est pas un diagnostic, c'est un point à montrer au médecin.`}</li>
        <li>{t`Vos réponses restent sur cet appareil : rien n'est envoyé.`}</li>
      </ul>
      <Button size="large" iconId="fr-icon-arrow-right-line" iconPosition="right" onClick={() => setPhase({ step: "questions" })}>
        {t`Commencer`}
      </Button>
    </Page>
  );
}
