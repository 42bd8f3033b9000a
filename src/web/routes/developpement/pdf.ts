/* eslint-disable lingui/no-unlocalized-strings -- The PDF for the doctor is in French in every language (see DoctorSummary.tsx); its standard PDF font has Latin letters only. */
import { formatFrenchDate } from "../../../domain/dates.js";
import { a4TextDocument } from "../../components/a4-pdf.js";
import { ANSWER_WORDS, GRID_CITATION, type CheckSummary } from "./summary.js";

/** A one-page A4 summary made in the browser (same layout helpers as the EPDS PDF): ages, the « non » items, date. */
export async function developmentSummaryPdf(summary: CheckSummary): Promise<Uint8Array> {
  const { font, bold, write, skip, save } = await a4TextDocument("Repérage du développement – résumé pour le médecin", "fr");
  write("Repérage du développement – résumé pour le médecin", 14, bold);
  write(`${summary.childName} – rempli par un parent le ${formatFrenchDate(summary.date)}`, 11);
  write(`Âge réel : ${summary.realAge}${summary.correctedAge ? ` – âge corrigé : ${summary.correctedAge}` : ""} – grille « ${summary.bandLabel} »`, 11);
  skip(6);
  write(`Répondu « non » (${summary.nonItems.length})`, 11, bold);
  for (const item of summary.nonItems) write(`- ${item.text} (${item.domain})`, 10, font, 12);
  if (summary.nonItems.length === 0) write("Aucun.", 10, font, 12);
  if (summary.unknownItems.length) {
    skip(4);
    write(`Répondu « je ne sais pas » (${summary.unknownItems.length})`, 11, bold);
    for (const item of summary.unknownItems) write(`- ${item.text} (${item.domain})`, 10, font, 12);
  }
  skip(4);
  write(`Perte d'une acquisition : ${ANSWER_WORDS[summary.regression]} – Inquiétude des parents : ${ANSWER_WORDS[summary.worry]}`, 10);
  skip(6);
  write(GRID_CITATION, 8);
  write("Réponses d'un parent, pas un examen ni un diagnostic. Document créé sur l'appareil du parent par Mille Jours ; rien n'a été envoyé.", 8);
  return save();
}
