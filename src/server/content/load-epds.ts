import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { epdsQuestionnaireSchema, type EpdsQuestionnaire } from "../../domain/epds/schema.js";
import { ContentValidationError, type ContentError } from "./load-content.js";

/** The EPDS questionnaires of `content/epds/*.json`, by short language code ("fr", "en"), validated. */
export async function loadEpdsQuestionnaires(contentRoot: string): Promise<Map<string, EpdsQuestionnaire>> {
  const dir = join(contentRoot, "epds");
  const errors: ContentError[] = [];
  const result = new Map<string, EpdsQuestionnaire>();
  for (const name of (await readdir(dir)).filter((n) => n.endsWith(".json")).sort()) {
    const file = `content/epds/${name}`;
    let data: unknown;
    try {
      data = JSON.parse(await readFile(join(dir, name), "utf8"));
    } catch (error) {
      errors.push({ file, field: "(fichier)", message: `JSON illisible : ${(error as Error).message}` });
      continue;
    }
    const parsed = epdsQuestionnaireSchema.safeParse(data);
    if (!parsed.success) {
      errors.push(...parsed.error.issues.map((i) => ({ file, field: i.path.join(".") || "(racine)", message: i.message })));
      continue;
    }
    result.set(parsed.data.locale.slice(0, 2), parsed.data);
  }
  if (errors.length > 0) throw new ContentValidationError(errors);
  return result;
}
