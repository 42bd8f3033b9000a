import { useRef, useState, type FormEvent } from "react";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Select } from "@codegouvfr/react-dsfr/Select";
import type { BirthsOverview, StoredAllocation } from "../../../domain/api/steering-data.js";
import { formatEuros, LATEST_ALLOCATION_RULE } from "../../../domain/funding/allocation.js";
import { Page } from "../../components/Page.js";
import { CsvImportSection } from "./CsvUpload.js";
import { dateTime, euros, integer, steeringApi, type Problem } from "./api.js";
import { REGIONS } from "./labels.js";
import { useAccount } from "./session.js";
import { useApiGet } from "./useApi.js";

type BirthsInfo = BirthsOverview;

const { fixedPerRegion, birthsYear } = LATEST_ALLOCATION_RULE;
const VOLETS = [
  { value: "sante", label: `Volet santé — ARS, Fonds d'intervention régional (${formatEuros(fixedPerRegion.sante)} par région)` },
  { value: "social", label: `Volet social — DREETS, programme 304 (${formatEuros(fixedPerRegion.social)} par région)` },
] as const;

/** Regional credits: the national administration computes; every account reads the results. */
export function AllocationPage() {
  const account = useAccount();
  const births = useApiGet("GET /pilotage/naissances");
  const history = useApiGet("GET /pilotage/repartitions");
  const latest = history.data?.[0];

  return (
    <Page title="Répartition des crédits régionaux">
      <p>
        Règle de l'instruction n° SGMCAS/2023/110 du 18 juillet 2023 (§3.1) : une part fixe par région participante ({formatEuros(fixedPerRegion.sante)} pour le
        volet santé des ARS, {formatEuros(fixedPerRegion.social)} pour le volet social des DREETS), puis le reste de l'enveloppe partagé au prorata des
        naissances de {birthsYear}. Montants arrondis à l'euro ; les euros restants vont aux plus fortes parties décimales, de sorte que la somme égale
        l'enveloppe.
      </p>
      {births.data && <BirthsSummary info={births.data} />}
      {account.role === "national" && births.data && <AllocationForm info={births.data} onDone={history.reload} />}
      {account.role === "national" && <BirthsUpload onDone={births.reload} />}
      <h2>Répartitions calculées</h2>
      {history.problem && <Alert severity="error" small description={history.problem.detail} />}
      {history.data && history.data.length === 0 && <p>Aucune répartition n'a encore été calculée par l'administration nationale.</p>}
      {latest && <AllocationResult allocation={latest} heading="h3" />}
      {history.data && history.data.length > 1 && (
        <>
          <h3>Calculs précédents</h3>
          <ul>
            {history.data.slice(1).map((a) => (
              <li key={a.id}>
                {dateTime(a.computedAt)} — {a.year}, volet {a.volet === "sante" ? "santé" : "social"}, enveloppe {euros(a.envelope)}, {a.regions.length}{" "}
                régions, naissances {a.birthsYear}
              </li>
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}

function BirthsSummary({ info }: { info: BirthsInfo }) {
  const rule = info.rules.at(-1)!;
  const used = info.tables.find((t) => t.year === info.defaultYear)!;
  return (
    <Alert
      severity={used.year === rule.birthsYear ? "info" : "warning"}
      small
      className="fr-mb-3w"
      description={`Table des naissances utilisée par défaut : ${used.year} (${used.source}).${used.year !== rule.birthsYear ? ` La règle ${rule.year} se fonde sur les naissances ${rule.birthsYear} : tant que cette table n'est pas chargée, le calcul utilise ${used.year} et le signale.` : ""} Tables disponibles : ${info.tables.map((t) => `${t.year}${t.shipped ? " (livrée)" : ""}`).join(", ")}.`}
    />
  );
}

function AllocationForm({ info, onDone }: { info: BirthsInfo; onDone: () => void }) {
  const [year, setYear] = useState(String(info.rules.at(-1)!.year));
  const [volet, setVolet] = useState<"sante" | "social">("sante");
  const [envelope, setEnvelope] = useState("");
  const [regions, setRegions] = useState<string[]>([]);
  const [birthsYear, setBirthsYear] = useState(String(info.defaultYear));
  const [problem, setProblem] = useState<Problem | null>(null);
  const [result, setResult] = useState<StoredAllocation | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

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
      <h2 id="calcul">Calculer une répartition</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-4">
            <Select label="Année des crédits" nativeSelectProps={{ name: "year", value: year, onChange: (e) => setYear(e.target.value) }}>
              {info.rules.map((r) => (
                <option key={r.year} value={r.year}>
                  {r.year}
                </option>
              ))}
            </Select>
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Input
              label="Enveloppe du volet (euros)"
              hintText="Montant entier, par exemple 2 500 000"
              nativeInputProps={{ name: "envelope", inputMode: "numeric", value: envelope, onChange: (e) => setEnvelope(e.target.value) }}
            />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Select label="Table des naissances" nativeSelectProps={{ name: "birthsYear", value: birthsYear, onChange: (e) => setBirthsYear(e.target.value) }}>
              {info.tables.map((t) => (
                <option key={t.year} value={t.year}>
                  Naissances {t.year}
                  {t.shipped ? " (INSEE, livrée)" : ""}
                </option>
              ))}
            </Select>
          </div>
        </div>
        <RadioButtons
          legend="Volet"
          name="volet"
          options={VOLETS.map((v) => ({ label: v.label, nativeInputProps: { value: v.value, checked: volet === v.value, onChange: () => setVolet(v.value) } }))}
        />
        <div className="fr-btns-group fr-btns-group--inline-sm">
          <Button type="button" size="small" priority="tertiary" onClick={() => setRegions(REGIONS.map((r) => r.code))}>
            Cocher les 18 régions
          </Button>
          <Button type="button" size="small" priority="tertiary" onClick={() => setRegions([])}>
            Tout décocher
          </Button>
        </div>
        <Checkbox
          legend="Régions participantes (dont l'ARS ou la DREETS s'est signalée)"
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
        <Button type="submit">Calculer la répartition</Button>
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
        {result && <Alert severity="success" small description="Répartition calculée et enregistrée : elle est visible de tous les comptes du pilotage." />}
      </div>
    </section>
  );
}

export function AllocationResult({ allocation: a, heading }: { allocation: StoredAllocation; heading: "h2" | "h3" }) {
  const H = heading;
  return (
    <section className="fr-mb-4w" aria-label={`Répartition ${a.year}, volet ${a.volet === "sante" ? "santé" : "social"}`}>
      <H>
        Répartition {a.year}, volet {a.volet === "sante" ? "santé" : "social"} : {euros(a.envelope)}
      </H>
      <p>
        {a.funder}. Calculée le {dateTime(a.computedAt)} par {a.computedBy}. <strong>Naissances utilisées : {a.birthsYear}</strong> ({a.birthsSource}). Parts
        fixes : {a.regions.length} × {euros(a.fixedPerRegion)} = {euros(a.fixedTotal)} ; reste partagé au prorata des naissances : {euros(a.proportionalTotal)}{" "}
        ; euros d'arrondi : {a.roundingEuros}.
      </p>
      {a.notices.map((n, i) => (
        <Alert key={i} severity="warning" small description={n} className="fr-mb-2w" />
      ))}
      <div className="mj-table">
        <table tabIndex={0}>
          <caption>Crédits par région</caption>
          <thead>
            <tr>
              <th scope="col">Région</th>
              <th scope="col" className="mj-number">
                Naissances {a.birthsYear}
              </th>
              <th scope="col" className="mj-number">
                Part fixe
              </th>
              <th scope="col" className="mj-number">
                Part proportionnelle
              </th>
              <th scope="col" className="mj-number">
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            {a.regions.map((r) => (
              <tr key={r.regionCode}>
                <th scope="row">{r.regionName}</th>
                <td className="mj-number">{integer(r.births)}</td>
                <td className="mj-number">{euros(r.fixed)}</td>
                <td className="mj-number">
                  {euros(r.proportional)}
                  {r.roundingEuro ? " (dont 1 € d'arrondi)" : ""}
                </td>
                <td className="mj-number">{euros(r.total)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td className="mj-number">{integer(a.birthsTotal)}</td>
              <td className="mj-number">{euros(a.fixedTotal)}</td>
              <td className="mj-number">{euros(a.proportionalTotal)}</td>
              <td className="mj-number">{euros(a.envelope)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="fr-text--xs">
        {a.ruleSource}. {a.roundingRule}
      </p>
    </section>
  );
}

function BirthsUpload({ onDone }: { onDone: () => void }) {
  return (
    <CsvImportSection<{ year: number; regions: number; warnings: { message: string }[] }>
      id="naissances"
      title="Charger une table des naissances"
      help={
        <p>
          Par exemple la table INSEE {birthsYear} que nomme la règle. Colonnes : <code>annee</code>, <code>code_region</code>, <code>naissances</code> (et
          facultatives <code>nom_region</code>, <code>source</code>), ou par département avec <code>code_departement</code>. Une table remplace celle de la même
          année.
        </p>
      }
      path="/pilotage/naissances"
      fileName="naissances"
      fileLabel="Fichier CSV des naissances"
      maxBytes={2_000_000}
      sourceName="source"
      buttonLabel="Charger la table"
      summarize={(d) => `Table des naissances ${d.year} chargée (${d.regions} régions).${d.warnings.map((w) => ` ${w.message}`).join("")}`}
      onDone={onDone}
    />
  );
}
