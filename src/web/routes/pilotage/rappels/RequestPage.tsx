import { useRef, useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import {
  MOMENT_LABELS,
  OUTCOME_LABELS,
  OUTCOMES,
  STATUS_LABELS,
  statusChangeSchema,
  type CallbackRequestView,
  type Outcome,
  type StatusChange,
} from "../../../../domain/callback/contract.js";
import type { FieldError } from "../../../../domain/profile/profile.js";
import { ErrorSummary } from "../../../components/ErrorSummary.js";
import { Page } from "../../../components/Page.js";
import { formatFrenchDate } from "../../../../domain/dates.js";
import { api, dateTime } from "../api.js";
import { useApiGet } from "../useApi.js";
import { bandLabel, outcomeText } from "./labels.js";
import { phoneInWords } from "../../post-partum/rappel/format.js";

const ACTIONS: Record<CallbackRequestView["history"][number]["action"], string> = {
  created: "Demande reçue",
  read: "Consultée",
  contacted: "Marquée contactée",
  closed: "Clôturée",
};

/** One request (its opening is recorded by the server), its history, and the actions: contacted, then closed with the outcome. */
export function RequestPage() {
  const { id } = useParams();
  const { data, problem, replace } = useApiGet("GET /pilotage/rappels/:id", { params: { id: id ?? "" } });
  const [message, setMessage] = useState<string | null>(null);

  if (!data)
    return (
      <Page title="Demande de rappel">
        {problem ? <Alert severity="error" small description={problem.detail} /> : <p role="status">Chargement…</p>}
        <p className="fr-mt-3w">
          <Link to="/pilotage/rappels">Retour aux demandes</Link>
        </p>
      </Page>
    );

  // The change answers with the request as it now is: shown as such, not read again (a read is audited and
  // would enter the history as one more « Consultée » the agent did not make).
  const done = (text: string, updated: CallbackRequestView) => {
    setMessage(text);
    replace(updated);
  };

  return (
    <Page title={`Demande de rappel — ${data.name}`}>
      <p>
        <Link to="/pilotage/rappels">Retour aux demandes</Link>
      </p>
      <div aria-live="polite">{message && <Alert severity="success" small description={message} className="fr-mb-3w" />}</div>
      <dl className="mj-definitions">
        <dt>Statut</dt>
        <dd>
          {STATUS_LABELS[data.status]}
          {data.status === "closed" && ` — ${outcomeText(data)}`}
        </dd>
        <dt>Téléphone</dt>
        <dd>
          <a href={`tel:${data.phone}`}>{phoneInWords(data.phone)}</a>
        </dd>
        <dt>Prénom ou pseudonyme</dt>
        <dd>{data.name}</dd>
        <dt>Moments préférés</dt>
        <dd>{data.moments.map((m) => MOMENT_LABELS[m]).join(", ")}</dd>
        <dt>Commune</dt>
        <dd>
          {data.commune.name ?? "—"} ({data.commune.code})
        </dd>
        <dt>Résultat au questionnaire EPDS</dt>
        <dd>
          {data.sharedResult
            ? `${bandLabel(data.sharedResult.band)} (questionnaire du ${formatFrenchDate(data.sharedResult.date)} ; les réponses ne sont jamais transmises)`
            : "Non partagé par le parent"}
        </dd>
        <dt>Reçue le</dt>
        <dd>{dateTime(data.createdAt)}</dd>
        <dt>Effacement automatique</dt>
        <dd>au plus tard le {dateTime(data.deleteBy)}</dd>
      </dl>

      {data.status !== "closed" && <Actions request={data} onDone={done} />}

      <section aria-labelledby="historique" className="fr-mt-4w">
        <h2 id="historique" className="fr-h4">
          Historique
        </h2>
        <ol className="mj-track-list" data-testid="historique">
          {data.history.map((h, i) => (
            <li key={i}>
              <strong>{ACTIONS[h.action]}</strong> — {dateTime(h.at)}, par {h.actor}
              {h.detail ? ` — ${h.detail}` : ""}
            </li>
          ))}
        </ol>
      </section>
    </Page>
  );
}

function Actions({ request, onDone }: { request: CallbackRequestView; onDone(message: string, updated: CallbackRequestView): void }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [attempts, setAttempts] = useState("");
  const [orientedTo, setOrientedTo] = useState("");
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;

  async function change(body: StatusChange, success: string) {
    const parsed = statusChangeSchema.safeParse(body);
    if (!parsed.success) {
      setErrors(parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? ""), message: i.message })));
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setErrors([]);
    setBusy(true);
    const res = await api<CallbackRequestView>("POST", `/pilotage/rappels/${request.id}/statut`, parsed.data);
    setBusy(false);
    if (!res.ok) {
      setErrors(
        res.problem.errors?.length
          ? res.problem.errors.map((e) => ({ field: e.field ?? "", message: e.message }))
          : [{ field: "", message: res.problem.detail }],
      );
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    onDone(success, res.data);
  }

  function close(event: FormEvent) {
    event.preventDefault();
    if (!outcome) {
      setErrors([{ field: "outcome", message: "Indiquez l'issue pour clôturer : personne jointe, injoignable ou orientée." }]);
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    // The contract's own messages cover the missing fields; these two bounds are said here in French.
    const n = Number(attempts.trim());
    const local: FieldError[] = [];
    if (outcome === "unreachable" && attempts.trim() && !(Number.isInteger(n) && n >= 1 && n <= 50))
      local.push({ field: "attempts", message: "Le nombre de tentatives est un nombre entier de 1 à 50." });
    if (outcome === "oriented" && orientedTo.trim().length === 1)
      local.push({ field: "orientedTo", message: "Indiquez le nom du service (2 caractères au moins)." });
    if (local.length) {
      setErrors(local);
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    void change(
      {
        status: "closed",
        outcome,
        ...(outcome === "unreachable" && attempts.trim() ? { attempts: n } : {}),
        ...(outcome === "oriented" && orientedTo.trim() ? { orientedTo } : {}),
      },
      "Demande clôturée.",
    );
  }

  return (
    <section aria-labelledby="actions" className="fr-mt-4w">
      <h2 id="actions" className="fr-h4">
        Suivi
      </h2>
      <ErrorSummary errors={errors} summaryRef={summaryRef} />
      {request.status === "new" && (
        <p>
          <Button disabled={busy} onClick={() => void change({ status: "contacted" }, "Demande marquée contactée.")}>
            Marquer comme contactée
          </Button>
        </p>
      )}
      <form onSubmit={close} noValidate className="mj-narrow-form">
        <RadioButtons
          legend="Issue, pour clôturer la demande"
          name="outcome"
          state={errorOf("outcome") ? "error" : "default"}
          stateRelatedMessage={errorOf("outcome")}
          options={OUTCOMES.map((o) => ({ label: OUTCOME_LABELS[o], nativeInputProps: { value: o, checked: outcome === o, onChange: () => setOutcome(o) } }))}
        />
        {outcome === "unreachable" && (
          <Input
            label="Nombre de tentatives d'appel"
            state={errorOf("attempts") ? "error" : "default"}
            stateRelatedMessage={errorOf("attempts")}
            nativeInputProps={{ name: "attempts", inputMode: "numeric", value: attempts, onChange: (e) => setAttempts(e.target.value) }}
          />
        )}
        {outcome === "oriented" && (
          <Input
            label="Orientée vers"
            hintText="Le service ou le professionnel vers lequel la personne a été orientée (sans autre information sur elle)."
            state={errorOf("orientedTo") ? "error" : "default"}
            stateRelatedMessage={errorOf("orientedTo")}
            nativeInputProps={{ name: "orientedTo", maxLength: 200, value: orientedTo, onChange: (e) => setOrientedTo(e.target.value) }}
          />
        )}
        <Button type="submit" priority="secondary" disabled={busy}>
          Clôturer la demande
        </Button>
      </form>
    </section>
  );
}
