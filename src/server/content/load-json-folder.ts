import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { z } from "zod";
import type { ContentError } from "./load-content.js";

/**
 * Reads every `content/<folder>/*.json` (sorted by name) and validates it with `schema`. A file that is not JSON or
 * does not match is reported in `errors`, naming the file and the field, and left out of the result.
 */
export async function readJsonFolder<T>(contentRoot: string, folder: string, schema: z.ZodType<T>, errors: ContentError[]): Promise<{ name: string; file: string; data: T }[]> {
  const dir = join(contentRoot, folder);
  const files: { name: string; file: string; data: T }[] = [];
  for (const name of (await readdir(dir)).filter((n) => n.endsWith(".json")).sort()) {
    const file = `content/${folder}/${name}`;
    let data: unknown;
    try {
      data = JSON.parse(await readFile(join(dir, name), "utf8"));
    } catch (error) {
      errors.push({ file, field: "(fichier)", message: `JSON illisible : ${(error as Error).message}` });
      continue;
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      errors.push(...parsed.error.issues.map((i) => ({ file, field: i.path.join(".") || "(racine)", message: i.message })));
      continue;
    }
    files.push({ name, file, data: parsed.data });
  }
  return files;
}
