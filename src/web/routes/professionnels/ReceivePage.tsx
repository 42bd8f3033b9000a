import { useMemo, useState } from "react";
import { Link, useLocation } from "react-router";
import { Trans, useLingui } from "@lingui/react/macro";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { mergeReceivedProfile } from "../../../domain/handover/family.js";
import { readHandover } from "../../../domain/handover/link.js";
import { domainErrorText } from "../../i18n/domain-messages.js";
import { synthesisAsAppointments } from "../../../domain/handover/synthesis.js";
import { Page } from "../../components/Page.js";
import { useParent } from "../../state/parent.js";
import { ProfilePreview } from "./ProfilePreview.js";
import { SynthesisPreview } from "./SynthesisPreview.js";

type Outcome = null | "saved" | "cancelled" | "failed";

/**
 * `/recevoir#…`: what a professional handed over by link or QR code. The data sits in the fragment, which the
 * browser never sends to the server; it is read here, shown, and written to this device only when the parent
 * confirms. Afterwards the fragment is removed from the address bar (and from this page's history entry).
 */
export function ReceivePage() {
  const { hash } = useLocation();
  // Kept once read: the fragment is cleared from the address bar after the parent's choice. Another link
  // opened in the same tab is another hand-over.
  const [fragment, setFragment] = useState(hash);
  if (hash && hash !== fragment) setFragment(hash);
  return <Receive key={fragment} fragment={fragment} />;
}

function Receive({ fragment }: { fragment: string }) {
  const { t } = useLingui();
  const { today, profile, loaded, setProfile, saveAppointment } = useParent("today", "profile", "loaded", "setProfile", "saveAppointment");
  const read = useMemo(() => readHandover(fragment, today), [fragment, today]);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const forget = () => window.history.replaceState(window.history.state, "", window.location.pathname);

  async function confirm() {
    if (!read.ok) return;
    try {
      if (read.kind === "calendar") await setProfile(mergeReceivedProfile(read.profile, profile));
      else for (const appointment of synthesisAsAppointments(read.synthesis)) await saveAppointment(appointment);
      setOutcome("saved");
      forget();
    } catch {
      setOutcome("failed");
    }
  }

  function cancel() {
    setOutcome("cancelled");
    forget();
  }

  const title = read.ok && read.kind === "synthesis" ? t`Recevoir la synthèse de votre entretien` : t`Recevoir votre calendrier`;

  if (outcome === "saved")
    return (
      <Page title={title} heading={t`C'est enregistré sur ce téléphone`}>
        <Alert severity="success" small description={t`Rien n'a été envoyé à un serveur : ces informations restent sur ce téléphone.`} className="fr-mb-3w" />
        <p>
          {read.ok && read.kind === "synthesis" ? (
            profile ? (
              <Trans>
                Vous retrouvez la synthèse et vos prochains rendez-vous dans <Link to="/calendrier">votre calendrier</Link>, rubrique « Mes rendez-vous ».
              </Trans>
            ) : (
              <Trans>
                Vous retrouvez la synthèse et vos prochains rendez-vous dans <Link to="/calendrier">votre calendrier</Link>, rubrique « Mes rendez-vous » (le
                calendrier s'affiche une fois <Link to="/profil">votre situation</Link> indiquée, par exemple la date de naissance de bébé).
              </Trans>
            )
          ) : (
            <Trans>
              Voir <Link to="/calendrier">votre calendrier</Link> ou <Link to="/parcours">votre parcours</Link>. Vous pouvez modifier vos informations à tout
              moment dans <Link to="/profil">votre profil</Link>.
            </Trans>
          )}
        </p>
      </Page>
    );
  if (outcome === "cancelled")
    return (
      <Page title={title} heading={t`Rien n'a été enregistré`}>
        <p>
          <Trans>
            Vous avez annulé : ce téléphone n'a rien gardé. <Link to="/">Revenir à l'accueil</Link>
          </Trans>
        </p>
      </Page>
    );

  return (
    <Page title={title}>
      {!read.ok ? (
        <Alert
          as="h2"
          severity="error"
          title={t`Ce lien ne peut pas être lu`}
          description={
            <>
              <p>{domainErrorText(read)}</p>
              {read.errors && (
                <ul>
                  {read.errors.map((e) => (
                    <li key={e.field + e.message}>{domainErrorText(e)}</li>
                  ))}
                </ul>
              )}
              <p>{t`Rien n'a été enregistré.`}</p>
            </>
          }
        />
      ) : (
        <>
          <p className="fr-text--lead">
            {read.kind === "calendar"
              ? t`Un professionnel vous a remis les dates de votre calendrier. Vérifiez ce qui sera enregistré sur ce téléphone, puis confirmez.`
              : t`Un professionnel vous a remis la synthèse de votre entretien. Vérifiez ce qui sera enregistré sur ce téléphone, puis confirmez.`}
          </p>
          {read.kind === "calendar" ? <ProfilePreview profile={read.profile} existing={profile} /> : <SynthesisPreview synthesis={read.synthesis} />}
          {outcome === "failed" && (
            <Alert
              severity="error"
              small
              description={t`L'enregistrement n'a pas pu se faire sur ce téléphone (navigation privée ou stockage plein ?). Réessayez ou imprimez le document.`}
              className="fr-mb-3w"
            />
          )}
          <p className="fr-text--sm">{t`Ces informations resteront sur ce téléphone seulement : rien n'est envoyé à un serveur.`}</p>
          <ul className="fr-btns-group fr-btns-group--inline-md">
            <li>
              <Button type="button" iconId="fr-icon-check-line" disabled={!loaded} onClick={() => void confirm()}>
                {t`Enregistrer sur ce téléphone`}
              </Button>
            </li>
            <li>
              <Button type="button" priority="secondary" onClick={cancel}>
                {t`Annuler`}
              </Button>
            </li>
          </ul>
        </>
      )}
    </Page>
  );
}
