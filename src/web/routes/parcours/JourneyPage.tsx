import { Link } from "react-router";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { buildTracks } from "../../../domain/journey/tracks.js";
import { daysBetween } from "../../../domain/dates.js";
import { Trans, useLingui } from "@lingui/react/macro";
import { formatDate, trackText } from "../../i18n/format.js";
import { shared } from "../../i18n/messages.js";
import { Page } from "../../components/Page.js";
import { ContentGate } from "../../components/ContentGate.js";
import { Timeline } from "../../components/Timeline.js";
import { useParent } from "../../state/parent.js";
import { ChildDevelopmentLink } from "../developpement/ChildDevelopmentLink.js";
import { Pictogram } from "../../components/Pictogram.js";
import { stageLabels } from "../../i18n/content-labels.js";

/** Mon parcours: one track per pregnancy and per child, each with its current stage. */
export function JourneyPage() {
  const { profile, today } = useParent("profile", "today");
  const { t } = useLingui();
  return (
    <Page title={t(shared.parcours)}>
      <ContentGate>
        {({ bundle }) => {
          if (!profile)
            return (
              <>
                <p>{t`Dites-nous où vous en êtes pour voir l'étape qui vous concerne et ce qui compte maintenant.`}</p>
                <Button linkProps={{ to: "/profil" }}>{t`Commencer`}</Button>
                <h2 className="fr-mt-4w">{t`Toutes les étapes`}</h2>
                <Timeline stages={bundle.stages} current={null} label={t`Les étapes des 1000 premiers jours`} />
              </>
            );
          const tracks = buildTracks(profile, today);
          const termePassed = profile.pregnancy && daysBetween(profile.pregnancy.terme, today) > 0;
          return (
            <>
              {termePassed && profile.pregnancy && (
                <Alert
                  as="h2"
                  severity="info"
                  className="fr-mb-3w"
                  title={t`Votre bébé est-il né ?`}
                  description={
                    <Trans>
                      Le terme prévu était le {formatDate(profile.pregnancy.terme)}. Quand votre bébé est né,{" "}
                      <Link to="/profil">indiquez sa date de naissance</Link> pour suivre son parcours.
                    </Trans>
                  }
                />
              )}
              <div className="fr-grid-row fr-grid-row--gutters">
                {tracks.map((track) => {
                  const stage = bundle.stages.find((s) => s.id === track.stage);
                  const { label, detail } = trackText(track, profile, today);
                  return (
                    <section key={track.id} className="fr-col-12 fr-col-md-6" aria-labelledby={`${track.id}-titre`}>
                      <div className="fr-p-3w mj-child-box">
                        <h2 id={`${track.id}-titre`} className="fr-h4">
                          {label}
                        </h2>
                        <p>
                          {detail}
                          {stage ? (
                            <>
                              {" "}
                              —{" "}
                              <Trans>
                                étape : <strong>{t(stageLabels[stage.id].title)}</strong>
                              </Trans>
                            </>
                          ) : (
                            track.kind === "enfant" && ` — ${t`les 1000 premiers jours sont passés`}`
                          )}
                        </p>
                        {track.kind === "enfant" && <ChildDevelopmentLink profile={profile} trackId={track.id} today={today} />}
                        {stage && (
                          <>
                            <p className="fr-text--sm">{t(stageLabels[stage.id].description)}</p>
                            <div className="mj-with-picto">
                              <Pictogram id={track.kind === "enfant" ? "bebe" : "grossesse"} size={48} />
                              <Button linkProps={{ to: `/parcours/${stage.id}` }} iconId="fr-icon-arrow-right-line" iconPosition="right">
                                {t`Ce qui compte maintenant`}
                              </Button>
                            </div>
                          </>
                        )}
                        <h3 className="fr-h6 fr-mt-3w">{t`Toutes les étapes`}</h3>
                        <Timeline stages={bundle.stages} current={track.stage} label={t`Étapes – ${label}`} />
                      </div>
                    </section>
                  );
                })}
              </div>
              <p className="fr-mt-3w">
                <Link to="/profil">{t`Modifier ma situation`}</Link>
              </p>
            </>
          );
        }}
      </ContentGate>
    </Page>
  );
}
