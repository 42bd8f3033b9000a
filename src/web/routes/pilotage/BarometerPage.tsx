import { useState } from "react";
import { Link } from "react-router";
import { plural } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
import { Page } from "../../components/Page.js";
import { CsvImportSection } from "./CsvUpload.js";
import { BarometerView } from "./BarometerView.js";
import { useAccount } from "./session.js";

/** The private dashboard: the same view as the public page, plus the imports for the national administration. */
export function BarometerPrivatePage() {
  const account = useAccount();
  const [refresh, setRefresh] = useState(0);
  const { t } = useLingui();
  return (
    <Page title={t`Baromètre EPP / EPNP`}>
      <p>
        <Trans>
          Taux d'entretien prénatal précoce (EPP) et d'entretien postnatal précoce (EPNP) par département, comparés aux objectifs. Ces chiffres sont aussi
          publiés sur la <Link to="/barometre">page publique du baromètre</Link>.
        </Trans>
      </p>
      <BarometerView key={refresh} endpoint="/pilotage/barometre" />
      {account.role === "national" && (
        <>
          <BarometerUpload
            title={t`Importer des valeurs`}
            route="POST /pilotage/barometre/valeurs"
            name="valeurs"
            withSource
            help={t`Colonnes : indicateur (EPP ou EPNP), code_departement, annee, numerateur, denominateur, et facultatives nom_departement, source. Une valeur remplace celle du même indicateur, département et année ; un fichier réel retire le jeu fictif.`}
            onDone={() => setRefresh((r) => r + 1)}
          />
          <BarometerUpload
            title={t`Importer des objectifs départementaux`}
            route="POST /pilotage/barometre/objectifs"
            name="objectifs"
            help={t`Colonnes : indicateur, code_departement, annee, objectif_pourcent (et facultative nom_departement). Pour un département, l'objectif départemental remplace l'objectif national.`}
            onDone={() => setRefresh((r) => r + 1)}
          />
        </>
      )}
    </Page>
  );
}

function BarometerUpload({
  title,
  route,
  name,
  help,
  withSource,
  onDone,
}: {
  title: string;
  route: "POST /pilotage/barometre/valeurs" | "POST /pilotage/barometre/objectifs";
  name: string;
  help: string;
  withSource?: boolean;
  onDone: () => void;
}) {
  const { t } = useLingui();
  return (
    <CsvImportSection
      id={`import-${name}`}
      title={title}
      help={<p className="fr-text--sm">{help}</p>}
      route={route}
      fileName={name}
      fileLabel={t`Fichier CSV (${name})`}
      maxBytes={5_000_000}
      sourceName={withSource ? `${name}-source` : undefined}
      buttonLabel={t`Importer`}
      summarize={(d) =>
        [
          plural(d.rows, { one: "# ligne importée.", other: "# lignes importées." }),
          ...d.warnings.map((w) => {
            const line = w.line ?? "—";
            const message = w.message;
            return t`Ligne ${line} : ${message}`;
          }),
        ].join(" ")
      }
      onDone={onDone}
    />
  );
}
