import { msg } from "@lingui/core/macro";
import { i18n, type MessageDescriptor } from "@lingui/core";
import { Trans } from "@lingui/react";
import { addHeaderTranslations } from "@codegouvfr/react-dsfr/Header";
import { addSearchBarTranslations } from "@codegouvfr/react-dsfr/SearchBar";
import { addMainNavigationTranslations } from "@codegouvfr/react-dsfr/MainNavigation";
import { addFooterTranslations } from "@codegouvfr/react-dsfr/Footer";
import { addBreadcrumbTranslations } from "@codegouvfr/react-dsfr/Breadcrumb";
import { addAlertTranslations } from "@codegouvfr/react-dsfr/Alert";
import { addDisplayTranslations } from "@codegouvfr/react-dsfr/Display";
import { addModalTranslations } from "@codegouvfr/react-dsfr/Modal";

/**
 * The labels react-dsfr writes itself (header « Menu » and « Fermer », « Rechercher », the breadcrumb's button, the
 * footer's accessibility and licence lines, « Masquer le message », the display settings).
 * react-dsfr has them in French and English (some in Spanish and German) only; ours come from our catalogues, in
 * the interface's 8 languages, registered under the language code react-dsfr's `useLang` returns (main.tsx,
 * prerender.tsx: the active catalogue's). The back office's own components (pagination, upload) stay French. The skip
 * links' name cannot be registered (react-dsfr does not export it): components/SkipLinks.tsx draws them.
 */
const labels = {
  menu: msg`Menu`,
  close: msg`Fermer`,
  search: msg`Rechercher`,
  mainMenu: msg`Menu principal`,
  showBreadcrumb: msg`Voir le fil d’Ariane`,
  youAreHere: msg`vous êtes ici`,
  home: msg`Accueil`,
  hideMessage: msg`Masquer le message`,
  accessibility: msg`Accessibilité`,
  nonCompliant: msg`non conforme`,
  partiallyCompliant: msg`partiellement conforme`,
  fullyCompliant: msg`totalement conforme`,
  newWindow: msg`nouvelle fenêtre`,
  licence: msg`licence etalab-2.0`,
  licenceMention: msg`Sauf mention explicite de propriété intellectuelle détenue par des tiers, les contenus de ce site sont proposés sous <0>licence etalab-2.0</0>`,
  displaySettings: msg`Paramètres d'affichage`,
  pickTheme: msg`Choisissez un thème pour personnaliser l'apparence du site.`,
  lightTheme: msg`Thème clair`,
  darkTheme: msg`Thème sombre`,
  systemTheme: msg`Système`,
  systemThemeHint: msg`Utilise les paramètres système.`,
} satisfies Record<string, MessageDescriptor>;

/** The footer's licence line, its link inside the sentence wherever the language puts it. */
function LicenceMention({ licenseUrl }: { licenseUrl: string }) {
  const title = `${i18n._(labels.licence)} - ${i18n._(labels.newWindow)}`;
  return (
    <Trans
      id={labels.licenceMention.id}
      message={labels.licenceMention.message}
      components={{ 0: <a href={licenseUrl} target="_blank" rel="noreferrer" title={title} id="footer-etalab-licence-link" /> }}
    />
  );
}

/** Registers react-dsfr's labels in the active language (react-dsfr keeps each language's once registered). */
export function registerDsfrLabels(): void {
  const lang = i18n.locale;
  if (!lang) return;
  const _ = (descriptor: MessageDescriptor) => i18n._(descriptor);
  addHeaderTranslations({ lang, messages: { menu: _(labels.menu), close: _(labels.close) } });
  addSearchBarTranslations({ lang, messages: { label: _(labels.search) } });
  addMainNavigationTranslations({ lang, messages: { "main menu": _(labels.mainMenu) } });
  addBreadcrumbTranslations({
    lang,
    messages: { "show breadcrumb": _(labels.showBreadcrumb), "navigation label": _(labels.youAreHere), home: _(labels.home) },
  });
  addAlertTranslations({ lang, messages: { "hide message": _(labels.hideMessage) } });
  addModalTranslations({ lang, messages: { close: _(labels.close) } });
  addFooterTranslations({
    lang,
    messages: {
      "hide message": _(labels.hideMessage),
      accessibility: _(labels.accessibility),
      "non compliant": _(labels.nonCompliant),
      "partially compliant": _(labels.partiallyCompliant),
      "fully compliant": _(labels.fullyCompliant),
      "open new window": _(labels.newWindow),
      "license mention": (p: { licenseUrl: string }) => <LicenceMention licenseUrl={p.licenseUrl} />,
    },
  });
  addDisplayTranslations({
    lang,
    messages: {
      "display settings": _(labels.displaySettings),
      close: _(labels.close),
      "pick a theme": _(labels.pickTheme),
      "light theme": _(labels.lightTheme),
      "dark theme": _(labels.darkTheme),
      "system theme": _(labels.systemTheme),
      "system theme hint": _(labels.systemThemeHint),
    },
  });
}

/** react-dsfr's labels follow the active catalogue from now on: each activation registers them for its language. */
export function followActiveLocaleInDsfr(): void {
  i18n.on("change", registerDsfrLabels);
  registerDsfrLabels();
}
