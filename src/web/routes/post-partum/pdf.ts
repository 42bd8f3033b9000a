import type { EpdsQuestionnaire } from "../../../domain/epds/schema.js";
import { bandFor } from "../../../domain/epds/score.js";
import { formatFrenchDate } from "../../../domain/dates.js";
import { a4TextDocument } from "../../components/a4-pdf.js";

/**
 * A one-page A4 summary made in the browser: answers, score, date and the scale's citation. It is in French in every
 * interface language, on purpose: it is made to be shown to the midwife or the doctor in France, and its standard PDF
 * font has Latin letters only (no Arabic nor Cyrillic); the questions and answers are those of the validated version
 * the parent answered (French or English). The result page says so in the parent's language (docs/langues.md).
 */
export async function epdsSummaryPdf(questionnaire: EpdsQuestionnaire, answers: number[], total: number, date: string): Promise<Uint8Array> {
  const { font, bold, write, skip, save } = await a4TextDocument("Questionnaire EPDS – résumé", questionnaire.locale);
  write(questionnaire.title, 14, bold);
  write(`Passé le ${formatFrenchDate(date)} – à montrer à votre sage-femme ou à votre médecin`, 10);
  skip(6);
  questionnaire.items.forEach((item, index) => {
    const option = item.options[answers[index]!]!;
    write(`${item.number}. ${item.text}`, 9.5, bold);
    write(`- ${option.text} (${option.points} point${option.points > 1 ? "s" : ""})`, 9.5, font, 12);
    skip(2);
  });
  skip(6);
  write(`Score total : ${total} / 30 – ${bandFor(total).label}`, 11, bold);
  const item10 = questionnaire.items[9]!.options[answers[9]!]!.points;
  if (item10 > 0) write(`Question 10 : ${item10} point(s). Idées de se faire du mal : en parler sans attendre (3114, 24 h/24).`, 10, bold);
  skip(6);
  const c = questionnaire.citation;
  write(`${c.authors.join(", ")} (${c.year}). ${c.title}. ${c.journal}, ${c.volume}, ${c.pages}.`, 8);
  write("Ce questionnaire ne pose pas de diagnostic. Document créé sur votre appareil par Mille Jours ; rien n'a été envoyé.", 8);
  return save();
}
