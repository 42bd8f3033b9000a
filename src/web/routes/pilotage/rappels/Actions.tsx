import { useRef, useState, type FormEvent } from "react";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { msg } from "@lingui/core/macro";
import { useLingui } from "@lingui/react/macro";
import type { MessageDescriptor } from "@lingui/core";
import { OUTCOMES, statusChangeSchema, type CallbackRequestView, type Outcome, type StatusChange } from "../../../../domain/callback/contract.js";
import type { FieldError } from "../../../../domain/profile/profile.js";
import { ErrorSummary } from "../../../components/ErrorSummary.js";
import { steeringApi } from "../api.js";
import { outcomeLabels } from "./labels.js";

/** The contract's messages for the fields of a status change (src/domain/callback/contract.ts), in the reader's language. */
const FIELD_MESSAGES: Record<string, MessageDescriptor> = {
  outcome: msg`Indiquez l'issue pour clôturer : personne jointe, injoignable ou orientée.`,
  attempts: msg`Indiquez le nombre de tentatives d'appel.`,
  orientedTo: msg`Indiquez vers quel service la personne a été orientée.`,
};

export function Actions({ request, onDone }: { request: CallbackRequestView; onDone(message: string, updated: CallbackRequestView): void }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [attempts, setAttempts] = useState("");
  const [orientedTo, setOrientedTo] = useState("");
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const { t } = useLingui();

  async function change(body: StatusChange, success: string) {
    const parsed = statusChangeSchema.safeParse(body);
    if (!parsed.success) {
      setErrors(
        parsed.error.issues.map((i) => {
          const field = String(i.path[0] ?? "");
          const known = FIELD_MESSAGES[field];
          return { field, message: known ? t(known) : i.message };
        }),
      );
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setErrors([]);
    setBusy(true);
    const res = await steeringApi("POST /pilotage/rappels/:id/statut", { params: { id: request.id }, body: parsed.data });
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
      setErrors([{ field: "outcome", message: t(FIELD_MESSAGES.outcome!) }]);
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    // The contract's own messages cover the missing fields; these two bounds are said here.
    const n = Number(attempts.trim());
    const local: FieldError[] = [];
    if (outcome === "unreachable" && attempts.trim() && !(Number.isInteger(n) && n >= 1 && n <= 50))
      local.push({ field: "attempts", message: t`Le nombre de tentatives est un nombre entier de 1 à 50.` });
    if (outcome === "oriented" && orientedTo.trim().length === 1)
      local.push({ field: "orientedTo", message: t`Indiquez le nom du service (2 caractères au moins).` });
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
      t`Demande clôturée.`,
    );
  }

  return (
    <section aria-labelledby="actions" className="fr-mt-4w">
      <h2 id="actions" className="fr-h4">
        {t`Suivi`}
      </h2>
      <ErrorSummary errors={errors} summaryRef={summaryRef} />
      {request.status === "new" && (
        <p>
          <Button disabled={busy} onClick={() => void change({ status: "contacted" }, t`Demande marquée contactée.`)}>
            {t`Marquer comme contactée`}
          </Button>
        </p>
      )}
      <form onSubmit={close} noValidate className="mj-narrow-form">
        <RadioButtons
          legend={t`Issue, pour clôturer la demande`}
          name="outcome"
          state={errorOf("outcome") ? "error" : "default"}
          stateRelatedMessage={errorOf("outcome")}
          options={OUTCOMES.map((o) => ({ label: t(outcomeLabels[o]), nativeInputProps: { value: o, checked: outcome === o, onChange: () => setOutcome(o) } }))}
        />
        {outcome === "unreachable" && (
          <Input
            label={t`Nombre de tentatives d'appel`}
            state={errorOf("attempts") ? "error" : "default"}
            stateRelatedMessage={errorOf("attempts")}
            nativeInputProps={{ name: "attempts", inputMode: "numeric", value: attempts, onChange: (e) => setAttempts(e.target.value) }}
          />
        )}
        {outcome === "oriented" && (
          <Input
            label={t`Orientée vers`}
            hintText={t`Le service ou le professionnel vers lequel la personne a été orientée (sans autre information sur elle).`}
            state={errorOf("orientedTo") ? "error" : "default"}
            stateRelatedMessage={errorOf("orientedTo")}
            nativeInputProps={{ name: "orientedTo", maxLength: 200, value: orientedTo, onChange: (e) => setOrientedTo(e.target.value) }}
          />
        )}
        <Button type="submit" priority="secondary" disabled={busy}>
          {t`Clôturer la demande`}
        </Button>
      </form>
    </section>
  );
}
