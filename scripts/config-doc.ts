import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { withConfigTable } from "../src/server/ops/config-doc.js";

/** Rewrites the configuration table of docs/operations.md from src/server/config.ts (`npm run docs:config`). */
const path = fileURLToPath(new URL("../docs/operations.md", import.meta.url));
const before = readFileSync(path, "utf8");
const after = withConfigTable(before);
if (after !== before) writeFileSync(path, after);
console.log(after === before ? "docs/operations.md : table de configuration déjà à jour." : "docs/operations.md : table de configuration réécrite.");
