import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { z } from "zod";
import type { ContentError } from "./load-content.js";
import { parseJsonFile } from "./parse-json-file.js";

/**
 * Reads every `content/<folder>/*.json` (sorted by name) and validates it with `schema` (parseJsonFile). A file that
 * is not JSON or does not match is reported in `errors`, naming the file and the field, and left out of the result.
 */
export async function readJsonFolder<T>(contentRoot: string, folder: string, schema: z.ZodType<T>, errors: ContentError[]): Promise<{ name: string; file: string; data: T }[]> {
  const dir = join(contentRoot, folder);
  const files: { name: string; file: string; data: T }[] = [];
  for (const name of (await readdir(dir)).filter((n) => n.endsWith(".json")).sort()) {
    const file = `content/${folder}/${name}`;
    const data = parseJsonFile(file, await readFile(join(dir, name), "utf8"), schema, errors);
    if (data !== null) files.push({ name, file, data });
  }
  return files;
}
