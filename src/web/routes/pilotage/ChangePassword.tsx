import { useState, type FormEvent } from "react";
import { useLingui } from "@lingui/react/macro";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { steeringApi } from "./api.js";

/** Changing one's own password (every account). */
export function ChangePassword() {
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const { t } = useLingui();
  async function submit(event: FormEvent) {
    event.preventDefault();
    const res = await steeringApi("PUT /pilotage/session/mot-de-passe", { body: { current, next } });
    setMessage(res.ok ? { ok: true, text: t`Mot de passe changé ; vos autres sessions sont fermées.` } : { ok: false, text: res.problem.detail });
    setCurrent("");
    setNext("");
  }
  return (
    <section aria-labelledby="mot-de-passe" className="fr-mb-4w">
      <h2 id="mot-de-passe">{t`Changer mon mot de passe`}</h2>
      <form onSubmit={(e) => void submit(e)} className="mj-narrow-form">
        <Input
          label={t`Mot de passe actuel`}
          nativeInputProps={{ type: "password", autoComplete: "current-password", value: current, onChange: (e) => setCurrent(e.target.value) }}
        />
        <Input
          label={t`Nouveau mot de passe`}
          hintText={t`12 caractères au moins`}
          nativeInputProps={{ type: "password", autoComplete: "new-password", value: next, onChange: (e) => setNext(e.target.value) }}
        />
        <Button type="submit">{t`Changer le mot de passe`}</Button>
      </form>
      <div aria-live="polite" className="fr-mt-2w">
        {message && <Alert severity={message.ok ? "success" : "error"} small description={message.text} />}
      </div>
    </section>
  );
}
