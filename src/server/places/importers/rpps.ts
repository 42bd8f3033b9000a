import { createHash } from "node:crypto";
import { foldName, placeType, placeTypeOfRpps, type PlaceTypeId } from "../../../domain/geo/index.js";
import type { Database } from "../../db/database.js";
import type { PlaceRow } from "../store.js";
import { CommuneLocator } from "./commune-locator.js";
import { formatPhone, joinAddress, splitRoutingLine } from "./fields.js";
import { FINESS_DATASET } from "./finess.js";
import { delimitedRecords, readLines } from "./read-lines.js";
import { ReportBuilder, type ImportReport } from "./report.js";
import { applyImport, type ImportOptions } from "./run-import.js";

/**
 * Annuaire Santé `PS_LibreAcces_Personne_activite_*.txt` (ANS, Licence Ouverte): pipe-separated, one
 * header line, one line per (professional, activity) — and, in the 2021 layout, per savoir-faire too.
 * Midwives (profession 50), physiotherapists (70), and doctors (10) with the paediatrics (SM40) or
 * general medicine (SM54) savoir-faire become places: one per professional and place of practice.
 *
 * The file has no coordinates: a professional practising in a FINESS establishment already imported is
 * put at that establishment; otherwise at the centre of the commune of practice, marked approximate.
 * Columns are found by name in the header, so the order may change between releases.
 */
export const RPPS_DATASET = "rpps";

const col = {
  ppId: "Identification nationale PP",
  civility: "Code civilité d'exercice",
  lastName: "Nom d'exercice",
  firstName: "Prénom d'exercice",
  profession: "Code profession",
  professionLabel: "Libellé profession",
  savoirFaire: "Code savoir-faire",
  savoirFaireLabel: "Libellé savoir-faire",
  finessSite: "Numéro FINESS site",
  structureId: "Identifiant technique de la structure",
  siteName: "Raison sociale site",
  signName: "Enseigne commerciale site",
  geoComplement: "Complément point géographique (coord. structure)",
  streetNumber: "Numéro Voie (coord. structure)",
  streetIndex: "Indice répétition voie (coord. structure)",
  streetTypeLabel: "Libellé type de voie (coord. structure)",
  street: "Libellé Voie (coord. structure)",
  distribution: "Mention distribution (coord. structure)",
  cedexOffice: "Bureau cedex (coord. structure)",
  postcode: "Code postal (coord. structure)",
  commune: "Code commune (coord. structure)",
  communeName: "Libellé commune (coord. structure)",
  phone: "Téléphone (coord. structure)",
} as const;
type Column = keyof typeof col;

/** Professions that may become a place: the rest is skipped without keeping anything in memory. */
const professionsInScope = new Set(["10", "50", "70"]);

interface Activity {
  line: number;
  key: string;
  name: string;
  finessSite: string;
  address: string | null;
  postcode: string;
  communeCode: string;
  communeName: string;
  phone: string | null;
}

interface Person {
  profession: string;
  professionLabel: string;
  savoirFaire: Map<string, string>;
  activities: Map<string, Activity>;
}

export async function importRpps(db: Database, file: string, options: ImportOptions = {}): Promise<ImportReport> {
  const builder = new ReportBuilder(RPPS_DATASET, file, "PS_LibreAcces_Personne_activite");
  const locator = await CommuneLocator.load(db);
  const finessSites = new Map(
    (
      await db.query<{ source_id: string; lat: number; lon: number; approximate: boolean }>(
        "SELECT source_id, lat, lon, approximate FROM place WHERE source = $1",
        [FINESS_DATASET],
      )
    ).map((r) => [r.source_id, r]),
  );
  const rows = await parseRpps(file, builder, locator, finessSites);
  return applyImport(db, builder, { kind: "place", rows }, options);
}

