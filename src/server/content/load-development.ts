import { developmentContentSchema, type DevelopmentContent } from "../../domain/development/content.js";
import { ContentValidationError, type ContentError } from "./load-content.js";
import { readJsonFolder } from "./load-json-folder.js";

/**
 * The development grids and milestones of `content/developpement/<langue>.json`, by language, validated: each file
 * on its own (schema), then every translation against the French reference — same age bands, same item ids in the
 * same order with the same domains, same domain labels, same sources — so that a missing or extra item fails the
 * build naming the file. A language without a file is shown in French (with a note) by the app.
 */
export async function loadDevelopmentContent(contentRoot: string): Promise<Map<string, DevelopmentContent>> {
  const errors: ContentError[] = [];
  const result = new Map<string, DevelopmentContent>();
  for (const { name, file, data } of await readJsonFolder(contentRoot, "developpement", developmentContentSchema, errors)) {
    if (name !== `${data.locale}.json`) {
      errors.push({ file, field: "locale", message: `le fichier doit s'appeler ${data.locale}.json` });
      continue;
    }
    result.set(data.locale, data);
  }
  const french = result.get("fr");
  if (!french && errors.length === 0) errors.push({ file: "content/developpement/fr.json", field: "(fichier)", message: "la version française de référence manque" });
  if (french)
    for (const [locale, translated] of result)
      if (locale !== "fr") errors.push(...compareWithFrench(`content/developpement/${locale}.json`, french, translated));
  if (errors.length > 0) throw new ContentValidationError(errors);
  return result;
}

/** What a translation must share with the French reference: the grid's structure and the sources. */
export function compareWithFrench(file: string, french: DevelopmentContent, translated: DevelopmentContent): ContentError[] {
  const errors: ContentError[] = [];
  const frenchUrls = french.sources.map((s) => s.url);
  if (frenchUrls.join() !== translated.sources.map((s) => s.url).join())
    errors.push({ file, field: "sources", message: `doivent être celles de fr.json, dans le même ordre : ${frenchUrls.join(", ")}` });
  const bandIds = french.bands.map((b) => b.id);
  const translatedBandIds = translated.bands.map((b) => b.id);
  for (const id of bandIds) if (!translatedBandIds.includes(id)) errors.push({ file, field: "bands", message: `tranche d'âge manquante : ${id} (présente dans fr.json)` });
  for (const id of translatedBandIds) if (!bandIds.includes(id)) errors.push({ file, field: "bands", message: `tranche d'âge absente de fr.json : ${id}` });
  translated.bands.forEach((band, b) => {
    const reference = french.bands.find((f) => f.id === band.id);
    if (!reference) return;
    const ids = band.items.map((i) => i.id);
    const frenchIds = reference.items.map((i) => i.id);
    for (const id of frenchIds) if (!ids.includes(id)) errors.push({ file, field: `bands.${b}.items`, message: `item manquant : ${id} (présent dans fr.json)` });
    band.items.forEach((item, i) => {
      const original = reference.items.find((f) => f.id === item.id);
      if (!original) errors.push({ file, field: `bands.${b}.items.${i}.id`, message: `item absent de fr.json : ${item.id}` });
      else if (original.domain !== item.domain) errors.push({ file, field: `bands.${b}.items.${i}.domain`, message: `doit être ${original.domain}, comme dans fr.json` });
    });
    if (errors.length === 0 && ids.join() !== frenchIds.join()) errors.push({ file, field: `bands.${b}.items`, message: `les items doivent suivre l'ordre de fr.json : ${frenchIds.join(", ")}` });
    const labels = Object.keys(band.domainLabels).sort().join();
    if (labels !== Object.keys(reference.domainLabels).sort().join())
      errors.push({ file, field: `bands.${b}.domainLabels`, message: `doit nommer les domaines de fr.json : ${Object.keys(reference.domainLabels).join(", ")}` });
  });
  return errors;
}
