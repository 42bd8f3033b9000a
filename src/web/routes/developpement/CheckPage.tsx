import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { formatFrenchDate } from "../../../domain/dates.js";
import { childAges, formatAge } from "../../../domain/development/age.js";
import { assess, type Answer } from "../../../domain/development/assess.js";
import { bandOn, nextBand } from "../../../domain/development/grid.js";
import { AUTISME_INFO_SERVICE, DEVELOPMENT_SOURCES } from "../../../domain/development/sources.js";
import { Page } from "../../components/Page.js";
import { downloadFile } from "../../components/download.js";
import { useParent } from "../../state/parent.js";
import { AgesBox } from "./AgesBox.js";
import { CheckQuestions, type CheckQuestion } from "./CheckQuestions.js";
import { childName, chosenChild } from "./children.js";
import { bandContent, developmentContent } from "./grid-content.js";
import { ANSWER_WORDS, buildSummary, GRID_CITATION, type CheckSummary } from "./summary.js";

type Phase = { step: "intro" } | { step: "questions" } | { step: "result"; summary: CheckSummary; answers: Record<string, Answer>; saved: boolean };

/** The check of the official grid for the child's age (corrected before 2 years), then the result in plain words. */
export function CheckPage() {
  const { profile, today, addDevelopment } = useParent();
  const [params] = useSearchParams();
  const [phase, setPhase] = useState<Phase>({ step: "intro" });
  const [error, setError] = useState<string | null>(null);
  const child = chosenChild(profile, params.get("enfant"));
  const band = child ? bandOn(child, today) : null;
  const content = band ? bandContent(band.id) : null;
  if (!profile || !child || !band || !content)
    return (
      <Page title="Faire le point sur le développement">
        <p>Aucune grille de repérage ne correspond à l'âge de votre enfant aujourd'hui dans Mille Jours.</p>
        <Link to="/developpement">Le développement de votre enfant</Link>
      </Page>
    );
  const name = childName(profile, child);
  const ages = childAges(child, today);
  const realAge = formatAge(ages.real);
  const correctedAge = ages.corrected ? formatAge(ages.corrected) : null;
  const { regression, worry } = developmentContent.transversal;
  const questions: CheckQuestion[] = [
    ...content.items.map((i) => ({ id: i.id, text: i.text, example: i.example, domain: content.domainLabels[i.domain] })),
    { id: "regression", ...regression },
    { id: "inquietude", ...worry },
  ];

  function complete(answers: Record<string, Answer>) {
    const transversal = { regression: answers.regression ?? "nsp", worry: answers.inquietude ?? "nsp" };
    const assessment = assess(band!, content!.items, answers, transversal);
    setPhase({ step: "result", answers, saved: false, summary: buildSummary(content!, assessment, { childName: name, date: today, realAge, correctedAge, ...transversal }) });
  }

  if (phase.step === "questions")
    return (
      <Page title={`Faire le point – ${content.label}`} heading={`Faire le point : ${name}`}>
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
          realAge,
          correctedAge,
          answers: phase.answers,
          regression: summary.regression,
          worry: summary.worry,
          level: summary.assessment.level,
          nonItems: summary.assessment.nonItems,
        });
        setPhase({ ...phase, saved: true });
      } catch {
        setError("Le résultat n'a pas pu être enregistré sur cet appareil.");
      }
    }
    async function downloadPdf() {
      try {
        const { developmentSummaryPdf } = await import("./pdf.js");
        downloadFile((await developmentSummaryPdf(summary)) as BlobPart, "application/pdf", `reperage-developpement-${today}.pdf`);
      } catch {
        setError("Le PDF n'a pas pu être créé. Vous pouvez utiliser « Imprimer » et choisir « Enregistrer en PDF ».");
      }
    }
    return (
      <Page title="Résultat du repérage" heading={`Résultat : ${name}`}>
        <ResultView summary={summary} nextStart={next ? formatFrenchDate(next.start) : null} />
        <div className="fr-mt-4w mj-no-print">
          <h2 className="fr-h5">Garder ou montrer ce résultat</h2>
          {error && <Alert severity="error" small description={error} className="fr-mb-2w" />}
          {phase.saved ? (
            <p role="status">
              Résultat enregistré sur cet appareil. <Link to="/developpement/historique">Voir mes repérages</Link>
            </p>
          ) : (
            <p>Rien n'est enregistré sans votre accord, et rien n'est envoyé.</p>
          )}
          <div className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
            {!phase.saved && (
              <Button iconId="fr-icon-save-line" onClick={() => void save()}>
                Enregistrer sur cet appareil
              </Button>
            )}
            <Button priority="secondary" iconId="fr-icon-printer-line" onClick={() => window.print()}>
              Imprimer le résumé
            </Button>
            <Button priority="secondary" iconId="fr-icon-download-line" onClick={() => void downloadPdf()}>
              Télécharger en PDF
            </Button>
          </div>
        </div>
        <SummaryForDoctor summary={summary} />
      </Page>
    );
  }

  return (
    <Page title="Faire le point sur le développement" heading={`Faire le point : ${name}`}>
      <AgesBox child={child} today={today} name={name} />
      <p className="fr-text--lead">
        {questions.length} questions, une par écran : les {content.items.length} repères de la grille officielle pour les enfants{" "}
        {content.label.replace(/^De/, "de")}
        {correctedAge ? " (en âge corrigé)" : ""}, puis deux questions valables à tout âge.
      </p>
      <ul>
        <li>Répondez « oui » si votre enfant le fait, « non » s'il ne le fait pas, « je ne sais pas » si vous n'avez pas pu l'observer.</li>
        <li>Ce sont des choses que font presque tous les enfants de cet âge : un « non » n'est pas un diagnostic, c'est un point à montrer au médecin.</li>
        <li>Vos réponses restent sur cet appareil : rien n'est envoyé.</li>
      </ul>
      <Button size="large" iconId="fr-icon-arrow-right-line" iconPosition="right" onClick={() => setPhase({ step: "questions" })}>
        Commencer
      </Button>
    </Page>
  );
}

