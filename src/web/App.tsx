import { Header } from "@codegouvfr/react-dsfr/Header";
import { Footer } from "@codegouvfr/react-dsfr/Footer";
import { headerFooterDisplayItem } from "@codegouvfr/react-dsfr/Display";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { isValidElement, startTransition, Suspense, useEffect, useState, type ComponentType } from "react";
import { createRoutesFromElements, matchRoutes, Route, Routes, useLocation, useNavigate } from "react-router";
import { useLingui } from "@lingui/react/macro";
import { shared } from "./i18n/messages.js";
import { activeLocale } from "./i18n/i18n.js";
import { lazyWithMessages } from "./i18n/lazy.js";
import { LanguageSelector } from "./components/LanguageSelector.js";
import { SkipLinks } from "./components/SkipLinks.js";
import { CatalogueFallbackNote, useCatalogueMissing } from "./components/CatalogueFallbackNote.js";
import { stylesheetForPage } from "./full-stylesheet.js";
import { startDsfrWhenIdle } from "./dsfr-start.js";
import { useContentState } from "./state/content.js";
import { useParent } from "./state/parent.js";
import { HomePage } from "./routes/home/HomePage.js";
import { NotFoundPage } from "./routes/NotFoundPage.js";

/**
 * Pages other than the home page load on demand, to keep the first load light. They render once the
 * whole DSFR stylesheet is there (pre-rendered pages start with the part they use only), except the page the
 * document was pre-rendered for, whose rules its critical stylesheet holds (see full-stylesheet.ts).
 */
function page<T>(load: () => Promise<T>, pick: (module: T) => ComponentType) {
  return lazyWithMessages(() => Promise.all([load(), stylesheetForPage()]).then(([module]) => ({ default: pick(module) })));
}
const ProfilePage = page(
  () => import("./routes/profile/ProfilePage.js"),
  (m) => m.ProfilePage,
);
const MyDataPage = page(
  () => import("./routes/profile/MyDataPage.js"),
  (m) => m.MyDataPage,
);
const JourneyPage = page(
  () => import("./routes/parcours/JourneyPage.js"),
  (m) => m.JourneyPage,
);
const StagePage = page(
  () => import("./routes/parcours/StagePage.js"),
  (m) => m.StagePage,
);
const ArticlePage = page(
  () => import("./routes/parcours/ArticlePage.js"),
  (m) => m.ArticlePage,
);
const SearchPage = page(
  () => import("./routes/search/SearchPage.js"),
  (m) => m.SearchPage,
);
const PostPartumPage = page(
  () => import("./routes/post-partum/PostPartumPage.js"),
  (m) => m.PostPartumPage,
);
const EpdsHistoryPage = page(
  () => import("./routes/post-partum/EpdsHistoryPage.js"),
  (m) => m.EpdsHistoryPage,
);
const EpdsProPage = page(
  () => import("./routes/post-partum/EpdsProPage.js"),
  (m) => m.EpdsProPage,
);
const CallbackPage = page(
  () => import("./routes/post-partum/rappel/CallbackPage.js"),
  (m) => m.CallbackPage,
);
const EpdsEmbedPage = page(
  () => import("./routes/post-partum/EpdsEmbedPage.js"),
  (m) => m.EpdsEmbedPage,
);
const CalendarPage = page(
  () => import("./routes/calendrier/CalendarPage.js"),
  (m) => m.CalendarPage,
);
const EventPage = page(
  () => import("./routes/calendrier/EventPage.js"),
  (m) => m.EventPage,
);
const PilotageApp = page(
  () => import("./routes/pilotage/PilotageApp.js"),
  (m) => m.PilotageApp,
);
const PublicBarometerPage = page(
  () => import("./routes/pilotage/PublicBarometerPage.js"),
  (m) => m.PublicBarometerPage,
);
const PlacesPage = page(
  () => import("./routes/autour/PlacesPage.js"),
  (m) => m.PlacesPage,
);
const PlacePage = page(
  () => import("./routes/autour/PlacePage.js"),
  (m) => m.PlacePage,
);
const PlaceSourcesPage = page(
  () => import("./routes/autour/PlacePage.js"),
  (m) => m.PlaceSourcesPage,
);
const ProfessionalsPage = page(
  () => import("./routes/professionnels/ProfessionalsPage.js"),
  (m) => m.ProfessionalsPage,
);
const CalendarHandoverPage = page(
  () => import("./routes/professionnels/CalendarHandoverPage.js"),
  (m) => m.CalendarHandoverPage,
);
const InterviewsPage = page(
  () => import("./routes/professionnels/InterviewsPage.js"),
  (m) => m.InterviewsPage,
);
const PlacesListPage = page(
  () => import("./routes/professionnels/PlacesListPage.js"),
  (m) => m.PlacesListPage,
);
const PostersPage = page(
  () => import("./routes/professionnels/PostersPage.js"),
  (m) => m.PostersPage,
);
const EntryPointPage = page(
  () => import("./routes/professionnels/EntryPointPage.js"),
  (m) => m.EntryPointPage,
);
const ReceivePage = page(
  () => import("./routes/professionnels/ReceivePage.js"),
  (m) => m.ReceivePage,
);
const DevelopmentPage = page(
  () => import("./routes/developpement/DevelopmentPage.js"),
  (m) => m.DevelopmentPage,
);
const DevelopmentCheckPage = page(
  () => import("./routes/developpement/CheckPage.js"),
  (m) => m.CheckPage,
);
const DevelopmentHistoryPage = page(
  () => import("./routes/developpement/HistoryPage.js"),
  (m) => m.HistoryPage,
);

