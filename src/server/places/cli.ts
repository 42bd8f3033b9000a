import { accessSync, constants, statSync } from "node:fs";
import { resolve } from "node:path";
import { databaseTarget, loadDatabaseConfig, placesSnapshotFile } from "../config.js";
import { parseArgs } from "node:util";
import { openDatabase, type Database } from "../db/database.js";
import { migrate } from "../db/migrate.js";
import { DataDirLockedError } from "../db/data-dir-lock.js";
import { describeReport, type ImportReport } from "./importers/report.js";
import type { ImportOptions } from "./importers/run-import.js";
import { COMMUNES_DATASET } from "./importers/communes.js";
import { refreshPlaceSnapshot } from "./place-index.js";

export interface ImportCommand {
  /** `npm run import:<name> -- FILE` */
  name: string;
  usage: string;
  needsDataset?: boolean;
  run(db: Database, file: string, options: ImportOptions & { dataset?: string }): Promise<ImportReport>;
}

/**
 * The shared body of the `import:*` commands: open the same database as the server (DATABASE_URL, or
 * PGlite in DATA_DIR/pglite), migrate, import, print the report. Exit code 0 when the data was replaced
 * or already up to date, 1 when the file was refused (nothing changed), 2 on a usage error.
 *
 * With PGlite the server must be stopped during an import (one process per data folder: the command is
 * refused while it runs, see src/server/db/data-dir-lock.ts); with
 * PostgreSQL, running servers pick the new data up within a minute (they poll the import log).
 */
export async function runImportCommand(command: ImportCommand, argv = process.argv.slice(2)): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { "max-rejected": { type: "string" }, force: { type: "boolean" }, dataset: { type: "string" }, help: { type: "boolean" } },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${command.usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const maxRejected = values["max-rejected"] === undefined ? 0 : Number(values["max-rejected"]);
  if (values.help || positionals.length !== 1 || !Number.isInteger(maxRejected) || maxRejected < 0 || (command.needsDataset && !values.dataset)) {
    console.error(command.usage);
    return values.help ? 0 : 2;
  }
  const file = resolve(positionals[0]!);
  const problem = fileProblem(file);
  if (problem) {
    console.error(`${problem}\n\n${command.usage}`);
    return 2;
  }
  const config = loadDatabaseConfig();
  const target = databaseTarget(config);
  let db: Database;
  try {
    db = await openDatabase(target);
  } catch (error) {
    // A folder locked by the running server (PGlite), or a database that cannot be reached.
    console.error(error instanceof DataDirLockedError ? error.message : `Base de données inaccessible : ${(error as Error).message}`);
    return 1;
  }
  try {
    await migrate(db);
    const report = await command.run(db, file, { maxRejected, force: values.force ?? false, ...(values.dataset ? { dataset: values.dataset } : {}) });
    console.log(describeReport(report));
    if (report.status === "applied" && report.dataset !== COMMUNES_DATASET) await saveIndexSnapshot(db, placesSnapshotFile(config));
    return report.status === "refused" ? 1 : 0;
  } catch (error) {
    console.error(`Import impossible : ${(error as Error).message}`);
    return 1;
  } finally {
    await db.close();
  }
}

/**
 * The places have changed: the server's search index is saved now (DATA_DIR/places-index.bin), so that the next start
 * reads one file instead of every place. The import is done whatever happens here: a failure only costs that start
 * a read of the database.
 */
async function saveIndexSnapshot(db: Database, file: string): Promise<void> {
  const t0 = performance.now();
  try {
    const count = await refreshPlaceSnapshot(db, file, (message) => console.warn(message));
    console.log(
      `Index des lieux enregistré pour le prochain démarrage du serveur : ${count} lieux en ${((performance.now() - t0) / 1000).toFixed(1)} s (${file}).`,
    );
  } catch (error) {
    console.warn(`Index des lieux non enregistré (${(error as Error).message}) : le serveur le relira depuis la base à son prochain démarrage.`);
  }
}

/** Why a path cannot be imported (missing, a folder, unreadable), in French, or null. */
function fileProblem(file: string): string | null {
  try {
    if (!statSync(file).isFile()) return `« ${file} » n'est pas un fichier.`;
    accessSync(file, constants.R_OK);
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ENOENT" ? `Fichier introuvable : « ${file} ».` : `Fichier illisible : « ${file} » (${code ?? (error as Error).message}).`;
  }
}

export const commonOptions = `Options :
  --max-rejected N   accepter jusqu'à N lignes invalides (écartées et listées) ; par défaut 0 : une seule ligne invalide refuse le fichier
  --force            confirmer un import qui retirerait plus de 20 % des lignes en place (refusé sans lui : fichier tronqué ?),
                     et réécrire même si ce fichier est déjà celui des données en place
Base : DATABASE_URL (PostgreSQL) ou, sinon, PGlite dans DATA_DIR/pglite (DATA_DIR=var par défaut ; arrêtez le serveur pendant l'import : la commande est refusée tant qu'il tourne).`;
