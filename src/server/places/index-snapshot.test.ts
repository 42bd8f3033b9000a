import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { placeTypeIds } from "../../domain/geo/index.js";
import type { Database } from "../db/database.js";
import { migrate } from "../db/migrate.js";
import { testDatabases } from "../db/test-databases.js";
import { readSnapshot, snapshotKey, writeSnapshot } from "./index-snapshot.js";
import { loadPlaceIndex, refreshPlaceSnapshot, type PlaceIndex } from "./place-index.js";
import { replacePlaces, type PlaceRow } from "./store.js";

const N = 3000;
let seed = 7;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const row = (source: string, i: number): PlaceRow => ({
  id: `${source}:${i}`,
  source,
  source_id: String(i),
  type: placeTypeIds[i % placeTypeIds.length]!,
  category: i % 2 ? "355" : null,
  category_label: i % 2 ? "Centre Hospitalier (C.H.)" : null,
  name: `Lieu\t« ${source} » n° ${i}`,
  address: i % 3 ? `${i} rue de l'Église` : null,
  postcode: "69003",
  commune_code: null,
  commune_name: null,
  phone: null,
  url: null,
  lat: 41.5 + random() * 9.5,
  lon: -4.8 + random() * 13,
  approximate: i % 7 === 0,
  updated: i % 6 ? "2025-06-30" : null,
});
const queries = Array.from({ length: 30 }, (_, q) => ({
  lat: 42 + (q % 6),
  lon: -3 + (q % 10),
  radiusKm: [10, 50, 150][q % 3]!,
  limit: [1, 20, 100][q % 3]!,
  types: q % 4 ? [] : [placeTypeIds[q % placeTypeIds.length]!],
}));

/** Every answer of the index that a parent can see, to compare two indexes. */
const answers = (index: PlaceIndex) => ({
  size: index.size,
  countByType: index.countByType,
  nearby: queries.map((q) => index.nearby(q)),
  byId: ["test:0", "test:1", "test:1234", "test:2999", "other:5", "absent:1"].map((id) => index.get(id) ?? null),
});

/** Applies rows as an import would: replaces the dataset and records an applied run. */
async function applyRows(db: Database, dataset: string, rows: PlaceRow[]): Promise<void> {
  await db.transaction(async (tx) => {
    await replacePlaces(tx, dataset, rows);
    await tx.query(
      `INSERT INTO import_run (dataset, file_name, file_sha256, status, lines_read, imported, rejected, report, started_at)
       VALUES ($1, 'f.csv', $2, 'applied', $3, $3, 0, '{}', now())`,
      [dataset, `${dataset}-${rows.length}`, rows.length],
    );
  });
}

