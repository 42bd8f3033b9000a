import { PDFDocument, StandardFonts, rgb, type PDFFont } from "pdf-lib";

/**
 * A one-page A4 text document made in the browser (the EPDS and development summaries): Helvetica and its bold,
 * lines written from the top with word wrap. Nothing leaves the device.
 */
export async function a4TextDocument(title: string, language: string) {
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  pdf.setLanguage(language);
  const page = pdf.addPage([595.28, 841.89]);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let y = 800;
  return {
    font,
    bold,
    /** Writes a wrapped paragraph at `size` points, `indent` points in from the left margin. */
    write(text: string, size = 10, f: PDFFont = font, indent = 0) {
      for (const line of wrap(text, f, size, 515 - indent)) {
        page.drawText(line, { x: 40 + indent, y, size, font: f, color: rgb(0.1, 0.1, 0.1) });
        y -= size * 1.35;
      }
    },
    /** Leaves `points` of blank space. */
    skip(points: number) {
      y -= points;
    },
    save: () => pdf.save(),
  };
}

/** Word wrap for a standard PDF font; characters it cannot encode are replaced rather than failing. */
export function wrap(
  text: string,
  font: { widthOfTextAtSize(t: string, s: number): number; encodeText(t: string): unknown },
  size: number,
  width: number,
): string[] {
  const safe = [
    ...text
      .replace(/[\u2018\u2019]/g, "'")
      .replace(/[\u201c\u201d]/g, '"')
      .replace(/\u202f|\u00a0/g, " "),
  ]
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
