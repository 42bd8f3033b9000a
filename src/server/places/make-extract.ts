/**
 * Rebuilds the extracts shipped in `data/` from the shared open-data folder:
 *
 *   npx tsx src/server/places/make-extract.ts ../shared/data data
 *
 * - `finess-1000-jours-20210108.csv.gz`: the lines of `finess/finess_etablissements_20210108_from_fhir.csv`
 *   whose `categetab` is in the place-type table, unchanged, header first.
 * - `communes-2025.csv.gz`: `communes/communes_centroids_2025.csv`, unchanged.
 *
 * gzip output is deterministic (no timestamp), so the same input gives the same bytes and the same hash.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { importedFinessCategories } from "../../domain/geo/index.js";
import { shippedFiles } from "./seed.js";
import { splitLine } from "./importers/read-lines.js";

const [sharedDir = "../shared/data", outDir = "data"] = process.argv.slice(2);

const finessSource = readFileSync(join(sharedDir, "finess/finess_etablissements_20210108_from_fhir.csv"), "utf8");
const [header = "", ...lines] = finessSource.split("\n");
const categoryIndex = header.split(",").indexOf("categetab");
const wanted = new Set(importedFinessCategories);
const kept = lines.filter((line) => {
  const fields = splitLine(line, ",");
  return Array.isArray(fields) && wanted.has(fields[categoryIndex] ?? "");
});
const finessOut = gzipSync(`${[header, ...kept].join("\n")}\n`, { level: 9 });
writeFileSync(join(outDir, shippedFiles.finess), finessOut);

const communesOut = gzipSync(readFileSync(join(sharedDir, "communes/communes_centroids_2025.csv")), { level: 9 });
writeFileSync(join(outDir, shippedFiles.communes), communesOut);

console.log(`${resolve(outDir, shippedFiles.finess)} : ${kept.length} établissements, ${(finessOut.length / 1024).toFixed(0)} Kio`);
console.log(`${resolve(outDir, shippedFiles.communes)} : ${(communesOut.length / 1024).toFixed(0)} Kio`);
