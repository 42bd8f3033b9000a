import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { developmentContentSchema, type DevelopmentContent } from "../../domain/development/content.js";
import { ContentValidationError, type ContentError } from "./load-content.js";

/** The development grids and milestones of `content/developpement/*.json`, by language, validated. */
export async function loadDevelopmentContent(contentRoot: string): Promise<Map<string, DevelopmentContent>> {
  const dir = join(contentRoot, "developpement");
  const errors: ContentError[] = [];
  const result = new Map<string, DevelopmentContent>();
  for (const name of (await readdir(dir)).filter((n) => n.endsWith(".json")).sort()) {
    const file = `content/developpement/${name}`;
    let data: unknown;
    try {
      data = JSON.parse(await readFile(join(dir, name), "utf8"));
    } catch (error) {
      errors.push({ file, field: "(fichier)", message: `JSON illisible : ${(error as Error).message}` });
      continue;
    }
    const parsed = developmentContentSchema.safeParse(data);
    if (!parsed.success) {
      errors.push(...parsed.error.issues.map((i) => ({ file, field: i.path.join(".") || "(racine)", message: i.message })));
      continue;
    }
    if (name !== `${parsed.data.locale}.json`) errors.push({ file, field: "locale", message: `le fichier doit s'appeler ${parsed.data.locale}.json` });
    result.set(parsed.data.locale, parsed.data);
  }
  if (!result.has("fr") && errors.length === 0) errors.push({ file: "content/developpement/fr.json", field: "(fichier)", message: "la version française de référence manque" });
  if (errors.length > 0) throw new ContentValidationError(errors);
  return result;
}
