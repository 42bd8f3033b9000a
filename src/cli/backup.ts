import { backup } from "../server/ops/backup.js";
import { runBackupCommand } from "./backup-command.js";

/**
 * `npm run backup -- FILE`: one file holding the whole database the server uses (DATABASE_URL, else
 * the PGlite folder of DATA_DIR). With PGlite, stop the server first. Keep the file as carefully as the
 * database: it holds back-office accounts (password hashes) and the audit log.
 */
await runBackupCommand("Usage : npm run backup -- FICHIER   (par exemple npm run backup -- sauvegardes/mille-jours-2026-12-01.bak)", async (target, file) => {
  const started = performance.now();
  const { bytes } = await backup(target, file);
  console.log(
    `Sauvegarde ${"databaseUrl" in target ? "PostgreSQL (pg_dump, format custom)" : "PGlite (archive du dossier)"} écrite dans « ${file} » : ${(bytes / 1e6).toFixed(1)} Mo en ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
});
