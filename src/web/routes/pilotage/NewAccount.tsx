import { useState, type FormEvent } from "react";
import { useLingui } from "@lingui/react/macro";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { steeringApi, type Problem } from "./api.js";
import { DEPARTEMENTS, REGIONS, regionName } from "./labels.js";

/** The form that creates an account (national administration). */
export function NewAccount({ onDone }: { onDone: () => void }) {
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
