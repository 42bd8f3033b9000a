import { PDFDocument, StandardFonts, rgb } from "pdf-lib";
import type { EpdsQuestionnaire } from "../../../domain/epds/schema.js";
import { bandFor } from "../../../domain/epds/score.js";
import { formatFrenchDate } from "../../../domain/dates.js";

/** A one-page A4 summary made in the browser: answers, score, date and the scale's citation. */
export async function epdsSummaryPdf(questionnaire: EpdsQuestionnaire, answers: number[], total: number, date: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle("Questionnaire EPDS – résumé");
  pdf.setLanguage(questionnaire.locale);
  const page = pdf.addPage([595.28, 841.89]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let y = 800;
  const write = (text: string, size = 10, f = font, indent = 0) => {
    for (const line of wrap(text, f, size, 515 - indent)) {
      page.drawText(line, { x: 40 + indent, y, size, font: f, color: rgb(0.1, 0.1, 0.1) });
      y -= size * 1.35;
    }
  };
  write(questionnaire.title, 14, bold);
  write(`Passé le ${formatFrenchDate(date)} – à montrer à votre sage-femme ou à votre médecin`, 10);
  y -= 6;
  questionnaire.items.forEach((item, index) => {
    const option = item.options[answers[index]!]!;
    write(`${item.number}. ${item.text}`, 9.5, bold);
    write(`- ${option.text} (${option.points} point${option.points > 1 ? "s" : ""})`, 9.5, font, 12);
    y -= 2;
  });
  y -= 6;
  write(`Score total : ${total} / 30 – ${bandFor(total).label}`, 11, bold);
  const item10 = questionnaire.items[9]!.options[answers[9]!]!.points;
  if (item10 > 0) write(`Question 10 : ${item10} point(s). Idées de se faire du mal : en parler sans attendre (3114, 24 h/24).`, 10, bold);
  y -= 6;
  const c = questionnaire.citation;
  write(`${c.authors.join(", ")} (${c.year}). ${c.title}. ${c.journal}, ${c.volume}, ${c.pages}.`, 8);
  write("Ce questionnaire ne pose pas de diagnostic. Document créé sur votre appareil par Mille Jours ; rien n'a été envoyé.", 8);
  return pdf.save();
}

/** Word wrap for a standard PDF font (also used by the development summary); characters it cannot encode are replaced rather than failing. */
export function wrap(text: string, font: { widthOfTextAtSize(t: string, s: number): number; encodeText(t: string): unknown }, size: number, width: number): string[] {
  const safe = [...text.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\u202f|\u00a0/g, " ")]
    .map((char) => {
      try {
        font.encodeText(char);
        return char;
      } catch {
        return "?"; // outside the standard fonts' WinAnsi set
      }
    })
    .join("");
  const lines: string[] = [];
  let line = "";
  for (const word of safe.split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}