describe.each(testDatabases)("snapshot of the places index (%s)", (_name, open) => {
  let db: Database;
  let dir: string;
  let file: string;
  let reads = 0;
  let logs: string[] = [];
  /** The database, counting the COPY reads of the places (what a start from the database does). */
  let counted: Database;

  beforeAll(async () => {
    db = await open();
    await migrate(db);
    await applyRows(
      db,
      "test",
      Array.from({ length: N }, (_, i) => row("test", i)),
    );
    counted = new Proxy(db, {
      get(target, property, receiver) {
        if (property === "copyOut") return (select: string) => (reads++, target.copyOut(select));
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
  });
  afterAll(async () => {
    await db?.close();
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "mille-jours-snapshot-"));
    file = join(dir, "places-index.bin");
    reads = 0;
    logs = [];
    return () => rmSync(dir, { recursive: true, force: true });
  });
  const load = async () => (await loadPlaceIndex(counted, { snapshotFile: file, log: (m) => logs.push(m) })).current;
  const fromDatabase = async () => (await loadPlaceIndex(db)).current;

  it("is written when the index is read from the database, then read instead of the database, with the same answers", async () => {
    const first = await load();
    expect(reads).toBeGreaterThan(0);
    expect(existsSync(file)).toBe(true);
    reads = 0;
    const second = await load();
    expect(reads).toBe(0); // not one place read from the database
    expect(logs).toEqual([]);
    const expected = answers(await fromDatabase());
    expect(answers(second)).toEqual(expected);
    expect(answers(first)).toEqual(expected);
    expect(expected.nearby.flat().length).toBeGreaterThan(200);
    expect(expected.byId[2]).toMatchObject({ id: "test:1234", name: "Lieu\t« test » n° 1234" });
  });

  it("is not used once an import has changed the places (stale): the database is read and the file rewritten", async () => {
    await load();
    const other = Array.from({ length: 10 }, (_, i) => row("other", i));
    await applyRows(db, "other", other);
    try {
      reads = 0;
      const index = await load();
      expect(reads).toBeGreaterThan(0);
      expect(logs.join()).toMatch(/instantané de l'index des lieux périmé/);
      expect(index.get("other:5")).toMatchObject({ name: other[5]!.name }); // absent from the stale file
      expect(index.size).toBe(N + 10);
      reads = 0;
      expect(answers(await load())).toEqual(answers(await fromDatabase()));
      expect(reads).toBe(0); // the rewritten file is the current one
    } finally {
      await db.transaction((tx) => replacePlaces(tx, "other", []));
      await db.query("DELETE FROM import_run WHERE dataset = 'other'");
    }
  });

  it("is not used when damaged (one byte of a place changed, truncated, not a snapshot): the database is read and the file rewritten", async () => {
    await load();
    const good = readFileSync(file);
    const name = Buffer.from("« test » n° 1234\t", "utf8");
    const at = good.indexOf(name);
    expect(at).toBeGreaterThan(0);
    const flipped = Buffer.from(good);
    flipped[at + name.length - 2] = "9".charCodeAt(0); // « n° 1239 »: a valid-looking place, only the checksum tells
    const damaged: [string, Buffer][] = [
      ["somme de contrôle fausse", flipped],
      ["fichier tronqué", good.subarray(0, good.length - 1000)],
      ["pas un instantané", Buffer.from("du texte, pas un index")],
      ["en-tête", Buffer.concat([good.subarray(0, 12), Buffer.from("{not json"), good.subarray(21)])],
    ];
    const expected = answers(await fromDatabase());
    for (const [why, bytes] of damaged) {
      writeFileSync(file, bytes);
      reads = 0;
      logs = [];
      const index = await load();
      expect(reads, why).toBeGreaterThan(0);
      expect(logs.join(), why).toMatch(new RegExp(`illisible \\(.*${why}`));
      expect(answers(index), why).toEqual(expected);
      expect(index.get("test:1234")!.name).toBe("Lieu\t« test » n° 1234");
      expect(readFileSync(file).equals(good), why).toBe(true); // rewritten
    }
  });

  it("is written by replacing the old file whole; a writer's leftover temporary file is removed; a failed write leaves the index served", async () => {
    writeFileSync(join(dir, ".places-index.bin.999999999.abcd.tmp"), "half a file");
    writeFileSync(file, "an old snapshot");
    linkSync(file, join(dir, "old-link")); // a second name for the old file
    expect(await refreshPlaceSnapshot(counted, file)).toBe(N);
    expect(readFileSync(join(dir, "old-link"), "utf8")).toBe("an old snapshot"); // a new file renamed into place, the old one untouched
    rmSync(join(dir, "old-link"));
    expect(readdirSync(dir).sort()).toEqual(["places-index.bin"]);
    expect((await readSnapshot(file, await snapshotKey(db))).snapshot?.places.size).toBe(N);

    // A folder where the file should be: it can be neither read nor replaced (as a full or read-only disk would).
    rmSync(file);
    mkdirSync(file);
    const index = await load();
    expect(index.size).toBe(N);
    expect(logs.join()).toMatch(/illisible.*non écrit/);
    expect(readdirSync(dir).sort()).toEqual(["places-index.bin"]); // no temporary file left behind
  });

  it("names the data it was made from: another key is refused as stale", async () => {
    const index = await fromDatabase();
    const key = await snapshotKey(db);
    const { places, tree } = index.snapshotParts();
    await writeSnapshot(file, key, places, tree);
    expect((await readSnapshot(file, key)).snapshot?.places.size).toBe(N);
    expect(await readSnapshot(file, `${key}x`)).toMatchObject({ snapshot: null, why: "périmé" });
    expect(await readSnapshot(join(dir, "absent.bin"), key)).toEqual({ snapshot: null, why: "absent" });
  });
});
