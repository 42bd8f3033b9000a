import { useEffect, useRef, useState, type FormEvent } from "react";
import { FundingYearOptions } from "./FundingYearOptions.js";
import { useNavigate, useParams } from "react-router";
import { Trans, useLingui } from "@lingui/react/macro";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { Page } from "../../components/Page.js";
import { shared } from "../../i18n/messages.js";
import { steeringApi, type Problem } from "./api.js";
import {
  DEPARTEMENTS,
  evaluationLabels,
  EVALUATION_OUTCOMES,
  fundingLineLabels,
  FUNDING_LINES,
  PRIORITY_THEMES,
  PROJECT_STATUSES,
  REGIONS,
  statusLabels,
  regionName,
  themeShort,
  type StoredProject,
} from "./labels.js";
import { canWrite } from "../../../domain/steering/access.js";
import { FIRST_FUNDING_YEAR } from "../../../domain/steering/project.js";
import { useAccount } from "./session.js";

interface AmountRow {
  year: string;
  arsFir: string;
  dreetsP304: string;
}
interface FormState {
  title: string;
  structure: string;
  siret: string;
  region: string;
  departements: string[];
  themes: string[];
  fundingLine: string;
  amounts: AmountRow[];
  startDate: string;
  endDate: string;
  status: string;
  outcome: string;
  comment: string;
  publicSummary: string;
}

const emptyForm = (region: string): FormState => ({
  title: "",
  structure: "",
  siret: "",
  region,
  departements: [],
  themes: [],
  fundingLine: "ars-fir",
  amounts: [{ year: String(new Date().getFullYear()), arsFir: "", dreetsP304: "" }],
  startDate: "",
  endDate: "",
  status: "laureat",
  outcome: "",
  comment: "",
  publicSummary: "",
});

function fromProject(p: StoredProject): FormState {
  return {
    title: p.title,
    structure: p.holder.structure,
    siret: p.holder.siret ?? "",
    region: p.region,
    departements: p.departements,
    themes: p.themes,
    fundingLine: p.fundingLine,
    amounts: p.amounts.map((a) => ({ year: String(a.year), arsFir: a.arsFir ? String(a.arsFir) : "", dreetsP304: a.dreetsP304 ? String(a.dreetsP304) : "" })),
    startDate: p.startDate,
    endDate: p.endDate ?? "",
    status: p.status,
    outcome: p.evaluation?.outcome ?? "",
    comment: p.evaluation?.comment ?? "",
    publicSummary: p.publicSummary,
  };
}

/** Euros typed with spaces (« 45 000 ») or nothing; anything else is sent as-is for the server to refuse. */
const toAmount = (text: string): number | string => {
  const compact = text.replace(/[\s\u00a0\u202f€]/g, "");
  return compact === "" ? 0 : /^\d+$/.test(compact) ? Number(compact) : text;
};

function toInput(f: FormState) {
  return {
    title: f.title,
    holder: { structure: f.structure, siret: f.siret.trim() === "" ? null : f.siret },
    region: f.region,
    departements: f.departements,
    themes: f.themes,
    fundingLine: f.fundingLine,
    amounts: f.amounts.map((a) => ({ year: Number(a.year), arsFir: toAmount(a.arsFir), dreetsP304: toAmount(a.dreetsP304) })),
    startDate: f.startDate,
    endDate: f.endDate === "" ? null : f.endDate,
    status: f.status,
    evaluation: f.outcome === "" ? null : { outcome: f.outcome, comment: f.comment },
    publicSummary: f.publicSummary,
  };
}

