import { useEffect, useState } from "react";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Trans, useLingui } from "@lingui/react/macro";
import { plural } from "@lingui/core/macro";
import { forgetSentCallback, loadSentCallbacks, type SentCallbackRequest } from "../../../storage/callback-requests.js";
import { cancelCallbackRequest } from "./callback-api.js";
import { delayInWords, momentInWords, phoneInWords } from "./format.js";

type CancelState = { status: "idle" } | { status: "confirm" } | { status: "busy" } | { status: "done"; message: string } | { status: "error"; message: string };

/**
 * A request sent from this device: what happens next and when, and « Annuler ma demande » with the token kept
 * here. Once cancelled (or found gone on the server), it is forgotten on the device.
 */
export function SentRequest({ request, phone, onCancelled }: { request: SentCallbackRequest; phone?: string; onCancelled(id: string): void }) {
  const { t } = useLingui();
  const [cancel, setCancel] = useState<CancelState>({ status: "idle" });
  const late = Date.parse(request.expectedBy) < Date.now();

  async function confirmCancel() {
    setCancel({ status: "busy" });
    const answer = await cancelCallbackRequest(request.id, request.cancelToken);
    if (!answer.ok) return setCancel({ status: "error", message: answer.message });
    forgetSentCallback(request.id);
    setCancel({
      status: "done",
      message: answer.gone
        ? t`Cette demande n'existe plus chez le service (déjà traitée et effacée, ou déjà annulée). Elle est retirée de ce téléphone.`
        : t`Votre demande est annulée : elle a été effacée, le service ne vous appellera pas.`,
    });
    onCancelled(request.id);
  }

  const serviceName = request.service.name;
  const phoneNumber = phone ? phoneInWords(phone) : "";
  const expectedBy = momentInWords(request.expectedBy);
  const delay = delayInWords(request.service.responseDelayHours);
  const openingHours = request.service.openingHours;
  const sentAt = momentInWords(request.sentAt);

  if (cancel.status === "done")
    return (
      <div role="status">
        <Alert severity="success" small description={cancel.message} />
      </div>
    );

  return (
    <div className="fr-card fr-card--no-arrow fr-p-3w fr-mb-3w" data-testid="demande-de-rappel">
      <p className="fr-mb-1w">
        {phone ? (
          <Trans>
            <strong>{serviceName}</strong> vous appellera au {phoneNumber} d'ici le <strong>{expectedBy}</strong> (délai annoncé : {delay}), pendant ses
            horaires : <span lang="fr">{openingHours}</span>.
          </Trans>
        ) : (
          <Trans>
            <strong>{serviceName}</strong> vous appellera d'ici le <strong>{expectedBy}</strong> (délai annoncé : {delay}), pendant ses horaires :{" "}
            <span lang="fr">{openingHours}</span>.
          </Trans>
        )}
      </p>
      <p className="fr-text--sm fr-mb-1w">
        {t`Demande envoyée le ${sentAt}. Si vous ne décrochez pas, le service peut essayer plusieurs fois. Si personne ne vous a appelé(e) à cette date, appelez une des lignes ci-dessous ou votre centre de PMI.`}
      </p>
      {late && (
        <p className="fr-text--sm fr-mb-1w">{t`La date annoncée est passée : si personne ne vous a appelé(e), n'attendez pas, appelez une ligne d'écoute.`}</p>
      )}
      <div aria-live="polite">{cancel.status === "error" && <Alert severity="error" small description={cancel.message} className="fr-mb-2w" />}</div>
      {cancel.status === "confirm" || cancel.status === "busy" ? (
        <>
          <p className="fr-mb-1w">{t`Annuler cette demande ? Elle sera effacée et le service ne vous appellera pas.`}</p>
          <div className="fr-btns-group fr-btns-group--inline-sm">
            <Button size="small" disabled={cancel.status === "busy"} onClick={() => void confirmCancel()}>
              {t`Oui, annuler ma demande`}
            </Button>
            <Button size="small" priority="secondary" disabled={cancel.status === "busy"} onClick={() => setCancel({ status: "idle" })}>
              {t`Non, la garder`}
            </Button>
          </div>
        </>
      ) : (
        <Button size="small" priority="secondary" iconId="fr-icon-close-circle-line" onClick={() => setCancel({ status: "confirm" })}>
          {t`Annuler ma demande`}
        </Button>
      )}
    </div>
  );
}

/** The requests this device sent and may still cancel, for the post-partum page (read after the first render). */
export function PendingCallbacks() {
  const [requests, setRequests] = useState<SentCallbackRequest[]>([]);
  useEffect(() => setRequests(loadSentCallbacks()), []);
  const count = requests.length;
  if (count === 0) return null;
  return (
    <section aria-labelledby="mes-demandes" className="fr-mb-4w">
      <h2 id="mes-demandes" className="fr-h5">
        {plural(count, { one: "Votre demande de rappel", other: "Vos demandes de rappel" })}
      </h2>
      {requests.map((r) => (
        <SentRequest key={r.id} request={r} onCancelled={() => undefined} />
      ))}
    </section>
  );
}
