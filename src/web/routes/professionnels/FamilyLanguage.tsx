import { useState } from "react";
import { useLingui } from "@lingui/react/macro";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { localeByCode, locales, type ContentLanguage, type Locale } from "../../../domain/content/languages.js";
import { activeLocale } from "../../i18n/i18n.js";

/** The family's language for a hand-over, the page's by default. */
export function useFamilyLanguage(): [Locale, (locale: Locale) => void] {
  return useState<Locale>(activeLocale);
}

/**
 * « Langue de la famille »: the link and QR code handed over open Mille Jours in that language (`/ar/recevoir#…`),
 * whatever the language the professional reads this page in. Each language is named in its own words.
 */
export function FamilyLanguage({ language, onChange }: { language: Locale; onChange: (locale: Locale) => void }) {
  const { t } = useLingui();
  return (
    <Select
      label={t`Langue de la famille`}
      hint={t`Le lien et le QR code ouvrent Mille Jours dans cette langue sur le téléphone du parent. Pour imprimer dans sa langue, choisissez-la en haut de page avant de saisir les dates.`}
      nativeSelectProps={{
        name: "family-language",
        value: language.code,
        onChange: (e) => onChange(localeByCode(e.target.value as ContentLanguage)),
      }}
    >
      {locales.map((l) => (
        <option key={l.code} value={l.code} lang={l.lang} dir={l.dir}>
          {l.label}
        </option>
      ))}
    </Select>
  );
}