function ResultView({ summary, nextStart }: { summary: CheckSummary; nextStart: string | null }) {
  const { assessment } = summary;
  return (
    <div className="mj-dev-screen-only">
      {assessment.level === "rien-a-signaler" && assessment.unsettled ? (
        <Alert
          as="h2"
          severity="info"
          title="Certains repères restent à observer"
          description={
            <>
              Vous avez répondu « je ne sais pas » à {assessment.unknownItems.length} repère{assessment.unknownItems.length > 1 ? "s" : ""} : selon ce que
              fait votre enfant, ils pourraient atteindre le seuil de la grille officielle. Observez-le ces prochains jours et refaites le point, ou montrez le
              résumé ci-dessous à votre médecin. Si quelque chose vous inquiète, parlez-lui-en : votre avis compte toujours.
            </>
          }
        />
      ) : assessment.level === "rien-a-signaler" ? (
        <Alert
          as="h2"
          severity="success"
          title="Rien de particulier à signaler pour l'instant"
          description={
            <>
              Vos réponses n'atteignent pas le seuil de la grille officielle.
              {nextStart ? ` Vous pourrez refaire le point à partir du ${nextStart}, avec les repères de l'âge suivant.` : ""} Si quelque chose vous inquiète
              d'ici là, parlez-en à votre médecin : votre avis compte toujours.
            </>
          }
        />
      ) : (
        <Alert
          as="h2"
          severity={assessment.level === "en-parler-vite" ? "error" : "warning"}
          title={assessment.level === "en-parler-vite" ? "Parlez-en à un médecin sans attendre" : "Parlez-en à votre médecin"}
          description={
            <>
              {assessment.regression && "Votre enfant a perdu quelque chose qu'il savait faire : cela doit être examiné rapidement. "}
              {assessment.thresholdMet &&
                `${assessment.nonItems.length} réponses « non » dans ${assessment.domainsWithNon.length} domaines : c'est le cas où la grille officielle demande l'avis d'un médecin. `}
              {assessment.worry && "Vous êtes inquiet ou inquiète : toute inquiétude des parents doit être prise en compte. "}
              Ce n'est pas un diagnostic.
            </>
          }
        />
      )}
      {assessment.level !== "rien-a-signaler" && (
        <section aria-labelledby="la-suite" className="fr-mt-3w">
          <h2 id="la-suite" className="fr-h4">
            Et ensuite ?
          </h2>
          <ol>
            <li>
              Prenez rendez-vous {assessment.level === "en-parler-vite" ? "dans les tout prochains jours " : ""}avec votre médecin traitant, le pédiatre ou la
              PMI, et montrez-lui le résumé ci-dessous (à imprimer ou en PDF).
            </li>
            <li>
              Le médecin examine votre enfant. S'il le juge utile, il l'oriente vers la <strong>plateforme de coordination et d'orientation (PCO TND)</strong> de
              votre département, sans attendre un diagnostic.
            </li>
            <li>
              La PCO organise les bilans et les premières interventions (psychomotricien, ergothérapeute, psychologue) : elles sont prises en charge par l'Assurance
              Maladie, sans reste à charge ni avance de frais pour la famille.
            </li>
          </ol>
          <p>
            <a href={DEVELOPMENT_SOURCES.listePco.url}>Adresses et téléphones des PCO par département (ameli.fr)</a> ·{" "}
            <Link to="/autour-de-moi?types=pco-tnd">Trouver la PCO près de chez moi</Link>
          </p>
        </section>
      )}
      <p className="fr-mt-3w">
        Une question sur l'autisme ou le développement ? <strong>{AUTISME_INFO_SERVICE.name}</strong> :{" "}
        <a href={`tel:${AUTISME_INFO_SERVICE.tel}`}>{AUTISME_INFO_SERVICE.phone}</a> (appel gratuit et anonyme,{" "}
        <a href={AUTISME_INFO_SERVICE.contactUrl}>horaires sur son site</a>).
      </p>
    </div>
  );
}

