/**
 * CSV for the steering files (births tables, the yearly project grid, the barometer): a reader and a writer
 * following RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180), with what French spreadsheets add: `;` as a
 * separator, a UTF-8 byte order mark. The writer neutralises cells a spreadsheet would run as a formula
 * (OWASP "CSV injection": cells starting with = + - @, tab or carriage return get a leading apostrophe).
 */

export type CsvSeparator = "," | ";";

/** One problem found in a file, addressed the way a person reads it: line 1 is the header. */
export interface LineError {
  /** Line of the file (1 = the header), or null for a problem with the file as a whole. */
  line: number | null;
  /** The column named in the header, when the problem is in one cell. */
  column?: string;
  message: string;
}

/** File-level problems first, then by line, keeping the order of discovery within a line. */
export function sortLineErrors(errors: readonly LineError[]): LineError[] {
  return errors
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.line ?? 0) - (b.e.line ?? 0) || a.i - b.i)
    .map(({ e }) => e);
}

export interface CsvRecord {
  /** Line of the file where the record starts (1 = first line, the header). */
  line: number;
  cells: string[];
}

export type CsvReadResult = { ok: true; separator: CsvSeparator; header: CsvRecord; records: CsvRecord[] } | { ok: false; errors: LineError[] };

const BOM = "\uFEFF";

/** The separator of a file: the one of `;` and `,` that occurs most on the first line outside quotes (`,` on a tie). */
export function detectSeparator(text: string): CsvSeparator {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of text.startsWith(BOM) ? text.slice(1) : text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && ch === ";") semicolons++;
    else if (!quoted && ch === ",") commas++;
  }
  return semicolons > commas ? ";" : ",";
}

/**
 * Reads a whole CSV text into records. Quoted fields may hold separators, doubled quotes and line breaks;
 * line breaks are CRLF, LF or CR. A quote inside an unquoted field is kept as a character (lenient); a
 * quoted field that is never closed, or text right after a closing quote, is an error. Blank lines are
 * skipped. The first non-blank record is the header.
 */
