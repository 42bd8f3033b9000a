import { hash } from "node:crypto";
import { foldName, placeType, placeTypeOfRpps, placeTypes, type PlaceTypeId } from "../../../domain/geo/index.js";
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

/** The savoir-faire codes that decide a type (SM40, SM54): the others change nothing and are not kept. */
const typingSavoirFaire: readonly string[] = [...new Set(placeTypes.flatMap((t) => t.rpps.flatMap((r) => (r.savoirFaire ? [r.savoirFaire] : []))))];

/** Labels met over and over (professions, savoir-faire): held once, referred to by number. */
class Labels {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];
  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }
}

/** A typed array that doubles when full. */
function grown<A extends Uint8Array | Uint16Array | Uint32Array | Int32Array>(array: A, needed: number, make: (n: number) => A): A {
  if (needed <= array.length) return array;
  const bigger = make(Math.max(needed, array.length * 2));
  bigger.set(array);
  return bigger;
}

/**
 * The professionals met so far, in flat arrays rather than one object (with two Maps) each: a national
 * file has about a million of them. Person `p`: its national id, profession and profession label (the first
 * line's), the typing savoir-faire it carries (bit k for `typingSavoirFaire[k]`) with the label last read
 * for each, and how many places of practice it has.
 */
class People {
  readonly numberOf = new Map<string, number>();
  readonly ppIds: string[] = [];
  readonly labels = new Labels();
  profession = new Uint16Array(1024);
  professionLabel = new Uint16Array(1024);
  savoirFaire = new Uint8Array(1024);
  savoirFaireLabel = new Uint16Array(1024 * typingSavoirFaire.length);
  activities = new Uint32Array(1024);

  get size(): number {
    return this.ppIds.length;
  }

  add(ppId: string, profession: string, professionLabel: string): number {
    const p = this.ppIds.length;
    this.ppIds.push(ppId);
    this.numberOf.set(ppId, p);
    this.profession = grown(this.profession, p + 1, (n) => new Uint16Array(n));
    this.professionLabel = grown(this.professionLabel, p + 1, (n) => new Uint16Array(n));
    this.savoirFaire = grown(this.savoirFaire, p + 1, (n) => new Uint8Array(n));
    this.savoirFaireLabel = grown(this.savoirFaireLabel, (p + 1) * typingSavoirFaire.length, (n) => new Uint16Array(n));
    this.activities = grown(this.activities, p + 1, (n) => new Uint32Array(n));
    this.profession[p] = this.labels.id(profession);
    this.professionLabel[p] = this.labels.id(professionLabel);
    return p;
  }

  professionOf(p: number): string {
    return this.labels.values[this.profession[p]!]!;
  }

  addSavoirFaire(p: number, code: string, label: string): void {
    const k = typingSavoirFaire.indexOf(code);
    if (k < 0) return;
    this.savoirFaire[p]! |= 1 << k;
    this.savoirFaireLabel[p * typingSavoirFaire.length + k] = this.labels.id(label);
  }

  savoirFaireCodes(p: number): string[] {
    return typingSavoirFaire.filter((_, k) => this.savoirFaire[p]! & (1 << k));
  }

  savoirFaireLabelOf(p: number, code: string): string | undefined {
    const k = typingSavoirFaire.indexOf(code);
    return k >= 0 && this.savoirFaire[p]! & (1 << k) ? this.labels.values[this.savoirFaireLabel[p * typingSavoirFaire.length + k]!] : undefined;
  }
}

/**
 * The places of practice, in file order: the person's number and the fields of the place joined by U+0000 (which no
 * line can hold: read-lines.ts rejects a zero byte), as UTF-8 bytes packed in large buffers, outside the
 * garbage-collected heap: a national file has about a million of them, and a million strings (with a set of their
 * keys to find repeated lines) grew that heap by hundreds of megabytes while PGlite was loading them (issue 12).
 */
class Activities {
  person = new Uint32Array(1024);
  private chunkOf = new Uint16Array(1024);
  private startOf = new Uint32Array(1024);
  private lengthOf = new Uint32Array(1024);
  /** The same person's next place of practice (-1: none), and each person's first and last one: a person's list. */
  private next = new Int32Array(1024);
  private firstOf = new Int32Array(1024).fill(-1);
  private lastOf = new Int32Array(1024).fill(-1);
  private readonly chunks: Buffer[] = [];
  private used = 0;
  size = 0;

  /** Whether the person already has this place of practice (another savoir-faire line for it). */
  has(p: number, key: string): boolean {
    for (let i = this.firstOf[p] ?? -1; i !== -1; i = this.next[i]!) {
      const chunk = this.chunks[this.chunkOf[i]!]!;
      const start = this.startOf[i]!;
      if (chunk.toString("utf8", start, chunk.indexOf(0, start)) === key) return true;
    }
    return false;
  }

