import { Suspense, useState, type FormEvent } from "react";
import { lazyWithMessages } from "../../i18n/lazy.js";
import { Link, Navigate, Route, Routes, useLocation } from "react-router";
import { Trans, useLingui } from "@lingui/react/macro";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Page } from "../../components/Page.js";
import { shared } from "../../i18n/messages.js";
import { roleLabel, SessionProvider, useSession, type Account } from "./session.js";

const ProjectsPage = lazyWithMessages(() => import("./ProjectsPage.js").then((m) => ({ default: m.ProjectsPage })));
const ProjectPage = lazyWithMessages(() => import("./ProjectPage.js").then((m) => ({ default: m.ProjectPage })));
const ProjectFormPage = lazyWithMessages(() => import("./ProjectFormPage.js").then((m) => ({ default: m.ProjectFormPage })));
const ListPage = lazyWithMessages(() => import("./ListPage.js").then((m) => ({ default: m.ListPage })));
const ImportPage = lazyWithMessages(() => import("./ImportPage.js").then((m) => ({ default: m.ImportPage })));
const AllocationPage = lazyWithMessages(() => import("./AllocationPage.js").then((m) => ({ default: m.AllocationPage })));
const BarometerPrivatePage = lazyWithMessages(() => import("./BarometerPage.js").then((m) => ({ default: m.BarometerPrivatePage })));
const JournalPage = lazyWithMessages(() => import("./JournalPage.js").then((m) => ({ default: m.JournalPage })));
const AccountsPage = lazyWithMessages(() => import("./AccountsPage.js").then((m) => ({ default: m.AccountsPage })));
const CallbackInboxPage = lazyWithMessages(() => import("./rappels/InboxPage.js").then((m) => ({ default: m.InboxPage })));
const CallbackRequestPage = lazyWithMessages(() => import("./rappels/RequestPage.js").then((m) => ({ default: m.RequestPage })));
const CallbackServicesPage = lazyWithMessages(() => import("./rappels/ServicesPage.js").then((m) => ({ default: m.ServicesPage })));
const DepartementBarometerPage = lazyWithMessages(() => import("./rappels/DepartementBarometerPage.js").then((m) => ({ default: m.DepartementBarometerPage })));

/** The steering side (« Pilotage territorial »): login, then the pages of the account's role. */
export function PilotageApp() {
  return (
    <SessionProvider>
      <Pilotage />
    </SessionProvider>
  );
}

function Pilotage() {
  const { state } = useSession();
  const { t } = useLingui();
  if (state.status === "loading") return <p role="status">{t(shared.loading)}</p>;
  if (state.status === "anonymous") return <LoginPage expired={state.expired} />;
  return (
    <>
      <PilotageNav account={state.account} />
      <Suspense fallback={<p role="status">{t(shared.loading)}</p>}>
        <Routes>
          <Route index element={state.account.role === "departemental" ? <Navigate to="/pilotage/rappels" replace /> : <ProjectsPage />} />
          <Route path="rappels" element={<CallbackInboxPage />} />
          <Route path="rappels/barometre" element={<DepartementBarometerPage />} />
          <Route path="rappels/:id" element={<CallbackRequestPage />} />
          <Route path="services-rappel" element={<CallbackServicesPage />} />
          <Route path="projets/nouveau" element={<ProjectFormPage />} />
          <Route path="projets/:id" element={<ProjectPage />} />
          <Route path="projets/:id/modifier" element={<ProjectFormPage />} />
          <Route path="liste" element={<ListPage />} />
          <Route path="import" element={<ImportPage />} />
          <Route path="repartition" element={<AllocationPage />} />
          <Route path="barometre" element={<BarometerPrivatePage />} />
          <Route path="journal" element={<JournalPage />} />
          <Route path="comptes" element={<AccountsPage />} />
          <Route
            path="*"
            element={
              <Page title={t`Page introuvable`}>
                <p>{t`Cette page du pilotage n'existe pas.`}</p>
              </Page>
            }
          />
        </Routes>
      </Suspense>
    </>
  );
}

function PilotageNav({ account }: { account: Account }) {
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

function LoginPage({ expired }: { expired: boolean }) {
  const { login } = useSession();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { t } = useLingui();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await login(email, password);
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      setPassword("");
    }
  }

  return (
    <Page title={t`Connexion au pilotage territorial`}>
      <p>
        {t`Espace réservé aux agents de l'administration nationale, des ARS (agences régionales de santé) et des DREETS (directions régionales de l'économie, de l'emploi, du travail et des solidarités) qui suivent les projets locaux des 1000 premiers jours, et aux services départementaux qui rappellent les parents. Les parents n'ont pas besoin de compte.`}
      </p>
      <div aria-live="polite">
        {expired && !error && <Alert severity="info" small description={t`Votre session a pris fin : reconnectez-vous.`} className="fr-mb-3w" />}
        {error && <Alert severity="error" small description={error} className="fr-mb-3w" />}
      </div>
      <form onSubmit={(e) => void submit(e)} className="mj-narrow-form">
        <Input
          label={t`Adresse électronique professionnelle`}
          nativeInputProps={{ type: "email", name: "email", autoComplete: "username", required: true, value: email, onChange: (e) => setEmail(e.target.value) }}
        />
        <Input
          label={t`Mot de passe`}
          nativeInputProps={{
            type: "password",
            name: "password",
            autoComplete: "current-password",
            required: true,
            value: password,
            onChange: (e) => setPassword(e.target.value),
          }}
        />
        <Button type="submit" disabled={busy}>
          {t`Se connecter`}
        </Button>
      </form>
      <p className="fr-text--sm fr-mt-3w">
        <Trans>
          Après 5 essais infructueux, le compte est bloqué 15 minutes. Mot de passe oublié : demandez à l'administration nationale de vous en attribuer un
          nouveau. Le baromètre public est consultable sans compte : <Link to="/barometre">baromètre EPP / EPNP</Link>.
        </Trans>
      </p>
    </Page>
  );
}
