import { useRef, useState, type FormEvent } from "react";
import { flushSync } from "react-dom";
import { Link, useLocation } from "react-router";
import { Trans, useLingui } from "@lingui/react/macro";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { MOMENTS, SHARED_BANDS, type Moment } from "../../../../domain/callback/choices.js";
import type { NewCallbackRequest, PublicService, Retention } from "../../../../domain/callback/contract.js";
import { communeLabel, type CommuneMatch } from "../../../../domain/geo/commune-search.js";
import type { EpdsBandId } from "../../../../domain/epds/score.js";
import type { FieldError } from "../../../../domain/profile/profile.js";
import { formatDate } from "../../../i18n/format.js";
import { domainErrorText } from "../../../i18n/domain-messages.js";
import { bandLabels } from "../labels.js";
import { ErrorSummary } from "../../../components/ErrorSummary.js";
import { Page } from "../../../components/Page.js";
import { useParent } from "../../../state/parent.js";
import { keepSentCallback, type SentCallbackRequest } from "../../../storage/callback-requests.js";
import { checkCallbackRequest, fetchCoverage, sendCallbackRequest, type Refusal } from "./callback-api.js";
import { CommuneStep } from "./CommuneStep.js";
import { Consent } from "./Consent.js";
import { Helplines } from "./Helplines.js";
import { SentRequest } from "./SentRequest.js";
import { delayInWords, momentLabels, phoneInWords } from "./format.js";

/** The EPDS band and date the parent may choose to share (never the answers). */
export interface ShareableResult {
  band: EpdsBandId;
  date: string;
}

/** What the EPDS result page passes in the navigation state (history.state: it stays in the browser). */
export interface CallbackNavigationState {
  resultat?: ShareableResult;
}

function shareableFrom(state: unknown): ShareableResult | null {
  const r = (state as CallbackNavigationState | null)?.resultat;
  return r && (SHARED_BANDS as readonly string[]).includes(r.band) && /^\d{4}-\d{2}-\d{2}$/.test(r.date) ? { band: r.band, date: r.date } : null;
}

/** What the parent reads for a refused field (the shared schema's and the server's messages are the domain's, in French). */
const inParentLanguage = (errors: FieldError[]): FieldError[] => errors.map((e) => ({ ...e, message: domainErrorText(e) }));

interface Draft {
  name: string;
  phone: string;
  moments: Moment[];
  share: boolean;
  consent: boolean;
  siteWeb: string;
}

type Step =
  | { step: "commune" }
  /** `notSent`: the service was turned off between the commune step and « Envoyer ma demande ». */
  | { step: "uncovered"; commune: CommuneMatch; notSent?: boolean }
  | { step: "form"; commune: CommuneMatch; service: PublicService; retention: Retention }
  | { step: "recap"; commune: CommuneMatch; service: PublicService; retention: Retention; request: NewCallbackRequest; phone: string }
  | { step: "sent"; sent: SentCallbackRequest; phone: string; kept: boolean };

/**
 * « Je souhaite être rappelé(e) » (issue 17): the commune (→ département → is there a service?), then a short
 * form, a recap of exactly what will be sent, and only then « Envoyer ma demande ». Without a service in the
 * département, the help lines and the places near the parent instead of the form. The EPDS answers never leave
 * the device: at most the band and the date, behind their own box.
 */
