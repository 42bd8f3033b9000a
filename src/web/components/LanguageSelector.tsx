import { useLingui } from "@lingui/react/macro";
import { useLocation } from "react-router";
import { locales } from "../../domain/content/languages.js";
import { localizedPath } from "../i18n/locales.js";
import { activeLocale } from "../i18n/i18n.js";

/**
 * The DSFR language selector (« sélecteur de langues », `fr-translate`), as a header quick access. Written here rather
 * than react-dsfr's LanguageSelect, whose links have no address, `lang` nor `hreflang`: each entry is a real link to
 * the same page in that language (`/ar/parcours`), which a screen reader announces in its language, which opens in a
 * new tab; a click on it is remembered as the person's choice (boot.ts, before the app has even started). `id`: set by the header (desktop and mobile copies).
 */
export function LanguageSelector({ id = "langues" }: { id?: string }) {
  const { t } = useLingui();
  const { pathname } = useLocation();
  const current = activeLocale();
  const menuId = `${id}-menu`;
  const [code, name] = current.label.split(" - ");
  return (
    <nav role="navigation" className="fr-translate fr-nav" id={id} aria-label={t`Choisir la langue`}>
      <div className="fr-nav__item">
        <button type="button" className="fr-translate__btn fr-btn fr-btn--tertiary" aria-controls={menuId} aria-expanded="false" title={t`Choisir la langue`}>
          <span lang={current.lang}>
            {code}
            <span className="fr-hidden-lg">&nbsp;- {name}</span>
          </span>
        </button>
        <div className="fr-collapse fr-translate__menu fr-menu" id={menuId}>
          <ul className="fr-menu__list">
            {locales.map((locale) => (
              <li key={locale.code}>
                <a
                  className="fr-translate__language fr-nav__link"
                  href={localizedPath(locale, `${current.prefix}${pathname}`)}
                  hrefLang={locale.lang}
                  lang={locale.lang}
                  dir={locale.dir}
                  aria-current={locale.code === current.code ? "true" : undefined}
                >
                  {locale.label}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </nav>
  );
}
