import { useRef, useState, type FormEvent } from "react";
import { msg, plural } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
import { i18n, type MessageDescriptor } from "@lingui/core";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Select } from "@codegouvfr/react-dsfr/Select";
import type { BirthsOverview, StoredAllocation } from "../../../domain/api/steering-data.js";
import { ALLOCATION_RULES, LATEST_ALLOCATION_RULE, ROUNDING_RULE, type Volet } from "../../../domain/funding/allocation.js";
import { Page } from "../../components/Page.js";
import { CsvImportSection } from "./CsvUpload.js";
import { dateTime, euros, integer, steeringApi, type Problem } from "./api.js";
import { REGIONS } from "./labels.js";
import { useAccount } from "./session.js";
import { useApiGet } from "./useApi.js";

type BirthsInfo = BirthsOverview;

const { fixedPerRegion, birthsYear } = LATEST_ALLOCATION_RULE;
const VOLETS = ["sante", "social"] as const;

/** The strand in words (the rule's funder, src/domain/funding/allocation.ts). */
const voletNames: Record<Volet, MessageDescriptor> = { sante: msg`santé`, social: msg`social` };
const funders: Record<Volet, MessageDescriptor> = {
  sante: msg`ARS — Fonds d'intervention régional (FIR), volet santé`,
  social: msg`DREETS — programme 304, action 17, volet social`,
};

/** Regional credits: the national administration computes; every account reads the results. */
export function AllocationPage() {
  const account = useAccount();
  const { t } = useLingui();
  const births = useApiGet("GET /pilotage/naissances");
  const fixedSante = euros(fixedPerRegion.sante);
  const fixedSocial = euros(fixedPerRegion.social);
  const history = useApiGet("GET /pilotage/repartitions");
  const latest = history.data?.[0];

  return (
    <Page title={t`Répartition des crédits régionaux`}>
      <p>
        {t`Règle de l'instruction n° SGMCAS/2023/110 du 18 juillet 2023 (§3.1) : une part fixe par région participante (${fixedSante} pour le volet santé des ARS, ${fixedSocial} pour le volet social des DREETS), puis le reste de l'enveloppe partagé au prorata des naissances de ${birthsYear}. Montants arrondis à l'euro ; les euros restants vont aux plus fortes parties décimales, de sorte que la somme égale l'enveloppe.`}
      </p>
      {births.data && <BirthsSummary info={births.data} />}
      {account.role === "national" && births.data && <AllocationForm info={births.data} onDone={history.reload} />}
      {account.role === "national" && <BirthsUpload onDone={births.reload} />}
      <h2>{t`Répartitions calculées`}</h2>
      {history.problem && <Alert severity="error" small description={history.problem.detail} />}
      {history.data && history.data.length === 0 && <p>{t`Aucune répartition n'a encore été calculée par l'administration nationale.`}</p>}
      {latest && <AllocationResult allocation={latest} heading="h3" />}
      {history.data && history.data.length > 1 && (
        <>
          <h3>{t`Calculs précédents`}</h3>
          <ul>
            {history.data.slice(1).map((a) => {
              const at = dateTime(a.computedAt);
              const year = a.year;
              const volet = t(voletNames[a.volet]);
              const envelope = euros(a.envelope);
              const regions = a.regions.length;
              const births = a.birthsYear;
              return <li key={a.id}>{t`${at} — ${year}, volet ${volet}, enveloppe ${envelope}, ${regions} régions, naissances ${births}`}</li>;
            })}
          </ul>
        </>
      )}
    </Page>
  );
}

/** « Volet santé — ARS, Fonds d'intervention régional (50 000 € par région) » */
function voletLabel(volet: Volet): string {
  const fixed = euros(fixedPerRegion[volet]);
  return volet === "sante"
    ? i18n._(msg`Volet santé — ARS, Fonds d'intervention régional (${fixed} par région)`)
    : i18n._(msg`Volet social — DREETS, programme 304 (${fixed} par région)`);
}

const roundingRule = msg`Chaque région reçoit d'abord la partie entière en euros de sa part proportionnelle ; les euros restants sont attribués un par un aux régions dont la partie décimale est la plus grande (méthode du plus fort reste), à égalité par ordre croissant de code de région.`;

