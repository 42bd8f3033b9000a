import { mkdir, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { ContentValidationError, loadContent } from "../server/content/load-content.js";
import { loadEpdsQuestionnaires } from "../server/content/load-epds.js";
import { loadDevelopmentContent } from "../server/content/load-development.js";

/** Validates `content/` (and with no flag writes the bundle to `build/content.json`). Exit code 1 on any error. */
const root = fileURLToPath(new URL("../../content", import.meta.url));
const checkOnly = process.argv.includes("--check");

try {
  const bundle = await loadContent(root);
  const epds = await loadEpdsQuestionnaires(root);
  const development = await loadDevelopmentContent(root);
  if (!checkOnly) {
    const out = fileURLToPath(new URL("../../build/", import.meta.url));
    await mkdir(out, { recursive: true });
    await writeFile(`${out}content.json`, JSON.stringify(bundle));
  }
  console.log(`Contenu valide : ${bundle.stages.length} étapes, ${bundle.themes.length} thèmes, ${bundle.articles.length} articles, questionnaire EPDS en ${[...epds.keys()].join(", ")}, repères de développement en ${[...development.keys()].join(", ")} (version ${bundle.version}).`);
} catch (error) {
  if (error instanceof ContentValidationError) {
    console.error(`Contenu invalide (${error.errors.length} erreur${error.errors.length > 1 ? "s" : ""}) :\n${error.message}`);
    process.exit(1);
  }
  throw error;
}
