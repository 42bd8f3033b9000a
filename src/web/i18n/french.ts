import { setupI18n, type I18n } from "@lingui/core";

/**
 * French on its own, whatever the active language: for a text whose French version is the reference one and is
 * shown beside its translation (the call-back consent, docs/langues.md). French has no catalogue: every message
 * descriptor carries its French text (scripts/lingui-sections.ts), which an instance without messages shows.
 */
let french: I18n | null = null;

export function frenchI18n(): I18n {
  french ??= setupI18n({ locale: "fr", locales: ["fr-FR"], messages: { fr: {} } });
  return french;
}
