import { epdsQuestionnaireSchema, type EpdsQuestionnaire } from "../../domain/epds/schema.js";
import { ContentValidationError, type ContentError } from "./load-content.js";
import { readJsonFolder } from "./load-json-folder.js";

/** The EPDS questionnaires of `content/epds/*.json`, by short language code ("fr", "en"), validated. */
export async function loadEpdsQuestionnaires(contentRoot: string): Promise<Map<string, EpdsQuestionnaire>> {
  const errors: ContentError[] = [];
  const files = await readJsonFolder(contentRoot, "epds", epdsQuestionnaireSchema, errors);
  if (errors.length > 0) throw new ContentValidationError(errors);
  return new Map(files.map(({ data }) => [data.locale.slice(0, 2), data]));
}
