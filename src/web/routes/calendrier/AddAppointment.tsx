import { useState, type FormEvent } from "react";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { appointmentFromDraft, APPOINTMENT_LIMITS, type AppointmentError } from "../../../domain/calendar/appointment.js";
import { useParent } from "../../state/parent.js";

/** « Ajouter un rendez-vous »: a personal appointment, checked by the domain's rule, saved on the device. */
export function AddAppointment() {
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
      <h2 id="ajouter">Ajouter un rendez-vous</h2>
      <form onSubmit={submit} noValidate>
        <Input
          label="Rendez-vous"
          state={error?.field === "title" ? "error" : "default"}
          stateRelatedMessage={error?.field === "title" ? error.message : undefined}
          nativeInputProps={{ name: "rdv-titre", value: title, maxLength: APPOINTMENT_LIMITS.title, onChange: (e) => setTitle(e.target.value) }}
        />
        <Input
          label="Date"
          state={error?.field === "date" ? "error" : "default"}
          stateRelatedMessage={error?.field === "date" ? error.message : undefined}
          nativeInputProps={{ name: "rdv-date", type: "date", value: date, onChange: (e) => setDate(e.target.value) }}
        />
        <Input
          label="Note (facultatif)"
          textArea
          nativeTextAreaProps={{ name: "rdv-note", value: note, maxLength: APPOINTMENT_LIMITS.note, onChange: (e) => setNote(e.target.value) }}
        />
        <Button type="submit" iconId="fr-icon-add-line">
          Ajouter au calendrier
        </Button>
        <p role="status" className="fr-mt-1w">
          {added ? "Rendez-vous ajouté." : ""}
        </p>
      </form>
    </section>
  );
}