export function readCsv(text: string, options: { separator?: CsvSeparator } = {}): CsvReadResult {
  const source = text.startsWith(BOM) ? text.slice(1) : text;
  const separator = options.separator ?? detectSeparator(source);
  const records: CsvRecord[] = [];
  const errors: LineError[] = [];

  let line = 1;
  let recordLine = 1;
  let cells: string[] = [];
  let cell = "";
  let i = 0;
  const n = source.length;

  const endRecord = () => {
    cells.push(cell);
    const blank = cells.length === 1 && cells[0] === "";
    if (!blank) records.push({ line: recordLine, cells });
    cells = [];
    cell = "";
  };

  while (i < n) {
    const ch = source[i]!;
    if (ch === '"' && cell === "") {
      // Quoted field.
      const startLine = line;
      i++;
      let closed = false;
      while (i < n) {
        const c = source[i]!;
        if (c === '"') {
          if (source[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          closed = true;
          i++;
          break;
        }
        if (c === "\r" || c === "\n") {
          if (c === "\r" && source[i + 1] === "\n") {
            cell += "\r\n";
            i += 2;
          } else {
            cell += c;
            i++;
          }
          line++;
          continue;
        }
        cell += c;
        i++;
      }
      if (!closed) {
        errors.push({ line: startLine, message: "Guillemet ouvrant sans guillemet fermant : le reste du fichier ne peut pas être lu." });
        return { ok: false, errors };
      }
      const next = source[i];
      if (next !== undefined && next !== separator && next !== "\r" && next !== "\n") {
        errors.push({
          line,
          message: `Texte après un guillemet fermant : une cellule entre guillemets doit être suivie du séparateur « ${separator} » ou d'une fin de ligne (un guillemet dans le texte s'écrit "").`,
        });
        // Skip to the end of the cell to keep reading the rest of the file.
        while (i < n && source[i] !== separator && source[i] !== "\r" && source[i] !== "\n") i++;
      }
      continue;
    }
    if (ch === separator) {
      cells.push(cell);
      cell = "";
      i++;
      continue;
    }
    if (ch === "\r" || ch === "\n") {
      endRecord();
      i += ch === "\r" && source[i + 1] === "\n" ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    cell += ch;
    i++;
  }
  if (cell !== "" || cells.length > 0) endRecord();

  if (errors.length > 0) return { ok: false, errors };
  const [header, ...rest] = records;
  if (!header) return { ok: false, errors: [{ line: 1, message: "Le fichier est vide : la première ligne doit nommer les colonnes." }] };
  return { ok: true, separator, header, records: rest.filter((r) => r.cells.some((c) => c.trim() !== "")) };
}

export type CsvCell = string | number | null | undefined;

export interface CsvWriteOptions {
  separator?: CsvSeparator;
  /** Start with a UTF-8 byte order mark, so that Excel reads accents right. */
  bom?: boolean;
}

/**
 * First characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection": = + - @, tab,
 * carriage return), possibly after apostrophes: such a cell gets one more apostrophe, so the reverse is exact.
 */
const NEUTRALISE = /^'*[=+\-@\t\r]/;

/**
 * Prefixes a text cell that a spreadsheet would run as a formula with an apostrophe (shown as text). A cell
 * that already starts with apostrophes before such a character gets one more, so that
 * {@link unneutraliseFormula} gives back exactly the original text.
 */
export function neutraliseFormula(value: string): string {
  return NEUTRALISE.test(value) ? `'${value}` : value;
}

/** Undoes {@link neutraliseFormula}, for a file exported here and read back: one apostrophe before a formula start is removed. */
export function unneutraliseFormula(value: string): string {
  return value.startsWith("'") && NEUTRALISE.test(value.slice(1)) ? value.slice(1) : value;
}

function formatCell(value: CsvCell, separator: CsvSeparator): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
    return String(value);
  }
  const text = neutraliseFormula(value);
  const mustQuote = text !== value || text.includes(separator) || /["\r\n]/.test(text) || /^\s|\s$/.test(text);
  return mustQuote ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Writes records as CSV (RFC 4180): CRLF after every record, fields quoted when they hold the separator, a
 * quote, a line break or edge spaces, quotes doubled. Numbers are written as they are; text cells starting
 * with = + - @, tab or CR are neutralised with a leading apostrophe (numbers are never neutralised: -5 stays
 * a number).
 */
export function writeCsv(rows: readonly (readonly CsvCell[])[], options: CsvWriteOptions = {}): string {
  const separator = options.separator ?? ",";
  const body = rows.map((row) => row.map((cell) => formatCell(cell, separator)).join(separator) + "\r\n").join("");
  return (options.bom ? BOM : "") + body;
}

/** Header name as compared: trimmed, lower case, without accents, spaces and dashes as `_` ("Année" → "annee"). */
export function normaliseHeaderName(name: string): string {
  return name
    .trim()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

export interface ColumnSpec {
  name: string;
  required: boolean;
}

/**
 * Matches a header against the expected columns (in any order). Missing required columns, unknown and
 * repeated columns are errors on line 1. Returns, for each expected column, its index or -1 when absent.
 */
export function mapHeader(header: CsvRecord, columns: readonly ColumnSpec[]): { ok: true; index: Record<string, number> } | { ok: false; errors: LineError[] } {
  const errors: LineError[] = [];
  const index: Record<string, number> = Object.fromEntries(columns.map((c) => [c.name, -1]));
  const expected = columns.map((c) => c.name);
  header.cells.forEach((raw, i) => {
    const name = normaliseHeaderName(raw);
    if (name === "" && i === header.cells.length - 1) return; // trailing separator
    if (!(name in index)) {
      errors.push({ line: header.line, message: `Colonne inconnue « ${raw.trim()} ». Colonnes attendues : ${expected.join(", ")}.` });
    } else if (index[name] !== -1) {
      errors.push({ line: header.line, column: name, message: `La colonne « ${name} » apparaît deux fois.` });
    } else {
      index[name] = i;
    }
  });
  for (const c of columns) {
    if (c.required && index[c.name] === -1) errors.push({ line: header.line, column: c.name, message: `Colonne obligatoire absente : « ${c.name} ».` });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, index };
}

/** The cell of a record for a column (trimmed), or "" when the column or the cell is absent. */
export function cellOf(record: CsvRecord, index: Record<string, number>, column: string): string {
  const i = index[column] ?? -1;
  return i < 0 ? "" : (record.cells[i] ?? "").trim();
}

/** A whole number written by a person: digits with optional spaces as thousands separators ("84 654"). */
export function parseWholeNumber(raw: string): number | null {
  const compact = raw.replace(/[\s\u00a0\u202f]/g, "");
  if (!/^\d{1,15}$/.test(compact)) return null;
  return Number(compact);
}

/**
 * An amount in whole euros as a spreadsheet writes it: "12000", "12 000", "12 000 €", "12000,00", "12000.00".
 * Cents other than zero are refused (amounts are whole euros). Returns null when unreadable.
 */
export function parseEuros(raw: string): number | null {
  const compact = raw.replace(/[\s\u00a0\u202f]/g, "").replace(/€$/, "");
  const match = /^(\d{1,12})(?:[.,]0{1,2})?$/.exec(compact);
  return match ? Number(match[1]) : null;
}

/** A calendar day as `AAAA-MM-JJ`, or as `JJ/MM/AAAA` (what French spreadsheets show), returned as `AAAA-MM-JJ`. */
export function parseDayText(raw: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  if (iso) return raw;
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw);
  if (fr) return `${fr[3]}-${fr[2]!.padStart(2, "0")}-${fr[1]!.padStart(2, "0")}`;
  return null;
}
