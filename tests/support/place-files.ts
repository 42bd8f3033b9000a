import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";

/**
 * Big synthetic open-data files for the benchmarks and the kill -9 tests (issue 12): FINESS (CSV and JSON),
 * RPPS-like and generic places files of any size, places put near real commune centres (the shipped
 * communes extract). Deterministic: the same count gives the same bytes.
 */

const dataDir = fileURLToPath(new URL("../../data/", import.meta.url));

export const shippedCommunesFile = join(dataDir, "communes-2025.csv.gz");
export const shippedFinessFile = join(dataDir, "finess-1000-jours-20210108.csv.gz");

interface Commune {
  code: string;
  name: string;
  dep: string;
  postcode: string;
  lat: number;
  lon: number;
}

let communesCache: Commune[] | undefined;
function metropolitanCommunes(): Commune[] {
  communesCache ??= gunzipSync(readFileSync(shippedCommunesFile))
    .toString("utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((l) => l.split(","))
    .filter((c) => c[4] === "metro" && c.length === 9 && /^\d\d$/.test(c[2]!) && c[5])
    .map((c) => ({ code: c[0]!, name: c[1]!, dep: c[2]!, postcode: c[5]!.split("|")[0]!, lat: Number(c[6]), lon: Number(c[7]) }));
  return communesCache;
}

/** Places near random commune centres: a FINESS extract (fhir-csv layout) and an RPPS file, written to `dir`. */
export function generateNationalFiles(dir: string, count: number, finessShare = 0.2): { finess: string; rpps: string; finessRows: number; rppsRows: number } {
  const communes = metropolitanCommunes();
  let seed = 1;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const pick = () => communes[Math.floor(random() * communes.length)]!;
  const finessRows = Math.round(count * finessShare);
  const rppsRows = count - finessRows;
  const categories = [
    ["620", "Pharmacie d'officine"],
    ["611", "Laboratoire de biologie médicale"],
    ["124", "Centre de santé"],
    ["603", "Maison de santé (L.6223-3)"],
    ["190", "C.A.M.S.P."],
    ["156", "C.M.P."],
    ["355", "Centre Hospitalier (C.H.)"],
  ] as const;
  const finess = join(dir, "finess-national.csv");
  const out: string[] = [
    "nofinesset,nofinessej,rs,adresse,code_postal,commune,telephone,categetab,libcategetab,categagretab,libcategagretab,siret,codeape,sph,libsph,date_ouverture,datemaj,lat,lon",
  ];
  const flush = (file: string) => (appendFileSync(file, out.join("\n") + "\n"), (out.length = 0));
  writeFileSync(finess, "");
  for (let i = 0; i < finessRows; i++) {
    const c = pick();
    const [code, label] = categories[i % categories.length]!;
    const id = `${c.dep}${String(i).padStart(7, "0")}`;
    out.push(
      `${id},,ETABLISSEMENT ${i},${i % 200} RUE DE LA REPUBLIQUE,${c.postcode},${c.name.toUpperCase().replace(/,/g, " ")},04${String(70000000 + i).slice(-8)},${code},${label},,,,,,,2001-01-01,2025-01-15,${(c.lat + (random() - 0.5) * 0.02).toFixed(6)},${(c.lon + (random() - 0.5) * 0.02).toFixed(6)}`,
    );
    if (out.length === 10_000) flush(finess);
  }
  flush(finess);
  const header = readFileSync(
    fileURLToPath(new URL("../../src/server/places/importers/fixtures/rpps_sample_with_synthetic_lines.txt", import.meta.url)),
    "utf8",
  )
    .split("\n")[0]!
    .replace(/\r$/, "");
  const names = header.split("|");
  const at = (name: string) => names.indexOf(name);
  const professions = [
    ["50", "Sage-Femme", "", ""],
    ["70", "Masseur-Kinésithérapeute", "", ""],
    ["10", "Médecin", "SM54", "Médecine Générale"],
    ["10", "Médecin", "SM40", "Pédiatrie"],
  ] as const;
  const rpps = join(dir, "rpps-national.txt");
  writeFileSync(rpps, "");
  out.push(header);
  for (let i = 0; i < rppsRows; i++) {
    const c = pick();
    const [profession, label, sf, sfLabel] = professions[i % professions.length]!;
    const f: string[] = new Array<string>(names.length).fill("");
    f[at("Type d'identifiant PP")] = "8";
    f[at("Identifiant PP")] = String(10_000_000_000 + i);
    f[at("Identification nationale PP")] = String(810_000_000_000 + i);
    f[at("Code civilité d'exercice")] = profession === "10" ? "DR" : "";
    f[at("Nom d'exercice")] = `NOM${i}`;
    f[at("Prénom d'exercice")] = "Camille";
    f[at("Code profession")] = profession;
    f[at("Libellé profession")] = label;
    f[at("Code savoir-faire")] = sf;
    f[at("Libellé savoir-faire")] = sfLabel;
    f[at("Identifiant technique de la structure")] = `R${i}`;
    f[at("Numéro Voie (coord. structure)")] = String(1 + (i % 150));
    f[at("Libellé type de voie (coord. structure)")] = "Rue";
    f[at("Libellé Voie (coord. structure)")] = "DE LA GARE";
    f[at("Code postal (coord. structure)")] = c.postcode;
    f[at("Code commune (coord. structure)")] = c.code;
    f[at("Libellé commune (coord. structure)")] = c.name.toUpperCase();
    f[at("Téléphone (coord. structure)")] = `01${String(40000000 + i).slice(-8)}`;
    out.push(f.join("|"));
    if (out.length === 10_000) flush(rpps);
  }
  flush(rpps);
  return { finess, rpps, finessRows, rppsRows };
}

/** A FINESS « Structures » JSON file of `count` establishments (one per legal entity), in the layout of the fixture. */
export function generateFinessJson(dir: string, count: number): string {
  const communes = metropolitanCommunes();
  const file = join(dir, "finess-structures.json");
  writeFileSync(file, '{"pmej":[\n');
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const c = communes[(i * 7919) % communes.length]!;
    const id = `${c.dep}${String(i).padStart(7, "0")}`;
    out.push(
      JSON.stringify({
        informationsGeneralesPmej: { numFinessPm: `${c.dep}9${String(i).padStart(6, "0")}`, denominationPm: `ENTITE ${i}` },
        ege: [
          {
            informationsGeneralesEGE: {
              numFinessEge: id,
              nomEgeCourt: `PHARMACIE ${i}`,
              nomEgeLong: `PHARMACIE ${i}`,
              dateOuverture: "2001-01-01",
              dateFermeture: null,
            },
            etatObjet: { code: "A" },
            adresse: [
              {
                usageAdresse: "03",
                numeroVoie: String(1 + (i % 150)),
                typeVoie: "RUE",
                libelleVoie: "DE LA GARE",
                cogCommune: c.code,
                ligneAcheminement: `${c.postcode} ${c.name.toUpperCase()}`,
                codePostal: c.postcode,
                coordonneesGeographique: { coordonneeX: c.lon.toFixed(6), coordonneeY: c.lat.toFixed(6), directionLatitude: "N", directionLongitude: "E" },
              },
            ],
            contact: [{ typeContact: { roleContact: "ACC" }, telecom: { telephone: `04${String(70000000 + i).slice(-8)}` } }],
            dateDerniereMaj: { dateEvenement: "2025-01-15" },
            categorieEntiteGeographiqueExercice: { code: "620" },
          },
        ],
      }),
    );
    if (out.length === 5000) {
      appendFileSync(file, out.join(",\n") + (i < count - 1 ? ",\n" : "\n"));
      out.length = 0;
    }
  }
  if (out.length) appendFileSync(file, out.join(",\n") + "\n");
  appendFileSync(file, "]}\n");
  return file;
}

/** A generic places CSV (`import:places`) of `count` LAEP near commune centres. */
export function generateGenericCsv(dir: string, count: number): string {
  const communes = metropolitanCommunes();
  const file = join(dir, "lieux.csv");
  writeFileSync(file, "id,type,name,lat,lon\n");
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const c = communes[(i * 7919) % communes.length]!;
    out.push(`lieu-${i},laep,LAEP ${i},${c.lat.toFixed(5)},${c.lon.toFixed(5)}`);
    if (out.length === 10_000) {
      appendFileSync(file, out.join("\n") + "\n");
      out.length = 0;
    }
  }
  appendFileSync(file, out.length ? out.join("\n") + "\n" : "");
  return file;
}

/** The first `count` communes of the shipped extract (`import:communes` layout), e.g. an older, smaller table. */
export function writeCommunesSubset(dir: string, count: number): string {
  const file = join(dir, "communes.csv");
  const lines = gunzipSync(readFileSync(shippedCommunesFile)).toString("utf8").trim().split("\n");
  writeFileSync(file, lines.slice(0, count + 1).join("\n") + "\n");
  return file;
}
