/* eslint-disable lingui/no-unlocalized-strings -- The summary for the doctor is in French in every language, like its
   print and PDF: it lists the official grid's items in their own words (a translation is ours, not the grid), for a
   doctor in France. The page says so in the parent's language above it. */
import type { ReactNode } from "react";
import { formatFrenchDate } from "../../../domain/dates.js";
import { ANSWER_WORDS, GRID_CITATION, type CheckSummary } from "./summary.js";

/** The summary for the doctor: on screen under the result, alone on paper (print stylesheet). */
export function DoctorSummary({ summary, intro }: { summary: CheckSummary; intro?: ReactNode }) {
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
    <section aria-labelledby="resume-medecin" className="fr-mt-4w mj-dev-report" lang="fr" dir="ltr">
      <h2 id="resume-medecin" className="fr-h4">
        Résumé pour le médecin
      </h2>
      {intro}
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
