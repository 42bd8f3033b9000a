import { Header } from "@codegouvfr/react-dsfr/Header";
import { Footer } from "@codegouvfr/react-dsfr/Footer";
import { SkipLinks } from "@codegouvfr/react-dsfr/SkipLinks";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { lazy, Suspense } from "react";
import { Route, Routes, useLocation, useNavigate } from "react-router";
import { t } from "./i18n/fr.js";
import { useContentState } from "./state/content.js";
import { useParent } from "./state/parent.js";
import { HomePage } from "./routes/home/HomePage.js";
import { NotFoundPage } from "./routes/NotFoundPage.js";

// Pages other than the home page load on demand, to keep the first load light.
const ProfilePage = lazy(() => import("./routes/profile/ProfilePage.js").then((m) => ({ default: m.ProfilePage })));
const MyDataPage = lazy(() => import("./routes/profile/MyDataPage.js").then((m) => ({ default: m.MyDataPage })));
const JourneyPage = lazy(() => import("./routes/parcours/JourneyPage.js").then((m) => ({ default: m.JourneyPage })));
const StagePage = lazy(() => import("./routes/parcours/StagePage.js").then((m) => ({ default: m.StagePage })));
const ArticlePage = lazy(() => import("./routes/parcours/ArticlePage.js").then((m) => ({ default: m.ArticlePage })));
const SearchPage = lazy(() => import("./routes/search/SearchPage.js").then((m) => ({ default: m.SearchPage })));
const PostPartumPage = lazy(() => import("./routes/post-partum/PostPartumPage.js").then((m) => ({ default: m.PostPartumPage })));
const EpdsHistoryPage = lazy(() => import("./routes/post-partum/EpdsHistoryPage.js").then((m) => ({ default: m.EpdsHistoryPage })));
const EpdsProPage = lazy(() => import("./routes/post-partum/EpdsProPage.js").then((m) => ({ default: m.EpdsProPage })));
const EpdsEmbedPage = lazy(() => import("./routes/post-partum/EpdsEmbedPage.js").then((m) => ({ default: m.EpdsEmbedPage })));
const CalendarPage = lazy(() => import("./routes/calendrier/CalendarPage.js").then((m) => ({ default: m.CalendarPage })));
const EventPage = lazy(() => import("./routes/calendrier/EventPage.js").then((m) => ({ default: m.EventPage })));
const PilotageApp = lazy(() => import("./routes/pilotage/PilotageApp.js").then((m) => ({ default: m.PilotageApp })));
const PublicBarometerPage = lazy(() => import("./routes/pilotage/PublicBarometerPage.js").then((m) => ({ default: m.PublicBarometerPage })));
const PlacesPage = lazy(() => import("./routes/autour/PlacesPage.js").then((m) => ({ default: m.PlacesPage })));
const PlacePage = lazy(() => import("./routes/autour/PlacePage.js").then((m) => ({ default: m.PlacePage })));
const PlaceSourcesPage = lazy(() => import("./routes/autour/PlacePage.js").then((m) => ({ default: m.PlaceSourcesPage })));

const pillars = [
  { path: "/parcours", label: t.nav.parcours },
  { path: "/calendrier", label: t.nav.calendrier },
  { path: "/post-partum", label: t.nav.postPartum },
  { path: "/autour-de-moi", label: t.nav.autour },
] as const;

export function App() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const content = useContentState();
  const { storageError } = useParent();

  // Partner sites embed the questionnaire alone, without the site's header and footer.
  if (pathname.startsWith("/integration/"))
    return (
      <main id="contenu" className="fr-container fr-py-2w">
        <Suspense fallback={<p role="status">{t.app.loading}</p>}>
          <Routes>
            <Route path="/integration/epds" element={<EpdsEmbedPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Suspense>
      </main>
    );

  return (
    <>
      <SkipLinks
        links={[
          { anchor: "#contenu", label: t.app.skipContent },
          { anchor: "#fr-header-main-navigation", label: "Menu" },
          { anchor: "#pied-de-page", label: "Pied de page" },
        ]}
      />
      <Header
        brandTop={
          <>
            {t.app.brandTop[0]}
            <br />
            {t.app.brandTop[1]}
          </>
        }
        serviceTitle={t.app.name}
        serviceTagline={t.app.tagline}
        homeLinkProps={{ to: "/", title: t.app.homeTitle }}
        quickAccessItems={[
          { iconId: "fr-icon-user-line", text: t.nav.profile, linkProps: { to: "/profil" } },
          { iconId: "fr-icon-save-line", text: t.nav.myData, linkProps: { to: "/mes-donnees" } },
        ]}
        navigation={pillars.map((p) => ({
          text: p.label,
          linkProps: { to: p.path },
          isActive: pathname === p.path || pathname.startsWith(`${p.path}/`) || (p.path === "/parcours" && pathname.startsWith("/articles/")),
        }))}
        onSearchButtonClick={(text) => void navigate(`/recherche?q=${encodeURIComponent(text)}`)}
        allowEmptySearch={false}
      />
      <main id="contenu" tabIndex={-1} className="fr-container fr-py-4w">
        {content.status === "ready" && content.offline && (
          <Alert severity="info" small description={t.app.offline} className="fr-mb-3w" />
        )}
        {storageError && <Alert severity="warning" small description={storageError} className="fr-mb-3w" />}
        <Suspense fallback={<p role="status">{t.app.loading}</p>}>
        <Routes>
          <Route path="/" element={<HomePage />} />
          <Route path="/profil" element={<ProfilePage />} />
          <Route path="/mes-donnees" element={<MyDataPage />} />
          <Route path="/parcours" element={<JourneyPage />} />
          <Route path="/parcours/:stageId" element={<StagePage />} />
          <Route path="/articles/:articleId" element={<ArticlePage />} />
          <Route path="/recherche" element={<SearchPage />} />
          <Route path="/calendrier" element={<CalendarPage />} />
          <Route path="/calendrier/evenement/:eventId" element={<EventPage />} />
          <Route path="/post-partum" element={<PostPartumPage />} />
          <Route path="/post-partum/historique" element={<EpdsHistoryPage />} />
          <Route path="/post-partum/professionnel" element={<EpdsProPage />} />
          <Route path="/autour-de-moi" element={<PlacesPage />} />
          <Route path="/autour-de-moi/lieu/:placeId" element={<PlacePage />} />
          <Route path="/autour-de-moi/sources" element={<PlaceSourcesPage />} />
          <Route path="/pilotage/*" element={<PilotageApp />} />
          <Route path="/barometre" element={<PublicBarometerPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
        </Suspense>
      </main>
      <Footer
        id="pied-de-page"
        accessibility="partially compliant"
        contentDescription={t.footer.description}
        bottomItems={[
          { text: t.nav.myData, linkProps: { to: "/mes-donnees" } },
          { text: t.footer.licence, linkProps: { to: "/mes-donnees#licences" } },
          { text: "Baromètre EPP / EPNP", linkProps: { to: "/barometre" } },
          { text: "Pilotage territorial", linkProps: { to: "/pilotage" } },
        ]}
      />
    </>
  );
}
