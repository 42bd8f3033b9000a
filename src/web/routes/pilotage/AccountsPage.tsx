import { useState, type FormEvent } from "react";
import { plural } from "@lingui/core/macro";
import { useLingui } from "@lingui/react/macro";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { Page } from "../../components/Page.js";
import { steeringApi, type Problem } from "./api.js";
import { DEPARTEMENTS, REGIONS, regionName } from "./labels.js";
import { roleLabel, useAccount, type Account } from "./session.js";
import { useApiGet } from "./useApi.js";

const name = (a: Account) => a.displayName;

/** Accounts (national administration) and, for everyone, changing one's own password. */
export function AccountsPage() {
  const account = useAccount();
  const { t } = useLingui();
  const list = useApiGet(account.role === "national" ? "GET /pilotage/comptes" : null);
  return (
    <Page title={account.role === "national" ? t`Comptes du pilotage` : t`Mon compte`}>
      <ChangePassword />
      {account.role === "national" && (
        <>
          <h2>{t`Comptes`}</h2>
          {list.problem && <Alert severity="error" small description={list.problem.detail} />}
          {list.data && (
            <div className="mj-table fr-mb-4w">
              <table tabIndex={0}>
                <caption>{plural(list.data.length, { one: "# compte", other: "# comptes" })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t`Nom`}</th>
                    <th scope="col">{t`Adresse`}</th>
                    <th scope="col">{t`Rôle`}</th>
                    <th scope="col">{t`État`}</th>
                    <th scope="col">{t`Action`}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.map((a) => (
                    <tr key={a.id}>
                      <th scope="row">{a.displayName}</th>
                      <td>{a.email}</td>
                      <td>{roleLabel(a)}</td>
                      <td>{a.active ? t`actif` : t`désactivé`}</td>
                      <td>
                        {a.id !== account.id && (
                          <Button
                            size="small"
                            priority="tertiary"
                            onClick={() =>
                              void steeringApi("PATCH /pilotage/comptes/:id", { params: { id: a.id }, body: { active: !a.active } }).then(list.reload)
                            }
                          >
                            {a.active ? t`Désactiver ${name(a)}` : t`Réactiver ${name(a)}`}
                          </Button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <NewAccount onDone={list.reload} />
        </>
      )}
    </Page>
  );
}

function ChangePassword() {
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

function NewAccount({ onDone }: { onDone: () => void }) {
  const [form, setForm] = useState({ email: "", displayName: "", role: "regional", agency: "ars", region: "11", departement: "01", password: "" });
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const set = (key: keyof typeof form, value: string) => setForm({ ...form, [key]: value });
  const { t } = useLingui();
  async function submit(event: FormEvent) {
    event.preventDefault();
    const res = await steeringApi("POST /pilotage/comptes", {
      body: {
        email: form.email,
        displayName: form.displayName,
        role: form.role,
        agency: form.role === "regional" ? form.agency : null,
        region: form.role === "national" || form.role === "departemental" || form.region === "" ? null : form.region,
        departement: form.role === "departemental" ? form.departement : null,
        password: form.password,
      },
    });
    if (res.ok) {
      setProblem(null);
      const email = res.data.email;
      setDone(t`Compte créé pour ${email}. Transmettez-lui le mot de passe par un autre canal et demandez-lui de le changer.`);
      setForm({ ...form, email: "", displayName: "", password: "" });
      onDone();
    } else {
      setDone(null);
      setProblem(res.problem);
    }
  }
  return (
    <section aria-labelledby="nouveau-compte">
      <h2 id="nouveau-compte">{t`Créer un compte`}</h2>
      <form onSubmit={(e) => void submit(e)} className="mj-narrow-form" noValidate>
        <Input label={t`Adresse électronique`} nativeInputProps={{ type: "email", value: form.email, onChange: (e) => set("email", e.target.value) }} />
        <Input label={t`Nom affiché`} nativeInputProps={{ value: form.displayName, onChange: (e) => set("displayName", e.target.value) }} />
        <Select label={t`Rôle`} nativeSelectProps={{ value: form.role, onChange: (e) => set("role", e.target.value) }}>
          <option value="regional">{t`Agent régional (ARS ou DREETS)`}</option>
          <option value="observer">{t`Observateur (lecture seule)`}</option>
          <option value="national">{t`Administrateur national`}</option>
          <option value="departemental">{t`Service départemental de rappel (PMI ou partenaire)`}</option>
        </Select>
        {form.role === "regional" && (
          <Select label={t`Service`} nativeSelectProps={{ value: form.agency, onChange: (e) => set("agency", e.target.value) }}>
            <option value="ars">{t`ARS (agence régionale de santé)`}</option>
            <option value="dreets">{t`DREETS (direction régionale de l'économie, de l'emploi, du travail et des solidarités)`}</option>
          </Select>
        )}
        {form.role === "departemental" && (
          <Select
            label={t`Département (le compte ne voit que ses demandes de rappel et son baromètre)`}
            nativeSelectProps={{ value: form.departement, onChange: (e) => set("departement", e.target.value) }}
          >
            {DEPARTEMENTS.map((d) => (
              <option key={d.code} value={d.code}>
                {d.code} — {d.nom}
              </option>
            ))}
          </Select>
        )}
        {form.role !== "national" && form.role !== "departemental" && (
          <Select label={t`Région`} nativeSelectProps={{ value: form.region, onChange: (e) => set("region", e.target.value) }}>
            {form.role === "observer" && <option value="">{t`Toutes les régions`}</option>}
            {REGIONS.map((r) => (
              <option key={r.code} value={r.code}>
                {regionName(r.code)}
              </option>
            ))}
          </Select>
        )}
        <Input
          label={t`Mot de passe initial`}
          hintText={t`12 caractères au moins ; la personne le changera.`}
          nativeInputProps={{ type: "password", autoComplete: "new-password", value: form.password, onChange: (e) => set("password", e.target.value) }}
        />
        <Button type="submit">{t`Créer le compte`}</Button>
      </form>
      <div aria-live="polite" className="fr-mt-2w">
        {done && <Alert severity="success" small description={done} />}
        {problem && (
          <Alert
            severity="error"
            small
            description={
              <ul>
                {(problem.errors ?? [{ message: problem.detail }]).map((e, i) => (
                  <li key={i}>{e.message}</li>
                ))}
              </ul>
            }
          />
        )}
      </div>
    </section>
  );
}
