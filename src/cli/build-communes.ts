import { mkdir, readFile, writeFile } from "node:fs/promises";
import { gunzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import type { CompactCommune } from "../domain/geo/commune-search.js";

/**
 * Writes `public/donnees/communes.json`, the compact commune list the map page searches offline,
 * from the shipped `data/communes-2025.csv.gz` (see docs/data.md).
 */
const root = fileURLToPath(new URL("../../", import.meta.url));
const csv = gunzipSync(await readFile(`${root}data/communes-2025.csv.gz`)).toString("utf8");
const [header, ...lines] = csv.trim().split(/\r?\n/);
const columns = header!.split(",");
const col = (name: string) => {
  const index = columns.indexOf(name);
  if (index < 0) throw new Error(`Colonne « ${name} » absente de data/communes-2025.csv.gz`);
  return index;
};
const [code, name, postcodes, lat, lon, population] = ["insee_code", "name", "postal_codes", "lat", "lon", "population"].map(col) as number[];

/** Splits a CSV line with optional double quotes (names may contain commas). */
function fields(line: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        current += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else current += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      out.push(current);
      current = "";
    } else current += ch;
  }
  out.push(current);
  return out;
}

const communes: CompactCommune[] = [];
for (const line of lines) {
  const f = fields(line);
  const la = Number(f[lat!]);
  const lo = Number(f[lon!]);
  if (!f[code!] || !Number.isFinite(la) || !Number.isFinite(lo)) continue;
  communes.push([f[code!]!, f[name!]!, f[postcodes!] ?? "", la, lo, Number(f[population!]) || 0]);
}
await mkdir(`${root}public/donnees`, { recursive: true });
await writeFile(`${root}public/donnees/communes.json`, JSON.stringify(communes));
console.log(`${communes.length} communes écrites dans public/donnees/communes.json`);
