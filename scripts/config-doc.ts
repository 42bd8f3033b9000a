import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CONFIG_DOCS, withConfigTable } from "../src/server/ops/config-doc.js";

/** Rewrites the configuration tables of the README and docs/operations.md from src/server/config.ts (`npm run docs:config`). */
for (const doc of CONFIG_DOCS) {
  const path = fileURLToPath(new URL(`../${doc}`, import.meta.url));
  const before = readFileSync(path, "utf8");
  const after = withConfigTable(before);
  if (after !== before) writeFileSync(path, after);
  console.log(after === before ? `${doc} : table de configuration déjà à jour.` : `${doc} : table de configuration réécrite.`);
}
