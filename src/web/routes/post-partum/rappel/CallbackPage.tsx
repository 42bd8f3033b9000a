import { useRef, useState, type FormEvent } from "react";
import { Link, useLocation } from "react-router";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import {
  MOMENT_LABELS,
  MOMENTS,
  newCallbackRequestSchema,
  SHARED_BANDS,
  type Moment,
  type NewCallbackRequest,
  type PublicService,
  type Retention,
} from "../../../../domain/callback/contract.js";
import { communeLabel, type CommuneMatch } from "../../../../domain/geo/commune-search.js";
import { EPDS_BANDS, type EpdsBandId } from "../../../../domain/epds/score.js";
import { formatFrenchDate } from "../../../../domain/dates.js";
import type { FieldError } from "../../../../domain/profile/profile.js";
import { ErrorSummary } from "../../../components/ErrorSummary.js";
import { Page } from "../../../components/Page.js";
import { useParent } from "../../../state/parent.js";
import { keepSentCallback, type SentCallbackRequest } from "../../../storage/callback-requests.js";
import { fetchCoverage, sendCallbackRequest, type Refusal } from "./callback-api.js";
import { CommuneStep } from "./CommuneStep.js";
import { Helplines } from "./Helplines.js";
import { SentRequest } from "./SentRequest.js";
import { daysInWords, delayInWords, phoneInWords } from "./format.js";

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

