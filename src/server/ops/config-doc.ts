import { configReference } from "../config.js";

/** The documents that carry the generated configuration table, between the markers below. */
export const CONFIG_DOCS = ["README.md", "docs/operations.md"] as const;

/** Markers around the generated table. */
export const CONFIG_TABLE_START = "<!-- configuration: généré par `npm run docs:config` depuis src/server/config.ts, ne pas modifier à la main -->";
export const CONFIG_TABLE_END = "<!-- fin de la configuration générée -->";

/** The configuration reference as a Markdown table, from the single configuration schema. */
export function configTable(): string {
  const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");
  return [
    "| variable | rôle | défaut |",
    "|---|---|---|",
    ...configReference().map((v) => `| \`${v.name}\` | ${cell(v.description)} | ${cell(v.defaultText)} |`),
  ].join("\n");
}

/** The document with its generated section replaced by the current table. */
export function withConfigTable(doc: string): string {
  const start = doc.indexOf(CONFIG_TABLE_START);
  const end = doc.indexOf(CONFIG_TABLE_END);
  if (start < 0 || end < start) throw new Error(`Les marqueurs de la table de configuration manquent (${CONFIG_TABLE_START} … ${CONFIG_TABLE_END}).`);
  return `${doc.slice(0, start + CONFIG_TABLE_START.length)}\n${configTable()}\n${doc.slice(end)}`;
}
