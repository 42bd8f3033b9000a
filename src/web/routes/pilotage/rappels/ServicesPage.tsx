import { useRef, useState, type FormEvent } from "react";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { callbackServiceInputSchema, type CallbackService } from "../../../../domain/callback/contract.js";
import type { FieldError } from "../../../../domain/profile/profile.js";
import { ErrorSummary } from "../../../components/ErrorSummary.js";
import { Page } from "../../../components/Page.js";
import { api, dateTime } from "../api.js";
import { DEPARTEMENTS, departementName } from "../labels.js";
import { useAccount } from "../session.js";
import { useApiGet } from "../useApi.js";
import { delayLabel } from "./labels.js";

interface Form {
  departement: string;
  name: string;
  email: string;
  openingHours: string;
  responseDelayHours: string;
  enabled: boolean;
}
const EMPTY: Form = { departement: "", name: "", email: "", openingHours: "", responseDelayHours: "48", enabled: true };

/** French words for the bounds the contract leaves to zod's default (English) messages in the browser. */
const FIELD_MESSAGES: Record<string, string> = {
  name: "Le nom du service compte de 2 à 120 caractères.",
  email: "Adresse électronique invalide.",
  openingHours: "Les horaires comptent de 2 à 300 caractères, par exemple « du lundi au vendredi, de 9 h à 17 h ».",
  responseDelayHours: "Le délai de rappel est un nombre entier d'heures, de 1 à 336 (14 jours).",
};

/**
 * The national administrator's table of call-back services: for each département, who calls parents back,
 * the shared mailbox told of new requests (never their content), the hours and the delay shown to parents,
 * and whether the service is on. A département without an enabled service shows parents the help lines.
 */
