import { PDFDocument, StandardFonts } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { a4TextDocument, wrap } from "./a4-pdf.js";

describe("a4TextDocument", () => {
  it("makes a one-page A4 PDF with its title and language", async () => {
    const doc = await a4TextDocument("Questionnaire EPDS – résumé", "fr");
    doc.write("Un paragraphe assez long pour être coupé en plusieurs lignes ".repeat(6), 10);
    doc.skip(6);
    doc.write("Gras, en retrait", 11, doc.bold, 12);
    const bytes = await doc.save();
    const read = await PDFDocument.load(bytes);
    expect(read.getPageCount()).toBe(1);
    expect(read.getTitle()).toBe("Questionnaire EPDS – résumé");
    expect(read.getPage(0).getSize()).toEqual({ width: 595.28, height: 841.89 });
  });
});

describe("wrap", () => {
  it("keeps each line within the width and replaces what the standard font cannot encode", async () => {
    const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
    const lines = wrap("Idées noires : appelez le 3114 — جيد ‘vite’ ".repeat(8), font, 10, 200);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(font.widthOfTextAtSize(line, 10)).toBeLessThanOrEqual(200);
    expect(lines.join(" ")).toContain("'vite'");
    expect(lines.join(" ")).toContain("???");
  });
});
