/**
 * Rows in the text format of PostgreSQL's `COPY … FROM` (one line a row, tab between columns, `\N` for NULL;
 * PostgreSQL documentation, « COPY », section « Text Format »). Bulk loads send this instead of one
 * parameterised statement per chunk: no JSON to build here nor to decode in the database.
 */

/** A value of a column: text, a number (double precision, integer), a boolean, a text array, or NULL. */
export type CopyValue = string | number | boolean | null | readonly string[];

/** Backslash, tab, line feed and carriage return, escaped as COPY's text format reads them back. */
function escapeText(value: string): string {
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r")) : value;
}

/** A text[] literal (`{"a","b \"c\""}`), every element quoted. */
function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(",")}}`;
}

export function copyField(value: CopyValue): string {
  if (value === null) return "\\N";
  if (typeof value === "string") return escapeText(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`valeur numérique invalide pour COPY : ${value}`);
    return String(value); // the shortest text that reads back as the same double
  }
  if (typeof value === "boolean") return value ? "t" : "f";
  return escapeText(arrayLiteral(value));
}

/** One line (with its line feed) for the values of a row, in column order. */
export function copyLine(values: readonly CopyValue[]): string {
  let line = "";
  for (let i = 0; i < values.length; i++) line += (i === 0 ? "" : "\t") + copyField(values[i]!);
  return line + "\n";
}