/** The summary for the doctor: on screen under the result, alone on paper (print stylesheet). */
function SummaryForDoctor({ summary }: { summary: CheckSummary }) {
  const list = (items: CheckSummary["nonItems"]) => (
    <ul>
      {items.map((i) => (
        <li key={i.text}>
          {i.text} <span className="fr-text--sm">({i.domain})</span>
        </li>
      ))}
    </ul>
  );
  return (
    <section aria-labelledby="resume-medecin" className="fr-mt-4w mj-dev-report">
      <h2 id="resume-medecin" className="fr-h4">
        Résumé pour le médecin
      </h2>
      <p>
        <strong>{summary.childName}</strong> · repérage fait par un parent le {formatFrenchDate(summary.date)} · âge réel : {summary.realAge}
        {summary.correctedAge && <> · âge corrigé : {summary.correctedAge}</>} · grille « {summary.bandLabel} »
      </p>
      <h3 className="fr-h6">Répondu « non » ({summary.nonItems.length})</h3>
      {summary.nonItems.length ? list(summary.nonItems) : <p>Aucun.</p>}
      {summary.unknownItems.length > 0 && (
        <>
          <h3 className="fr-h6">Répondu « je ne sais pas » ({summary.unknownItems.length})</h3>
          {list(summary.unknownItems)}
        </>
      )}
      <p>
        Perte d'une acquisition : {ANSWER_WORDS[summary.regression]} · Inquiétude des parents : {ANSWER_WORDS[summary.worry]}
      </p>
      <p className="fr-text--xs">
        {GRID_CITATION} Réponses d'un parent, pas un examen ni un diagnostic. Document fait sur l'appareil du parent par Mille Jours ; rien n'a été envoyé.
      </p>
    </section>
  );
}