export async function parseRpps(
  file: string,
  builder: ReportBuilder,
  locator: CommuneLocator,
  finessSites: ReadonlyMap<string, { lat: number; lon: number; approximate: boolean }>,
): Promise<Iterable<PlaceRow>> {
  const report = builder.report;
  const source = readLines(file);
  const people = new Map<string, Person>();
  let index: Record<Column, number> = {} as Record<Column, number>;
  const header = (text: string) => {
    const names = text.split("|").map((h) => foldName(h));
    const missing = Object.values(col).filter((name) => !names.includes(foldName(name)));
    if (missing.length)
      return {
        error: `en-tête inattendu : colonne(s) absente(s) ${missing.map((m) => `« ${m} »`).join(", ")} (attendu l'en-tête de PS_LibreAcces_Personne_activite, séparé par |)`,
      };
    index = Object.fromEntries(Object.entries(col).map(([k, name]) => [k, names.indexOf(foldName(name))])) as Record<Column, number>;
    return { separator: "|", width: names.length };
  };

  for await (const { number, fields: split } of delimitedRecords(source, builder, header, " (ligne tronquée ou « | » en trop ?)")) {
    const get = (c: Column) => (split[index[c]] ?? "").trim();
    const ppId = get("ppId");
    if (!/^\d{6,14}$/.test(ppId)) {
      builder.reject(number, `identifiant national PP invalide « ${ppId} »`);
      continue;
    }
    const profession = get("profession");
    if (!/^\d{1,3}$/.test(profession)) {
      builder.reject(number, `code profession invalide « ${profession} »`);
      continue;
    }
    if (!professionsInScope.has(profession)) {
      builder.skip("profession hors du périmètre des 1000 jours");
      continue;
    }
    let person = people.get(ppId);
    if (!person) {
      person = { profession, professionLabel: get("professionLabel"), savoirFaire: new Map(), activities: new Map() };
      people.set(ppId, person);
    } else if (person.profession !== profession) {
      builder.reject(number, `profession ${profession} différente de celle des lignes précédentes de ${ppId} (${person.profession})`);
      continue;
    }
    const savoirFaire = get("savoirFaire");
    if (savoirFaire) person.savoirFaire.set(savoirFaire, get("savoirFaireLabel"));

    const postcode = get("postcode");
    const communeCode = get("commune");
    if (!postcode && !communeCode && !get("finessSite")) continue; // no place of practice on this line
    const key = get("structureId") || `${postcode}|${communeCode}|${get("street")}|${get("streetNumber")}`;
    if (person.activities.has(key)) continue; // the same activity again, for another savoir-faire
    const phone = formatPhone(get("phone"));
    if (phone === undefined) builder.warn("téléphone illisible, laissé vide");
    const street = [get("streetNumber") + get("streetIndex"), get("streetTypeLabel"), get("street")].filter(Boolean).join(" ");
    const civility = get("civility") === "DR" ? "Dr" : get("civility") === "PR" ? "Pr" : "";
    person.activities.set(key, {
      line: number,
      key,
      name: [civility, get("firstName"), get("lastName")].filter(Boolean).join(" "),
      finessSite: get("finessSite"),
      address: joinAddress(get("geoComplement") || get("siteName") || get("signName"), street, get("distribution")),
      postcode,
      communeCode,
      communeName: get("communeName") || splitRoutingLine(get("cedexOffice")).name || "",
      phone: phone ?? null,
    });
  }
  report.sha256 = source.result.sha256;
  report.encoding = source.result.encoding;
  if (!index) return [];

  return rowsOf(people, builder, locator, finessSites);
}

/** Builds the places of each professional and forgets the professional, so memory shrinks as rows are written. */
function* rowsOf(
  people: Map<string, Person>,
  builder: ReportBuilder,
  locator: CommuneLocator,
  finessSites: ReadonlyMap<string, { lat: number; lon: number; approximate: boolean }>,
): Generator<PlaceRow> {
  const report = builder.report;
  for (const [ppId, person] of people) {
    people.delete(ppId);
    const type: PlaceTypeId | null = placeTypeOfRpps(person.profession, [...person.savoirFaire.keys()]);
    if (!type) {
      builder.skip("médecin sans savoir-faire pédiatrie ni médecine générale");
      continue;
    }
    if (person.activities.size === 0) {
      builder.skip("professionnel sans lieu d'exercice");
      continue;
    }
    const specialty = type === "pediatre" ? "SM40" : type === "medecin-generaliste" ? "SM54" : null;
    const categoryLabel = [person.professionLabel, specialty ? person.savoirFaire.get(specialty) : null].filter(Boolean).join(", ");
    for (const a of person.activities.values()) {
      const site = a.finessSite ? finessSites.get(a.finessSite) : undefined;
      const commune = locator.find({ code: a.communeCode || null, postcode: a.postcode || null, name: a.communeName || null });
      const position = site ?? commune;
      if (!position) {
        builder.skip("lieu d'exercice introuvable (commune inconnue)");
        continue;
      }
      const approximate = site ? site.approximate : true;
      if (approximate) report.approximate++;
      report.byType[type] = (report.byType[type] ?? 0) + 1;
      const sourceId = `${ppId}-${createHash("sha1").update(a.key).digest("hex").slice(0, 10)}`;
      yield {
        id: `${RPPS_DATASET}:${sourceId}`,
        source: RPPS_DATASET,
        source_id: sourceId,
        type,
        category: person.profession + (specialty ? `/${specialty}` : ""),
        category_label: categoryLabel || placeType(type).label,
        name: a.name,
        address: a.address,
        postcode: a.postcode || null,
        commune_code: commune?.code ?? (a.communeCode || null),
        commune_name: commune?.name ?? (a.communeName || null),
        phone: a.phone,
        url: null,
        lat: position.lat,
        lon: position.lon,
        approximate,
        updated: null,
      };
    }
  }
}
