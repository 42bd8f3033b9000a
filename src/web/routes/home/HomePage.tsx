import { Suspense } from "react";
import { lazyWithMessages } from "../../i18n/lazy.js";
import { Link } from "react-router";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Card } from "@codegouvfr/react-dsfr/Card";
import { buildTracks } from "../../../domain/journey/tracks.js";
import { articlesForStage } from "../../../domain/journey/articles.js";
import { Page } from "../../components/Page.js";
import { ContentGate } from "../../components/ContentGate.js";
import { useParent } from "../../state/parent.js";
import { Trans, useLingui } from "@lingui/react/macro";
import { msg } from "@lingui/core/macro";
import { shared } from "../../i18n/messages.js";
import { trackText } from "../../i18n/format.js";
import { stageLabels } from "../../i18n/content-labels.js";
import { KeyMessages } from "../../components/KeyMessages.js";

// The calendar rules load only for parents who have a profile.
const ThisWeek = lazyWithMessages(() => import("../calendrier/ThisWeek.js").then((m) => ({ default: m.ThisWeek })));

const pillars = [
  { title: shared.parcours, desc: msg`Où vous en êtes et ce qui compte maintenant.`, to: "/parcours" },
  { title: shared.calendrier, desc: msg`Tous vos rendez-vous, démarches et droits, au bon moment.`, to: "/calendrier" },
  { title: shared.postPartum, desc: msg`Faire le point sur son moral après la naissance, et trouver de l'aide.`, to: "/post-partum" },
  { title: shared.autour, desc: msg`Les lieux et professionnels des 1000 jours près de chez vous.`, to: "/autour-de-moi" },
];

export function HomePage() {
  const { profile, today, loaded } = useParent("profile", "today", "loaded");
  const { t } = useLingui();
  return (
    <Page title={t`Accueil`} heading={t`Mille Jours, votre compagnon des 1000 premiers jours`}>
      {loaded && !profile ? (
        // A first visit needs no content from the server: show it at once.
        <>
          <p className="fr-text--lead">
            {t`Du projet d'enfant aux 3 ans, des informations fiables et simples, au bon moment, pour vous et votre enfant. Sans compte : vos informations restent sur votre téléphone.`}
          </p>
          <Button linkProps={{ to: "/profil" }} size="large" iconId="fr-icon-arrow-right-line" iconPosition="right">
            {t`Commencer`}
          </Button>
          <PillarTiles />
        </>
      ) : (
        <ContentGate>
          {({ bundle }) => {
            if (!profile) return null;
            const tracks = buildTracks(profile, today).filter((tr) => tr.stage);
            return (
              // One boundary for the week's agenda (a lazy chunk) and the tracks below it: shown together, so the
              // agenda arriving later no longer pushes the tracks down (a returning parent's home shifted by 0.26).
              <Suspense fallback={null}>
                <ThisWeek />
                {tracks.map((track) => {
                  const stage = bundle.stages.find((s) => s.id === track.stage)!;
                  const essentials = articlesForStage(bundle.articles, stage.id, profile.situations).slice(0, 3);
                  const stageTitle = t(stageLabels[stage.id].title);
                  const { label, detail } = trackText(track, profile, today);
                  return (
                    <section key={track.id} className="fr-mb-4w" aria-labelledby={`accueil-${track.id}`}>
                      <h2 id={`accueil-${track.id}`} className="fr-h4">
                        {label} : {stageTitle}
                      </h2>
                      <p>{detail}</p>
                      <KeyMessages articles={essentials} linkText={t`Lire`} />
                      <Link to={`/parcours/${stage.id}`}>{t`Tout ce qui compte à l'étape « ${stageTitle} »`}</Link>
                    </section>
                  );
                })}
                {tracks.length === 0 && (
                  <p>
                    <Trans>
                      Les 1000 premiers jours de vos enfants sont passés. <Link to="/profil">Mettez à jour votre situation</Link>.
                    </Trans>
                  </p>
                )}
                <PillarTiles />
              </Suspense>
            );
          }}
        </ContentGate>
      )}
    </Page>
  );
}

function PillarTiles() {
  const { t } = useLingui();
  return (
    <section aria-labelledby="piliers" className="fr-mt-5w">
      <h2 id="piliers" className="fr-h4">
        {t`Ce que Mille Jours vous propose`}
      </h2>
      <ul className="fr-grid-row fr-grid-row--gutters mj-track-list">
        {pillars.map((p) => (
          <li key={p.to} className="fr-col-12 fr-col-md-6 fr-col-lg-3">
            <Card title={t(p.title)} titleAs="h3" desc={t(p.desc)} linkProps={{ to: p.to }} enlargeLink size="small" />
          </li>
        ))}
      </ul>
    </section>
  );
}
