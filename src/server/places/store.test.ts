import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Queryable } from "../db/database.js";
import { migrate } from "../db/migrate.js";
import { testDatabases } from "../db/test-databases.js";
import { readAllPlaces, replacePlaces, type PlaceRow } from "./store.js";

const place = (source: string, n: number): PlaceRow => ({
  id: `${source}:${n}`,
  source,
  source_id: String(n),
  type: n % 2 ? "pmi" : "pharmacie",
  category: n % 3 ? "620" : null,
  category_label: n % 3 ? "Pharmacie d'officine" : null,
  name: `Lieu ${n}\tavec « tabulation »`,
  address: n % 4 ? `${n} rue de la Gare` : null,
  postcode: "69003",
  commune_code: "69383",
  commune_name: "Lyon 3e Arrondissement",
  phone: null,
  url: null,
  lat: 45 + n / 10_000,
  lon: 4 + n / 10_000,
  approximate: n % 5 === 0,
  updated: n % 2 ? "2025-06-30" : null,
});
const many = (source: string, count: number) => Array.from({ length: count }, (_, n) => place(source, n));

/** The keys, indexes and checks of `place`, as the catalogue describes them. */
async function tableShape(q: Queryable) {
  const constraints = await q.query<{ name: string; def: string }>(
    "SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'place'::regclass ORDER BY conname",
  );
  const indexes = await q.query<{ name: string; def: string }>(
    "SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE tablename = 'place' ORDER BY indexname",
  );
  const columns = await q.query<{ name: string; type: string; nullable: string; def: string | null }>(
    "SELECT column_name AS name, data_type AS type, is_nullable AS nullable, column_default AS def FROM information_schema.columns WHERE table_name = 'place' ORDER BY ordinal_position",
  );
  return { constraints, indexes, columns };
}

/** The table's identity: a new table after a swap, the same one after an update in place. */
const tableOid = async (q: Queryable) => (await q.query<{ oid: number }>("SELECT 'place'::regclass::oid::int AS oid"))[0]!.oid;

const sorted = (rows: PlaceRow[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));

describe.each(testDatabases)("replacePlaces on %s", (_, open) => {
  let db: Database;
  let shape: Awaited<ReturnType<typeof tableShape>>;
  beforeAll(async () => {
    db = await open();
    await migrate(db);
    shape = await tableShape(db);
  });
  afterAll(async () => {
    await db?.close();
  });

  it("replaces a large dataset by building a new table (keys, indexes, checks and the other datasets kept)", async () => {
    await db.transaction((tx) => replacePlaces(tx, "small", many("small", 30)));
    const oid = await tableOid(db);
    await db.transaction((tx) => replacePlaces(tx, "big", many("big", 400)));
    expect(await tableOid(db)).not.toBe(oid); // 400 rows against 30 others: the load table became `place`
    expect(await tableShape(db)).toEqual(shape);
    expect(sorted(await readAllPlaces(db))).toEqual(sorted([...many("small", 30), ...many("big", 400)]));
    await expect(db.query("INSERT INTO place (id, source, source_id, type, name, lat, lon) VALUES ('big:1', 'x', 'y', 'pmi', 'n', 45, 4)")).rejects.toThrow(
      /place_pkey/,
    );
    await expect(db.query("INSERT INTO place (id, source, source_id, type, name, lat, lon) VALUES ('z', 'big', '1', 'pmi', 'n', 45, 4)")).rejects.toThrow(
      /place_source_source_id_key/,
    );
    await expect(db.query("INSERT INTO place (id, source, source_id, type, name, lat, lon) VALUES ('z', 'z', 'z', 'pmi', 'n', 95, 4)")).rejects.toThrow(
      /place_lat_check/,
    );
    expect((await db.query("SELECT to_regclass('place_load') AS t"))[0]).toEqual({ t: null });
  });

  it("replaces a small dataset next to a large one in place, and again the large one", async () => {
    const oid = await tableOid(db);
    await db.transaction((tx) => replacePlaces(tx, "small", many("small", 20)));
    expect(await tableOid(db)).toBe(oid); // 20 rows against 400: written into `place`
    expect(await tableShape(db)).toEqual(shape);
    expect(sorted(await readAllPlaces(db))).toEqual(sorted([...many("small", 20), ...many("big", 400)]));
    await db.transaction((tx) => replacePlaces(tx, "big", many("big", 350)));
    expect(await tableShape(db)).toEqual(shape);
    expect(sorted(await readAllPlaces(db))).toEqual(sorted([...many("small", 20), ...many("big", 350)]));
    expect((await db.query("SELECT to_regclass('place_load') AS t"))[0]).toEqual({ t: null });
  });

  it("leaves the table as it was when the transaction fails, on either path", async () => {
    const before = sorted(await readAllPlaces(db));
    const oid = await tableOid(db);
    for (const [dataset, count] of [
      ["big", 500],
      ["small", 10],
    ] as const)
      await expect(
        db.transaction(async (tx) => {
          await replacePlaces(tx, dataset, many(dataset, count));
          throw new Error("refusé après l'écriture");
        }),
      ).rejects.toThrow("refusé après l'écriture");
    expect(await tableOid(db)).toBe(oid);
    expect(await tableShape(db)).toEqual(shape);
    expect(sorted(await readAllPlaces(db))).toEqual(before);
  });
});