/** Pages a partner site embeds in an iframe, without the site's header and footer; pre-rendered like the site's pages. */
export const embedRoutes = <Route path="/integration/epds" element={<EpdsEmbedPage />} />;

/**
 * The site's pages. Every route whose path parameters are known at build time is pre-rendered into its own HTML
 * file (src/web/prerender.tsx), unless marked `handle={{ prerender: false }}`; the others are served by `shell.html`.
 */
export const pageRoutes = (
  <>
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
    {/* A parent's call-back request: pre-rendered at its first step (the commune), the same on every device; the EPDS
        result passed along counts from the form on. */}
    <Route path="/post-partum/rappel" element={<CallbackPage />} />
    <Route path="/developpement" element={<DevelopmentPage />} />
    <Route path="/developpement/reperage" element={<DevelopmentCheckPage />} />
    <Route path="/developpement/historique" element={<DevelopmentHistoryPage />} />
    <Route path="/autour-de-moi" element={<PlacesPage />} />
    <Route path="/autour-de-moi/lieu/:placeId" element={<PlacePage />} />
    <Route path="/autour-de-moi/sources" element={<PlaceSourcesPage />} />
    <Route path="/pilotage/*" element={<PilotageApp />} />
    <Route path="/barometre" element={<PublicBarometerPage />} />
    <Route path="/professionnels" element={<ProfessionalsPage />} />
    <Route path="/professionnels/calendrier" element={<CalendarHandoverPage />} />
    <Route path="/professionnels/entretiens" element={<InterviewsPage />} />
    {/* Lists fetched on the device; posters whose QR codes carry this site's own address. */}
    <Route path="/professionnels/lieux" element={<PlacesListPage />} handle={{ prerender: false }} />
    <Route path="/professionnels/supports" element={<PostersPage />} handle={{ prerender: false }} />
    {/* Short links of the official supports: sent on to their page. */}
    <Route path="/d/:code" element={<EntryPointPage />} handle={{ prerender: false }} />
    {/* What it shows is in the address's fragment, which a page rendered at build time cannot know. */}
    <Route path="/recevoir" element={<ReceivePage />} handle={{ prerender: false }} />
    <Route path="*" element={<NotFoundPage />} />
  </>
);

/**
 * Loads the code of the page at `pathname` (with its language's messages): the first render waits for it, so that it
 * shows the page rather than « Chargement… » in place of the page the server sent (main.tsx). Never fails: a page whose
 * code cannot be fetched shows its error when it renders.
 */
export function preloadPage(pathname: string, basename?: string): Promise<void> {
  const routes = createRoutesFromElements(
    <>
      {embedRoutes}
      {pageRoutes}
    </>,
  );
  const element = matchRoutes(routes, pathname, basename)?.at(-1)?.route.element;
  const preload = isValidElement(element) ? (element.type as { preload?: () => Promise<unknown> }).preload : undefined;
  return preload
    ? preload().then(
        () => undefined,
        () => undefined,
      )
    : Promise.resolve();
}

/**
 * A pre-rendered page's form controls are served disabled (scripts/vite-prerender.ts): enabled once the page is
 * hydrated, which is when this effect runs (it sits in the page's Suspense boundary).
 */
function EnableServedControls() {
  useEffect(() => {
    for (const control of document.querySelectorAll("[data-avant-app]")) {
      control.removeAttribute("disabled");
      control.removeAttribute("data-avant-app");
    }
  }, []);
  return null;
}

const pillars = [
  { path: "/parcours", label: shared.parcours },
  { path: "/calendrier", label: shared.calendrier },
  { path: "/post-partum", label: shared.postPartum },
  { path: "/autour-de-moi", label: shared.autour },
] as const;

