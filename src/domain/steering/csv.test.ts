import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { detectSeparator, mapHeader, neutraliseFormula, parseDayText, parseEuros, parseWholeNumber, readCsv, unneutraliseFormula, writeCsv } from "./csv.js";

function read(text: string, separator?: "," | ";") {
  const r = readCsv(text, separator ? { separator } : {});
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r;
}

describe("readCsv (RFC 4180)", () => {
  it("reads quoted separators, doubled quotes and line breaks inside quotes, with the line where each record starts", () => {
    const text = 'a,b,c\r\n1,"x, y","il dit ""oui"""\r\n2,"deux\r\nlignes",z\n3,,\n';
    const r = read(text);
    expect(r.separator).toBe(",");
    expect(r.header).toEqual({ line: 1, cells: ["a", "b", "c"] });
    expect(r.records).toEqual([
      { line: 2, cells: ["1", "x, y", 'il dit "oui"'] },
      { line: 3, cells: ["2", "deux\r\nlignes", "z"] },
      { line: 5, cells: ["3", "", ""] },
    ]);
  });

  it("detects ; from the header, strips a byte order mark, skips blank lines, reads a last line without line break", () => {
    const r = read("\uFEFFannée;nom\r\n\r\n2021;Élise\r\n;\r\n2022;Zoé");
    expect(r.separator).toBe(";");
    expect(r.header.cells).toEqual(["année", "nom"]);
    expect(r.records).toEqual([
      { line: 3, cells: ["2021", "Élise"] },
      { line: 5, cells: ["2022", "Zoé"] },
    ]);
  });

  it("accepts old Mac line breaks (CR)", () => {
    expect(read("a,b\r1,2\r3,4").records.map((r) => r.line)).toEqual([2, 3]);
  });

  it("keeps a quote inside an unquoted cell as a character", () => {
    expect(read('a,b\n5" écran,x\n').records[0]!.cells).toEqual(['5" écran', "x"]);
  });

  it("reports text after a closing quote and an unclosed quote", () => {
    expect(readCsv('a,b\n"x"y,2\n')).toEqual({
      ok: false,
      errors: [
        {
          line: 2,
          message:
            "Texte après un guillemet fermant : une cellule entre guillemets doit être suivie du séparateur « , » ou d'une fin de ligne (un guillemet dans le texte s'écrit \"\").",
        },
      ],
    });
    expect(readCsv('a,b\n1,2\n3,"x\n4,5\n')).toEqual({
      ok: false,
      errors: [{ line: 3, message: "Guillemet ouvrant sans guillemet fermant : le reste du fichier ne peut pas être lu." }],
    });
  });

  it("an empty file", () => {
    expect(readCsv("\uFEFF\r\n")).toEqual({ ok: false, errors: [{ line: 1, message: "Le fichier est vide : la première ligne doit nommer les colonnes." }] });
  });

  it("detectSeparator ignores separators inside quotes", () => {
    expect(detectSeparator('"a;b;c",d\n')).toBe(",");
    expect(detectSeparator('a;"b,c,d"\n')).toBe(";");
  });
});

describe("writeCsv", () => {
  it("quotes what needs quoting and ends every record with CRLF", () => {
    expect(writeCsv([["a", "b;c", 'dit "oui"', "deux\nlignes", " espace", 12, null, undefined]], { separator: ";" })).toBe(
      'a;"b;c";"dit ""oui""";"deux\nlignes";" espace";12;;\r\n',
    );
    expect(writeCsv([["b;c", "x,y"]])).toBe('b;c,"x,y"\r\n');
    expect(writeCsv([["é"]], { bom: true })).toBe("\uFEFFé\r\n");
  });

  it("neutralises cells a spreadsheet would run as a formula, not numbers", () => {
    expect(writeCsv([["=1+1", "+33 1 23", "-x", "@SUM(A1)", "\tcmd", "\rcmd", "a=b", -5]])).toBe(
      `"'=1+1","'+33 1 23","'-x","'@SUM(A1)","'\tcmd","'\rcmd",a=b,-5\r\n`,
    );
    expect(neutraliseFormula('=HYPERLINK("http://x","clic")')).toBe(`'=HYPERLINK("http://x","clic")`);
    expect(unneutraliseFormula("'=1+1")).toBe("=1+1");
    expect(unneutraliseFormula("'bonjour")).toBe("'bonjour");
    // A text that already starts with an apostrophe before a formula character keeps it through a round trip.
    expect(neutraliseFormula("'=1")).toBe("''=1");
    expect(unneutraliseFormula("''=1")).toBe("'=1");
  });

  it("refuses a number that is not finite", () => {
    expect(() => writeCsv([[Number.NaN]])).toThrow(RangeError);
  });

  it("round trip: what is written is read back exactly", () => {
    const unit = fc.oneof(
      fc.constantFrom('"', ",", ";", "\r", "\n", " ", "=", "+", "-", "@", "\t", "'"),
      fc.string({ unit: "grapheme-composite", minLength: 1, maxLength: 1 }),
    );
    const text = fc.string({ unit, maxLength: 12 });
    const row = fc.array(text, { minLength: 1, maxLength: 5 }).filter((cells) => cells.some((c) => c.trim() !== ""));
    fc.assert(
      fc.property(fc.constantFrom<"," | ";">(",", ";"), fc.array(row, { minLength: 1, maxLength: 6 }), fc.boolean(), (separator, rows, bom) => {
        const r = readCsv(writeCsv(rows, { separator, bom }), { separator });
        if (!r.ok) throw new Error(JSON.stringify(r.errors));
        expect([r.header, ...r.records].map((rec) => rec.cells.map(unneutraliseFormula))).toEqual(rows);
      }),
    );
  });
});

describe("header and cell helpers", () => {
  const columns = [
    { name: "annee", required: true },
    { name: "code_region", required: true },
    { name: "nom", required: false },
  ];

  it("matches header names without accents, case or spaces, in any order", () => {
    const r = mapHeader({ line: 1, cells: ["Code région", " ANNÉE ", ""] }, columns);
    expect(r).toEqual({ ok: true, index: { annee: 1, code_region: 0, nom: -1 } });
  });

  it("reports unknown, repeated and missing columns on line 1", () => {
    const r = mapHeader({ line: 1, cells: ["annee", "Annee", "commentaire"] }, columns);
    expect(r).toEqual({
      ok: false,
      errors: [
        { line: 1, column: "annee", message: "La colonne « annee » apparaît deux fois." },
        { line: 1, message: "Colonne inconnue « commentaire ». Colonnes attendues : annee, code_region, nom." },
        { line: 1, column: "code_region", message: "Colonne obligatoire absente : « code_region »." },
      ],
    });
  });

  it("whole numbers and euros as spreadsheets write them", () => {
    expect(parseWholeNumber("84 654")).toBe(84_654);
    expect(parseWholeNumber("84\u202f654")).toBe(84_654);
    expect(parseWholeNumber("-3")).toBeNull();
    expect(parseWholeNumber("3.5")).toBeNull();
    expect(parseWholeNumber("")).toBeNull();
    expect(parseEuros("45 000,00 €")).toBe(45_000);
    expect(parseEuros("45000.0")).toBe(45_000);
    expect(parseEuros("45000,50")).toBeNull();
    expect(parseEuros("1e5")).toBeNull();
  });

  it("dates as AAAA-MM-JJ or JJ/MM/AAAA", () => {
    expect(parseDayText("2023-09-01")).toBe("2023-09-01");
    expect(parseDayText("1/9/2023")).toBe("2023-09-01");
    expect(parseDayText("2023/09/01")).toBeNull();
  });
});
