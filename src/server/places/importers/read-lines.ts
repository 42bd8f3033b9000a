import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { PassThrough, Transform, pipeline } from "node:stream";
import { createGunzip } from "node:zlib";
import type { ReportBuilder } from "./report.js";

export type Encoding = "utf-8" | "windows-1252";

export type Line =
  | { number: number; text: string; error?: undefined }
  | { number: number; text?: undefined; error: string; /** The file is not read further: it is refused whatever --max-rejected says. */ fatal?: true };

export interface LineSource {
  lines: AsyncGenerator<Line>;
  /** Known once `lines` is exhausted. */
  readonly result: { sha256: string; encoding: Encoding; lastLineUnterminated: boolean; utf16?: boolean };
}

/**
 * Bounds on what an import reads, so that a huge or garbage file is refused with a message instead of filling the
 * memory: a line of FINESS or RPPS is under 2 KB, so a « line » of 1 MiB is not a data file; the national RPPS
 * extract has about 2.2 million lines, FINESS under 100 000.
 */
export const MAX_LINE_BYTES = 1024 * 1024;
export const MAX_LINES = 5_000_000;
const frenchCount = (n: number) => n.toLocaleString("fr-FR").replace(/\u202f/g, " ");
export const lineTooLongMessage = (line: number) =>
  `ligne ${line} de plus de ${MAX_LINE_BYTES / 1024 / 1024} Mo : ce n'est pas un fichier de données à une ligne par enregistrement (fichier binaire, ou sans retour à la ligne ?) ; lecture arrêtée`;
export const tooManyLinesMessage = (max: number) =>
  `fichier de plus de ${frenchCount(max)} lignes, au-delà de ce qu'un import accepte : découpez-le ou vérifiez qu'il s'agit du bon fichier ; lecture arrêtée`;

export const UTF16_MESSAGE =
  "fichier encodé en UTF-16 : enregistrez-le en UTF-8 (ou Windows-1252), par exemple « CSV UTF-8 » dans un tableur, puis recommencez";

/** A UTF-16 byte order mark, or ASCII text with a zero byte every other byte (UTF-16 without a mark). */
function isUtf16(start: Buffer): boolean {
  if ((start[0] === 0xff && start[1] === 0xfe) || (start[0] === 0xfe && start[1] === 0xff)) return true;
  const sample = start.subarray(0, 200);
  if (sample.length < 8) return false;
  let zerosAtOdd = 0;
  let zerosAtEven = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2) zerosAtOdd++;
    else zerosAtEven++;
  }
  const half = Math.floor(sample.length / 2);
  return zerosAtOdd > half * 0.8 || zerosAtEven > half * 0.8;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });
const cp1252 = new TextDecoder("windows-1252");

function isAscii(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return false;
  return true;
}

/**
 * Streams a text file line by line (LF or CRLF), gunzipping it when it starts with the gzip magic bytes,
 * and hashing the bytes as stored (the hash names the file in the import log).
 *
 * Encoding: UTF-8 or Windows-1252 (which FINESS historically calls "Latin-1"), decided by the data.
 * Every line is decoded as strict UTF-8; the first non-ASCII line that is not valid UTF-8 switches the
 * file to Windows-1252, unless valid multi-byte UTF-8 was already seen: then the file mixes encodings
 * and the line comes out as an error. Likewise, once in Windows-1252, a line that is valid multi-byte
 * UTF-8 is an error (the file was concatenated from two sources).
 */
