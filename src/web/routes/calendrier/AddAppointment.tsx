import { useState, type FormEvent } from "react";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { msg } from "@lingui/core/macro";
import { useLingui } from "@lingui/react/macro";
import { appointmentFromDraft, APPOINTMENT_LIMITS, type AppointmentError } from "../../../domain/calendar/appointment.js";
import { useParent } from "../../state/parent.js";

/** The domain's rule says which field to correct; the message is the interface's, in the reader's language. */
const errorMessages = {
  title: msg`Donnez un nom au rendez-vous.`,
  date: msg`Indiquez une date réelle (par exemple le 14/01/2027).`,
};

/** « Ajouter un rendez-vous »: a personal appointment, checked by the domain's rule, saved on the device. */
export function AddAppointment() {
  const { t } = useLingui();
  const { saveAppointment } = useParent("saveAppointment");
  const [title, setTitle] = useState("");
  const [date, setDate] = useState("");
  const [note, setNote] = useState("");
  const [error, setError] = useState<AppointmentError | null>(null);
  const [added, setAdded] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAdded(false);
    const result = appointmentFromDraft({ title, date, note }, crypto.randomUUID());
    if ("error" in result) return setError(result.error);
    setError(null);
    await saveAppointment(result.appointment);
    setTitle("");
    setDate("");
    setNote("");
    setAdded(true);
  }

  return (
    <section aria-labelledby="ajouter" className="fr-mt-5w">
      <h2 id="ajouter">{t`Ajouter un rendez-vous`}</h2>
      <form onSubmit={submit} noValidate>
        <Input
          label={t`Rendez-vous`}
          state={error?.field === "title" ? "error" : "default"}
          stateRelatedMessage={error?.field === "title" ? t(errorMessages.title) : undefined}
          nativeInputProps={{ name: "rdv-titre", value: title, maxLength: APPOINTMENT_LIMITS.title, onChange: (e) => setTitle(e.target.value) }}
        />
        <Input
          label={t`Date`}
          state={error?.field === "date" ? "error" : "default"}
          stateRelatedMessage={error?.field === "date" ? t(errorMessages.date) : undefined}
          nativeInputProps={{ name: "rdv-date", type: "date", value: date, onChange: (e) => setDate(e.target.value) }}
        />
        <Input
          label={t`Note (facultatif)`}
          textArea
          nativeTextAreaProps={{ name: "rdv-note", value: note, maxLength: APPOINTMENT_LIMITS.note, onChange: (e) => setNote(e.target.value) }}
        />
        <Button type="submit" iconId="fr-icon-add-line">
          {t`Ajouter au calendrier`}
        </Button>
        <p role="status" className="fr-mt-1w">
          {added ? t`Rendez-vous ajouté.` : ""}
        </p>
      </form>
    </section>
  );
}
