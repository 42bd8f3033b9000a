import { useRef, useState, type FormEvent } from "react";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { msg } from "@lingui/core/macro";
import { useLingui } from "@lingui/react/macro";
import type { MessageDescriptor } from "@lingui/core";
import { callbackServiceInputSchema } from "../../../../domain/callback/contract.js";
import type { FieldError } from "../../../../domain/profile/profile.js";
import { ErrorSummary } from "../../../components/ErrorSummary.js";
import { Page } from "../../../components/Page.js";
import { dateTime, steeringApi } from "../api.js";
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

/** Words for the bounds the contract leaves to zod's default (English) messages in the browser. */
const FIELD_MESSAGES: Record<string, MessageDescriptor> = {
  name: msg`Le nom du service compte de 2 à 120 caractères.`,
  email: msg`Adresse électronique invalide.`,
  openingHours: msg`Les horaires comptent de 2 à 300 caractères, par exemple « du lundi au vendredi, de 9 h à 17 h ».`,
  responseDelayHours: msg`Le délai de rappel est un nombre entier d'heures, de 1 à 336 (14 jours).`,
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
  const { t } = useLingui();

  if (account.role !== "national")
    return (
      <Page title={t`Services de rappel`}>
        <p>{t`Cette page est réservée à l'administration nationale.`}</p>
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
    if (!form.departement) found.push({ field: "departement", message: t`Choisissez un département.` });
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
        const known = FIELD_MESSAGES[field];
        if (!found.some((e) => e.field === field)) found.push({ field, message: known ? t(known) : issue.message });
      }
    if (found.length || !parsed.success) {
      setErrors(found);
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setErrors([]);
    setBusy(true);
    const res = await steeringApi("PUT /pilotage/services-rappel/:departement", { params: { departement: form.departement }, body: parsed.data });
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
    const name = departementName(res.data.departement);
    setSaved(res.data.enabled ? t`Service de ${name} enregistré et activé.` : t`Service de ${name} enregistré (désactivé).`);
    list.reload();
  }

  const items = [...(list.data?.items ?? [])].sort((a, b) => a.departement.localeCompare(b.departement));
  const count = items.length;
  return (
    <Page title={t`Services de rappel`}>
      <p>
        {t`Pour chaque département, le service qui rappelle les parents qui le demandent après le questionnaire EPDS (la PMI, protection maternelle et infantile, ou un service partenaire avec l'accord du département). Sans service activé, les parents de ce département voient les lignes d'écoute et les lieux proches au lieu du formulaire. L'adresse électronique reçoit seulement « une nouvelle demande vous attend », jamais le contenu d'une demande.`}
      </p>
      {list.problem && <Alert severity="error" small description={list.problem.detail} className="fr-mb-3w" />}
      <section aria-labelledby="services-actuels" className="fr-mb-4w">
        <h2 id="services-actuels" className="fr-h4">
          {t`Départements configurés (${count})`}
        </h2>
        {items.length === 0 ? (
          <p>{t`Aucun service n'est encore configuré.`}</p>
        ) : (
          <div className="mj-table">
            <table tabIndex={0}>
              <caption className="fr-sr-only">{t`Services de rappel par département`}</caption>
              <thead>
                <tr>
                  <th scope="col">{t`Département`}</th>
                  <th scope="col">{t`Service`}</th>
                  <th scope="col">{t`Horaires`}</th>
                  <th scope="col">{t`Délai`}</th>
                  <th scope="col">{t`État`}</th>
                  <th scope="col">{t`Modifié`}</th>
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
                    <td>{s.enabled ? t`Activé` : t`Désactivé`}</td>
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
          {t`Activer ou modifier le service d'un département`}
        </h2>
        <div aria-live="polite">{saved && <Alert severity="success" small description={saved} className="fr-mb-3w" />}</div>
        <ErrorSummary errors={errors} summaryRef={summaryRef} />
        <form onSubmit={(e) => void submit(e)} noValidate className="mj-narrow-form">
          <Select
            label={t`Département`}
            state={errorOf("departement") ? "error" : "default"}
            stateRelatedMessage={errorOf("departement")}
            nativeSelectProps={{ name: "departement", value: form.departement, onChange: (e) => choose(e.target.value) }}
          >
            <option value="">{t`Choisir un département`}</option>
            {DEPARTEMENTS.map((d) => (
              <option key={d.code} value={d.code}>
                {d.code} — {d.nom}
              </option>
            ))}
          </Select>
          <Input
            label={t`Nom du service`}
            hintText={t`Tel que les parents le liront, par exemple « PMI du Rhône ».`}
            state={errorOf("name") ? "error" : "default"}
            stateRelatedMessage={errorOf("name")}
            nativeInputProps={{ name: "name", maxLength: 120, value: form.name, onChange: (e) => set("name", e.target.value) }}
          />
          <Input
            label={t`Adresse électronique du service`}
            hintText={t`Une boîte partagée : elle reçoit seulement l'avis d'une nouvelle demande.`}
            state={errorOf("email") ? "error" : "default"}
            stateRelatedMessage={errorOf("email")}
            nativeInputProps={{ name: "email", type: "email", maxLength: 254, value: form.email, onChange: (e) => set("email", e.target.value) }}
          />
          <Input
            label={t`Horaires d'appel`}
            hintText={t`Montrés aux parents, par exemple « du lundi au vendredi, de 9 h à 17 h ».`}
            state={errorOf("openingHours") ? "error" : "default"}
            stateRelatedMessage={errorOf("openingHours")}
            nativeInputProps={{ name: "openingHours", maxLength: 300, value: form.openingHours, onChange: (e) => set("openingHours", e.target.value) }}
          />
          <Input
            label={t`Délai de rappel annoncé (en heures)`}
            hintText={t`Les parents lisent la date avant laquelle ils seront rappelés. 48 = 2 jours.`}
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
                label: t`Service activé`,
                hintText: t`Décoché : les parents de ce département ne peuvent plus envoyer de demande ; les demandes reçues restent à traiter.`,
                nativeInputProps: { name: "enabled", checked: form.enabled, onChange: (e) => set("enabled", e.target.checked) },
              },
            ]}
          />
          <Button type="submit" disabled={busy}>
            {t`Enregistrer le service`}
          </Button>
        </form>
      </section>
    </Page>
  );
}
