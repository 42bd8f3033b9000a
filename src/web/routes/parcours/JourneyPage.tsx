import { Link } from "react-router";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { buildTracks } from "../../../domain/journey/tracks.js";
import { daysBetween, formatFrenchDate } from "../../../domain/dates.js";
import { Page } from "../../components/Page.js";
import { ContentGate } from "../../components/ContentGate.js";
import { Timeline } from "../../components/Timeline.js";
import { useParent } from "../../state/parent.js";

/** Mon parcours: one track per pregnancy and per child, each with its current stage. */
export function JourneyPage() {
  const { profile, today } = useParent();
  return (
    <Page title="Mon parcours">
      <ContentGate>
        {({ bundle }) => {
          if (!profile)
            return (
              <>
                <p>Dites-nous où vous en êtes pour voir l'étape qui vous concerne et ce qui compte maintenant.</p>
                <Button linkProps={{ to: "/profil" }}>Commencer</Button>
                <h2 className="fr-mt-4w">Toutes les étapes</h2>
                <Timeline stages={bundle.stages} current={null} label="Les étapes des 1000 premiers jours" />
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
                  title="Votre bébé est-il né ?"
                  description={
                    <>
                      Le terme prévu était le {formatFrenchDate(profile.pregnancy.terme)}. Quand votre bébé est né,{" "}
                      <Link to="/profil">indiquez sa date de naissance</Link> pour suivre son parcours.
                    </>
                  }
                />
              )}
              <div className="fr-grid-row fr-grid-row--gutters">
                {tracks.map((track) => {
                  const stage = bundle.stages.find((s) => s.id === track.stage);
                  return (
                    <section key={track.id} className="fr-col-12 fr-col-md-6" aria-labelledby={`${track.id}-titre`}>
                      <div className="fr-p-3w mj-child-box">
                        <h2 id={`${track.id}-titre`} className="fr-h4">
                          {track.label}
                        </h2>
                        <p>
                          {track.detail}
                          {stage ? (
                            <>
                              {" "}
                              — étape : <strong>{stage.title}</strong>
                            </>
                          ) : (
                            track.kind === "enfant" && " — les 1000 premiers jours sont passés"
                          )}
                        </p>
                        {stage && (
                          <>
                            <p className="fr-text--sm">{stage.description}</p>
                            <Button linkProps={{ to: `/parcours/${stage.id}` }} iconId="fr-icon-arrow-right-line" iconPosition="right">
                              Ce qui compte maintenant
                            </Button>
                          </>
                        )}
                        <h3 className="fr-h6 fr-mt-3w">Toutes les étapes</h3>
                        <Timeline stages={bundle.stages} current={track.stage} label={`Étapes – ${track.label}`} />
                      </div>
                    </section>
                  );
                })}
              </div>
              <p className="fr-mt-3w">
                <Link to="/profil">Modifier ma situation</Link>
              </p>
            </>
          );
        }}
      </ContentGate>
    </Page>
  );
}
