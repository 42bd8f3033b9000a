import { plural } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
import { LATEST_ALLOCATION_RULE } from "../../../domain/funding/allocation.js";
import { CsvImportSection } from "./CsvUpload.js";

const { birthsYear } = LATEST_ALLOCATION_RULE;

/** Loading a births table from CSV (national administration). */
export function BirthsUpload({ onDone }: { onDone: () => void }) {
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
