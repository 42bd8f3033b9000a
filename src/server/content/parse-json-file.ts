import { z } from "zod";
import type { ContentError } from "./load-content.js";

// zod's own messages in French: they reach the content's editors as they are.
z.config(z.locales.fr());

/** A schema's failures as content errors: the file, the field's path (« (racine) » for the whole file) and zod's French message. */
export function zodErrors(file: string, error: z.ZodError): ContentError[] {
  return error.issues.map((issue) => ({ file, field: issue.path.join(".") || "(racine)", message: issue.message }));
}

/**
 * A content JSON file's text read against its schema: the data, or null with what is wrong pushed to `errors`, in
 * French, naming the file (`file`, as the editors see it: `content/…`) and the field.
 */
export function parseJsonFile<T>(file: string, source: string, schema: z.ZodType<T>, errors: ContentError[]): T | null {
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    errors.push({ file, field: "(fichier)", message: `JSON invalide : ${(error as Error).message}` });
    return null;
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    errors.push(...zodErrors(file, parsed.error));
    return null;
  }
  return parsed.data;
}
