import { restore } from "../server/ops/backup.js";
import { runBackupCommand } from "./backup-command.js";

/**
 * `npm run restore -- FILE`: replaces the database the server uses with a backup made by
 * `npm run backup`. Stop every server copy first. PGlite: the replaced folder is kept beside it.
 */
await runBackupCommand("Usage : npm run restore -- FICHIER   (une sauvegarde faite par npm run backup ; arrêtez le serveur d'abord)", async (target, file) => {
  const { previous } = await restore(target, file);
  console.log(
    `Sauvegarde « ${file} » restaurée.${previous ? ` L'ancienne base est conservée dans « ${previous} » (à supprimer une fois la restauration vérifiée).` : ""}`,
  );
  console.log("Au démarrage, le serveur applique les migrations plus récentes que la sauvegarde.");
});
