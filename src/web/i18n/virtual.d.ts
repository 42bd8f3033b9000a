/** Per-language loaders of the catalogue's sections, generated at build time (scripts/lingui-sections.ts). */
declare module "virtual:lingui-sections" {
  import type { Messages } from "@lingui/core";
  export const loaders: Record<string, Record<string, () => Promise<{ messages: Messages }>>>;
}
