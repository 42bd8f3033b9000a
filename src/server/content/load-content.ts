import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { createHash } from "node:crypto";
import { Marked } from "marked";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import {
  articleFrontMatterSchema,
  contentBundleSchema,
  situationSchema,
  stageSchema,
  themeSchema,
  type Article,
  type ContentBundle,
} from "../../domain/content/schema.js";
import { parseJsonFile, zodErrors } from "./parse-json-file.js";

/** A content problem, located: file and field, in French for the editors. */
export interface ContentError {
  file: string;
  field: string;
  message: string;
}

export class ContentValidationError extends Error {
  constructor(readonly errors: ContentError[]) {
    super(errors.map((e) => `${e.file} : champ « ${e.field} » : ${e.message}`).join("\n"));
  }
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;
const markdown = new Marked({ gfm: true, async: false });
// Easy-to-read (FALC) text puts one sentence per line: each line break is kept (Inclusion Europe's easy-to-read rules, docs/langues.md).
const lineByLineMarkdown = new Marked({ gfm: true, breaks: true, async: false });

/** A list file of `content/` (stages, themes, situations) read against the schema of one entry; empty when it is wrong. */
async function readJsonList<T>(root: string, name: string, schema: z.ZodType<T>, errors: ContentError[]): Promise<T[]> {
  let source: string;
  try {
    source = await readFile(join(root, name), "utf8");
  } catch (error) {
    errors.push({ file: name, field: "(fichier)", message: `fichier illisible : ${(error as Error).message}` });
    return [];
  }
  return parseJsonFile(name, source, z.array(schema), errors) ?? [];
}

/** Splits a Markdown file into its parsed YAML front matter and body, or records why it cannot. */
export function splitFrontMatter(file: string, source: string, errors: ContentError[]): { data: unknown; body: string } | null {
  const match = FRONT_MATTER.exec(source);
  if (!match) {
    errors.push({ file, field: "(en-tête)", message: "l'article doit commencer par un en-tête YAML entre deux lignes « --- »" });
    return null;
  }
  try {
    return { data: parseYaml(match[1]!), body: match[2]!.trim() };
  } catch (error) {
    errors.push({ file, field: "(en-tête)", message: `YAML invalide : ${(error as Error).message.split("\n")[0]}` });
    return null;
  }
}

/** Checks an article body (length, no level-1 title, no HTML) and renders it; `lineByLine` keeps every line break. */
export function renderBody(file: string, body: string, errors: ContentError[], { lineByLine = false } = {}): { html: string; text: string } {
  if (body.length < 200) errors.push({ file, field: "(texte)", message: "le texte de l'article est trop court (200 caractères au moins)" });
  if (/^# /m.test(body)) errors.push({ file, field: "(texte)", message: "pas de titre de niveau 1 dans le texte : le titre vient de « title »" });
  if (/<[a-z!/]/i.test(body)) errors.push({ file, field: "(texte)", message: "le HTML n'est pas permis dans le texte : utilisez le Markdown" });
  const html = (lineByLine ? lineByLineMarkdown : markdown).parse(body) as string;
  return { html, text: plainText(html) };
}

function plainText(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

function parseArticle(file: string, source: string, errors: ContentError[]): Article | null {
  const split = splitFrontMatter(file, source, errors);
  if (!split) return null;
  const rendered = renderBody(file, split.body, errors);
  const parsed = articleFrontMatterSchema.safeParse(split.data);
  if (!parsed.success) {
    errors.push(...zodErrors(file, parsed.error));
    return null;
  }
  const front = parsed.data;
  const expectedName = `${front.id}.md`;
  if (!file.endsWith(`/${expectedName}`)) errors.push({ file, field: "id", message: `doit être identique au nom du fichier (${expectedName})` });
  if (front.nextReview <= front.reviewed) errors.push({ file, field: "nextReview", message: "doit être postérieure à « reviewed »" });
  return { ...front, ...rendered };
}

/** Reads and validates all of `content/`; throws a {@link ContentValidationError} naming every faulty file and field. */
export async function loadContent(root: string): Promise<ContentBundle> {
  const errors: ContentError[] = [];
  const stages = await readJsonList(root, "stages.json", stageSchema, errors);
  const themes = await readJsonList(root, "themes.json", themeSchema, errors);
  const situations = await readJsonList(root, "situations.json", situationSchema, errors);

  const articleDir = join(root, "articles");
  const names = (await readdir(articleDir)).filter((n) => n.endsWith(".md")).sort();
  const articles: Article[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    const file = relative(join(root, ".."), join(articleDir, name));
    const article = parseArticle(file, await readFile(join(articleDir, name), "utf8"), errors);
    if (!article) continue;
    if (seen.has(article.id)) errors.push({ file, field: "id", message: `l'identifiant « ${article.id} » est déjà utilisé` });
    seen.add(article.id);
    articles.push(article);
  }
  for (const stage of stages) {
    if (!articles.some((a) => a.stages.includes(stage.id)))
      errors.push({ file: "stages.json", field: stage.id, message: "aucun article n'est rattaché à cette étape" });
  }
  if (errors.length > 0) throw new ContentValidationError(errors);

  const body = { stages: stages.sort((a, b) => a.order - b.order), themes, situations, articles };
  const version = createHash("sha256").update(JSON.stringify(body)).digest("hex").slice(0, 16);
  return contentBundleSchema.parse({ version, ...body });
}
