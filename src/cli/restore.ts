import { databaseTarget, loadBackupConfig } from "../server/config.js";
import { exitIfLocked } from "../server/db/data-dir-lock.js";
import { BackupError, restore } from "../server/ops/backup.js";

/**
 * `npm run restore -- FILE`: replaces the database the server uses with a backup made by
 * `npm run backup`. Stop every server copy first. PGlite: the replaced folder is kept beside it.
 */
const file = process.argv[2];
if (!file || file.startsWith("-")) {
  console.error("Usage : npm run restore -- FICHIER   (une sauvegarde faite par npm run backup ; arrêtez le serveur d'abord)");
  process.exit(2);
}
const config = loadBackupConfig();
const target = { ...databaseTarget(config), pgBinDir: config.PG_BIN_DIR };
try {
  const { previous } = await restore(target, file);
  console.log(`Sauvegarde « ${file} » restaurée.${previous ? ` L'ancienne base est conservée dans « ${previous} » (à supprimer une fois la restauration vérifiée).` : ""}`);
  console.log("Au démarrage, le serveur applique les migrations plus récentes que la sauvegarde.");
} catch (error) {
  if (!(error instanceof BackupError)) exitIfLocked(error);
  console.error(error.message);
  process.exit(1);
}
