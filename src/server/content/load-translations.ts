import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { createHash } from "node:crypto";
import {
  isTranslationLanguage,
  translatedArticleFrontMatterSchema,
  translationBundleSchema,
  translationLanguages,
  type ContentBundle,
  type TranslatedArticle,
  type TranslationBundle,
  type TranslationLanguage,
} from "../../domain/content/schema.js";
import { orientationTextCatalogue, phoneNumbersIn } from "../../domain/epds/orientation-texts.js";
import { calendarTextsSchema, translatedTextsSchema, type CalendarTexts, type TranslatedTexts } from "../../domain/content/schema.js";
import { calendarTranslationErrors } from "../../domain/calendar/translation.js";
import { ContentValidationError, renderBody, splitFrontMatter, type ContentError } from "./load-content.js";
import { parseJsonFile, zodErrors } from "./parse-json-file.js";

/** File of the EPDS orientation texts in a language folder. */
export const ORIENTATION_FILE = "orientation-epds.json";
/** File of the calendar's texts (event titles and explanations) in a language folder. */
export const CALENDAR_FILE = "calendrier.json";

/**
 * Checks a language's calendar texts against the French ones (src/domain/calendar/texts.ts): the same keys, none
 * empty, valid templates with the same placeholders, and a review status.
 */
export function parseCalendarTexts(file: string, source: string, errors: ContentError[]): CalendarTexts | null {
  const texts = parseJsonFile(file, source, calendarTextsSchema, errors);
  if (!texts) return null;
  const problems = calendarTranslationErrors(texts.texts);
  errors.push(...problems.map(({ key, message }) => ({ file, field: `texts.${key}`, message })));
  return problems.length > 0 ? null : texts;
}

/**
 * Checks a language's EPDS orientation texts: every key of the French catalogue present (a text, or null to keep the
 * French one), no unknown key, and every phone number of the French text kept in the translation.
 */
function parseOrientationTexts(file: string, source: string, errors: ContentError[]): TranslatedTexts | null {
  const orientation = parseJsonFile(file, source, translatedTextsSchema, errors);
  if (!orientation) return null;
  const before = errors.length;
  const french = orientationTextCatalogue();
  for (const key of french.keys())
    if (!(key in orientation.texts)) errors.push({ file, field: `texts.${key}`, message: "manquant : donnez la traduction, ou null pour garder le texte français" });
  for (const [key, text] of Object.entries(orientation.texts)) {
    const original = french.get(key);
    if (original === undefined) {
      errors.push({ file, field: `texts.${key}`, message: "clé inconnue : les clés sont celles de src/domain/epds/orientation-texts.ts" });
      continue;
    }
    if (text === null) continue;
    const kept = new Set(phoneNumbersIn(text));
    const lost = phoneNumbersIn(original).filter((n) => !kept.has(n));
    if (lost.length > 0) errors.push({ file, field: `texts.${key}`, message: `le numéro ${lost.join(", ")} du texte français doit rester dans la traduction` });
  }
  return errors.length > before ? null : orientation;
}

/** Folder of the translations: one sub-folder per language, one Markdown file per French article id. */
export const TRANSLATIONS_DIR = "traductions";

