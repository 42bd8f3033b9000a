import { commonOptions, runImportCommand } from "../server/places/cli.js";
import { importFiness } from "../server/places/index.js";

process.exitCode = await runImportCommand({
  name: "finess",
  usage: `Usage : npm run import:finess -- FICHIER [options]
FICHIER : extrait FINESS des établissements de data.gouv.fr (etalab-cs1100507-stock-*.csv, géolocalisé, ou cs1100502),
  ou variante une ligne par établissement avec en-tête (T-Finess, CSV dérivé du FHIR) ; .gz accepté.
${commonOptions}`,
  run: (db, file, options) => importFiness(db, file, options),
});