function BirthsSummary({ info }: { info: BirthsInfo }) {
  const { t } = useLingui();
  const rule = info.rules.at(-1)!;
  const used = info.tables.find((table) => table.year === info.defaultYear)!;
  const usedYear = used.year;
  const usedSource = used.source;
  const ruleYear = rule.year;
  const ruleBirths = rule.birthsYear;
  const tables = info.tables.map((table) => (table.shipped ? t`${table.year} (livrée)` : String(table.year))).join(", ");
  return (
    <Alert
      severity={used.year === rule.birthsYear ? "info" : "warning"}
      small
      className="fr-mb-3w"
      description={[
        t`Table des naissances utilisée par défaut : ${usedYear} (${usedSource}).`,
        ...(usedYear !== ruleBirths
          ? [
              t`La règle ${ruleYear} se fonde sur les naissances ${ruleBirths} : tant que cette table n'est pas chargée, le calcul utilise ${usedYear} et le signale.`,
            ]
          : []),
        t`Tables disponibles : ${tables}.`,
      ].join(" ")}
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

export function AllocationResult({ allocation: a, heading }: { allocation: StoredAllocation; heading: "h2" | "h3" }) {
  const H = heading;
  const { t } = useLingui();
  const year = a.year;
  const volet = t(voletNames[a.volet]);
  const envelope = euros(a.envelope);
  const funder = t(funders[a.volet]);
  const at = dateTime(a.computedAt);
  const by = a.computedBy;
  const births = a.birthsYear;
  const source = a.birthsSource;
  const regions = a.regions.length;
  const fixed = euros(a.fixedPerRegion);
  const fixedTotal = euros(a.fixedTotal);
  const proportional = euros(a.proportionalTotal);
  const rounding = integer(a.roundingEuros);
  // The rule's notice (births of another year than the rule's), in the reader's language; another stored notice as written.
  const ruleBirths = ALLOCATION_RULES[a.year]?.birthsYear;
  const notices = a.notices.map((n) =>
    ruleBirths !== undefined && n.startsWith(`La règle ${a.year} se fonde`)
      ? t`La règle ${year} se fonde sur les naissances de ${ruleBirths} ; ce calcul utilise la table des naissances ${births} (${source}). Chargez la table ${ruleBirths} pour appliquer la règle à la lettre.`
      : n,
  );
  return (
    <section className="fr-mb-4w" aria-label={t`Répartition ${year}, volet ${volet}`}>
      <H>{t`Répartition ${year}, volet ${volet} : ${envelope}`}</H>
      <p>
        <Trans>
          {funder}. Calculée le {at} par {by}. <strong>Naissances utilisées : {births}</strong> ({source}). Parts fixes : {regions} × {fixed} = {fixedTotal} ;
          reste partagé au prorata des naissances : {proportional} ; euros d'arrondi : {rounding}.
        </Trans>
      </p>
      {notices.map((n, i) => (
        <Alert key={i} severity="warning" small description={n} className="fr-mb-2w" />
      ))}
      <div className="mj-table">
        <table tabIndex={0}>
          <caption>{t`Crédits par région`}</caption>
          <thead>
            <tr>
              <th scope="col">{t`Région`}</th>
              <th scope="col" className="mj-number">
                {t`Naissances ${births}`}
              </th>
              <th scope="col" className="mj-number">
                {t`Part fixe`}
              </th>
              <th scope="col" className="mj-number">
                {t`Part proportionnelle`}
              </th>
              <th scope="col" className="mj-number">
                {t`Total`}
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
                  {r.roundingEuro ? ` ${t`(dont 1 € d'arrondi)`}` : ""}
                </td>
                <td className="mj-number">{euros(r.total)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t`Total`}</th>
              <td className="mj-number">{integer(a.birthsTotal)}</td>
              <td className="mj-number">{euros(a.fixedTotal)}</td>
              <td className="mj-number">{euros(a.proportionalTotal)}</td>
              <td className="mj-number">{euros(a.envelope)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="fr-text--xs">
        {a.ruleSource}. {a.roundingRule === ROUNDING_RULE ? t(roundingRule) : a.roundingRule}
      </p>
    </section>
  );
}

function BirthsUpload({ onDone }: { onDone: () => void }) {
  const { t } = useLingui();
  return (
    <CsvImportSection
      id="naissances"
      title={t`Charger une table des naissances`}
      help={
        <p>
          <Trans>
            Par exemple la table INSEE {birthsYear} que nomme la règle. Colonnes : <code>annee</code>, <code>code_region</code>, <code>naissances</code> (et
            facultatives <code>nom_region</code>, <code>source</code>), ou par département avec <code>code_departement</code>. Une table remplace celle de la
            même année.
          </Trans>
        </p>
      }
      route="POST /pilotage/naissances"
      fileName="naissances"
      fileLabel={t`Fichier CSV des naissances`}
      maxBytes={2_000_000}
      sourceName="source"
      buttonLabel={t`Charger la table`}
      summarize={(d) => {
        const year = d.year;
        const loaded = plural(d.regions, {
          one: `Table des naissances ${year} chargée (# région).`,
          other: `Table des naissances ${year} chargée (# régions).`,
        });
        return [loaded, ...d.warnings.map((w) => w.message)].join(" ");
      }}
      onDone={onDone}
    />
  );
}
