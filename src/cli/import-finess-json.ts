import { commonOptions, runImportCommand } from "../server/places/cli.js";
import { importFinessJson } from "../server/places/index.js";

process.exitCode = await runImportCommand({
  name: "finess-json",
  usage: `Usage : npm run import:finess-json -- FICHIER [options]
FICHIER : flux « FINESS – Structures » de l'ANS publié sur data.gouv.fr (finess-structures-*.json, .json.gz accepté),
  successeur de l'extrait CSV etalab-cs1100507 gelé en mai 2026. Remplace les établissements FINESS en place.
${commonOptions}`,
  run: (db, file, options) => importFinessJson(db, file, options),
});
