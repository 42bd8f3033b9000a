import { useLingui } from "@lingui/react/macro";

/**
 * The DSFR skip links (« liens d'évitement »), as react-dsfr draws them, with their navigation's name in the
 * interface's language: react-dsfr's own SkipLinks names it « Accès rapide » in French whatever the language, and
 * does not let that label be translated.
 */
export function SkipLinks({ links }: { links: readonly { anchor: string; label: string }[] }) {
  const { t } = useLingui();
  return (
    <div className="fr-skiplinks">
      <nav className="fr-container" role="navigation" aria-label={t`Accès rapide`}>
        <ul className="fr-skiplinks__list">
          {links.map((link) => (
            <li key={link.anchor}>
              <a className="fr-link" href={link.anchor}>
                {link.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
