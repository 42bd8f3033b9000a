import { useRef, useState, type FormEvent } from "react";
import { msg } from "@lingui/core/macro";
import { useLingui } from "@lingui/react/macro";
import { i18n } from "@lingui/core";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Select } from "@codegouvfr/react-dsfr/Select";
import type { BirthsOverview, StoredAllocation } from "../../../domain/api/steering-data.js";
import { LATEST_ALLOCATION_RULE, type Volet } from "../../../domain/funding/allocation.js";
import { euros, steeringApi, type Problem } from "./api.js";
import { REGIONS } from "./labels.js";

const { fixedPerRegion } = LATEST_ALLOCATION_RULE;
const VOLETS = ["sante", "social"] as const;

/** « Volet santé — ARS, Fonds d'intervention régional (50 000 € par région) » */
function voletLabel(volet: Volet): string {
  const fixed = euros(fixedPerRegion[volet]);
  return volet === "sante"
    ? i18n._(msg`Volet santé — ARS, Fonds d'intervention régional (${fixed} par région)`)
    : i18n._(msg`Volet social — DREETS, programme 304 (${fixed} par région)`);
}

/** The national administration's calculation: year, envelope, births table, strand and participating regions. */
export function AllocationForm({ info, onDone }: { info: BirthsOverview; onDone: () => void }) {
  const [year, setYear] = useState(String(info.rules.at(-1)!.year));
  const [volet, setVolet] = useState<"sante" | "social">("sante");
  const [envelope, setEnvelope] = useState("");
  const [regions, setRegions] = useState<string[]>([]);
  const [birthsYear, setBirthsYear] = useState(String(info.defaultYear));
  const [problem, setProblem] = useState<Problem | null>(null);
  const [result, setResult] = useState<StoredAllocation | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const { t } = useLingui();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const amount = Number(envelope.replace(/[\s\u00a0\u202f€]/g, ""));
    const res = await steeringApi("POST /pilotage/repartitions", {
      body: {
        year: Number(year),
        volet,
        envelope: Number.isFinite(amount) && envelope.trim() !== "" ? amount : -1,
        regions,
        birthsYear: Number(birthsYear),
      },
    });
    if (res.ok) {
      setProblem(null);
      setResult(res.data);
      onDone();
    } else {
      setResult(null);
      setProblem(res.problem);
    }
    resultRef.current?.focus();
  }

  return (
    <section aria-labelledby="calcul">
      <h2 id="calcul">{t`Calculer une répartition`}</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-4">
            <Select label={t`Année des crédits`} nativeSelectProps={{ name: "year", value: year, onChange: (e) => setYear(e.target.value) }}>
              {info.rules.map((r) => (
                <option key={r.year} value={r.year}>
                  {r.year}
                </option>
              ))}
            </Select>
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Input
              label={t`Enveloppe du volet (euros)`}
              hintText={t`Montant entier, par exemple 2 500 000`}
              nativeInputProps={{ name: "envelope", inputMode: "numeric", value: envelope, onChange: (e) => setEnvelope(e.target.value) }}
            />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Select
              label={t`Table des naissances`}
              nativeSelectProps={{ name: "birthsYear", value: birthsYear, onChange: (e) => setBirthsYear(e.target.value) }}
            >
              {info.tables.map((table) => (
                <option key={table.year} value={table.year}>
                  {table.shipped ? t`Naissances ${table.year} (INSEE, livrée)` : t`Naissances ${table.year}`}
                </option>
              ))}
            </Select>
          </div>
        </div>
        <RadioButtons
          legend={t`Volet`}
          name="volet"
          options={VOLETS.map((v) => ({ label: voletLabel(v), nativeInputProps: { value: v, checked: volet === v, onChange: () => setVolet(v) } }))}
        />
        <div className="fr-btns-group fr-btns-group--inline-sm">
          <Button type="button" size="small" priority="tertiary" onClick={() => setRegions(REGIONS.map((r) => r.code))}>
            {t`Cocher les 18 régions`}
          </Button>
          <Button type="button" size="small" priority="tertiary" onClick={() => setRegions([])}>
            {t`Tout décocher`}
          </Button>
        </div>
        <Checkbox
          legend={t`Régions participantes (dont l'ARS ou la DREETS s'est signalée)`}
          orientation="horizontal"
          options={REGIONS.map((r) => ({
            label: r.nom,
            nativeInputProps: {
              name: "regions",
              value: r.code,
              checked: regions.includes(r.code),
              onChange: (e) => setRegions(e.target.checked ? [...regions, r.code] : regions.filter((c) => c !== r.code)),
            },
          }))}
        />
        <Button type="submit">{t`Calculer la répartition`}</Button>
      </form>
      <div ref={resultRef} tabIndex={-1} aria-live="polite" className="fr-mt-3w">
        {problem && (
          <Alert
            severity="error"
            title={problem.title}
            description={
              <ul>
                {(problem.errors ?? [{ message: problem.detail }]).map((e, i) => (
                  <li key={i}>{e.message}</li>
                ))}
              </ul>
            }
          />
        )}
        {result && <Alert severity="success" small description={t`Répartition calculée et enregistrée : elle est visible de tous les comptes du pilotage.`} />}
      </div>
    </section>
  );
}