const bandLabel = (band: EpdsBandId) => EPDS_BANDS.find((b) => b.id === band)!.label;

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
              message:
                "Vous êtes hors ligne : nous ne pouvons pas vérifier qu'un service rappelle dans votre département. Réessayez quand vous aurez du réseau.",
            }
          : answer,
      );
    go(
      answer.data.covered && answer.data.service
        ? { step: "form", commune, service: answer.data.service, retention: answer.data.retention }
        : { step: "uncovered", commune },
    );
  }

  function check(event: FormEvent) {
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
    const parsed = newCallbackRequestSchema.safeParse(request);
    if (!parsed.success) {
      setErrors(parsed.error.issues.map((issue) => ({ field: String(issue.path[0] ?? ""), message: issue.message })));
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setErrors([]);
    // What is shown in the recap is exactly what is sent: the values as checked (name trimmed, phone normalised).
    go({ step: "recap", commune: step.commune, service: step.service, retention: step.retention, request: parsed.data, phone: parsed.data.phone });
  }

  async function send() {
    if (step.step !== "recap") return;
    setBusy(true);
    setRefusal(null);
    const answer = await sendCallbackRequest(step.request);
    setBusy(false);
    if (!answer.ok) {
      if (answer.kind === "invalid") {
        setErrors(answer.errors.length ? answer.errors : [{ field: "", message: answer.message }]);
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

  const refusalAlert = refusal && (
    <div role="alert" className="fr-mb-3w">
      <Alert severity={refusal.kind === "offline" ? "warning" : "error"} small description={refusal.message} />
    </div>
  );

  return (
    <Page title="Être rappelé(e) par un professionnel" heading="Être rappelé(e) par un professionnel">
      <p className="fr-text--lead">
        Un professionnel du service de votre département vous appelle au moment qui vous convient, pour parler de ce que vous vivez.
      </p>
      <p>
        <strong>Si vous avez des idées noires maintenant</strong>, n'attendez pas le rappel : appelez le <a href="tel:3114">3114</a> (jour et nuit, gratuit) ou
        le <a href="tel:15">15</a>.
      </p>

      {step.step === "commune" && (
        <>
          <h2 ref={stepHeading} tabIndex={-1} className="fr-h4">
            Où habitez-vous ?
          </h2>
          {refusalAlert}
          <CommuneStep onChoose={(c) => void chooseCommune(c)} busy={busy} />
          {busy && <p role="status">Recherche du service de votre département…</p>}
        </>
      )}

      {step.step === "uncovered" && (
        <>
          <h2 ref={stepHeading} tabIndex={-1} className="fr-h4">
            Pas encore de rappel dans votre département
          </h2>
          {step.notSent && (
            <Alert
              severity="warning"
              small
              className="fr-mb-3w"
              description="Votre demande n'a pas été envoyée : le service de votre département ne prend plus de demandes pour le moment."
            />
          )}
          <p>
            Aucun service ne propose encore de rappeler les parents dans le département {step.commune.departement.name} ({step.commune.departement.code}) avec
            Mille Jours. Vous pouvez appeler dès maintenant une des lignes ci-dessous, ou vous rendre dans un lieu près de chez vous : le centre de PMI reçoit
            gratuitement les parents.
          </p>
          <p>
            <Link
              className="fr-link fr-icon-map-pin-2-line fr-link--icon-left"
              to={`/autour-de-moi?${new URLSearchParams({ types: "pmi,psychiatrie-perinatale,cmp", lat: step.commune.lat.toFixed(5), lon: step.commune.lon.toFixed(5), lieu: communeLabel(step.commune) })}`}
            >
              Les lieux près de {step.commune.name}
            </Link>
          </p>
          <Helplines title="Des lignes qui répondent" />
          <Button priority="secondary" className="fr-mt-2w" onClick={() => go({ step: "commune" })}>
            Changer de commune
          </Button>
        </>
      )}

      {step.step === "form" && (
        <form onSubmit={check} noValidate>
          <h2 ref={stepHeading} tabIndex={-1} className="fr-h4">
            Votre demande
          </h2>
          <p>
            Service qui vous rappellera : <strong>{step.service.name}</strong> ({step.commune.departement.name}). Il appelle {step.service.openingHours}, dans
            un délai de {delayInWords(step.service.responseDelayHours)} au plus.
          </p>
          <ErrorSummary errors={errors} summaryRef={summaryRef} />
          {refusalAlert}
          <Input
            label="Prénom ou pseudonyme"
            hintText="Le nom que la personne qui vous appelle demandera. Un pseudonyme suffit."
            state={errorOf("name") ? "error" : "default"}
            stateRelatedMessage={errorOf("name")}
            nativeInputProps={{ name: "name", autoComplete: "given-name", maxLength: 60, value: draft.name, onChange: (e) => update({ name: e.target.value }) }}
          />
          <Input
            label="Numéro de téléphone"
            hintText="Un numéro français à 10 chiffres, par exemple 06 12 34 56 78."
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
            legend="Quand préférez-vous être appelé(e) ?"
            hintText={`Cochez un ou plusieurs moments. Le service appelle ${step.service.openingHours}.`}
            state={errorOf("moments") ? "error" : "default"}
            stateRelatedMessage={errorOf("moments")}
            options={MOMENTS.map((m) => ({
              label: MOMENT_LABELS[m],
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
              legend="Votre résultat au questionnaire"
              options={[
                {
                  label: "Partager mon résultat",
                  hintText: `Seront envoyés : « ${bandLabel(result.band)} » et la date du questionnaire (${formatFrenchDate(result.date)}). Vos réponses aux questions ne sont jamais envoyées. Sans ce partage, la personne qui vous appelle ne sait rien de votre résultat.`,
                  nativeInputProps: { name: "share", checked: draft.share, onChange: (e) => update({ share: e.target.checked }) },
                },
              ]}
            />
          )}
          <ConsentText service={step.service} commune={step.commune} retention={step.retention} />
          <Checkbox
            state={errorOf("consent") ? "error" : "default"}
            stateRelatedMessage={errorOf("consent")}
            options={[
              {
                label: `J'accepte que ma demande soit envoyée à ${step.service.name} pour être rappelé(e).`,
                nativeInputProps: { name: "consent", checked: draft.consent, onChange: (e) => update({ consent: e.target.checked }) },
              },
            ]}
          />
          {/* Left empty by people (it is off-screen and out of the tab order); a robot filling every field is refused. */}
          <div className="mj-honeypot" aria-hidden="true">
            <label htmlFor="rappel-site-web">Ne pas remplir ce champ</label>
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
              Vérifier ma demande
            </Button>
            <Button type="button" priority="secondary" onClick={() => go({ step: "commune" })}>
              Changer de commune
            </Button>
          </div>
          <p className="fr-text--sm">Rien n'est envoyé à cette étape : vous verrez d'abord ce qui partira.</p>
        </form>
      )}

      {step.step === "recap" && (
        <>
          <h2 ref={stepHeading} tabIndex={-1} className="fr-h4">
            Vérifiez ce qui sera envoyé
          </h2>
          {refusalAlert}
          <p>
            À <strong>{step.service.name}</strong>, et à personne d'autre :
          </p>
          <dl className="mj-recap" data-testid="recapitulatif">
            <dt>Prénom ou pseudonyme</dt>
            <dd>{step.request.name}</dd>
            <dt>Téléphone</dt>
            <dd>{phoneInWords(step.phone)}</dd>
            <dt>Moments préférés</dt>
            <dd>{step.request.moments.map((m) => MOMENT_LABELS[m]).join(", ")}</dd>
            <dt>Commune</dt>
            <dd>{communeLabel(step.commune)}</dd>
            <dt>Résultat du questionnaire</dt>
            <dd>
              {step.request.sharedResult
                ? `« ${bandLabel(step.request.sharedResult.band)} », questionnaire du ${formatFrenchDate(step.request.sharedResult.date)} (sans vos réponses)`
                : "Non partagé"}
            </dd>
          </dl>
          <div className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-right">
            <Button iconId="fr-icon-send-plane-line" iconPosition="right" disabled={busy} onClick={() => void send()}>
              Envoyer ma demande
            </Button>
            <Button
              priority="secondary"
              disabled={busy}
              onClick={() => go({ step: "form", commune: step.commune, service: step.service, retention: step.retention })}
            >
              Modifier
            </Button>
          </div>
          {busy && <p role="status">Envoi en cours…</p>}
          {refusal && refusal.kind !== "offline" && <Helplines />}
        </>
      )}

      {step.step === "sent" && (
        <>
          <h2 ref={stepHeading} tabIndex={-1} className="fr-h4">
            Votre demande est envoyée
          </h2>
          <SentRequest request={step.sent} phone={step.phone} onCancelled={() => undefined} />
          {!step.kept && (
            <Alert
              severity="warning"
              small
              className="fr-mt-2w"
              description="Ce téléphone n'a pas pu garder de quoi annuler la demande (navigation privée ?) : pour l'annuler, utilisez le bouton ci-dessus maintenant, ou dites-le à la personne qui vous appellera."
            />
          )}
          <Helplines />
          <p className="fr-mt-3w">
            <Link to="/post-partum">Retour à la page post-partum</Link>
          </p>
        </>
      )}
    </Page>
  );
}

/** Who reads the request, for what, and when it is deleted, in plain words (reference §6: notice before consent). */
function ConsentText({ service, commune, retention }: { service: PublicService; commune: CommuneMatch; retention: Retention }) {
  return (
    <div className="fr-callout fr-mb-2w" id="rappel-accord">
      <h3 className="fr-callout__title fr-h6">Ce que devient votre demande</h3>
      <ul className="fr-callout__text fr-text--md">
        <li>
          <strong>Qui la lit :</strong> seulement les professionnels de {service.name}, le service qui rappelle les parents dans le département{" "}
          {commune.departement.name}. Chaque lecture est enregistrée. Personne d'autre n'y a accès, ni l'équipe de Mille Jours.
        </li>
        <li>
          <strong>Pour quoi :</strong> uniquement pour vous rappeler au numéro indiqué et vous proposer une aide ou une orientation. Le service reçoit un
          courriel qui dit seulement qu'une demande l'attend, sans votre nom ni votre numéro.
        </li>
        <li>
          <strong>Quand elle est effacée :</strong> automatiquement {daysInWords(retention.afterClosedDays)} après que le service l'a close, et au plus tard{" "}
          {daysInWords(retention.maxDays)} après l'envoi. Vous pouvez l'annuler à tout moment depuis ce téléphone : elle est alors effacée tout de suite.
        </li>
        <li>Vos réponses au questionnaire ne sont jamais envoyées.</li>
      </ul>
    </div>
  );
}