/** Creates a project, or edits one (`/pilotage/projets/:id/modifier`). */
export function ProjectFormPage() {
  const account = useAccount();
  const { t } = useLingui();
  const { id } = useParams();
  const navigate = useNavigate();
  const [form, setForm] = useState<FormState | null>(id ? null : emptyForm(account.region ?? "11"));
  const [version, setVersion] = useState(0);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!id) return;
    void steeringApi("GET /pilotage/projets/:id", { params: { id } }).then((res) => {
      if (res.ok) {
        setForm(fromProject(res.data));
        setVersion(res.data.version);
      } else setProblem(res.problem);
    });
  }, [id]);

  useEffect(() => {
    if (problem) summary.current?.focus();
  }, [problem]);

  const title = id ? t`Modifier le projet` : t`Nouveau projet`;
  if (!canWrite(account))
    return (
      <Page title={title}>
        <p>{t`Votre compte est en lecture seule.`}</p>
      </Page>
    );
  if (!form)
    return <Page title={title}>{problem ? <Alert severity="error" small description={problem.detail} /> : <p role="status">{t(shared.loading)}</p>}</Page>;

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm({ ...form, [key]: value });
  const toggle = (key: "departements" | "themes", value: string, on: boolean) => set(key, on ? [...form[key], value] : form[key].filter((v) => v !== value));
  const setAmount = (i: number, key: keyof AmountRow, value: string) =>
    set(
      "amounts",
      form.amounts.map((a, j) => (j === i ? { ...a, [key]: value } : a)),
    );
  const fieldErrors = problem?.errors?.filter((e) => e.field) ?? [];
  const errorOf = (prefix: string) => {
    const found = fieldErrors.filter((e) => e.field === prefix || e.field!.startsWith(`${prefix}.`));
    return found.length ? found.map((e) => e.message).join(" ") : undefined;
  };
  const state = (prefix: string) => (errorOf(prefix) ? { state: "error" as const, stateRelatedMessage: errorOf(prefix) } : {});
  const regionDeps = DEPARTEMENTS.filter((d) => d.region === form.region);
  const amountsLabel = (year: string) => t`Montants ${year}`;
  const removeLabel = (year: string) => t`Retirer l'année ${year}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const project = toInput(form!);
    const res = id
      ? await steeringApi("PUT /pilotage/projets/:id", { params: { id }, body: { version, project } })
      : await steeringApi("POST /pilotage/projets", { body: { project } });
    setBusy(false);
    if (res.ok) void navigate(`/pilotage/projets/${res.data.id}`, { state: { saved: true } });
    else setProblem(res.problem);
  }

  return (
    <Page title={title}>
      <div ref={summary} tabIndex={-1} aria-live="polite">
        {problem && (
          <Alert
            severity="error"
            as="h2"
            title={problem.title}
            description={
              fieldErrors.length ? (
                <ul>
                  {fieldErrors.map((e, i) => (
                    <li key={i}>{e.message}</li>
                  ))}
                </ul>
              ) : (
                problem.detail
              )
            }
            className="fr-mb-3w"
          />
        )}
      </div>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Input
          label={t`Intitulé du projet`}
          nativeInputProps={{ name: "title", value: form.title, onChange: (e) => set("title", e.target.value), maxLength: 200 }}
          {...state("title")}
        />
        <Input
          label={t`Structure porteuse`}
          nativeInputProps={{ name: "structure", value: form.structure, onChange: (e) => set("structure", e.target.value) }}
          {...state("holder.structure")}
        />
        <Input
          label={t`SIRET de la structure (facultatif)`}
          hintText={t`14 chiffres`}
          nativeInputProps={{ name: "siret", inputMode: "numeric", value: form.siret, onChange: (e) => set("siret", e.target.value) }}
          {...state("holder.siret")}
        />
        {account.role === "national" ? (
          <Select
            label={t`Région`}
            nativeSelectProps={{ name: "region", value: form.region, onChange: (e) => setForm({ ...form, region: e.target.value, departements: [] }) }}
            {...state("region")}
          >
            {REGIONS.map((r) => (
              <option key={r.code} value={r.code}>
                {r.nom}
              </option>
            ))}
          </Select>
        ) : (
          <p>
            <Trans>
              Région : <strong>{regionName(form.region)}</strong>
            </Trans>
          </p>
        )}
        <Checkbox
          legend={t`Départements où le projet se déroule`}
          orientation="horizontal"
          options={regionDeps.map((d) => ({
            label: `${d.nom} (${d.code})`,
            nativeInputProps: {
              name: "departements",
              value: d.code,
              checked: form.departements.includes(d.code),
              onChange: (e) => toggle("departements", d.code, e.target.checked),
            },
          }))}
          {...state("departements")}
        />
        <Checkbox
          legend={t`Thématiques prioritaires`}
          options={PRIORITY_THEMES.map((theme) => ({
            label: `${theme.number}. ${themeShort(theme.id)}`,
            nativeInputProps: {
              name: "themes",
              value: theme.id,
              checked: form.themes.includes(theme.id),
              onChange: (e) => toggle("themes", theme.id, e.target.checked),
            },
          }))}
          {...state("themes")}
        />
        <RadioButtons
          legend={t`Ligne de financement`}
          name="fundingLine"
          options={FUNDING_LINES.map((f) => ({
            label: t(fundingLineLabels[f]),
            nativeInputProps: { value: f, checked: form.fundingLine === f, onChange: () => set("fundingLine", f) },
          }))}
          {...state("fundingLine")}
        />
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend">{t`Montants par année (euros entiers)`}</legend>
          {form.amounts.map((a, i) => (
            <div key={i} className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom fr-mb-2w" role="group" aria-label={amountsLabel(a.year)}>
              <div className="fr-col-12 fr-col-md-3">
                <Select
                  label={t`Année`}
                  nativeSelectProps={{ name: `amounts.${i}.year`, value: a.year, onChange: (e) => setAmount(i, "year", e.target.value) }}
                  {...state(`amounts.${i}.year`)}
                >
                  <FundingYearOptions />
                </Select>
              </div>
              <div className="fr-col-12 fr-col-md-3">
                <Input
                  label={t`ARS (FIR)`}
                  nativeInputProps={{
                    name: `amounts.${i}.arsFir`,
                    inputMode: "numeric",
                    value: a.arsFir,
                    onChange: (e) => setAmount(i, "arsFir", e.target.value),
                  }}
                  {...state(`amounts.${i}.arsFir`)}
                />
              </div>
              <div className="fr-col-12 fr-col-md-3">
                <Input
                  label={t`DREETS (programme 304)`}
                  nativeInputProps={{
                    name: `amounts.${i}.dreetsP304`,
                    inputMode: "numeric",
                    value: a.dreetsP304,
                    onChange: (e) => setAmount(i, "dreetsP304", e.target.value),
                  }}
                  {...state(`amounts.${i}.dreetsP304`)}
                />
              </div>
              <div className="fr-col-12 fr-col-md-3">
                {form.amounts.length > 1 && (
                  <Button
                    type="button"
                    priority="tertiary"
                    size="small"
                    onClick={() =>
                      set(
                        "amounts",
                        form.amounts.filter((_, j) => j !== i),
                      )
                    }
                  >
                    {removeLabel(a.year)}
                  </Button>
                )}
              </div>
            </div>
          ))}
          {errorOf("amounts") && <p className="fr-error-text">{errorOf("amounts")}</p>}
          <Button
            type="button"
            priority="secondary"
            size="small"
            iconId="fr-icon-add-line"
            onClick={() =>
              set("amounts", [
                ...form.amounts,
                { year: String(Math.max(...form.amounts.map((x) => Number(x.year)), FIRST_FUNDING_YEAR - 1) + 1), arsFir: "", dreetsP304: "" },
              ])
            }
          >
            {t`Ajouter une année`}
          </Button>
        </fieldset>
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            <Input
              label={t`Date de début`}
              nativeInputProps={{ name: "startDate", type: "date", value: form.startDate, onChange: (e) => set("startDate", e.target.value) }}
              {...state("startDate")}
            />
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <Input
              label={t`Date de fin (facultative)`}
              nativeInputProps={{ name: "endDate", type: "date", value: form.endDate, onChange: (e) => set("endDate", e.target.value) }}
              {...state("endDate")}
            />
          </div>
        </div>
        <Select
          label={t`Statut`}
          nativeSelectProps={{ name: "status", value: form.status, onChange: (e) => set("status", e.target.value) }}
          {...state("status")}
        >
          {PROJECT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(statusLabels[s])}
            </option>
          ))}
        </Select>
        <Select
          label={t`Résultat de l'évaluation`}
          nativeSelectProps={{ name: "outcome", value: form.outcome, onChange: (e) => set("outcome", e.target.value) }}
          {...state("evaluation")}
        >
          <option value="">{t`Pas encore évalué`}</option>
          {EVALUATION_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {t(evaluationLabels[o])}
            </option>
          ))}
        </Select>
        {form.outcome !== "" && (
          <Input
            label={t`Commentaire d'évaluation (facultatif)`}
            textArea
            nativeTextAreaProps={{ name: "comment", value: form.comment, onChange: (e) => set("comment", e.target.value), rows: 3 }}
            {...state("evaluation.comment")}
          />
        )}
        <Input
          label={t`Résumé public`}
          hintText={t`2 000 caractères au plus ; il figure dans la liste des projets soutenus.`}
          textArea
          nativeTextAreaProps={{ name: "publicSummary", value: form.publicSummary, onChange: (e) => set("publicSummary", e.target.value), rows: 5 }}
          {...state("publicSummary")}
        />
        <Button type="submit" disabled={busy}>
          {id ? t`Enregistrer les modifications` : t`Enregistrer le projet`}
        </Button>
      </form>
    </Page>
  );
}
