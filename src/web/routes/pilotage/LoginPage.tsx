import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { Trans, useLingui } from "@lingui/react/macro";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Page } from "../../components/Page.js";
import { useSession } from "./session.js";

/** The back office's login (e-mail and password); says when a session has ended. */
export function LoginPage({ expired }: { expired: boolean }) {
  const { login } = useSession();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { t } = useLingui();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await login(email, password);
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      setPassword("");
    }
  }

  return (
    <Page title={t`Connexion au pilotage territorial`}>
      <p>
        {t`Espace réservé aux agents de l'administration nationale, des ARS (agences régionales de santé) et des DREETS (directions régionales de l'économie, de l'emploi, du travail et des solidarités) qui suivent les projets locaux des 1000 premiers jours, et aux services départementaux qui rappellent les parents. Les parents n'ont pas besoin de compte.`}
      </p>
      <div aria-live="polite">
        {expired && !error && <Alert severity="info" small description={t`Votre session a pris fin : reconnectez-vous.`} className="fr-mb-3w" />}
        {error && <Alert severity="error" small description={error} className="fr-mb-3w" />}
      </div>
      <form onSubmit={(e) => void submit(e)} className="mj-narrow-form">
        <Input
          label={t`Adresse électronique professionnelle`}
          nativeInputProps={{ type: "email", name: "email", autoComplete: "username", required: true, value: email, onChange: (e) => setEmail(e.target.value) }}
        />
        <Input
          label={t`Mot de passe`}
          nativeInputProps={{
            type: "password",
            name: "password",
            autoComplete: "current-password",
            required: true,
            value: password,
            onChange: (e) => setPassword(e.target.value),
          }}
        />
        <Button type="submit" disabled={busy}>
          {t`Se connecter`}
        </Button>
      </form>
      <p className="fr-text--sm fr-mt-3w">
        <Trans>
          Après 5 essais infructueux, le compte est bloqué 15 minutes. Mot de passe oublié : demandez à l'administration nationale de vous en attribuer un
          nouveau. Le baromètre public est consultable sans compte : <Link to="/barometre">baromètre EPP / EPNP</Link>.
        </Trans>
      </p>
    </Page>
  );
}