export function ServicesPage() {
  const account = useAccount();
  const list = useApiGet(account.role === "national" ? "GET /pilotage/services-rappel" : null);
  const [form, setForm] = useState<Form>(EMPTY);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));

  if (account.role !== "national")
    return (
      <Page title="Services de rappel">
        <p>Cette page est réservée à l'administration nationale.</p>
      </Page>
    );

  function choose(code: string) {
    setSaved(null);
    setErrors([]);
    const existing = list.data?.items.find((s) => s.departement === code);
    setForm(
      existing
        ? {
            departement: code,
            name: existing.name,
            email: existing.email,
            openingHours: existing.openingHours,
            responseDelayHours: String(existing.responseDelayHours),
            enabled: existing.enabled,
          }
        : { ...EMPTY, departement: code },
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const found: FieldError[] = [];
    if (!form.departement) found.push({ field: "departement", message: "Choisissez un département." });
    const delay = Number(form.responseDelayHours.trim());
    const parsed = callbackServiceInputSchema.safeParse({
      name: form.name,
      email: form.email,
      openingHours: form.openingHours,
      responseDelayHours: delay,
      enabled: form.enabled,
    });
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "");
        if (!found.some((e) => e.field === field)) found.push({ field, message: FIELD_MESSAGES[field] ?? issue.message });
      }
    if (found.length || !parsed.success) {
      setErrors(found);
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setErrors([]);
    setBusy(true);
    const res = await api<CallbackService>("PUT", `/pilotage/services-rappel/${form.departement}`, parsed.data);
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
    setSaved(`Service de ${departementName(res.data.departement)} enregistré${res.data.enabled ? " et activé" : " (désactivé)"}.`);
    list.reload();
  }

  const items = [...(list.data?.items ?? [])].sort((a, b) => a.departement.localeCompare(b.departement));
  return (
    <Page title="Services de rappel">
      <p>
        Pour chaque département, le service qui rappelle les parents qui le demandent après le questionnaire EPDS (la PMI, ou un service partenaire avec
        l'accord du département). Sans service activé, les parents de ce département voient les lignes d'écoute et les lieux proches au lieu du formulaire.
        L'adresse électronique reçoit seulement « une nouvelle demande vous attend », jamais le contenu d'une demande.
      </p>
      {list.problem && <Alert severity="error" small description={list.problem.detail} className="fr-mb-3w" />}
      <section aria-labelledby="services-actuels" className="fr-mb-4w">
        <h2 id="services-actuels" className="fr-h4">
          Départements configurés ({items.length})
        </h2>
        {items.length === 0 ? (
          <p>Aucun service n'est encore configuré.</p>
        ) : (
          <div className="mj-table">
            <table tabIndex={0}>
              <caption className="fr-sr-only">Services de rappel par département</caption>
              <thead>
                <tr>
                  <th scope="col">Département</th>
                  <th scope="col">Service</th>
                  <th scope="col">Horaires</th>
                  <th scope="col">Délai</th>
                  <th scope="col">État</th>
                  <th scope="col">Modifié</th>
                </tr>
              </thead>
              <tbody>
                {items.map((s) => (
                  <tr key={s.departement}>
                    <th scope="row">
                      <button type="button" className="mj-sort-button" onClick={() => choose(s.departement)}>
                        {departementName(s.departement)} ({s.departement})
                      </button>
                    </th>
                    <td>
                      {s.name}
                      <br />
                      <span className="fr-text--xs">{s.email}</span>
                    </td>
                    <td>{s.openingHours}</td>
                    <td>{delayLabel(s.responseDelayHours)}</td>
                    <td>{s.enabled ? "Activé" : "Désactivé"}</td>
                    <td>
                      {dateTime(s.updatedAt)}, {s.updatedBy}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="service-form">
        <h2 id="service-form" className="fr-h4">
          Activer ou modifier le service d'un département
        </h2>
        <div aria-live="polite">{saved && <Alert severity="success" small description={saved} className="fr-mb-3w" />}</div>
        <ErrorSummary errors={errors} summaryRef={summaryRef} />
        <form onSubmit={(e) => void submit(e)} noValidate className="mj-narrow-form">
          <Select
            label="Département"
            state={errorOf("departement") ? "error" : "default"}
            stateRelatedMessage={errorOf("departement")}
            nativeSelectProps={{ name: "departement", value: form.departement, onChange: (e) => choose(e.target.value) }}
          >
            <option value="">Choisir un département</option>
            {DEPARTEMENTS.map((d) => (
              <option key={d.code} value={d.code}>
                {d.code} — {d.nom}
              </option>
            ))}
          </Select>
          <Input
            label="Nom du service"
            hintText="Tel que les parents le liront, par exemple « PMI du Rhône »."
            state={errorOf("name") ? "error" : "default"}
            stateRelatedMessage={errorOf("name")}
            nativeInputProps={{ name: "name", maxLength: 120, value: form.name, onChange: (e) => set("name", e.target.value) }}
          />
          <Input
            label="Adresse électronique du service"
            hintText="Une boîte partagée : elle reçoit seulement l'avis d'une nouvelle demande."
            state={errorOf("email") ? "error" : "default"}
            stateRelatedMessage={errorOf("email")}
            nativeInputProps={{ name: "email", type: "email", maxLength: 254, value: form.email, onChange: (e) => set("email", e.target.value) }}
          />
          <Input
            label="Horaires d'appel"
            hintText="Montrés aux parents, par exemple « du lundi au vendredi, de 9 h à 17 h »."
            state={errorOf("openingHours") ? "error" : "default"}
            stateRelatedMessage={errorOf("openingHours")}
            nativeInputProps={{ name: "openingHours", maxLength: 300, value: form.openingHours, onChange: (e) => set("openingHours", e.target.value) }}
          />
          <Input
            label="Délai de rappel annoncé (en heures)"
            hintText="Les parents lisent la date avant laquelle ils seront rappelés. 48 = 2 jours."
            state={errorOf("responseDelayHours") ? "error" : "default"}
            stateRelatedMessage={errorOf("responseDelayHours")}
            nativeInputProps={{
              name: "responseDelayHours",
              inputMode: "numeric",
              value: form.responseDelayHours,
              onChange: (e) => set("responseDelayHours", e.target.value),
            }}
          />
          <Checkbox
            options={[
              {
                label: "Service activé",
                hintText: "Décoché : les parents de ce département ne peuvent plus envoyer de demande ; les demandes reçues restent à traiter.",
                nativeInputProps: { name: "enabled", checked: form.enabled, onChange: (e) => set("enabled", e.target.checked) },
              },
            ]}
          />
          <Button type="submit" disabled={busy}>
            Enregistrer le service
          </Button>
        </form>
      </section>
    </Page>
  );
}
