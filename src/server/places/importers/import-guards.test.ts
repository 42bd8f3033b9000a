import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/database.js";
import { migrate } from "../../db/migrate.js";
import { testDatabases } from "../../db/test-databases.js";
import { importCommunes } from "./communes.js";
import { importFiness } from "./finess.js";
import { importGeneric } from "./generic.js";
import { MAX_LINES, readLines, tooManyLinesMessage, UTF16_MESSAGE } from "./read-lines.js";
import { importRpps } from "./rpps.js";

const root = fileURLToPath(new URL("../../../../", import.meta.url));
const fixtures = join(root, "src/server/places/importers/fixtures");
const tmp = mkdtempSync(join(tmpdir(), "mj-guards-"));
let counter = 0;
function file(content: string | Buffer, name = "f.csv"): string {
  const path = join(tmp, `${++counter}-${name}`);
  writeFileSync(path, content);
  return path;
}
const communeLines = gunzipSync(readFileSync(join(root, "data/communes-2025.csv.gz")))
  .toString("utf8")
  .split("\n");
const communes = (n: number) => `${communeLines.slice(0, n + 1).join("\n")}\n`;
const finess = readFileSync(join(fixtures, "finess_cs1100502_stock_20260512_15lines_mailwoman.csv"), "utf8");
const rpps = readFileSync(join(fixtures, "rpps_sample_with_synthetic_lines.txt"), "utf8");
const genericHeader = "id;type;name;address;postcode;commune_code;commune_name;phone;url;lat;lon;updated";
const generic = (n: number) =>
  [genericHeader, ...Array.from({ length: n }, (_, i) => `laep-${i};laep;LAEP ${i};;75002;;Paris;;;48.86${i};2.33;2026-09-01`)].join("\n");