/** `started`: render as the running app looks (build time: to know the rules it uses, see prerender.tsx). */
export function App({ started: startedAtFirst = false }: { started?: boolean }) {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const content = useContentState();
  const { storageError } = useParent("storageError");
  const { t } = useLingui();
  const locale = activeLocale();
  // Offline before the language's messages were cached, the page shows French (with a note) until they arrive.
  const catalogueMissing = useCatalogueMissing(locale);
  // The shell (`shell.html`) is served in French for every path: the document takes the page's language, or French
  // while French words stand in for it (read as French by a screen reader, left to right).
  useEffect(() => {
    document.documentElement.lang = catalogueMissing ? "fr" : locale.lang;
    document.documentElement.dir = catalogueMissing ? "ltr" : locale.dir;
  }, [locale, catalogueMissing]);
  // The display settings (light / dark theme: the dialog and the footer button opening it) need the app
  // running: left out of pre-rendered pages, whose first paint would otherwise fetch three illustrations.
  const [started, setStarted] = useState(startedAtFirst);
  useEffect(() => startTransition(() => setStarted(true)), []);
  // DSFR's script, unless an action of the visitor started it already (dsfr-start.ts).
  useEffect(startDsfrWhenIdle, []);

  // Partner sites embed the questionnaire alone, without the site's header and footer.
  if (pathname.startsWith("/integration/"))
    return (
      <main id="contenu" className="fr-container fr-py-2w">
        <Suspense fallback={<p role="status">{t(shared.loading)}</p>}>
          <Routes>
            {embedRoutes}
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Suspense>
      </main>
    );

  return (
    <>
      <SkipLinks
        links={[
          { anchor: "#contenu", label: t`Contenu` },
          { anchor: "#fr-header-main-navigation", label: t`Menu` },
          { anchor: "#pied-de-page", label: t`Pied de page` },
        ]}
      />
      <Header
        brandTop={
          <>
            {t`République`}
            <br />
            {t`Française`}
          </>
        }
        serviceTitle={t(shared.appName)}
        serviceTagline={t`Les 1000 premiers jours de l'enfant`}
        homeLinkProps={{ to: "/", title: t`Accueil – Mille Jours` }}
        quickAccessItems={[
          { iconId: "fr-icon-user-line", text: t(shared.profile), linkProps: { to: "/profil" } },
          { iconId: "fr-icon-save-line", text: t(shared.myData), linkProps: { to: "/mes-donnees" } },
          <LanguageSelector key="langues" />,
        ]}
        navigation={pillars.map((p) => ({
          text: t(p.label),
          linkProps: { to: p.path },
          isActive: pathname === p.path || pathname.startsWith(`${p.path}/`) || (p.path === "/parcours" && pathname.startsWith("/articles/")),
        }))}
        onSearchButtonClick={(text) => void navigate(`/recherche?q=${encodeURIComponent(text)}`)}
        allowEmptySearch={false}
        disableDisplay={!started}
      />
      <main id="contenu" tabIndex={-1} className="fr-container fr-py-4w">
        {/* Not reviewed yet (docs/langues.md): said on every page of the language; French is one tap away. */}
        {catalogueMissing ? (
          <CatalogueFallbackNote locale={locale} />
        ) : locale.code === "falc" ? (
          <p className="fr-text--sm fr-mb-2w mj-translation-status">{t`Version simplifiée — pas encore relue par des personnes concernées`}</p>
        ) : (
          locale.code !== "fr" && <p className="fr-text--sm fr-mb-2w mj-translation-status">{t`Traduction à relire`}</p>
        )}
        {content.status === "ready" && content.offline && (
          <Alert
            severity="info"
            small
            description={t`Vous êtes hors ligne : vous consultez la dernière version enregistrée sur cet appareil.`}
            className="fr-mb-3w"
          />
        )}
        {storageError && <Alert severity="warning" small description={storageError} className="fr-mb-3w" />}
        <Suspense fallback={<p role="status">{t(shared.loading)}</p>}>
          <Routes>{pageRoutes}</Routes>
          <EnableServedControls />
        </Suspense>
      </main>
      <Footer
        id="pied-de-page"
        accessibility="partially compliant"
        contentDescription={t`Mille Jours accompagne les parents et futurs parents, du projet d'enfant aux 3 ans. Vos informations restent sur votre appareil.`}
        bottomItems={[
          { text: t(shared.myData), linkProps: { to: "/mes-donnees" } },
          { text: t`Code sous licence Apache-2.0, contenus sous Licence Ouverte 2.0.`, linkProps: { to: "/mes-donnees#licences" } },
          { text: t`Espace professionnels`, linkProps: { to: "/professionnels" } },
          { text: t`Baromètre EPP / EPNP`, linkProps: { to: "/barometre" } },
          { text: t`Pilotage territorial`, linkProps: { to: "/pilotage" } },
          ...(started ? [headerFooterDisplayItem] : []),
        ]}
      />
    </>
  );
}
