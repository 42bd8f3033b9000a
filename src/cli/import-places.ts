import { commonOptions, runImportCommand } from "../server/places/cli.js";
import { importGeneric } from "../server/places/index.js";

process.exitCode = await runImportCommand({
  name: "places",
  needsDataset: true,
  usage: `Usage : npm run import:places -- FICHIER --dataset NOM [options]
FICHIER : CSV (séparateur , ou ;) ou GeoJSON (.geojson, .json) au schéma de docs/data.md ; .gz accepté.
--dataset NOM : nom du jeu (minuscules, chiffres, tirets, ex. caf-2026) ; réimporter sous le même nom le remplace.
${commonOptions}`,
  run: (db, file, options) => importGeneric(db, file, options.dataset!, options),
});