const utf16 = (text: string, bom = true) => Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(text, "utf16le")]);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Issue 12, item 6: truncated files, UTF-16 files and missing files, for every importer. */
describe.each(testDatabases)("import guards on %s", (_kind, open) => {
  let db: Database;
  const count = async (table: "place" | "commune", source?: string) =>
    (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}${source ? " WHERE source = $1" : ""}`, source ? [source] : []))[0]!.n;
  const runs = async (dataset: string) =>
    db.query<{ status: string; report: { refusal?: string; rejected: { reason: string }[] } }>(
      "SELECT status, report FROM import_run WHERE dataset = $1 ORDER BY id",
      [dataset],
    );

  beforeAll(async () => {
    db = await open();
    await migrate(db);
    expect((await importCommunes(db, join(root, "data/communes-2025.csv.gz"))).status).toBe("applied");
  });
  afterAll(async () => {
    await db?.close();
  });

  it("FINESS: a truncated extract (head -n 3) does not replace the places", async () => {
    expect((await importFiness(db, file(finess), { force: true })).status).toBe("applied");
    const before = await count("place", "finess");
    expect(before).toBe(8);
    const truncated = await importFiness(db, file(finess.split("\n").slice(0, 3).join("\n")));
    expect(truncated.status).toBe("refused");
    expect(truncated.refusal).toMatch(/^le fichier remplacerait 8 lignes en place par 2 \(−75 %\).*--force$/);
    expect(await count("place", "finess")).toBe(before);
  });

  it("RPPS and generic datasets: the same rule", async () => {
    expect((await importRpps(db, file(rpps))).status).toBe("applied");
    const rppsBefore = await count("place", "rpps");
    const lines = rpps.trimEnd().split("\n");
    const keepOne = [lines[0], ...lines.slice(1).filter((l) => !/\|(Pédiatre|Médecin)\b|FICTIF\b/.test(l) || /Sage-Femme FICTIVE/.test(l))].join("\n");
    const refused = await importRpps(db, file(keepOne));
    expect(refused.status, JSON.stringify(refused.rejected)).toBe("refused");
    expect(refused.refusal).toMatch(new RegExp(`^le fichier remplacerait ${rppsBefore} lignes en place par \\d`));
    expect(await count("place", "rpps")).toBe(rppsBefore);

    expect((await importGeneric(db, file(generic(10)), "laep-paris")).status).toBe("applied");
    expect((await importGeneric(db, file(generic(7)), "laep-paris")).refusal).toMatch(/10 lignes en place par 7 \(−30 %\)/);
    expect((await importGeneric(db, file(generic(8)), "laep-paris")).status).toBe("applied");
    expect((await importGeneric(db, file(generic(2)), "laep-paris", { force: true })).status).toBe("applied");
    expect(await count("place", "laep-paris")).toBe(2);
  });

  it("communes: refuses a file that would remove more than 20 % of the rows, with the counts, unless forced", async () => {
    expect(await count("commune")).toBe(34969);
    const head = await importCommunes(db, file(communes(499)));
    expect(head.refusal).toMatch(/^le fichier remplacerait 34 969 lignes en place par 499 \(−99 %\)/);
    expect(await count("commune")).toBe(34969);
    expect((await importCommunes(db, file(communes(100)), { force: true })).status).toBe("applied");
    const refused = await importCommunes(db, file(communes(79)));
    expect(refused.status).toBe("refused");
    expect(refused.refusal).toBe(
      "le fichier remplacerait 100 lignes en place par 79 (−21 %) : une baisse de plus de 20 % ressemble à un fichier tronqué ; si elle est voulue, relancez avec --force",
    );
    expect(await count("commune")).toBe(100);
    expect((await runs("communes")).at(-1)).toMatchObject({ status: "refused" });
    // 20 % exactly is accepted; then a forced big drop too.
    expect((await importCommunes(db, file(communes(80)))).status).toBe("applied");
    expect((await importCommunes(db, file(communes(10)), { force: true })).status).toBe("applied");
    expect(await count("commune")).toBe(10);
    expect((await importCommunes(db, file(communes(100)))).status).toBe("applied");
  });

  it("refuses a UTF-16 file with a clear message and records the refused run, for each importer", async () => {
    const placesBefore = await count("place");
    for (const [dataset, run] of [
      ["communes", () => importCommunes(db, file(utf16(communes(100))))],
      ["communes", () => importCommunes(db, file(utf16(communes(100), false)))],
      ["finess", () => importFiness(db, file(utf16(finess)))],
      ["rpps", () => importRpps(db, file(utf16(rpps)))],
      ["laep-paris", () => importGeneric(db, file(utf16(generic(3))), "laep-paris")],
    ] as const) {
      const runsBefore = (await runs(dataset)).length;
      const report = await run();
      expect(report.status, dataset).toBe("refused");
      expect(report.rejected[0], dataset).toEqual({ line: 1, reason: UTF16_MESSAGE });
      const recorded = await runs(dataset);
      expect(recorded, dataset).toHaveLength(runsBefore + 1);
      expect(recorded.at(-1)!.report.rejected[0]!.reason).toBe(UTF16_MESSAGE);
    }
    expect(await count("place")).toBe(placesBefore);
    expect(await count("commune")).toBe(100);
  });

  it("rejects a line holding a NUL byte instead of sending it to the database", async () => {
    const lines = generic(3).split("\n");
    lines[2] = lines[2]!.replace("LAEP 1", "LAEP\u00001");
    const report = await importGeneric(db, file(lines.join("\n")), "laep-nul");
    expect(report.status).toBe("refused");
    expect(report.rejected[0]).toMatchObject({ line: 3, reason: expect.stringMatching(/^octet nul dans la ligne/) });
    const geojson = await importGeneric(
      db,
      file(JSON.stringify({ type: "FeatureCollection", features: [{ type: "Feature", properties: { name: "a\u0000" } }] }), "f.geojson"),
      "laep-nul",
    );
    expect(geojson.rejected[0]!.reason).toMatch(/caractère nul/);
  });

  it("refuses a file without line ends, plain or compressed, after reading 1 MiB of it, whatever --max-rejected says", async () => {
    const garbage = Buffer.alloc(3 * 1024 * 1024, "a");
    const placesBefore = await count("place");
    for (const [label, run] of [
      ["FINESS", () => importFiness(db, file(garbage), { maxRejected: 1000 })],
      ["FINESS, gzip", () => importFiness(db, file(gzipSync(garbage), "f.csv.gz"), { maxRejected: 1000 })],
      ["RPPS", () => importRpps(db, file(garbage))],
      ["communes", () => importCommunes(db, file(Buffer.concat([Buffer.from(communes(3)), garbage])), { maxRejected: 1000 })],
      ["generic", () => importGeneric(db, file(garbage), "laep-vrac")],
    ] as const) {
      const report = await run();
      expect(report.status, label).toBe("refused");
      expect(report.refusal, label).toMatch(/^ligne \d de plus de 1 Mo : ce n'est pas un fichier de données/);
      expect(report.linesRead, label).toBeLessThan(6);
    }
    expect(await count("place")).toBe(placesBefore);
    expect(await count("commune")).toBe(100);
  });

  it("stops reading a file past the line bound with a French refusal (bound lowered for the test)", async () => {
    const source = readLines(file(generic(10)), { maxLines: 4 });
    const lines = [];
    for await (const line of source.lines) lines.push(line);
    expect(lines).toHaveLength(5);
    expect(lines[4]).toEqual({ number: 5, error: tooManyLinesMessage(4), fatal: true });
    expect(tooManyLinesMessage(MAX_LINES)).toBe(
      "fichier de plus de 5 000 000 lignes, au-delà de ce qu'un import accepte : découpez-le ou vérifiez qu'il s'agit du bon fichier ; lecture arrêtée",
    );
  });

  it("refuses a GeoJSON that unpacks past 100 MiB without unpacking it whole", async () => {
    const bomb = gzipSync(Buffer.alloc(101 * 1024 * 1024, " "));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const report = await importGeneric(db, file(bomb, "f.geojson.gz"), "laep-bombe");
    expect(report.status).toBe("refused");
    expect(report.refusal).toBe("fichier GeoJSON de plus de 100 Mo : découpez-le ou passez par le CSV");
  });

  it("reports a missing file as an error, without an unhandled stream error", async () => {
    await expect(importFiness(db, join(tmp, "absent.csv"))).rejects.toThrow(/ENOENT/);
    await expect(importCommunes(db, join(tmp, "absent.csv"))).rejects.toThrow(/ENOENT/);
  });
});

describe("import commands", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "mj-guards-cli-"));
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  const run = (script: string, args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", `src/cli/${script}`, ...args], { cwd: root, env, encoding: "utf8", timeout: 120_000 });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("print a French message for a missing file, without a stack trace, for every importer", () => {
    for (const [script, extra] of [
      ["import-finess.ts", []],
      ["import-rpps.ts", []],
      ["import-communes.ts", []],
      ["import-places.ts", ["--dataset", "essai"]],
    ] as const) {
      const result = run(script, [join(tmp, "absent.csv"), ...extra]);
      expect(result.status, script).toBe(2);
      expect(result.stderr, script).toContain(`Fichier introuvable : « ${join(tmp, "absent.csv")} ».`);
      expect(result.stderr, script).not.toMatch(/^\s+at |ENOENT/m);
    }
    expect(run("import-communes.ts", [tmp]).stderr).toContain("n'est pas un fichier");
  }, 120_000);

  it("refuse a garbage file in French, without a stack trace", () => {
    const result = run("import-finess.ts", [file(Buffer.alloc(2 * 1024 * 1024, 0x61))]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("→ fichier refusé : ligne 1 de plus de 1 Mo : ce n'est pas un fichier de données à une ligne par enregistrement");
    expect(result.stdout + result.stderr).not.toMatch(/^\s+at /m);
  }, 120_000);

  it("show the counts of a refused shrink, and accept it with --force", () => {
    expect(run("import-communes.ts", [file(communes(50))]).status).toBe(0);
    const refused = run("import-communes.ts", [file(communes(20))]);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain("fichier refusé : le fichier remplacerait 50 lignes en place par 20 (−60 %)");
    expect(refused.stdout).toContain("relancez avec --force");
    expect(run("import-communes.ts", [file(communes(20)), "--force"]).status).toBe(0);
  }, 120_000);
});
