import { commonOptions, runImportCommand } from "../server/places/cli.js";
import { importRpps } from "../server/places/index.js";

process.exitCode = await runImportCommand({
  name: "rpps",
  usage: `Usage : npm run import:rpps -- FICHIER [options]
FICHIER : PS_LibreAcces_Personne_activite_*.txt de l'Annuaire Santé (séparateur |, avec en-tête) ; .gz accepté.
  Importez FINESS d'abord : un professionnel exerçant dans un établissement FINESS connu est placé à son adresse.
${commonOptions}`,
  run: (db, file, options) => importRpps(db, file, options),
});