  add(p: number, a: Activity): void {
    const text = [a.key, a.name, a.finessSite, a.address ?? "", a.postcode, a.communeCode, a.communeName, a.phone ?? ""].join("\u0000");
    const i = this.size++;
    this.person = grown(this.person, i + 1, (n) => new Uint32Array(n));
    this.chunkOf = grown(this.chunkOf, i + 1, (n) => new Uint16Array(n));
    this.startOf = grown(this.startOf, i + 1, (n) => new Uint32Array(n));
    this.lengthOf = grown(this.lengthOf, i + 1, (n) => new Uint32Array(n));
    this.next = grown(this.next, i + 1, (n) => new Int32Array(n));
    this.firstOf = grown(this.firstOf, p + 1, (n) => new Int32Array(n).fill(-1));
    this.lastOf = grown(this.lastOf, p + 1, (n) => new Int32Array(n).fill(-1));
    let chunk = this.chunks.at(-1);
    if (!chunk || this.used + text.length * 3 > chunk.length) {
      chunk = Buffer.allocUnsafeSlow(Math.max(ACTIVITY_CHUNK_BYTES, text.length * 3));
      this.chunks.push(chunk);
      this.used = 0;
    }
    const length = chunk.write(text, this.used);
    this.person[i] = p;
    this.chunkOf[i] = this.chunks.length - 1;
    this.startOf[i] = this.used;
    this.lengthOf[i] = length;
    this.used += length;
    this.next[i] = -1;
    if (this.lastOf[p] === -1) this.firstOf[p] = i;
    else this.next[this.lastOf[p]!] = i;
    this.lastOf[p] = i;
  }

  get(i: number): Activity {
    const start = this.startOf[i]!;
    const [key, name, finessSite, address, postcode, communeCode, communeName, phone] = this.chunks[this.chunkOf[i]!]!.toString(
      "utf8",
      start,
      start + this.lengthOf[i]!,
    ).split("\u0000") as [string, string, string, string, string, string, string, string];
    return { key, name, finessSite, address: address || null, postcode, communeCode, communeName, phone: phone || null };
  }
}

/** 16 MiB of places of practice per buffer (about 100 000). */
const ACTIVITY_CHUNK_BYTES = 16 * 1024 * 1024;

interface Activity {
  key: string;
  name: string;
  finessSite: string;
  address: string | null;
  postcode: string;
  communeCode: string;
  communeName: string;
  phone: string | null;
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
  const people = new People();
  const activities = new Activities();
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
    let person = people.numberOf.get(ppId);
    if (person === undefined) person = people.add(ppId, profession, get("professionLabel"));
    else if (people.professionOf(person) !== profession) {
      builder.reject(number, `profession ${profession} différente de celle des lignes précédentes de ${ppId} (${people.professionOf(person)})`);
      continue;
    }
    const savoirFaire = get("savoirFaire");
    if (savoirFaire) people.addSavoirFaire(person, savoirFaire, get("savoirFaireLabel"));

    const postcode = get("postcode");
    const communeCode = get("commune");
    if (!postcode && !communeCode && !get("finessSite")) continue; // no place of practice on this line
    const key = get("structureId") || `${postcode}|${communeCode}|${get("street")}|${get("streetNumber")}`;
    if (activities.has(person, key)) continue; // the same activity again, for another savoir-faire
    const phone = formatPhone(get("phone"));
    if (phone === undefined) builder.warn("téléphone illisible, laissé vide");
    const street = [get("streetNumber") + get("streetIndex"), get("streetTypeLabel"), get("street")].filter(Boolean).join(" ");
    const civility = get("civility") === "DR" ? "Dr" : get("civility") === "PR" ? "Pr" : "";
    people.activities[person]!++;
    activities.add(person, {
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

  return rowsOf(people, activities, builder, locator, finessSites);
}

/** The type of each professional (or none), counting those left aside: known once the whole file is read. */
function typesOf(people: People, builder: ReportBuilder): (PlaceTypeId | null)[] {
  const cache = new Map<string, PlaceTypeId | null>();
  const types: (PlaceTypeId | null)[] = new Array<PlaceTypeId | null>(people.size);
  for (let p = 0; p < people.size; p++) {
    const profession = people.professionOf(p);
    const key = `${profession}/${people.savoirFaire[p]}`;
    let type = cache.get(key);
    if (type === undefined) cache.set(key, (type = placeTypeOfRpps(profession, people.savoirFaireCodes(p))));
    types[p] = type;
    if (!type) builder.skip("médecin sans savoir-faire pédiatrie ni médecine générale");
    else if (people.activities[p] === 0) builder.skip("professionnel sans lieu d'exercice");
  }
  return types;
}

/** Builds the places one at a time, in file order, as they are written. */
function* rowsOf(
  people: People,
  activities: Activities,
  builder: ReportBuilder,
  locator: CommuneLocator,
  finessSites: ReadonlyMap<string, { lat: number; lon: number; approximate: boolean }>,
): Generator<PlaceRow> {
  const report = builder.report;
  const types = typesOf(people, builder);
  for (let i = 0; i < activities.size; i++) {
    const p = activities.person[i]!;
    const type = types[p];
    if (!type) continue;
    const a = activities.get(i);
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
    const profession = people.professionOf(p);
    const specialty = type === "pediatre" ? "SM40" : type === "medecin-generaliste" ? "SM54" : null;
    const professionLabel = people.labels.values[people.professionLabel[p]!];
    const categoryLabel = [professionLabel, specialty ? people.savoirFaireLabelOf(p, specialty) : null].filter(Boolean).join(", ");
    const ppId = people.ppIds[p]!;
    const sourceId = `${ppId}-${hash("sha1", a.key).slice(0, 10)}`;
    yield {
      id: `${RPPS_DATASET}:${sourceId}`,
      source: RPPS_DATASET,
      source_id: sourceId,
      type,
      category: profession + (specialty ? `/${specialty}` : ""),
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
