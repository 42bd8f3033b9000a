import { Suspense } from "react";
import { lazyWithMessages } from "../../i18n/lazy.js";
import { Navigate, Route, Routes } from "react-router";
import { useLingui } from "@lingui/react/macro";
import { Page } from "../../components/Page.js";
import { shared } from "../../i18n/messages.js";
import { LoginPage } from "./LoginPage.js";
import { PilotageNav } from "./PilotageNav.js";
import { SessionProvider, useSession } from "./session.js";

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
