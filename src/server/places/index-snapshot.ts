import { randomBytes } from "node:crypto";
import { mkdir, open, readdir, readFile, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { crc32 } from "node:zlib";
import type { Queryable } from "../db/database.js";
import { isAlive } from "../db/data-dir-lock.js";
import { CompactPlaces, type CompactParts } from "./place-index.js";

/**
 * The places' search index saved to one file of the data folder (`DATA_DIR/places-index.bin`), so that a start reads
 * one file instead of a million rows (issue 12): the typed arrays, detail chunks and kd-tree that `PlaceIndex` holds,
 * byte for byte. Never trusted blindly: the file names the state of the database it was made from (`snapshotKey`:
 * the last applied import and the number of places) and carries a CRC-32 of its bytes; a missing, stale, truncated or
 * damaged file is ignored and the index is read from the database again (then the file is rewritten). Written to a
 * temporary file, synced, then renamed over the old one: a crash while writing leaves the old file or the new one,
 * never half of one.
 *
 * Layout: MAGIC (8 bytes), header length (uint32 LE), header (JSON: format, key, sizes, CRC), zero padding to 8 bytes,
 * then the sections of the header's `sections` in order, each padded to 8 bytes.
 */

const MAGIC = Buffer.from("MJPLACE1", "latin1");
const FORMAT = 1;

/**
 * Identifies the place data in the database: the last applied import of places (id and end time; the communes are
 * not in the snapshot) and the number of places.
 */
export async function snapshotKey(db: Queryable): Promise<string> {
  const [row] = await db.query<{ run: string | null; places: number }>(
    `SELECT (SELECT id::text || '@' || finished_at::text FROM import_run WHERE status = 'applied' AND dataset <> 'communes' ORDER BY id DESC LIMIT 1) AS run,
            (SELECT count(*)::int FROM place) AS places`,
  );
  return `${row?.run ?? "none"}/${row?.places ?? 0}`;
}

type ArrayName = keyof CompactParts["arrays"];
const arrayTypes = {
  lat: Float64Array,
  lon: Float64Array,
  typeOf: Uint8Array,
  chunkOf: Uint16Array,
  startOf: Uint32Array,
  lengthOf: Uint32Array,
  idKeys: Float64Array,
} as const satisfies Record<ArrayName, unknown>;
const arrayNames = Object.keys(arrayTypes) as ArrayName[];

interface Header {
  format: number;
  key: string;
  size: number;
  countByType: Record<string, number>;
  unknownTypes: [number, string][];
  /** Byte length of each section: the arrays in `arrayNames` order, the kd-tree, then the detail chunks. */
  sections: number[];
  crc32: number;
}

export interface Snapshot {
  places: CompactPlaces;
  tree: ArrayBuffer;
}

export type SnapshotRead = { snapshot: Snapshot } | { snapshot: null; why: "absent" | "périmé" | "illisible"; detail?: string };

const pad8 = (n: number) => (8 - (n % 8)) % 8;

/**
 * Writes the snapshot of `parts` and `tree` for `key` (temporary file, fsync, rename). Asynchronous file writes: a
 * server refreshing its index after an import keeps answering while the file goes to disk.
 */
export async function writeSnapshot(file: string, key: string, parts: CompactParts, tree: ArrayBuffer): Promise<void> {
  const sections: Uint8Array[] = [
    ...arrayNames.map((name) => new Uint8Array(parts.arrays[name].buffer, parts.arrays[name].byteOffset, parts.arrays[name].byteLength)),
    new Uint8Array(tree),
    ...parts.chunks,
  ];
  let crc = 0;
  for (const s of sections) crc = crc32(s, crc);
  const header: Header = {
    format: FORMAT,
    key,
    size: parts.size,
    countByType: parts.countByType,
    unknownTypes: parts.unknownTypes,
    sections: sections.map((s) => s.byteLength),
    crc32: crc,
  };
  const json = Buffer.from(JSON.stringify(header), "utf8");
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  const zeros = Buffer.alloc(8);
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  await mkdir(dirname(file), { recursive: true });
  await removeLeftovers(file);
  const handle = await open(temporary, "w", 0o600);
  try {
    const write = async (bytes: Uint8Array) => {
      for (let at = 0; at < bytes.byteLength;) at += (await handle.write(bytes, at, bytes.byteLength - at)).bytesWritten;
    };
    await write(MAGIC);
    await write(length);
    await write(json);
    await write(zeros.subarray(0, pad8(MAGIC.length + 4 + json.length)));
    for (const s of sections) {
      await write(s);
      await write(zeros.subarray(0, pad8(s.byteLength)));
    }
    await handle.sync();
    await handle.close();
    await rename(temporary, file);
  } catch (error) {
    await handle.close().catch(() => undefined); // already closed, or closing failed: the file goes anyway
    await rm(temporary, { force: true });
    throw error;
  }
  // The rename itself is made durable with the folder.
  try {
    const dir = await open(dirname(file), "r");
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  } catch {
    // some file systems refuse to sync a folder; the rename is still atomic
  }
}

/** Temporary files of writers killed mid-write (`.places-index.bin.<pid>.<random>.tmp` of a process gone). */
async function removeLeftovers(file: string): Promise<void> {
  const prefix = `.${basename(file)}.`;
  for (const name of await readdir(dirname(file))) {
    const pid = name.startsWith(prefix) && name.endsWith(".tmp") ? Number(name.slice(prefix.length).split(".")[0]) : NaN;
    if (!Number.isInteger(pid) || pid === process.pid || isAlive(pid)) continue;
    await rm(join(dirname(file), name), { force: true });
  }
}

/** Reads the snapshot when it is the one of `key` and intact; otherwise says why not (the caller reads the database). */
export async function readSnapshot(file: string, key: string): Promise<SnapshotRead> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { snapshot: null, why: "absent" };
    return { snapshot: null, why: "illisible", detail: (error as Error).message };
  }
  if (bytes.byteOffset % 8 !== 0) {
    // A small file may come in a shared pool at any offset: typed views need their element alignment.
    const aligned = Buffer.allocUnsafeSlow(bytes.length);
    bytes.copy(aligned);
    bytes = aligned;
  }
  const broken = (detail: string): SnapshotRead => ({ snapshot: null, why: "illisible", detail });
  if (bytes.length < MAGIC.length + 4 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return broken("pas un instantané de l'index des lieux");
  const headerLength = bytes.readUInt32LE(MAGIC.length);
  if (MAGIC.length + 4 + headerLength > bytes.length) return broken("en-tête tronqué");
  let header: Header;
  try {
    header = JSON.parse(bytes.toString("utf8", MAGIC.length + 4, MAGIC.length + 4 + headerLength)) as Header;
  } catch {
    return broken("en-tête illisible");
  }
  if (header.format !== FORMAT) return broken(`format ${String(header.format)} au lieu de ${FORMAT}`);
  if (header.key !== key) return { snapshot: null, why: "périmé", detail: `fait pour ${String(header.key)}, la base est à ${key}` };
  const sizes = header.sections;
  if (!Array.isArray(sizes) || sizes.length < arrayNames.length + 1 || !sizes.every((n) => Number.isSafeInteger(n) && n >= 0))
    return broken("sections illisibles");
  let at = MAGIC.length + 4 + headerLength;
  at += pad8(at);
  const sections: Buffer[] = [];
  for (const n of sizes) {
    if (at + n > bytes.length) return broken("fichier tronqué");
    sections.push(bytes.subarray(at, at + n));
    at += n + pad8(n);
  }
  if (at !== bytes.length) return broken("longueur inattendue");
  let crc = 0;
  for (const s of sections) crc = crc32(s, crc);
  if (crc !== header.crc32) return broken("somme de contrôle fausse");

  const size = header.size;
  if (!Number.isSafeInteger(size) || size < 0) return broken("nombre de lieux illisible");
  const arrays = {} as Record<ArrayName, CompactParts["arrays"][ArrayName]>;
  for (const [k, name] of arrayNames.entries()) {
    const s = sections[k]!;
    const Type = arrayTypes[name];
    const expected = size * Type.BYTES_PER_ELEMENT;
    if (s.byteLength !== expected) return broken(`tableau ${name} de ${s.byteLength} octets au lieu de ${expected}`);
    arrays[name] = new Type(s.buffer as ArrayBuffer, s.byteOffset, size); // sections start on a multiple of 8: aligned views, no copy
  }
  const treeSection = sections[arrayNames.length]!;
  const tree = treeSection.buffer.slice(treeSection.byteOffset, treeSection.byteOffset + treeSection.byteLength) as ArrayBuffer; // KDBush.from wants its own buffer
  const chunks = sections.slice(arrayNames.length + 1);
  const parts: CompactParts = {
    size,
    countByType: header.countByType,
    unknownTypes: header.unknownTypes,
    arrays: arrays as CompactParts["arrays"],
    chunks,
  };
  return { snapshot: { places: CompactPlaces.fromParts(parts), tree } };
}
