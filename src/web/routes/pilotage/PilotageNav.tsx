import { Link, useLocation } from "react-router";
import { Trans, useLingui } from "@lingui/react/macro";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { roleLabel, useSession, type Account } from "./session.js";

/** The back office's bar: who is connected, the pages of the account's role, and the two ways to log out. */
export function PilotageNav({ account }: { account: Account }) {
  const { pathname } = useLocation();
  const { logout } = useSession();
  const { t } = useLingui();
  // A département's call-back service sees its requests and its barometer, nothing else of the back office.
  const departemental = [
    { to: "/pilotage/rappels", label: t`Demandes de rappel` },
    { to: "/pilotage/rappels/barometre", label: t`Baromètre du département` },
    { to: "/pilotage/comptes", label: t`Mon compte` },
  ];
  const links =
    account.role === "departemental"
      ? departemental
      : [
          { to: "/pilotage", label: t`Projets` },
          { to: "/pilotage/liste", label: t`Liste des projets soutenus` },
          ...(account.role !== "observer" ? [{ to: "/pilotage/import", label: t`Importer la grille` }] : []),
          { to: "/pilotage/repartition", label: t`Répartition des crédits` },
          { to: "/pilotage/barometre", label: t`Baromètre EPP / EPNP` },
          ...(account.role === "national"
            ? [
                { to: "/pilotage/journal", label: t`Journal` },
                { to: "/pilotage/comptes", label: t`Comptes` },
                { to: "/pilotage/services-rappel", label: t`Services de rappel` },
              ]
            : [{ to: "/pilotage/comptes", label: t`Mon compte` }]),
        ];
  const current = (to: string) =>
    to === "/pilotage"
      ? pathname === "/pilotage" || pathname.startsWith("/pilotage/projets")
      : to === "/pilotage/rappels"
        ? /^\/pilotage\/rappels(\/(?!barometre)|$)/.test(pathname)
        : pathname.startsWith(to);
  return (
    <div className="mj-pilotage-bar fr-mb-3w">
      <p className="fr-text--sm fr-mb-1w">
        <Trans>
          Pilotage territorial — connecté : <strong>{account.displayName}</strong> ({roleLabel(account)})
        </Trans>
      </p>
      <nav aria-label={t`Pilotage territorial`} className="fr-mb-1w">
        <ul className="mj-inline-list">
          {links.map((l) => (
            <li key={l.to}>
              <Link className="fr-link" to={l.to} aria-current={current(l.to) ? "page" : undefined}>
                {l.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left">
        <Button size="small" priority="tertiary" iconId="fr-icon-logout-box-r-line" onClick={() => void logout(false)}>
          {t`Se déconnecter`}
        </Button>
        <Button size="small" priority="tertiary" onClick={() => void logout(true)}>
          {t`Se déconnecter partout`}
        </Button>
      </div>
    </div>
  );
}