export function readLines(
  path: string,
  { maxLines = MAX_LINES, maxLineBytes = MAX_LINE_BYTES }: { maxLines?: number; maxLineBytes?: number } = {},
): LineSource {
  const result: LineSource["result"] = { sha256: "", encoding: "utf-8", lastLineUnterminated: false };
  async function* generate(): AsyncGenerator<Line> {
    const hash = createHash("sha256");
    const tap = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        done(null, chunk);
      },
    });
    // Opened before the stream: a missing file is one error here, not an unhandled stream error.
    const gzip = await isGzip(path);
    const stream = pipeline(createReadStream(path), tap, gzip ? createGunzip() : new PassThrough(), () => {});

    let encoding: Encoding | null = null;
    let sawMultibyteUtf8 = false;
    let number = 0;
    let pending: Buffer = Buffer.alloc(0);

    const decode = (bytes: Buffer): Line => {
      number++;
      let end = bytes.length;
      if (end > 0 && bytes[end - 1] === 0x0d) end--;
      let body = bytes.subarray(0, end);
      if (number === 1 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) body = body.subarray(3);
      // PostgreSQL cannot store U+0000; a zero byte means a binary file or UTF-16 (spreadsheet « Unicode text » export).
      if (body.includes(0x00))
        return { number, error: "octet nul dans la ligne : fichier binaire, ou encodé en UTF-16 ? Enregistrez-le en UTF-8 (ou Windows-1252)" };
      if (isAscii(body)) return { number, text: body.toString("latin1") };
      let asUtf8: string | null = null;
      try {
        asUtf8 = utf8.decode(body);
      } catch {
        asUtf8 = null;
      }
      if (encoding === "windows-1252") {
        if (asUtf8 !== null) return { number, error: "encodage mélangé : ligne en UTF-8 dans un fichier en Windows-1252/Latin-1" };
        return { number, text: cp1252.decode(body) };
      }
      if (asUtf8 !== null) {
        sawMultibyteUtf8 = true;
        encoding = "utf-8";
        return { number, text: asUtf8 };
      }
      if (sawMultibyteUtf8) return { number, error: "encodage invalide : octets qui ne sont pas de l'UTF-8 dans un fichier en UTF-8" };
      encoding = "windows-1252";
      result.encoding = "windows-1252";
      return { number, text: cp1252.decode(body) };
    };

    let first = true;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        if (first && isUtf16(chunk)) {
          // One clear refusal instead of one error per line; the rest of the file is not read.
          stream.destroy();
          result.sha256 = createHash("sha256").update(chunk).digest("hex");
          result.utf16 = true;
          yield { number: 1, error: UTF16_MESSAGE };
          return;
        }
        first = false;
        let buffer = pending.length ? Buffer.concat([pending, chunk]) : chunk;
        let start = 0;
        let newline = buffer.indexOf(0x0a, start);
        while (newline !== -1) {
          if (number >= maxLines) {
            stream.destroy();
            result.sha256 = hash.digest("hex");
            yield { number: number + 1, error: tooManyLinesMessage(maxLines), fatal: true };
            return;
          }
          if (newline - start > maxLineBytes) break;
          yield decode(buffer.subarray(start, newline));
          start = newline + 1;
          newline = buffer.indexOf(0x0a, start);
        }
        buffer = buffer.subarray(start);
        if (buffer.length > maxLineBytes) {
          // No end of line within the bound: not a line-oriented file; stop before it fills the memory.
          stream.destroy();
          result.sha256 = hash.digest("hex");
          yield { number: number + 1, error: lineTooLongMessage(number + 1), fatal: true };
          return;
        }
        pending = Buffer.from(buffer);
      }
    } catch (error) {
      // A truncated gzip file, a disk error: the file cannot be read to its end.
      result.sha256 = hash.digest("hex");
      yield { number: number + 1, error: `fichier illisible après la ligne ${number} (${(error as Error).message}) : fichier tronqué ?` };
      return;
    }
    if (pending.length > 0) {
      result.lastLineUnterminated = true;
      yield decode(pending);
    }
    result.sha256 = hash.digest("hex");
    result.encoding = encoding ?? "utf-8";
  }
  return { lines: generate(), result };
}

/** The SHA-256 of a file's bytes as stored, as `readLines` gives it for a file it reads to the end. */
export async function fileSha256(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

export async function isGzip(path: string): Promise<boolean> {
  const handle = await open(path, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/**
 * Splits one delimited line, RFC 4180 style: fields may be quoted, with `""` for a quote inside.
 * Returns an error message instead when a quote is left open (a truncated line, or a field spanning
 * several lines, which FINESS and RPPS files never have).
 */
export function splitLine(line: string, separator: string): string[] | { error: string } {
  if (!line.includes('"')) return line.split(separator);
  const fields: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  let atFieldStart = true;
  while (i < line.length) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"') {
        if (line[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
      i++;
      continue;
    }
    if (c === separator) {
      fields.push(field);
      field = "";
      atFieldStart = true;
      i++;
      continue;
    }
    field += c;
    atFieldStart = false;
    i++;
  }
  if (quoted) return { error: "guillemet non fermé : ligne tronquée ?" };
  fields.push(field);
  return fields;
}

/**
 * The data records of a delimited file with a header line: counts every line, rejects unreadable or
 * malformed ones, skips blank ones, checks the field count, and yields the fields of the rest.
 * `readHeader` sees the first line: it returns the separator and the number of columns, or a French
 * reason to refuse the file (line 1 is then rejected and nothing else is read).
 */
export async function* delimitedRecords(
  source: LineSource,
  builder: ReportBuilder,
  readHeader: (text: string) => { separator: string; width: number } | { error: string },
  fieldCountHint = "",
): AsyncGenerator<{ number: number; fields: string[] }> {
  let layout: { separator: string; width: number } | null = null;
  for await (const line of source.lines) {
    builder.report.linesRead++;
    if (line.error !== undefined) {
      if (line.fatal) builder.stop(line.number, line.error);
      else builder.reject(line.number, line.error);
      continue;
    }
    if (line.number === 1) {
      const header = readHeader(line.text);
      if ("error" in header) {
        builder.reject(1, header.error);
        return;
      }
      layout = header;
      continue;
    }
    if (!layout) return;
    if (line.text.trim() === "") {
      builder.skip("ligne vide");
      continue;
    }
    const fields = splitLine(line.text, layout.separator);
    if (!Array.isArray(fields)) {
      builder.reject(line.number, fields.error);
      continue;
    }
    if (fields.length !== layout.width) {
      builder.reject(line.number, `${fields.length} champs au lieu de ${layout.width}${fieldCountHint}`);
      continue;
    }
    yield { number: line.number, fields };
  }
}