export function CallbackPage() {
  const location = useLocation();
  const { t, i18n } = useLingui();
  const bandLabel = (band: EpdsBandId) => i18n._(bandLabels[band]);
  const momentLabel = (moment: Moment) => i18n._(momentLabels[moment]);
  const { epdsHistory } = useParent("epdsHistory");
  const latest = epdsHistory.at(-1);
  const result: ShareableResult | null =
    shareableFrom(location.state) ??
    (latest && (SHARED_BANDS as readonly string[]).includes(latest.band) ? { band: latest.band as EpdsBandId, date: latest.date } : null);

  const [step, setStep] = useState<Step>({ step: "commune" });
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [draft, setDraft] = useState<Draft>({ name: "", phone: "", moments: [], share: false, consent: false, siteWeb: "" });
  const summaryRef = useRef<HTMLDivElement>(null);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const update = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;

  function go(next: Step) {
    setStep(next);
    requestAnimationFrame(() => stepHeading.current?.focus());
  }

  async function chooseCommune(commune: CommuneMatch) {
    setBusy(true);
    setRefusal(null);
    const answer = await fetchCoverage(commune.departement.code);
    setBusy(false);
    if (!answer.ok)
      return setRefusal(
        answer.kind === "offline"
          ? {
              kind: "offline",
              message: t`Vous êtes hors ligne : nous ne pouvons pas vérifier qu'un service rappelle dans votre département. Réessayez quand vous aurez du réseau.`,
            }
          : answer,
      );
    go(
      answer.data.covered && answer.data.service
        ? { step: "form", commune, service: answer.data.service, retention: answer.data.retention }
        : { step: "uncovered", commune },
    );
  }

  async function check(event: FormEvent) {
    event.preventDefault();
    if (step.step !== "form") return;
    setRefusal(null);
    const request: NewCallbackRequest = {
      name: draft.name,
      phone: draft.phone,
      moments: draft.moments,
      commune: step.commune.code,
      ...(draft.share && result ? { sharedResult: result } : {}),
      consent: draft.consent as true,
      ...(draft.siteWeb ? { siteWeb: draft.siteWeb } : {}),
    };
    const checked = await checkCallbackRequest(request);
    if (!checked.ok) {
      if ("kind" in checked) return setRefusal(checked);
      // Past the await, React would render the summary after the next frame: rendered now, so that it takes the focus.
      flushSync(() => setErrors(inParentLanguage(checked.errors)));
      summaryRef.current?.focus();
      return;
    }
    setErrors([]);
    // What is shown in the recap is exactly what is sent: the values as checked (name trimmed, phone normalised).
    go({ step: "recap", commune: step.commune, service: step.service, retention: step.retention, request: checked.request, phone: checked.request.phone });
  }

  async function send() {
    if (step.step !== "recap") return;
    setBusy(true);
    setRefusal(null);
    const answer = await sendCallbackRequest(step.request);
    setBusy(false);
    if (!answer.ok) {
      if (answer.kind === "invalid") {
        setErrors(answer.errors.length ? inParentLanguage(answer.errors) : [{ field: "", message: answer.message }]);
        setStep({ step: "form", commune: step.commune, service: step.service, retention: step.retention });
        requestAnimationFrame(() => summaryRef.current?.focus());
      } else if (answer.kind === "no-service") go({ step: "uncovered", commune: step.commune, notSent: true });
      else setRefusal(answer);
      return;
    }
    const sent: SentCallbackRequest = {
      id: answer.data.id,
      cancelToken: answer.data.cancelToken,
      service: answer.data.service,
      expectedBy: answer.data.expectedBy,
      sentAt: new Date().toISOString(),
      departement: step.commune.departement.code,
    };
    let kept = true;
    try {
      keepSentCallback(sent);
    } catch {
      kept = false;
    }
    setDraft({ name: "", phone: "", moments: [], share: false, consent: false, siteWeb: "" });
    go({ step: "sent", sent, phone: step.phone, kept });
  }

  // The words of the current step, named for the messages that hold them.
  const commune = "commune" in step ? step.commune : null;
  const departementName = commune?.departement.name ?? "";
  const departementCode = commune?.departement.code ?? "";
  const communeName = commune?.name ?? "";
  const service = step.step === "form" || step.step === "recap" ? step.service : null;
  const serviceName = service?.name ?? "";
  const openingHours = service?.openingHours ?? "";
  const delay = service ? delayInWords(service.responseDelayHours) : "";
  const sharedBand = result ? bandLabel(result.band) : "";
  const sharedDate = result ? formatDate(result.date) : "";
  const sent = step.step === "recap" ? step.request.sharedResult : undefined;
  const recapBand = sent ? bandLabel(sent.band) : "";
  const recapDate = sent ? formatDate(sent.date) : "";
  const recapResult = sent ? t`« ${recapBand} », questionnaire du ${recapDate} (sans vos réponses)` : t`Non partagé`;

  const refusalAlert = refusal && (
    <div role="alert" className="fr-mb-3w">
      <Alert severity={refusal.kind === "offline" ? "warning" : "error"} small description={refusal.message} />
    </div>
  );

  return (
    <Page title={t`Être rappelé(e) par un professionnel`}>
      <p className="fr-text--lead">{t`Un professionnel du service de votre département vous appelle au moment qui vous convient, pour parler de ce que vous vivez.`}</p>
      <p>
        <Trans>
          <strong>Si vous avez des idées noires maintenant</strong>, n'attendez pas le rappel : appelez le <a href="tel:3114">3114</a> (jour et nuit, gratuit)
          ou le <a href="tel:15">15</a>.
        </Trans>
      </p>

      {step.step === "commune" && (
        <>
          <h2 ref={stepHeading} tabIndex={-1} className="fr-h4">
            {t`Où habitez-vous ?`}
          </h2>
          {refusalAlert}
          <CommuneStep onChoose={(c) => void chooseCommune(c)} busy={busy} />
          {busy && <p role="status">{t`Recherche du service de votre département…`}</p>}
        </>
      )}

      {step.step === "uncovered" && (
        <>
          <h2 ref={stepHeading} tabIndex={-1} className="fr-h4">
            {t`Pas encore de rappel dans votre département`}
          </h2>
          {step.notSent && (
            <Alert
              severity="warning"
              small
              className="fr-mb-3w"
              description={t`Votre demande n'a pas été envoyée : le service de votre département ne prend plus de demandes pour le moment.`}
            />
          )}
          <p>
            {t`Aucun service ne propose encore de rappeler les parents dans le département ${departementName} (${departementCode}) avec Mille Jours. Vous pouvez appeler dès maintenant une des lignes ci-dessous, ou vous rendre dans un lieu près de chez vous : le centre de PMI reçoit gratuitement les parents.`}
          </p>
          <p>
            <Link
              className="fr-link fr-icon-map-pin-2-line fr-link--icon-left"
              to={`/autour-de-moi?${new URLSearchParams({ types: "pmi,psychiatrie-perinatale,cmp", lat: step.commune.lat.toFixed(5), lon: step.commune.lon.toFixed(5), lieu: communeLabel(step.commune) })}`}
            >
              {t`Les lieux près de ${communeName}`}
            </Link>
          </p>
          <Helplines title={t`Des lignes qui répondent`} />
          <Button priority="secondary" className="fr-mt-2w" onClick={() => go({ step: "commune" })}>
            {t`Changer de commune`}
          </Button>
        </>
      )}

      {step.step === "form" && (
        <form onSubmit={(event) => void check(event)} noValidate>
          <h2 ref={stepHeading} tabIndex={-1} className="fr-h4">
            {t`Votre demande`}
          </h2>
          <p>
            <Trans>
              Service qui vous rappellera : <strong>{serviceName}</strong> ({departementName}). Il appelle <span lang="fr">{openingHours}</span>, dans un délai
              de {delay} au plus.
            </Trans>
          </p>
          <ErrorSummary errors={errors} summaryRef={summaryRef} />
          {refusalAlert}
          <Input
            label={t`Prénom ou pseudonyme`}
            hintText={t`Le nom que la personne qui vous appelle demandera. Un pseudonyme suffit.`}
            state={errorOf("name") ? "error" : "default"}
            stateRelatedMessage={errorOf("name")}
            nativeInputProps={{ name: "name", autoComplete: "given-name", maxLength: 60, value: draft.name, onChange: (e) => update({ name: e.target.value }) }}
          />
          <Input
            label={t`Numéro de téléphone`}
            hintText={t`Un numéro français à 10 chiffres, par exemple 06 12 34 56 78.`}
            state={errorOf("phone") ? "error" : "default"}
            stateRelatedMessage={errorOf("phone")}
            nativeInputProps={{
              name: "phone",
              type: "tel",
              autoComplete: "tel",
              inputMode: "tel",
              value: draft.phone,
              onChange: (e) => update({ phone: e.target.value }),
            }}
          />
          <Checkbox
            legend={t`Quand préférez-vous être appelé(e) ?`}
            hintText={
              <Trans>
                Cochez un ou plusieurs moments. Le service appelle <span lang="fr">{openingHours}</span>.
              </Trans>
            }
            state={errorOf("moments") ? "error" : "default"}
            stateRelatedMessage={errorOf("moments")}
            options={MOMENTS.map((m) => ({
              label: momentLabel(m),
              nativeInputProps: {
                name: "moments",
                value: m,
                checked: draft.moments.includes(m),
                onChange: (e) =>
                  update({ moments: e.target.checked ? MOMENTS.filter((x) => x === m || draft.moments.includes(x)) : draft.moments.filter((x) => x !== m) }),
              },
            }))}
          />
          {result && (
            <Checkbox
              legend={t`Votre résultat au questionnaire`}
              options={[
                {
                  label: t`Partager mon résultat`,
                  hintText: t`Seront envoyés : « ${sharedBand} » et la date du questionnaire (${sharedDate}). Vos réponses aux questions ne sont jamais envoyées. Sans ce partage, la personne qui vous appelle ne sait rien de votre résultat.`,
                  nativeInputProps: { name: "share", checked: draft.share, onChange: (e) => update({ share: e.target.checked }) },
                },
              ]}
            />
          )}
          <Consent service={step.service} commune={step.commune} retention={step.retention} />
          <Checkbox
            state={errorOf("consent") ? "error" : "default"}
            stateRelatedMessage={errorOf("consent")}
            options={[
              {
                label: t`J'accepte que ma demande soit envoyée à ${serviceName} pour être rappelé(e).`,
                nativeInputProps: { name: "consent", checked: draft.consent, onChange: (e) => update({ consent: e.target.checked }) },
              },
            ]}
          />
          {/* Left empty by people (it is off-screen and out of the tab order); a robot filling every field is refused. */}
          <div className="mj-honeypot" aria-hidden="true">
            <label htmlFor="rappel-site-web">{t`Ne pas remplir ce champ`}</label>
            <input
              id="rappel-site-web"
              name="siteWeb"
              type="text"
              tabIndex={-1}
              autoComplete="off"
              value={draft.siteWeb}
              onChange={(e) => update({ siteWeb: e.target.value })}
            />
          </div>
          <div className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-right fr-mt-2w">
            <Button type="submit" iconId="fr-icon-arrow-right-line" iconPosition="right">
              {t`Vérifier ma demande`}
            </Button>
            <Button type="button" priority="secondary" onClick={() => go({ step: "commune" })}>
              {t`Changer de commune`}
            </Button>
          </div>
          <p className="fr-text--sm">{t`Rien n'est envoyé à cette étape : vous verrez d'abord ce qui partira.`}</p>
        </form>
      )}

      {step.step === "recap" && (
        <>
          <h2 ref={stepHeading} tabIndex={-1} className="fr-h4">
            {t`Vérifiez ce qui sera envoyé`}
          </h2>
          {refusalAlert}
          <p>
            <Trans>
              À <strong>{serviceName}</strong>, et à personne d'autre :
            </Trans>
          </p>
          <dl className="mj-recap" data-testid="recapitulatif">
            <dt>{t`Prénom ou pseudonyme`}</dt>
            <dd>{step.request.name}</dd>
            <dt>{t`Téléphone`}</dt>
            <dd>{phoneInWords(step.phone)}</dd>
            <dt>{t`Moments préférés`}</dt>
            <dd>{step.request.moments.map(momentLabel).join(", ")}</dd>
            <dt>{t`Commune`}</dt>
            <dd>{communeLabel(step.commune)}</dd>
            <dt>{t`Résultat du questionnaire`}</dt>
            <dd>{recapResult}</dd>
          </dl>
          <div className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-right">
            <Button iconId="fr-icon-send-plane-line" iconPosition="right" disabled={busy} onClick={() => void send()}>
              {t`Envoyer ma demande`}
            </Button>
            <Button
              priority="secondary"
              disabled={busy}
              onClick={() => go({ step: "form", commune: step.commune, service: step.service, retention: step.retention })}
            >
              {t`Modifier`}
            </Button>
          </div>
          {busy && <p role="status">{t`Envoi en cours…`}</p>}
          {refusal && refusal.kind !== "offline" && <Helplines />}
        </>
      )}

      {step.step === "sent" && (
        <>
          <h2 ref={stepHeading} tabIndex={-1} className="fr-h4">
            {t`Votre demande est envoyée`}
          </h2>
          <SentRequest request={step.sent} phone={step.phone} onCancelled={() => undefined} />
          {!step.kept && (
            <Alert
              severity="warning"
              small
              className="fr-mt-2w"
              description={t`Ce téléphone n'a pas pu garder de quoi annuler la demande (navigation privée ?) : pour l'annuler, utilisez le bouton ci-dessus maintenant, ou dites-le à la personne qui vous appellera.`}
            />
          )}
          <Helplines />
          <p className="fr-mt-3w">
            <Link to="/post-partum">{t`Retour à la page post-partum`}</Link>
          </p>
        </>
      )}
    </Page>
  );
}