async function listDir(path: string): Promise<string[]> {
  try {
    return (await readdir(path)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

function parseTranslation(file: string, folderLanguage: TranslationLanguage, source: string, french: ContentBundle, errors: ContentError[]): TranslatedArticle | null {
  const split = splitFrontMatter(file, source, errors);
  if (!split) return null;
  const rendered = renderBody(file, split.body, errors, { lineByLine: folderLanguage === "falc" });
  const parsed = translatedArticleFrontMatterSchema.safeParse(split.data);
  if (!parsed.success) {
    errors.push(...zodErrors(file, parsed.error));
    return null;
  }
  const front = parsed.data;
  const before = errors.length;
  if (!file.endsWith(`/${front.id}.md`)) errors.push({ file, field: "id", message: `doit être identique au nom du fichier (${front.id}.md)` });
  if (front.language !== folderLanguage) errors.push({ file, field: "language", message: `doit être « ${folderLanguage} », la langue du dossier` });
  const original = french.articles.find((a) => a.id === front.id);
  if (!original) {
    errors.push({ file, field: "id", message: `aucun article français ne porte l'identifiant « ${front.id} » (content/articles/${front.id}.md)` });
  } else {
    const expected = original.sources.map((s) => s.url);
    if (expected.length !== front.sources.length || expected.some((url, i) => url !== front.sources[i]))
      errors.push({ file, field: "sources", message: `doivent être celles de l'original français, dans le même ordre : ${expected.join(", ")}` });
  }
  if (errors.length > before) return null;
  return { id: front.id, language: front.language, title: front.title, summary: front.summary, keyMessage: front.keyMessage, ...rendered, translation: front.translation };
}

/**
 * Reads and validates `content/traductions/<langue>/<id>.md` against the French content: every file names an
 * existing French article, carries the same sources, a review status (reviewer and date once « relu ») and no
 * empty field. Throws a {@link ContentValidationError} naming every faulty file and field.
 * Returns a bundle for every translation language, empty when nothing is translated yet (the app then shows French).
 */
export async function loadTranslations(root: string, french: ContentBundle): Promise<Map<TranslationLanguage, TranslationBundle>> {
  const errors: ContentError[] = [];
  const base = join(root, TRANSLATIONS_DIR);
  const byLanguage = new Map<TranslationLanguage, TranslatedArticle[]>(translationLanguages.map((l) => [l, []]));
  const orientationByLanguage = new Map<TranslationLanguage, TranslatedTexts>();
  const calendarByLanguage = new Map<TranslationLanguage, CalendarTexts>();
  for (const folder of await listDir(base)) {
    if (!(await stat(join(base, folder))).isDirectory()) continue;
    const where = `content/${TRANSLATIONS_DIR}/${folder}`;
    if (!isTranslationLanguage(folder)) {
      errors.push({ file: where, field: "(dossier)", message: `langue inconnue : les dossiers permis sont ${translationLanguages.join(", ")}` });
      continue;
    }
    for (const name of await listDir(join(base, folder))) {
      if (name === ORIENTATION_FILE) {
        const texts = parseOrientationTexts(`${where}/${name}`, await readFile(join(base, folder, name), "utf8"), errors);
        if (texts) orientationByLanguage.set(folder, texts);
        continue;
      }
      if (name === CALENDAR_FILE) {
        const texts = parseCalendarTexts(`${where}/${name}`, await readFile(join(base, folder, name), "utf8"), errors);
        if (texts) calendarByLanguage.set(folder, texts);
        continue;
      }
      if (!name.endsWith(".md")) {
        errors.push({ file: `${where}/${name}`, field: "(fichier)", message: `fichier inattendu : un article <id>.md, ${ORIENTATION_FILE} ou ${CALENDAR_FILE}` });
        continue;
      }
      const file = `${where}/${name}`;
      const article = parseTranslation(file, folder, await readFile(join(base, folder, name), "utf8"), french, errors);
      if (article) byLanguage.get(folder)!.push(article);
    }
  }
  if (errors.length > 0) throw new ContentValidationError(errors);

  const order = new Map(french.articles.map((a, i) => [a.id, i]));
  const bundles = new Map<TranslationLanguage, TranslationBundle>();
  for (const [language, articles] of byLanguage) {
    articles.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    const body = { language, articles, orientationEpds: orientationByLanguage.get(language) ?? null, calendar: calendarByLanguage.get(language) ?? null };
    // The French version is part of the hash: a translation bundle changes when the source it completes changes.
    const version = createHash("sha256").update(french.version).update(JSON.stringify(body)).digest("hex").slice(0, 16);
    bundles.set(language, translationBundleSchema.parse({ version, ...body }));
  }
  return bundles;
}
