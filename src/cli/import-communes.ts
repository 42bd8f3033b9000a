import { commonOptions, runImportCommand } from "../server/places/cli.js";
import { importCommunes } from "../server/places/index.js";

process.exitCode = await runImportCommand({
  name: "communes",
  usage: `Usage : npm run import:communes -- FICHIER [options]
FICHIER : CSV insee_code,name,dep_code,reg_code,zone,postal_codes,lat,lon,population (voir docs/data.md) ; .gz accepté.
${commonOptions}`,
  run: (db, file, options) => importCommunes(db, file, options),
});
