import { useState } from "react";
import { Link } from "react-router";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Page } from "../../components/Page.js";
import { CsvUpload } from "./CsvUpload.js";
import { api, type Problem } from "./api.js";
import { BarometerView } from "./BarometerView.js";
import { FileReport } from "./FileReport.js";
import { useAccount } from "./session.js";

/** The private dashboard: the same view as the public page, plus the imports for the national administration. */
export function BarometerPrivatePage() {
  const account = useAccount();
  const [refresh, setRefresh] = useState(0);
  return (
    <Page title="Baromètre EPP / EPNP">
      <p>
        Taux d'entretien prénatal précoce (EPP) et d'entretien postnatal précoce (EPNP) par département, comparés aux objectifs. Ces chiffres sont aussi publiés sur la <Link to="/barometre">page publique du baromètre</Link>.
      </p>
      <BarometerView key={refresh} endpoint="/pilotage/barometre" />
      {account.role === "national" && (
        <>
          <BarometerUpload
            title="Importer des valeurs"
            path="/pilotage/barometre/valeurs"
            name="valeurs"
            withSource
            help="Colonnes : indicateur (EPP ou EPNP), code_departement, annee, numerateur, denominateur, et facultatives nom_departement, source. Une valeur remplace celle du même indicateur, département et année ; un fichier réel retire le jeu fictif."
            onDone={() => setRefresh((r) => r + 1)}
          />
          <BarometerUpload
            title="Importer des objectifs départementaux"
            path="/pilotage/barometre/objectifs"
            name="objectifs"
            help="Colonnes : indicateur, code_departement, annee, objectif_pourcent (et facultative nom_departement). Pour un département, l'objectif départemental remplace l'objectif national."
            onDone={() => setRefresh((r) => r + 1)}
          />
        </>
      )}
    </Page>
  );
}

function BarometerUpload({ title, path, name, help, withSource, onDone }: { title: string; path: string; name: string; help: string; withSource?: boolean; onDone: () => void }) {
  const [csv, setCsv] = useState<string | null>(null);
  const [source, setSource] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  async function send() {
    if (!csv) return;
    const res = await api<{ rows: number; warnings: { line: number | null; message: string }[] }>("POST", path, { csv, ...(withSource && source.trim() ? { source } : {}) });
    if (res.ok) {
      setProblem(null);
      setDone(`${res.data.rows} lignes importées.${res.data.warnings.map((w) => ` Ligne ${w.line ?? "—"} : ${w.message}`).join("")}`);
      onDone();
    } else {
      setDone(null);
      setProblem(res.problem);
    }
  }
  return (
    <section aria-labelledby={`import-${name}`} className="fr-my-4w">
      <h2 id={`import-${name}`}>{title}</h2>
      <p className="fr-text--sm">{help}</p>
      <CsvUpload
        label={`Fichier CSV (${name})`}
        name={name}
        maxBytes={5_000_000}
        onText={(text) => setCsv(text)}
        onRefused={(message) => setProblem({ status: 0, title: "Fichier refusé", detail: message })}
        onCleared={() => setCsv(null)}
      />
      {withSource && <Input label="Source des chiffres (si le fichier n'a pas de colonne source)" nativeInputProps={{ name: `${name}-source`, value: source, onChange: (e) => setSource(e.target.value) }} />}
      <Button disabled={!csv} onClick={() => void send()}>
        Importer
      </Button>
      <div aria-live="polite" className="fr-mt-2w">
        {done && <Alert severity="success" small description={done} />}
        {problem && <FileReport problem={problem} />}
      </div>
    </section>
  );
}
