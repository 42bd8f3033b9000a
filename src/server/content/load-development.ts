import { developmentContentSchema, type DevelopmentContent } from "../../domain/development/content.js";
import { ContentValidationError, type ContentError } from "./load-content.js";
import { readJsonFolder } from "./load-json-folder.js";

/** The development grids and milestones of `content/developpement/*.json`, by language, validated. */
export async function loadDevelopmentContent(contentRoot: string): Promise<Map<string, DevelopmentContent>> {
  const errors: ContentError[] = [];
  const result = new Map<string, DevelopmentContent>();
  for (const { name, file, data } of await readJsonFolder(contentRoot, "developpement", developmentContentSchema, errors)) {
    if (name !== `${data.locale}.json`) errors.push({ file, field: "locale", message: `le fichier doit s'appeler ${data.locale}.json` });
    result.set(data.locale, data);
  }
  if (!result.has("fr") && errors.length === 0) errors.push({ file: "content/developpement/fr.json", field: "(fichier)", message: "la version française de référence manque" });
  if (errors.length > 0) throw new ContentValidationError(errors);
  return result;
}
