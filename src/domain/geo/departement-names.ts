import departementsFile from "../../../data/steering/departements.json";
import { departementOfCommune } from "./insee.js";

/**
 * The name of the département (or overseas collectivity) of a commune, to tell homonyms apart
 * (« Saint-Denis, La Réunion (974) » and « Saint-Denis, Seine-Saint-Denis (93) »).
 *
 * Source: INSEE, Code officiel géographique 2025, through `@etalab/decoupage-administratif` 5.3.0:
 * the 101 départements shipped in `data/steering/departements.json`, plus the collectivities (zone
 * « com ») whose communes are in `data/communes-2025.csv.gz`, with their COG 2025 names.
 */
const collectivities: Record<string, string> = {
  "975": "Saint-Pierre-et-Miquelon",
  "977": "Saint-Barthélemy",
  "978": "Saint-Martin",
  "984": "Terres australes et antarctiques françaises",
  "986": "Wallis et Futuna",
  "987": "Polynésie française",
  "988": "Nouvelle-Calédonie",
  "989": "Île de Clipperton",
};

const names = new Map<string, string>([...departementsFile.departements.map((d) => [d.code, d.nom] as [string, string]), ...Object.entries(collectivities)]);

export interface CommuneDepartement {
  code: string;
  name: string;
}

/** `{ code: "974", name: "La Réunion" }` for `97411`; the code alone as name when it is unknown. */
export function departementOfCommuneCode(communeCode: string): CommuneDepartement {
  const code = departementOfCommune(communeCode);
  return { code, name: names.get(code) ?? code };
}
