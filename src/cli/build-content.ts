import { mkdir, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { ContentValidationError, loadContent } from "../server/content/load-content.js";
import { loadEpdsQuestionnaires } from "../server/content/load-epds.js";
import { loadDevelopmentContent } from "../server/content/load-development.js";
import { loadTranslations } from "../server/content/load-translations.js";

/**
 * Validates `content/` (and with no flag writes the bundle to `build/content.json` and one bundle per translation
 * language to `build/content-<langue>.json`). Exit code 1 on any error.
 */
const root = fileURLToPath(new URL("../../content", import.meta.url));
const checkOnly = process.argv.includes("--check");

try {
  const bundle = await loadContent(root);
  const epds = await loadEpdsQuestionnaires(root);
  const development = await loadDevelopmentContent(root);
  const translations = await loadTranslations(root, bundle);
  if (!checkOnly) {
    const out = fileURLToPath(new URL("../../build/", import.meta.url));
    await mkdir(out, { recursive: true });
    await writeFile(`${out}content.json`, JSON.stringify(bundle));
    for (const [language, translated] of translations) await writeFile(`${out}content-${language}.json`, JSON.stringify(translated));
  }
  const essentials = bundle.articles.filter((a) => a.essential).map((a) => a.id);
  const perLanguage = [...translations].map(([language, t]) => {
    const essentialCount = t.articles.filter((a) => essentials.includes(a.id)).length;
    const orientation = t.orientationEpds ? `, orientation EPDS ${Object.values(t.orientationEpds.texts).filter(Boolean).length} textes` : "";
    const calendar = t.calendar ? `, calendrier ${Object.keys(t.calendar.texts).length} textes` : "";
    return `${language} ${t.articles.length} (essentiels ${essentialCount}/${essentials.length}${orientation}${calendar})`;
  });
  console.log(
    `Contenu valide : ${bundle.stages.length} étapes, ${bundle.themes.length} thèmes, ${bundle.articles.length} articles dont ${essentials.length} essentiels, questionnaire EPDS en ${[...epds.keys()].join(", ")}, repères de développement en ${[...development.keys()].join(", ")} (version ${bundle.version}).`,
  );
  console.log(`Traductions : ${perLanguage.join(" · ")}.`);
} catch (error) {
  if (error instanceof ContentValidationError) {
    console.error(`Contenu invalide (${error.errors.length} erreur${error.errors.length > 1 ? "s" : ""}) :\n${error.message}`);
    process.exit(1);
  }
  throw error;
}
